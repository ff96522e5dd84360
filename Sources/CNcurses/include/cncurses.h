#ifndef CNCURSES_H
#define CNCURSES_H

/* Only what Swift cannot call directly: macros, C globals, signal and crash handlers.
   The wide-character API is visible only with NCURSES_WIDECHAR defined before curses.h. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <ncursesw/curses.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

static inline unsigned int cn_a_normal(void) { return A_NORMAL; }
static inline unsigned int cn_a_bold(void) { return A_BOLD; }
static inline unsigned int cn_a_dim(void) { return A_DIM; }
static inline unsigned int cn_a_reverse(void) { return A_REVERSE; }
static inline unsigned int cn_a_underline(void) { return A_UNDERLINE; }
static inline unsigned int cn_a_italic(void) { return A_ITALIC; }
static inline unsigned int cn_color_pair(int n) { return COLOR_PAIR(n); }

static inline int cn_key_f(int n) { return KEY_F(n); }
static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t cn_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }

/* One cell: a grapheme (as wide characters, NUL-terminated) with attributes and a pair. */
int cn_put_cell(int y, int x, const wchar_t *text, unsigned int attrs, short pair);

/* A terminal on the process's own tty streams; NULL (not exit) when TERM is unknown. */
SCREEN *cn_newterm(const char *term);

/* Signals: SIGINT, SIGTERM, SIGHUP set a flag (no SA_RESTART, so a blocked read returns);
   SIGTSTP suspends cleanly; SIGWINCH is left to ncurses. A crash restores the terminal,
   then re-raises with the default handler. */
void cn_install_signal_handlers(void);
int cn_take_quit_signal(void);
int cn_take_suspend_signal(void);
void cn_restore_terminal_on_crash(void);

#endif

#include "cncurses.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>

int cn_put_cell(int y, int x, const wchar_t *text, unsigned int attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, (attr_t)attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

SCREEN *cn_newterm(const char *term) {
    return newterm(term, stdout, stdin);
}

static volatile sig_atomic_t quit_signal = 0;
static volatile sig_atomic_t suspend_signal = 0;

static void on_quit(int sig) { quit_signal = sig; }
static void on_suspend(int sig) { (void)sig; suspend_signal = 1; }

static void on_crash(int sig) {
    /* Put the terminal back first, so the person is not left with a raw screen. */
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

void cn_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_quit;
    sa.sa_flags = 0; /* no SA_RESTART: the input loop wakes and cleans up */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = on_suspend;
    sigaction(SIGTSTP, &sa, NULL);
}

int cn_take_quit_signal(void) {
    int sig = quit_signal;
    quit_signal = 0;
    return sig;
}

int cn_take_suspend_signal(void) {
    int s = suspend_signal;
    suspend_signal = 0;
    return s;
}

void cn_restore_terminal_on_crash(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    sigaction(SIGABRT, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
}

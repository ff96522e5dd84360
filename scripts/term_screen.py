"""A small terminal emulator for benchmarks: what an xterm-256color screen shows (stdlib only).

The benchmarks must know when a message or a status is *on the screen*, not merely somewhere
in the bytes: ncurses writes only the cells that changed (and uses cursor moves, erases,
repeats, inserts and scrolls to do it), so "3b is now Green." may arrive as "Green." after a
cursor move. This keeps the text of every cell as xterm would, for the sequences ncurses
writes with TERM=xterm-256color (see `infocmp -1 xterm-256color`). Colours and attributes
are ignored: only text matters here.
"""

import codecs
import unicodedata

# DEC special graphics (ESC ( 0), as ncurses draws lines with it.
ACS = {
    "`": "◆", "a": "▒", "f": "°", "g": "±", "j": "┘", "k": "┐", "l": "┌", "m": "└", "n": "┼",
    "o": "⎺", "p": "⎻", "q": "─", "r": "⎼", "s": "⎽", "t": "├", "u": "┤", "v": "┴", "w": "┬",
    "x": "│", "y": "≤", "z": "≥", "{": "π", "|": "≠", "}": "£", "~": "·", "0": "█",
}


def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class Screen:
    def __init__(self, cols=80, rows=24):
        self.cols, self.rows = cols, rows
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.reset()

    def reset(self):
        self.grid = [[" "] * self.cols for _ in range(self.rows)]
        self.y = self.x = 0
        self.wrap_pending = False
        self.top, self.bottom = 0, self.rows - 1
        self.insert = False
        self.autowrap = True
        self.saved = (0, 0)
        self.charsets = ["B", "B"]
        self.shift = 0
        self.last = " "
        self.state = "ground"
        self.seq = ""

    # What is on screen.
    def line(self, y):
        return "".join(self.grid[y])

    def text(self):
        return "\n".join(self.line(y) for y in range(self.rows))

    def contains(self, needle):
        return any(needle in self.line(y) for y in range(self.rows))

    def find(self, needle):
        """The first row holding needle, or None."""
        for y in range(self.rows):
            if needle in self.line(y):
                return y
        return None

    # Input.
    def feed(self, data):
        for ch in self.decoder.decode(data):
            self.char(ch)

    def char(self, ch):
        state = self.state
        if state == "ground":
            if ch == "\x1b":
                self.state, self.seq = "esc", ""
            elif ch < " " or ch == "\x7f":
                self.control(ch)
            else:
                self.put(ch)
        elif state == "esc":
            self.escape(ch)
        elif state == "csi":
            if "\x40" <= ch <= "\x7e":
                self.state = "ground"
                self.csi(self.seq, ch)
            elif ch == "\x1b":
                self.state, self.seq = "esc", ""
            elif ch < " ":
                self.control(ch)
            else:
                self.seq += ch
        elif state == "charset":
            self.charsets[self.seq_index] = ch
            self.state = "ground"
        elif state in ("osc", "dcs"):
            # Strings end with BEL (OSC) or ST (ESC \).
            if ch == "\x07" and state == "osc":
                self.state = "ground"
            elif ch == "\x1b":
                self.state = state + "-esc"
        elif state in ("osc-esc", "dcs-esc"):
            self.state = "ground" if ch == "\\" else state[:-4]
        else:
            self.state = "ground"

    def escape(self, ch):
        self.state = "ground"
        if ch == "[":
            self.state, self.seq = "csi", ""
        elif ch == "]":
            self.state = "osc"
        elif ch in "P_^X":
            self.state = "dcs"
        elif ch in "()*+":
            self.state, self.seq_index = "charset", 0 if ch == "(" else 1
        elif ch == "7":
            self.saved = (self.y, self.x)
        elif ch == "8":
            self.y, self.x = self.saved
            self.wrap_pending = False
        elif ch == "M":
            self.reverse_index()
        elif ch == "D":
            self.line_feed()
        elif ch == "E":
            self.x = 0
            self.line_feed()
        elif ch == "c":
            self.reset()
        # ESC = / ESC > (keypad), ESC H (tab stop), ESC \ (a lone ST): nothing on screen.

    def control(self, ch):
        if ch == "\r":
            self.x, self.wrap_pending = 0, False
        elif ch in "\n\x0b\x0c":
            self.line_feed()
        elif ch == "\b":
            if self.x > 0:
                self.x -= 1
            self.wrap_pending = False
        elif ch == "\t":
            self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
            self.wrap_pending = False
        elif ch == "\x0e":
            self.shift = 1
        elif ch == "\x0f":
            self.shift = 0
        # BEL and the rest: nothing on screen.

    def put(self, ch):
        if self.charsets[self.shift] == "0":
            ch = ACS.get(ch, ch)
        w = width(ch)
        if w == 0:
            # A combining mark joins the cell before.
            x = self.x - 1 if not self.wrap_pending else self.x
            if x >= 0:
                self.grid[self.y][x] += ch
            return
        if self.wrap_pending and self.autowrap:
            self.x = 0
            self.line_feed()
        self.wrap_pending = False
        if self.x + w > self.cols:
            if not self.autowrap:
                self.x = self.cols - w
            else:
                self.x = 0
                self.line_feed()
        row = self.grid[self.y]
        if self.insert:
            for _ in range(w):
                row.insert(self.x, " ")
                row.pop()
        row[self.x] = ch
        if w == 2:
            row[self.x + 1] = ""
        self.last = ch
        if self.x + w >= self.cols:
            self.x = self.cols - 1
            self.wrap_pending = True
        else:
            self.x += w

    def line_feed(self):
        self.wrap_pending = False
        if self.y == self.bottom:
            self.scroll_up(1)
        elif self.y < self.rows - 1:
            self.y += 1

    def reverse_index(self):
        self.wrap_pending = False
        if self.y == self.top:
            self.scroll_down(1)
        elif self.y > 0:
            self.y -= 1

    def blank(self):
        return [" "] * self.cols

    def scroll_up(self, n, top=None):
        top = self.top if top is None else top
        for _ in range(min(n, self.bottom - top + 1)):
            del self.grid[top]
            self.grid.insert(self.bottom, self.blank())

    def scroll_down(self, n, top=None):
        top = self.top if top is None else top
        for _ in range(min(n, self.bottom - top + 1)):
            del self.grid[self.bottom]
            self.grid.insert(top, self.blank())

    def csi(self, seq, final):
        private = seq[:1] if seq[:1] in "?>=<" else ""
        body = seq[len(private):].rstrip(" !\"#$%&'()*+,-./")
        intermediate = seq[len(private) + len(body):]
        try:
            params = [int(p) if p else 0 for p in body.split(";")] if body else []
        except ValueError:
            return  # sub-parameters (38:5:n) or the like: colours only
        def p(i, default=1):
            value = params[i] if i < len(params) else 0
            return value if value else default
        if intermediate or (private and final not in "hl"):
            return  # soft reset (CSI ! p), xterm's CSI > ... and the like: not on screen
        self.wrap_pending = False if final not in "m" else self.wrap_pending
        if final == "A":
            self.y = max(self.top if self.y >= self.top else 0, self.y - p(0))
        elif final == "B":
            self.y = min(self.bottom if self.y <= self.bottom else self.rows - 1, self.y + p(0))
        elif final == "C":
            self.x = min(self.cols - 1, self.x + p(0))
        elif final == "D":
            self.x = max(0, self.x - p(0))
        elif final == "E":
            self.y, self.x = min(self.rows - 1, self.y + p(0)), 0
        elif final == "F":
            self.y, self.x = max(0, self.y - p(0)), 0
        elif final == "G" or final == "`":
            self.x = min(self.cols - 1, p(0) - 1)
        elif final == "d":
            self.y = min(self.rows - 1, p(0) - 1)
        elif final in "Hf":
            self.y, self.x = min(self.rows - 1, p(0) - 1), min(self.cols - 1, p(1) - 1)
        elif final == "J":
            mode = p(0, 0)
            if mode == 0:
                self.grid[self.y][self.x:] = [" "] * (self.cols - self.x)
                for y in range(self.y + 1, self.rows):
                    self.grid[y] = self.blank()
            elif mode == 1:
                self.grid[self.y][:self.x + 1] = [" "] * (self.x + 1)
                for y in range(self.y):
                    self.grid[y] = self.blank()
            elif mode in (2, 3):
                self.grid = [self.blank() for _ in range(self.rows)]
        elif final == "K":
            mode = p(0, 0)
            row = self.grid[self.y]
            if mode == 0:
                row[self.x:] = [" "] * (self.cols - self.x)
            elif mode == 1:
                row[:self.x + 1] = [" "] * (self.x + 1)
            else:
                self.grid[self.y] = self.blank()
        elif final == "X":
            n = min(p(0), self.cols - self.x)
            self.grid[self.y][self.x:self.x + n] = [" "] * n
        elif final == "@":
            row = self.grid[self.y]
            for _ in range(min(p(0), self.cols - self.x)):
                row.insert(self.x, " ")
                row.pop()
        elif final == "P":
            row = self.grid[self.y]
            for _ in range(min(p(0), self.cols - self.x)):
                del row[self.x]
                row.append(" ")
        elif final == "L":
            if self.top <= self.y <= self.bottom:
                self.scroll_down(p(0), top=self.y)
            self.x = 0
        elif final == "M":
            if self.top <= self.y <= self.bottom:
                self.scroll_up(p(0), top=self.y)
            self.x = 0
        elif final == "S":
            self.scroll_up(p(0))
        elif final == "T":
            self.scroll_down(p(0))
        elif final == "b":
            for _ in range(p(0)):
                self.put(self.last)
        elif final == "r":
            top, bottom = p(0) - 1, p(1, self.rows) - 1
            if 0 <= top < bottom < self.rows:
                self.top, self.bottom = top, bottom
                self.y = self.x = 0
        elif final == "s":
            self.saved = (self.y, self.x)
        elif final == "u":
            self.y, self.x = self.saved
        elif final in "hl":
            on = final == "h"
            for mode in params:
                if not private and mode == 4:
                    self.insert = on
                elif private == "?" and mode == 7:
                    self.autowrap = on
                elif private == "?" and mode in (47, 1047, 1049):
                    # The alternate screen: xterm shows it cleared on the way in.
                    if on and mode == 1049:
                        self.saved = (self.y, self.x)
                    self.grid = [self.blank() for _ in range(self.rows)]
                    if not on and mode == 1049:
                        self.y, self.x = self.saved
        # m (colours), t (window), n, c, g, Z and the rest: nothing to keep.

import BoardCore
import BoardLoop
import CNcurses
import Foundation

/// The ncurses terminal: the only code that touches ncurses. It shows `ScreenBuffer`s,
/// writing only the cells that changed, and turns key codes into `Key`s.
@MainActor
final class Terminal: BoardTerminal {
    private var theme: Theme
    private var previous: ScreenBuffer?
    private var colour = false
    private var colours256 = false
    private var pairs: [Pair: Int16] = [:]
    private var attributes: [Role: (attrs: UInt32, pair: Int16)] = [:]
    private var wordLeftCode: Int32 = -1
    private var wordRightCode: Int32 = -1
    private var ended = false

    private struct Pair: Hashable {
        var fg: Int
        var bg: Int
    }

    /// Why the dashboard cannot start here.
    struct Unavailable: Error {
        var message: String
    }

    /// Starts the terminal, or says why it cannot (no terminal, unknown TERM).
    init(theme: Theme, noColour: Bool) throws {
        self.theme = theme
        let term = try Terminal.usableTerm()
        Terminal.setUpLocale()
        guard cn_newterm(term) != nil else {
            throw Unavailable(message: "this system does not know the terminal type TERM=\(term). Set TERM to one it knows (e.g. xterm-256color) or use `planboard summary`")
        }
        cn_restore_terminal_on_crash()
        cn_install_signal_handlers()
        cbreak()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        _ = set_escdelay(25)
        curs_set(0)
        mousemask(cn_button1_pressed() | cn_button1_clicked() | cn_button1_released() | cn_button4_pressed() | cn_button5_pressed(), nil)
        mouseinterval(0)
        if !noColour && has_colors() {
            start_color()
            use_default_colors()
            colour = cn_colors() >= 8
            colours256 = cn_colors() >= 256
        }
        wordLeftCode = Terminal.modifiedKey("kLFT5", fallback: "\u{1B}[1;5D", code: Terminal.wordLeftFallback)
        wordRightCode = Terminal.modifiedKey("kRIT5", fallback: "\u{1B}[1;5C", code: Terminal.wordRightFallback)
        Terminal.startBracketedPaste()
        Terminal.defineCursorKeys()
        prepareStyles()
    }

    /// The terminal type, when the dashboard can draw here: checked before anything is asked
    /// on the terminal, so a pipe or a dumb terminal is refused at once.
    static func usableTerm() throws -> String {
        guard isatty(0) == 1 else {
            throw Unavailable(message: "the dashboard needs a terminal, and standard input is not one. For plain text, use `planboard summary`")
        }
        guard isatty(1) == 1 else {
            throw Unavailable(message: "the dashboard needs a terminal, and standard output is not one. For plain text, use `planboard summary`")
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty else {
            throw Unavailable(message: "TERM is not set, so planboard cannot tell what terminal this is. Set it (e.g. TERM=xterm-256color) or use `planboard summary`")
        }
        guard !Terminal.tooSimple.contains(term) else {
            throw Unavailable(message: "TERM=\(term) is a terminal that cannot move the cursor, so the dashboard cannot draw on it. Set TERM to the terminal in use (e.g. xterm-256color) or use `planboard summary`")
        }
        return term
    }

    /// Terminal types with no cursor addressing: ncurses starts on them and draws everything
    /// on one line.
    static let tooSimple: Set<String> = ["dumb", "unknown", "glasstty", "tty33", "lpr", "printer"]

    /// Terminals send cursor keys as `ESC [ B` or `ESC O B` depending on a mode the terminal
    /// may ignore; ncurses knows only the form terminfo names, so teach it both.
    static func defineCursorKeys() {
        let keys: [(String, Int32)] = [("A", KEY_UP), ("B", KEY_DOWN), ("C", KEY_RIGHT), ("D", KEY_LEFT), ("H", KEY_HOME), ("F", KEY_END)]
        for (final, code) in keys {
            for prefix in ["\u{1B}[", "\u{1B}O"] where key_defined(prefix + final) == 0 {
                _ = define_key(prefix + final, code)
            }
        }
        for (sequence, code) in [("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE),
                                 ("\u{1B}[3~", KEY_DC), ("\u{1B}[Z", KEY_BTAB)] where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
    }

    /// Codes of our own for Ctrl-← and Ctrl-→ where terminfo names no key for them.
    static let wordLeftFallback: Int32 = KEY_MAX + 3
    static let wordRightFallback: Int32 = KEY_MAX + 4

    /// The key code ncurses reports for a modified cursor key (Ctrl-← is `kLFT5`).
    ///
    /// `key_defined` takes the key's byte sequence, not its terminfo name: the sequence comes
    /// from `tigetstr`, else the one xterm and tmux send; a sequence ncurses does not know
    /// yet is taught to it under `code`.
    static func modifiedKey(_ name: String, fallback: String, code: Int32) -> Int32 {
        var sequence = fallback
        if let found = tigetstr(name), Int(bitPattern: found) != -1 {
            sequence = String(cString: found)
        }
        for candidate in Set([sequence, fallback]) where key_defined(candidate) <= 0 {
            _ = define_key(candidate, code)
        }
        let known = key_defined(sequence)
        return known > 0 ? known : code
    }

    /// UTF-8 for `£`, `–` and curly quotes even where LANG is unset.
    static func setUpLocale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    var size: (width: Int, height: Int) { (Int(cn_cols()), Int(cn_lines())) }

    private func prepareStyles() {
        attributes = [:]
        pairs = [:]
        for role in Role.all {
            let style = theme.style(for: role)
            var attrs = cn_a_normal()
            if style.bold { attrs |= cn_a_bold() }
            if style.dim { attrs |= cn_a_dim() }
            if style.reverse { attrs |= cn_a_reverse() }
            if style.underline { attrs |= cn_a_underline() }
            if style.italic { attrs |= cn_a_italic() }
            var pair: Int16 = 0
            if colour {
                let key = colours256 ? Pair(fg: style.fg, bg: style.bg) : Pair(fg: style.fg8, bg: style.bg8)
                if key.fg >= 0 || key.bg >= 0 {
                    if let existing = pairs[key] {
                        pair = existing
                    } else if pairs.count + 1 < Int(cn_color_pairs()) {
                        pair = Int16(pairs.count + 1)
                        init_pair(pair, Int16(key.fg), Int16(key.bg))
                        pairs[key] = pair
                    }
                }
            }
            attributes[role] = (UInt32(attrs), pair)
        }
        // A theme that paints its own background fills what is erased with it too.
        if let (_, pair) = attributes[.normal], pair > 0, theme.paintsBackground {
            bkgd(chtype(cn_color_pair(Int32(pair))) | chtype(UInt8(ascii: " ")))
        }
    }

    /// Shows a frame, writing only the cells that differ from the last one.
    func draw(_ buffer: ScreenBuffer) {
        let full = previous.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
        if full { erase() }
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if !full, let previous, previous[x, y] == cell { continue }
                if cell.text.isEmpty { continue }  // the right half of a wide character
                let style = attributes[cell.role] ?? (0, 0)
                var wide = Array(cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
                wide.append(0)
                _ = cn_put_cell(Int32(y), Int32(x), wide, style.attrs, style.pair)
            }
        }
        if let cursor = buffer.cursor {
            move(Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        refresh()
        previous = buffer
    }

    /// Forgets the last frame, so the next draw repaints everything.
    func invalidate() {
        previous = nil
        clearok(cn_stdscr(), true)
    }

    /// Waits up to `milliseconds` for input and returns it as a message.
    func read(milliseconds: Int32) -> Message? {
        wtimeout(cn_stdscr(), milliseconds)
        var code: wint_t = 0
        let result = wget_wch(cn_stdscr(), &code)
        if result == ERR { return nil }
        let value = Int32(bitPattern: code)
        if result == KEY_CODE_YES {
            switch value {
            case KEY_RESIZE:
                invalidate()
                return .resize(width: size.width, height: size.height)
            case Terminal.pasteStart:
                return .key(.paste(Terminal.readPaste()))
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                if event.bstate & cn_button4_pressed() != 0 { return .mouse(Mouse(.wheelUp, x: Int(event.x), y: Int(event.y))) }
                if event.bstate & cn_button5_pressed() != 0 { return .mouse(Mouse(.wheelDown, x: Int(event.x), y: Int(event.y))) }
                if event.bstate & (cn_button1_pressed() | cn_button1_clicked()) != 0 { return .mouse(Mouse(.click, x: Int(event.x), y: Int(event.y))) }
                return nil
            default:
                return Terminal.key(code: value, wordLeft: wordLeftCode, wordRight: wordRightCode).map(Message.key)
            }
        }
        return Terminal.key(character: value).map(Message.key)
    }

    static func key(code: Int32, wordLeft: Int32, wordRight: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_BTAB: .backTab
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_ENTER: .enter
        case KEY_SLEFT: .wordLeft
        case KEY_SRIGHT: .wordRight
        case wordLeft where wordLeft > 0: .wordLeft
        case wordRight where wordRight > 0: .wordRight
        default:
            (1...12).first { cn_key_f(Int32($0)) == code }.map(Key.function)
        }
    }

    static func key(character value: Int32) -> Key? {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: value)) else { return nil }
            return .char(Character(scalar))
        }
    }

    /// Leaves curses mode (for Ctrl-Z or `$EDITOR`) and comes back, repainting.
    func suspend(_ body: () -> Void) {
        Terminal.write(Terminal.bracketedPasteOff)
        def_prog_mode()
        endwin()
        body()
        reset_prog_mode()
        Terminal.write(Terminal.bracketedPasteOn)
        invalidate()
        refresh()
    }

    func takeQuitSignal() -> Bool { cn_take_quit_signal() != 0 }
    func takeSuspendSignal() -> Bool { cn_take_suspend_signal() != 0 }

    /// Restores the terminal. Safe to call more than once.
    func end() {
        guard !ended else { return }
        ended = true
        Terminal.write(Terminal.bracketedPasteOff)
        endwin()
    }

    // MARK: Bracketed paste

    /// The codes ncurses reports for the start and end of a bracketed paste.
    static let pasteStart: Int32 = KEY_MAX + 1
    static let pasteEnd: Int32 = KEY_MAX + 2
    static let bracketedPasteOn = "\u{1B}[?2004h"
    static let bracketedPasteOff = "\u{1B}[?2004l"
    static let pasteEndBytes = Array("\u{1B}[201~".utf8)

    /// Asks the terminal to mark pastes (`ESC[200~` … `ESC[201~`), so a paste arrives as
    /// one message instead of a key per character.
    static func startBracketedPaste() {
        _ = define_key("\u{1B}[200~", pasteStart)
        _ = define_key("\u{1B}[201~", pasteEnd)
        write(bracketedPasteOn)
    }

    static func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { Glibc.write(1, $0.baseAddress, $0.count) }
    }

    /// Reads a paste straight from the terminal in large blocks up to its end mark, so a
    /// megabyte takes milliseconds rather than a million key reads. Whatever was typed after
    /// the end mark is handed back to ncurses; line breaks become `\n`.
    static func readPaste() -> String {
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 65_536)
        var end: Int?
        while end == nil {
            var ready = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 1_000) > 0 else { break }
            let count = block.withUnsafeMutableBufferPointer { Glibc.read(0, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            let searchFrom = max(0, bytes.count - pasteEndBytes.count + 1)
            bytes.append(contentsOf: block[0..<count])
            end = bytes.firstRange(of: pasteEndBytes, from: searchFrom)
        }
        if let end {
            for byte in bytes[(end + pasteEndBytes.count)...].reversed() { _ = ungetch(Int32(byte)) }
            bytes.removeSubrange(end...)
        }
        return String(decoding: lineBreaksAsNewlines(bytes), as: UTF8.self)
    }

    /// CR LF and CR become LF, in one pass over the bytes (none when there is no CR).
    static func lineBreaksAsNewlines(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.firstIndex(of: 13, from: 0) != nil else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 10, previous == 13 { previous = byte; continue }
            out.append(byte == 13 ? 10 : byte)
            previous = byte
        }
        return out
    }
}

extension Array where Element == UInt8 {
    /// Where `byte` first stands at or after `start` (memchr, so a megabyte takes microseconds).
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < count else { return nil }
        return withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Where `mark` first starts at or after `start`.
    func firstRange(of mark: [UInt8], from start: Int) -> Int? {
        var from = start
        while let i = firstIndex(of: mark[0], from: from) {
            if i + mark.count <= count, Array(self[i..<(i + mark.count)]) == mark { return i }
            from = i + 1
        }
        return nil
    }
}

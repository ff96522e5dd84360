/// One terminal cell: a grapheme and what it means.
public struct Cell: Equatable, Sendable {
    /// The grapheme shown; empty for the second column of a wide character.
    public var text: String
    public var role: Role

    public init(_ text: String = " ", _ role: Role = .normal) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell()
}

/// A screen's worth of cells. Views draw into it; the terminal backend shows it; tests
/// read it as text and as a grid of roles.
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes (while typing), or nil to hide it.
    public var cursor: Position?
    /// Where text was cut at the edge or a limit with no "…" to say so: a view should fit
    /// its text itself (`TextLayout.fit`), so the layout tests read this to find it did not.
    public private(set) var silentCuts: [Position] = []

    public struct Position: Equatable, Sendable {
        public var x: Int
        public var y: Int
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes text from (x, y), clipped to `limit` columns (default: to the right edge).
    /// Control characters are shown escaped (`^[`), never passed to the terminal.
    /// Returns the column after the last one written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, limit.map { x + $0 } ?? width)
        var col = x
        for index in text.indices {
            let ch = text[index]
            // Printable ASCII, most of any screen: one cell, nothing to escape or measure.
            if let byte = ch.asciiValue, byte >= 0x20, byte < 0x7F {
                if col + 1 > end { return cut(text[index...], x: col, y: y) }
                if col >= 0 { self[col, y] = Cell(String(ch), role) }
                col += 1
                continue
            }
            // A control character's visible form must fit whole, or not be drawn at all.
            if DisplayWidth.of(ch) > 1, ch.unicodeScalars.first.map({ $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) ?? false,
               col + DisplayWidth.of(ch) > end { return cut(text[index...], x: col, y: y) }
            for (piece, pieceRole) in ScreenBuffer.visible(ch, role: role) {
                let w = DisplayWidth.of(piece)
                if w == 0 {
                    // A combining mark with nothing to join: show it on a space.
                    if col > x, col - 1 < end { self[col - 1, y].text.append(piece) }
                    continue
                }
                if col + w > end { return cut(text[index...], x: col, y: y) }
                if col >= 0 {
                    self[col, y] = Cell(String(piece), pieceRole)
                    if w == 2, col + 1 < width { self[col + 1, y] = Cell("", pieceRole) }
                }
                col += w
            }
        }
        return col
    }

    /// Notes a cut when what did not fit is more than blanks and the cell before is no "…".
    private mutating func cut(_ rest: Substring, x: Int, y: Int) -> Int {
        let marked = x > 0 && x - 1 < width && self[x - 1, y].text == "…"
        if !marked, rest.contains(where: { !$0.isWhitespace }) { silentCuts.append(Position(x: x, y: y)) }
        return x
    }

    /// Fills a run of cells with a role (e.g. a selected row), keeping their text.
    public mutating func paint(x: Int, y: Int, width w: Int, role: Role) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + w) { self[col, y].role = role }
    }

    /// Fills a run of cells with spaces in a role.
    public mutating func clear(x: Int, y: Int, width w: Int, role: Role = .normal) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + w) { self[col, y] = Cell(" ", role) }
    }

    /// How a character is shown: control characters as caret notation in the escaped role.
    static func visible(_ ch: Character, role: Role) -> [(Character, Role)] {
        guard ch.unicodeScalars.count == 1, let s = ch.unicodeScalars.first else { return [(ch, role)] }
        switch s.value {
        case 0x0A: return [("⏎", .escaped)]
        case 0x0D: return [("^", .escaped), ("M", .escaped)]
        case 0x09: return [(" ", role)]
        case 0x00..<0x20:
            return [("^", .escaped), (Character(Unicode.Scalar(UInt8(s.value) + 0x40)), .escaped)]
        case 0x7F: return [("^", .escaped), ("?", .escaped)]
        case 0x80...0x9F:
            let hex = String(s.value, radix: 16, uppercase: true)
            return [("<", .escaped)] + hex.map { ($0, .escaped) } + [(">", .escaped)]
        default: return [(ch, role)]
        }
    }

    /// The screen as lines of text (wide characters once, trailing spaces kept).
    public var lines: [String] {
        (0..<height).map { y in (0..<width).map { self[$0, y].text }.joined() }
    }

    /// The screen's roles as lines of one code per cell.
    public var roleLines: [String] {
        (0..<height).map { y in String((0..<width).map { self[$0, y].role.code }) }
    }
}

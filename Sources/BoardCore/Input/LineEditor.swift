/// A one-line text editor with a cursor that moves by grapheme and by word, as readline
/// does: Home/End, Ctrl-A/E/K/U/W, Left/Right by character, Ctrl-Left/Right by word.
///
/// A value it opens with can be selected, as a spreadsheet's cell is: the first character
/// typed (or a paste) replaces it, and any other editing key (←, →, Home, End, Backspace,
/// Ctrl-U ...) starts editing it instead. So typing a new date over `2023-03-31` gives the
/// new date, never `2023-03-3130/04/2027`.
public struct LineEditor: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Index into `characters` (0...count).
    public private(set) var cursor: Int
    /// Whether the whole text is selected (a value shown to be replaced or edited).
    public private(set) var isSelected = false

    public init(_ text: String = "", selected: Bool = false) {
        characters = Array(text)
        cursor = characters.count
        isSelected = selected && !characters.isEmpty
    }

    public var text: String { String(characters) }

    /// How many characters it holds.
    public var count: Int { characters.count }

    /// Inserts text at the cursor in one step (a paste), in time proportional to its length.
    public mutating func insert(_ text: String) {
        if isSelected {
            isSelected = false
            characters.removeAll()
            cursor = 0
        }
        characters.insert(contentsOf: text, at: cursor)
        cursor += text.count
    }

    /// Handles an editing key; returns false when the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        guard Self.edits(key) else { return false }
        if isSelected {
            isSelected = false
            if case .char = key {
                characters.removeAll()
                cursor = 0
            }
        }
        switch key {
        case let .char(c):
            characters.insert(c, at: cursor)
            cursor += 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .backspace, .ctrl("h"):
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("u"):
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .ctrl("w"):
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        default: return false
        }
        return true
    }

    public mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        isSelected = false
    }

    /// Whether `key` is one this editor handles.
    static func edits(_ key: Key) -> Bool {
        switch key {
        case .char, .left, .right, .home, .end, .ctrl("a"), .ctrl("e"), .backspace, .ctrl("h"), .delete, .ctrl("d"),
             .ctrl("k"), .ctrl("u"), .ctrl("w"), .wordLeft, .wordRight: true
        default: false
        }
    }

    private func isWord(_ c: Character) -> Bool { !(c.isWhitespace || c.isPunctuation) }

    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0 && !isWord(characters[i - 1]) { i -= 1 }
        while i > 0 && isWord(characters[i - 1]) { i -= 1 }
        return i
    }

    private func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count && !isWord(characters[i]) { i += 1 }
        while i < characters.count && isWord(characters[i]) { i += 1 }
        return i
    }

    /// The visible part of the text in `width` columns, scrolled so the cursor shows, and
    /// the cursor's column within it.
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        let widths = characters.map(DisplayWidth.of)
        var start = 0
        var before = widths[..<cursor].reduce(0, +)
        while before > width - 1 && start < cursor {
            before -= widths[start]
            start += 1
        }
        var used = 0
        var end = start
        while end < characters.count && used + widths[end] <= width - 1 {
            used += widths[end]
            end += 1
        }
        return (String(characters[start..<end]), before)
    }
}

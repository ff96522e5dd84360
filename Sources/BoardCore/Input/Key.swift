/// A key press, as the dashboard sees it (the terminal backend translates raw codes).
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    case wordLeft, wordRight
    case function(Int)
    /// Text pasted in one go (a bracketed paste), taken whole rather than key by key.
    case paste(String)

    /// How the key is written in the help screen and the key bar.
    public var label: String {
        switch self {
        case let .char(c): c == " " ? "Space" : String(c)
        case let .ctrl(c): "Ctrl-\(c.uppercased())"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .wordLeft: "Ctrl-←"
        case .wordRight: "Ctrl-→"
        case let .function(n): "F\(n)"
        case .paste: "Paste"
        }
    }
}

/// A mouse event: where, and what happened.
public struct Mouse: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

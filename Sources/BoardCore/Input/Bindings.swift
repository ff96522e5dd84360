import PlanModel

/// Where a binding applies.
public enum Context: String, CaseIterable, Sendable {
    case global, areas, area, action, governance, help

    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .areas: "Areas of weakness"
        case .area: "An area's actions"
        case .action: "An action"
        case .governance: "Governance"
        case .help: "Help"
        }
    }
}

/// Everything a key can ask the dashboard to do.
public enum Command: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
    case open, back, quit, help
    case nextView, previousView, showAreas, showGovernance
    case search, nextMatch, previousMatch, filter
    case undo, redo
    case setStatus(Status)
    case editField, editByWhen, editLead, editText, editInEditor
    case addNote, addAction, deleteAction
    case toggleFindings
}

/// One key binding: the keys, where they apply, what they do, and how help describes it.
public struct Binding: Sendable {
    public var keys: [Key]
    public var contexts: [Context]
    public var command: Command
    public var help: String
    /// Shown in the bottom bar of these contexts.
    public var inBar: Bool

    public init(_ keys: [Key], _ contexts: [Context], _ command: Command, _ help: String, bar: Bool = false) {
        self.keys = keys
        self.contexts = contexts
        self.command = command
        self.help = help
        self.inBar = bar
    }

    public var keyLabel: String { keys.map(\.label).joined(separator: " ") }
}

/// The one table of key bindings. The keys do what it says and the help screen and the
/// bottom bar are written from it, so they cannot disagree.
public enum Bindings {
    static let editing: [Context] = [.area, .action]

    public static let all: [Binding] = [
        Binding([.up, .char("k")], [.global], .up, "Move up", bar: false),
        Binding([.down, .char("j")], [.global], .down, "Move down", bar: false),
        Binding([.pageUp, .ctrl("b")], [.global], .pageUp, "Page up"),
        Binding([.pageDown, .ctrl("f"), .char(" ")], [.global], .pageDown, "Page down"),
        Binding([.home, .char("<")], [.global], .top, "First"),
        Binding([.end, .char(">")], [.global], .bottom, "Last"),
        Binding([.enter, .right, .char("l")], [.areas, .area], .open, "Open", bar: true),
        Binding([.escape, .left, .char("h"), .backspace], [.global], .back, "Back", bar: true),
        Binding([.tab], [.global], .nextView, "Next view (Areas, Governance)"),
        Binding([.backTab], [.global], .previousView, "Previous view"),
        Binding([.char("1")], [.global], .showAreas, "Areas of weakness"),
        Binding([.char("2")], [.global], .showGovernance, "Governance", bar: false),
        Binding([.char("/")], [.global], .search, "Search actions (text, reference, lead)", bar: true),
        Binding([.char("n")], [.global], .nextMatch, "Next match"),
        Binding([.char("N")], [.global], .previousMatch, "Previous match"),
        Binding([.char("f")], [.area], .filter, "Filter by status or lead", bar: true),
        Binding([.char("r")], editing, .setStatus(.red), "Status Red (asks for a reason)", bar: true),
        Binding([.char("a")], editing, .setStatus(.amber), "Status Amber (asks for a reason)", bar: true),
        Binding([.char("g")], editing, .setStatus(.green), "Status Green", bar: true),
        Binding([.char("c")], editing, .setStatus(.complete), "Status Complete", bar: true),
        Binding([.char("-"), .char("0")], editing, .setStatus(.notStarted), "Status Not started"),
        Binding([.enter, .char("e")], [.action], .editField, "Edit the selected field", bar: true),
        Binding([.char("w")], editing, .editByWhen, "Edit by when", bar: true),
        Binding([.char("L")], editing, .editLead, "Edit lead(s), Tab completes", bar: false),
        Binding([.char("t")], [.area], .editText, "Edit the action's text"),
        Binding([.char("E")], editing, .editInEditor, "Edit long text in $EDITOR"),
        Binding([.char("p")], editing, .addNote, "Add a progress note", bar: true),
        Binding([.char("+")], [.area], .addAction, "Add an action"),
        Binding([.char("d")], editing, .deleteAction, "Delete the action (asks first)"),
        Binding([.char("F")], [.area], .toggleFindings, "Show findings in full or one line each"),
        Binding([.char("u")], [.global], .undo, "Undo your last change", bar: true),
        Binding([.ctrl("r")], [.global], .redo, "Redo"),
        Binding([.char("?"), .function(1)], [.global], .help, "Help: keys, colours and glyphs", bar: true),
        Binding([.char("q")], [.help], .back, "Close help", bar: true),
        Binding([.char("q")], [.global], .quit, "Quit", bar: true),
    ]

    /// The command for a key where the person is, or nil.
    public static func command(for key: Key, in context: Context) -> Command? {
        let matching = all.filter { $0.keys.contains(key) }
        return (matching.first { $0.contexts.contains(context) } ?? matching.first { $0.contexts.contains(.global) })?.command
    }

    /// The bindings shown in the bottom bar for a context, in table order.
    public static func bar(for context: Context) -> [Binding] {
        all.filter { $0.inBar && ($0.contexts.contains(context) || $0.contexts.contains(.global)) }
            .filter { binding in
                // The first binding for a key wins, so a context's own binding hides a global one.
                binding.keys.contains { command(for: $0, in: context) == binding.command }
            }
    }
}

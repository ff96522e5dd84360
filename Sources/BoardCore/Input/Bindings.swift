import PlanModel

/// Where a binding applies.
public enum Context: String, CaseIterable, Sendable {
    case global, dashboard, areas, area, action, rag, heatmap, risks, risk, kpis, kpi, triage, checkpoints, changes, governance, help

    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .dashboard: "Dashboard"
        case .areas: "Areas of weakness"
        case .area: "An area's actions"
        case .action: "An action"
        case .rag: "RAG grid"
        case .heatmap: "Risk heatmap"
        case .risks: "Risk register"
        case .risk: "A risk"
        case .kpis: "Impact score card"
        case .kpi: "A KPI"
        case .triage: "Triage"
        case .checkpoints: "Checkpoints"
        case .changes: "Changes since a checkpoint"
        case .governance: "Governance"
        case .help: "Help"
        }
    }
}

/// Everything a key can ask the dashboard to do.
public enum Command: Hashable, Sendable {
    case up, down, left, right, pageUp, pageDown, top, bottom
    case open, back, quit, help
    case nextView, previousView, show(View)
    case search, nextMatch, previousMatch, filter
    case undo, redo
    case setStatus(Status)
    case editField, editByWhen, editLead, editText, editInEditor
    case addNote, addAction, deleteAction
    case toggleFindings
    case followLink
    case recordCheckpoint, listChanges
    case toggleOverTime
    case heatStage(Risk.Stage)
    case addRisk, removeRisk, sortRisks, clearNarrowing
    case groupByLead
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
    static let editing: [Context] = [.area, .action, .triage]
    static let statusKeys: [Context] = [.area, .action, .triage, .rag]
    static let tables: [Context] = [.rag, .heatmap, .risks, .kpis]

    public static let all: [Binding] = [
        Binding([.up, .char("k")], [.global], .up, "Move up"),
        Binding([.down, .char("j")], [.global], .down, "Move down"),
        Binding([.left, .char("h")], tables, .left, "Move left"),
        Binding([.right, .char("l")], tables, .right, "Move right"),
        Binding([.pageUp, .ctrl("b")], [.global], .pageUp, "Page up"),
        Binding([.pageDown, .ctrl("f"), .char(" ")], [.global], .pageDown, "Page down"),
        Binding([.home, .char("<")], [.global], .top, "First"),
        Binding([.end, .char(">")], [.global], .bottom, "Last"),
        Binding([.enter, .right, .char("l")], [.dashboard, .areas, .area, .triage, .changes, .kpi], .open, "Open", bar: true),
        Binding([.enter], [.checkpoints], .open, "Compare with this checkpoint (what “since” means)", bar: true),
        Binding([.enter], [.rag], .open, "Open the action", bar: true),
        Binding([.enter], [.heatmap], .open, "List the cell's risks", bar: true),
        Binding([.enter, .char("e")], [.action, .risk], .editField, "Edit the selected field", bar: true),
        Binding([.enter, .char("e")], [.risks], .editField, "Edit the selected cell (scores: two digits)", bar: true),
        Binding([.enter, .char("e")], [.kpis], .editField, "Enter or correct the selected actual", bar: true),
        Binding([.escape, .left, .char("h"), .backspace], [.global], .back, "Back", bar: true),
        Binding([.tab], [.global], .nextView, "Next view"),
        Binding([.backTab], [.global], .previousView, "Previous view"),
    ] + View.allCases.map { view in
        Binding([.char(view.key)], [.global], .show(view), view.title)
    } + [
        Binding([.char("/")], [.global], .search, "Search actions (text, reference, lead)", bar: true),
        Binding([.char("n")], [.global], .nextMatch, "Next match"),
        Binding([.char("N")], [.global], .previousMatch, "Previous match"),
        Binding([.char("f")], [.area], .filter, "Filter by status or lead", bar: true),
        Binding([.char("f")], [.triage], .filter, "Show one lead's actions only", bar: true),
        Binding([.char("G")], [.triage], .groupByLead, "Group by lead", bar: true),
        Binding([.char("r")], statusKeys, .setStatus(.red), "Status Red (asks for a reason)", bar: true),
        Binding([.char("a")], statusKeys, .setStatus(.amber), "Status Amber (asks for a reason)", bar: true),
        Binding([.char("g")], statusKeys, .setStatus(.green), "Status Green", bar: true),
        Binding([.char("c")], statusKeys, .setStatus(.complete), "Status Complete", bar: true),
        Binding([.char("-"), .char("0")], statusKeys, .setStatus(.notStarted), "Status Not started"),
        Binding([.char("w")], editing, .editByWhen, "Edit by when", bar: true),
        Binding([.char("L")], editing, .editLead, "Edit lead(s), Tab completes"),
        Binding([.char("t")], [.area, .triage], .editText, "Edit the action's text"),
        Binding([.char("E")], editing, .editInEditor, "Edit long text in $EDITOR"),
        Binding([.char("p")], statusKeys, .addNote, "Add a progress note", bar: true),
        Binding([.char("+")], [.area], .addAction, "Add an action"),
        Binding([.char("d")], editing, .deleteAction, "Delete the action (asks first)"),
        Binding([.char("F")], [.area], .toggleFindings, "Show findings in full or one line each"),
        Binding([.char("o")], [.action, .risk, .risks, .kpis], .followLink, "Open the link: a KPI, an area, the risk or KPI itself", bar: true),
        Binding([.char("m")], [.rag], .toggleOverTime, "Switch between now and over time (by checkpoint)", bar: true),
        Binding([.char("i")], [.heatmap], .heatStage(.inherent), "Inherent scores (before mitigation)", bar: true),
        Binding([.char("r")], [.heatmap], .heatStage(.residual), "Residual scores (after mitigation)", bar: true),
        Binding([.char("t")], [.heatmap], .heatStage(.target), "Target scores", bar: true),
        Binding([.char("+")], [.risks], .addRisk, "Add a risk", bar: true),
        Binding([.char("d")], [.risks, .risk], .removeRisk, "Remove the risk (asks first)"),
        Binding([.char("S")], [.risks], .sortRisks, "Sort by residual, inherent, target, reference or review date", bar: true),
        Binding([.char("x")], [.risks], .clearNarrowing, "Show every risk again (after a heatmap cell)"),
        Binding([.char("C")], [.dashboard, .checkpoints], .recordCheckpoint, "Record a checkpoint (name, date)", bar: true),
        Binding([.char("s")], [.dashboard, .checkpoints], .listChanges, "List the changes since the chosen checkpoint", bar: true),
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

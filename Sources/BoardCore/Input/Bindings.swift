import PlanModel

/// Everything a key can ask the dashboard to do.
public enum Command: Hashable, Sendable {
    case up, down, left, right, pageUp, pageDown, top, bottom
    case open, back, quit, help
    case nextView, previousView, show(View)
    /// Opens a screen that is not one of the numbered views (the legend), by its kind.
    case push(String)
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
    /// Triage narrowed to the actions the person signing in leads.
    case mine
    /// A command of one screen's own, a value of an enum that screen declares in its own
    /// file (`.own(MeetingsCommand.addDecision)`), so a new screen adds its keys there, not here.
    case own(OwnCommand)
}

extension Command {
    /// A screen's own command, from its own enum.
    public static func own<C: Hashable & Sendable>(_ command: C) -> Command { .own(OwnCommand(command)) }

    /// Building the plan: areas, findings, KPIs, milestones, the header and governance, the
    /// commands the screens that build it share (`StructureCommand`).
    public static func structure(_ command: StructureCommand) -> Command { .own(command) }

    /// This command as one of a screen's own, when it is a value of `type`.
    public func own<C: Hashable & Sendable>(as type: C.Type) -> C? {
        if case let .own(command) = self { command.value as? C } else { nil }
    }
}

/// A screen's own command: a value of the enum the screen declares, compared by type and value.
public struct OwnCommand: Hashable, Sendable {
    let value: any Hashable & Sendable

    init<C: Hashable & Sendable>(_ value: C) { self.value = value }

    public static func == (a: OwnCommand, b: OwnCommand) -> Bool { AnyHashable(a.value) == AnyHashable(b.value) }
    public func hash(into hasher: inout Hasher) { AnyHashable(value).hash(into: &hasher) }
}

/// What a binding needs before it can act. Checked once, centrally, before any screen sees
/// the command; a key whose needs are not met is drawn dimmed and says why when pressed.
public enum Requirement: Hashable, Sendable {
    /// The plan file can be written (and, on a shared plan, the person is not a viewer).
    case writable
    /// The person is a chair on a shared plan: meetings, checkpoints, areas and findings,
    /// the header and governance (always met on a plan file, where roles are advisory).
    case chair
    /// An action is selected.
    case action
    /// A risk is selected.
    case risk
    /// A KPI is selected.
    case kpi
    /// An area is on screen or selected.
    case area
    /// A finding is selected (on an area's screen).
    case finding
    /// A milestone is selected (on a KPI's screen).
    case milestone
}

/// One key binding: the keys, what they do, a short label for the key bar (nil: not in the
/// bar), a long one for help, and what it needs.
public struct Binding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var help: String
    public var short: String?
    public var needs: [Requirement]

    public init(_ keys: [Key], _ command: Command, _ help: String, bar short: String? = nil, needs: [Requirement] = []) {
        self.keys = keys
        self.command = command
        self.help = help
        self.short = short
        self.needs = needs
    }

    public var keyLabel: String { keys.map(\.label).joined(separator: " ") }
}

/// The key bindings every screen shares, and groups that several screens include. Each
/// screen lists its own in its file; the keys do what the tables say and the help screen
/// and the key bar are written from them, so they cannot disagree.
public enum Bindings {
    /// Moving, in every screen.
    public static let moving: [Binding] = [
        Binding([.up, .char("k")], .up, "Move up"),
        Binding([.down, .char("j")], .down, "Move down"),
        Binding([.pageUp, .ctrl("b")], .pageUp, "Page up"),
        Binding([.pageDown, .ctrl("f"), .char(" ")], .pageDown, "Page down"),
        Binding([.home, .char("<")], .top, "First"),
        Binding([.end, .char(">")], .bottom, "Last"),
    ]

    /// Back, the views and search: before a screen's own keys in the bar (after its Enter).
    public static let leading: [Binding] = [
        Binding([.escape, .left, .char("h"), .backspace], .back, "Back", bar: "Back"),
        Binding([.tab], .nextView, "Next view"),
        Binding([.backTab], .previousView, "Previous view"),
        Binding([.char("/")], .search, "Search actions (text, reference, lead, notes), risks and KPIs", bar: "Search"),
        Binding([.char("n")], .nextMatch, "Next match"),
        Binding([.char("N")], .previousMatch, "Previous match"),
    ]

    /// Undo, help and quit: after a screen's own keys in the bar.
    public static let trailing: [Binding] = [
        Binding([.char("C")], .recordCheckpoint, "Record a checkpoint (name, date), from any screen", needs: [.writable, .chair]),
        Binding([.char("u")], .undo, "Undo your last change", bar: "Undo", needs: [.writable]),
        Binding([.ctrl("r")], .redo, "Redo", needs: [.writable]),
        Binding([.char("?"), .function(1)], .help, "Help: keys, colours and glyphs", bar: "Help"),
        Binding([.char("q")], .quit, "Quit", bar: "Quit"),
    ]

    /// Moving left and right, in the screens laid out as grids.
    public static let across: [Binding] = [
        Binding([.left, .char("h")], .left, "Move left"),
        Binding([.right, .char("l")], .right, "Move right"),
    ]

    /// Setting an action's status, in every screen that selects actions.
    public static let status: [Binding] = [
        Binding([.char("r")], .setStatus(.red), "Status Red (asks for a reason)", bar: "Red", needs: [.writable, .action]),
        Binding([.char("a")], .setStatus(.amber), "Status Amber (asks for a reason)", bar: "Amber", needs: [.writable, .action]),
        Binding([.char("g")], .setStatus(.green), "Status Green", bar: "Green", needs: [.writable, .action]),
        Binding([.char("c")], .setStatus(.complete), "Status Complete", bar: "Complete", needs: [.writable, .action]),
        Binding([.char("-"), .char("0")], .setStatus(.notStarted), "Status Not started", needs: [.writable, .action]),
    ]

    /// Editing the selected action's fields.
    public static let actionEditing: [Binding] = [
        Binding([.char("w")], .editByWhen, "Edit by when", bar: "By when", needs: [.writable, .action]),
        Binding([.char("L")], .editLead, "Edit lead(s), Tab completes", needs: [.writable, .action]),
    ]

    public static let open = Binding([.enter, .right, .char("l")], .open, "Open", bar: "Open")
    public static let note = Binding([.char("p")], .addNote, "Add a progress note", bar: "Note", needs: [.writable, .action])
    public static let editor = Binding([.char("E")], .editInEditor, "Edit long text in $EDITOR", needs: [.writable, .action])
    public static let editText = Binding([.char("t")], .editText, "Edit the action's text", needs: [.writable, .action])
    public static let deleteAction = Binding([.char("d")], .deleteAction, "Delete the action (asks first)", needs: [.writable, .action])
    public static let followLink = Binding([.char("o")], .followLink, "Open the link: a KPI, an area, the risk or KPI itself",
                                           bar: "Open the link: a KPI, an area, the risk or KPI itself")

    /// Checkpoints, from the screens that show what changed.
    public static let checkpoints: [Binding] = [
        Binding([.char("C")], .recordCheckpoint, "Record a checkpoint (name, date)", bar: "Record a checkpoint", needs: [.writable, .chair]),
        Binding([.char("s")], .listChanges, "List the changes since the chosen checkpoint", bar: "List the changes since the chosen checkpoint"),
    ]

    /// Every binding that works on every screen, with the number keys and the keys that
    /// registered screens ask for everywhere (the legend's).
    public static var global: [Binding] {
        moving + leading + Screens.views.compactMap { type in
            let view = View(kind: type.kind)
            return view.key.map { Binding([.char($0)], .show(view), type.title) }
        } + Screens.all.flatMap { $0.globalBindings } + trailing
    }

    /// The binding for a key on a screen: the screen's own first, then the global ones.
    public static func binding(for key: Key, on screen: any ScreenComponent.Type) -> Binding? {
        screen.bindings.first { $0.keys.contains(key) } ?? global.first { $0.keys.contains(key) }
    }

    /// The command for a key on a screen, or nil.
    public static func command(for key: Key, on screen: any ScreenComponent.Type) -> Command? {
        binding(for: key, on: screen)?.command
    }

    /// How the first key for a command is written, for views that name their keys.
    public static func key(_ command: Command) -> String {
        label(command, in: global + Screens.all.flatMap { $0.bindings })
    }

    /// How the first key for a command on a screen is written.
    public static func key(_ command: Command, on screen: any ScreenComponent.Type) -> String {
        label(command, in: screen.bindings + global)
    }

    private static func label(_ command: Command, in table: [Binding]) -> String {
        table.first { $0.command == command }?.keys.first?.label ?? "?"
    }

    /// The bindings in the key bar for a screen: its Enter first, then Back, its own, and
    /// search, undo, help and quit; a screen's binding for a global key takes that key's place.
    public static func bar(for screen: any ScreenComponent.Type) -> [Binding] {
        let own = screen.bindings.filter { $0.short != nil }
        let first = own.filter { $0.keys.first == .enter }
        let middle = own.filter { $0.keys.first != .enter && !overrides($0, trailing) }
        func shared(_ list: [Binding]) -> [Binding] {
            list.filter { $0.short != nil }.map { global in
                own.first { $0.keys.contains(global.keys[0]) } ?? global
            }
        }
        return first + shared(leading) + middle + shared(trailing)
    }

    static func overrides(_ binding: Binding, _ list: [Binding]) -> Bool {
        list.contains { $0.short != nil && binding.keys.contains($0.keys[0]) }
    }
}

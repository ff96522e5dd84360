import PlanModel

/// Which of an area's actions are shown.
public struct ActionFilter: Hashable, Sendable {
    public var statuses: Set<Status> = []
    public var lead: String?

    public var isActive: Bool { !statuses.isEmpty || lead != nil }

    public func admits(_ action: Action) -> Bool {
        (statuses.isEmpty || statuses.contains(action.status))
            && (lead.map { lead in action.leads.contains { $0.localizedCaseInsensitiveContains(lead) } } ?? true)
    }
}

/// One area: the weakness as written, its findings and its actions.
public struct AreaScreen: ScreenComponent {
    public static let kind = "area"
    public static let title = "An area's actions"
    public static var bindings: [Binding] {
        [Bindings.open, Binding([.char("f")], .filter, "Filter by status or lead", bar: "Filter")] + Bindings.status + Bindings.actionEditing
            + [Bindings.note, Bindings.editText, Bindings.editor,
               Binding([.char("+")], .addAction, "Add an action", needs: [.writable, .area]), Bindings.deleteAction,
               Binding([.char("F")], .toggleFindings, "Show findings in full or one line each")]
            + Bindings.findings + [Bindings.editAreaTitle, Bindings.editAreaStatement, Bindings.removeArea]
    }
    public static func make(_ subject: String, _ board: BoardState) -> AreaScreen? {
        Int(subject).flatMap { board.plan.area(number: $0) }.map { AreaScreen(number: $0.number, selectedRef: $0.actions.first?.ref) }
    }
    public static func id(_ number: Int) -> ScreenID { ScreenID(kind, String(number)) }

    public let number: Int
    public var top = 0
    /// The selected action, by reference, so a change elsewhere keeps the place.
    public var selectedRef: String?
    /// The finding the cursor is on, when it is above the actions ("" for the folded line).
    public var finding: String?
    public var filter = ActionFilter()
    /// Findings in full (true), one line (false), or as suits the screen (nil).
    public var fullFindings: Bool?

    public var id: ScreenID { Self.id(number) }
    public func crumb(_ board: BoardState) -> String { "Area \(number): \(board.plan.area(number: number)?.title ?? "")" }
    public func body(_ board: BoardState) -> Body { AreaViews.area(board, self) }
    public func exists(in plan: Plan) -> Bool { plan.area(number: number) != nil }

    /// Whether the findings show in full: when the screen is tall enough, unless chosen.
    public func showsFullFindings(_ board: BoardState) -> Bool { fullFindings ?? (board.height >= 40) }

    /// The actions that pass the filter.
    public func visible(_ area: Area) -> [Action] { area.actions.filter(filter.admits) }

    public func selectedArea(_ board: BoardState) -> Area? { board.plan.area(number: number) }

    /// The actions the filter lets through and where each sits, worked out once per plan
    /// and filter rather than on every key.
    func shown(_ board: BoardState) -> ShownActions {
        board.memo.value("area:\(number)", AreaListKey(plan: board.planKey, filter: filter)) {
            ShownActions(board.plan.area(number: number).map(visible) ?? [])
        }
    }

    public func selectedAction(_ board: BoardState) -> Action? {
        guard finding == nil else { return nil }
        let shown = shown(board)
        return selectedRef.flatMap { shown.position[$0] }.map { shown.actions[$0] } ?? shown.actions.first
    }

    public func selection(_ board: BoardState) -> Target? {
        finding.map(Target.finding) ?? selectedAction(board).map { .action($0.ref) }
    }

    /// The cursor runs through the findings (in full, or their one folded line) and then
    /// the actions, so the findings can be read at any screen size.
    public mutating func move(_ delta: Int, _ board: BoardState) {
        guard let area = selectedArea(board) else { return }
        let findings = area.findings.isEmpty ? [] : showsFullFindings(board) ? area.findings.map(\.letter) : [""]
        let actions = shown(board)
        let stops = findings.count + actions.actions.count
        guard stops > 0 else { return }
        let current: Int? = switch selection(board) {
        case let .finding(letter)?: findings.firstIndex(of: letter)
        case let .action(ref)?: actions.position[ref].map { findings.count + $0 }
        default: nil
        }
        let next = clamp((current ?? findings.count) + delta, 0, stops - 1)
        focus(next < findings.count ? .finding(findings[next]) : .action(actions.actions[next - findings.count].ref), board)
    }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        switch command {
        case .open where finding != nil: toggleFindings(board)
        case .open:
            guard let action = selectedAction(board) else {
                return [.say("This area has no actions\(filter.isActive ? " that pass the filter" : ""); press \(Bindings.key(.addAction, on: Self.self)) to add one.")]
            }
            return [.push(ActionScreen.id(action.ref))]
        case .filter: return [.ask(.picker(filterPicker()))]
        case .addAction: return selectedArea(board).map { [.ask(.prompt(board.newActionPrompt($0)))] } ?? []
        case .toggleFindings: toggleFindings(board)
        default:
            if let structure = command.own(as: StructureCommand.self) { return findingCommand(structure, board) }
        }
        return []
    }

    /// Adds, edits, moves or removes a finding; the area's own edits go to the board.
    mutating func findingCommand(_ command: StructureCommand, _ board: BoardState) -> [Step] {
        guard let area = selectedArea(board) else { return [] }
        if command == .addFinding { return [.ask(.prompt(board.newFindingPrompt(area)))] }
        guard [.editFinding, .removeFinding, .moveFinding(-1), .moveFinding(1)].contains(command) else {
            return board.areaCommand(command, area, closing: true)
        }
        // The `.finding` requirement has checked a finding is selected.
        guard let letter = finding, let selected = area.findings.first(where: { $0.letter == letter }) else { return [] }
        switch command {
        case .editFinding: return [.ask(.prompt(board.findingPrompt(number, selected)))]
        case .removeFinding: return [board.removeFindingEdit(number, letter)]
        case let .moveFinding(delta): return board.moveFindingEdit(number, letter, by: delta)
        default: return []
        }
    }

    /// Shows the findings in full or folded, keeping the cursor on them if it was.
    mutating func toggleFindings(_ board: BoardState) {
        fullFindings = !showsFullFindings(board)
        guard let letter = finding else { return }
        finding = showsFullFindings(board) ? (letter.isEmpty ? selectedArea(board)?.findings.first?.letter : letter) : ""
    }

    public mutating func focus(_ target: Target, _ board: BoardState) {
        switch target {
        case let .finding(letter): finding = letter
        case let .action(ref):
            finding = nil
            selectedRef = ref
            guard shown(board).position[ref] == nil else { return }
            if let action = board.plan.action(ref), !filter.admits(action) { filter = ActionFilter() }
        default: break
        }
    }

    public mutating func opened(_ board: BoardState) {
        top = 0
        finding = nil
    }

    /// Keeps the selection by reference; if the action went, picks the first.
    public mutating func planChanged(_ board: BoardState) {
        guard let area = selectedArea(board), !area.actions.contains(where: { $0.ref == selectedRef }) else { return }
        selectedRef = area.actions.first?.ref
    }

    public mutating func renamed(from: Target, to: Target) {
        if case let .action(old) = from, case let .action(new) = to, selectedRef == old { selectedRef = new }
    }

    /// The filter gets its own small set of keys: status letters toggle, l asks for a lead.
    func filterPicker() -> Picker {
        var picker = Picker(label: "Filter: r a g c - toggles a status · l filters by lead · x clears · Enter done",
                            bar: "r a g c - status  l lead  x clear  Enter done", showsCursor: false) { _, key, _ in
            Self.filterKey(key)
        }
        picker.saysCancelled = false
        return picker
    }

    static func filterKey(_ key: Key) -> Submission? {
        let statuses: [Key: Status] = [.char("r"): .red, .char("a"): .amber, .char("g"): .green, .char("c"): .complete,
                                       .char("-"): .notStarted, .char("0"): .notStarted]
        if let status = statuses[key] { return .keep([changeFilter { $0.statuses.formSymmetricDifference([status]) }]) }
        switch key {
        case .char("l"): return .done([.ask(.prompt(leadPrompt()))])
        case .char("x"): return .done([changeFilter { $0 = ActionFilter() }, .say("Filter cleared.")])
        case .enter: return .done([])
        default: return .refuse("Filter: r a g c - toggle a status, l a lead, x clears, Enter done.")
        }
    }

    static func leadPrompt() -> Prompt {
        Prompt("Lead: ", completesNames: true, hint: "Part of a name · Tab completes · Enter filter · Esc cancel") { text, _ in
            let lead = text.trimmingCharacters(in: .whitespaces)
            return .done([changeFilter { $0.lead = lead.isEmpty ? nil : lead }])
        }
    }

    /// Changes the filter of the area on top, then selects the first action it shows.
    static func changeFilter(_ change: @escaping @Sendable (inout ActionFilter) -> Void) -> Step {
        .change(AreaScreen.self) { screen, board in
            change(&screen.filter)
            screen.top = 0
            guard screen.selectedArea(board) != nil else { return }
            let shown = screen.shown(board)
            if screen.selectedRef.flatMap({ shown.position[$0] }) == nil { screen.selectedRef = shown.actions.first?.ref }
        }
    }
}

/// An area's actions as its filter shows them, and where each reference sits among them.
struct ShownActions {
    let actions: [Action]
    let position: [String: Int]

    init(_ actions: [Action]) {
        self.actions = actions
        var position: [String: Int] = [:]
        for (i, action) in actions.enumerated() where position[action.ref] == nil { position[action.ref] = i }
        self.position = position
    }
}

/// What an area's shown actions are made from.
struct AreaListKey: Hashable {
    var plan: PlanKey
    var filter: ActionFilter
}

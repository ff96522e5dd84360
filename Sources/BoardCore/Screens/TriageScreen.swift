import PlanModel

/// An action that needs attention, and why: for the triage list.
public struct TriageItem: Equatable, Sendable {
    /// The action, held in a box: the list is copied as it is put together, sorted and
    /// kept, and an action is many fields (tens of thousands of items in a large plan).
    private var box: ActionBox
    public var action: Action {
        get { box.action }
        set { box = ActionBox(newValue) }
    }
    public var area: Int
    public var overdueDays: Int?
    public var dueInDays: Int?
    /// Its by-when moved from the agreed plan and nobody has agreed the move.
    public var unagreedMove = false
    /// Its place in the plan, counting across areas: the list's order after urgency.
    var place = 0

    public init(action: Action, area: Int, overdueDays: Int?, dueInDays: Int?) {
        box = ActionBox(action)
        self.area = area
        self.overdueDays = overdueDays
        self.dueInDays = dueInDays
    }

    public static func == (a: TriageItem, b: TriageItem) -> Bool {
        a.area == b.area && a.overdueDays == b.overdueDays && a.dueInDays == b.dueInDays && a.unagreedMove == b.unagreedMove && a.action == b.action
    }

    /// Words and glyphs for why it is on the list.
    public var why: String {
        var parts: [String] = []
        if action.status == .red { parts.append("R●") }
        if let overdueDays { parts.append("!\(overdueDays)d late") }
        if let dueInDays { parts.append(dueInDays == 0 ? "»due today" : "»in \(dueInDays)d") }
        if unagreedMove { parts.append("⚑moved") }
        return parts.joined(separator: " ")
    }
}

/// An action behind a reference, so copying it is one count.
final class ActionBox: Sendable {
    let action: Action

    init(_ action: Action) { self.action = action }
}

/// Triage: every Red, overdue and due-soon action, most overdue first.
public struct TriageScreen: ScreenComponent {
    public static let kind = "triage"
    public static let title = "Triage"
    public static let isView = true
    public static var bindings: [Binding] {
        // Status keys first: triage is where they are used most, and the key bar keeps what fits in order.
        [Bindings.open] + Bindings.status
            + [Binding([.char("m")], .mine, "My actions only (the lead your name gives), again for everyone's", bar: "Mine"),
               Binding([.char("f")], .filter, "Show one lead's actions only", bar: "One lead"),
               Binding([.char("G")], .groupByLead, "Group by lead", bar: "By lead")]
            + Bindings.actionEditing + [Bindings.note, Bindings.editText, Bindings.editor, Bindings.deleteAction]
    }
    public static func make(_ subject: String, _ board: BoardState) -> TriageScreen? { TriageScreen() }

    public var top = 0
    /// The selected action, grouping and lead filter.
    public var ref: String?
    public var byLead = false
    public var lead: String?

    public func body(_ board: BoardState) -> Body { TriageViews.triage(board, self) }
    public func selection(_ board: BoardState) -> Target? { selectedAction(board).map { .action($0.ref) } }

    public func selectedAction(_ board: BoardState) -> Action? {
        let list = list(board)
        return (ref.flatMap { list.index(of: $0, board) }.map { list.items[$0] } ?? list.items.first)?.action
    }

    public func selectedArea(_ board: BoardState) -> Area? {
        selectedAction(board).flatMap { board.place(ofAction: $0.ref) }.map { board.plan.areas[$0.area] }
    }

    /// The list, worked out once per plan, lead and grouping.
    public func items(_ board: BoardState) -> [TriageItem] { list(board).items }

    /// The list with where each action sits in it, so a key need not search it.
    func list(_ board: BoardState) -> TriageList {
        board.memo.value("triage", board.key(lead ?? "", byLead ? "grouped" : "")) {
            TriageList(Self.triage(board, lead: lead, byLead: byLead), grouped: byLead)
        }
    }

    public mutating func move(_ delta: Int, _ board: BoardState) {
        let list = list(board)
        guard !list.items.isEmpty else { return }
        let current = ref.flatMap { list.index(of: $0, board) } ?? 0
        ref = list.items[clamp(current + delta, 0, list.items.count - 1)].action.ref
        place = clamp(current + delta, 0, list.items.count - 1)
    }

    public mutating func focus(_ target: Target, _ board: BoardState) {
        if case let .action(ref) = target {
            self.ref = ref
            place = list(board).items.firstIndex { $0.action.ref == ref } ?? place
        }
    }

    /// Where the selection is in the list, so that when the action selected leaves it (made
    /// Green, its date moved on), the selection stays at that place, on the action that
    /// took it, rather than jumping to the top.
    var place = 0

    public mutating func planChanged(_ board: BoardState) {
        let items = list(board).items
        guard !items.isEmpty else { return }
        if let ref, let at = items.firstIndex(where: { $0.action.ref == ref }) {
            place = at
        } else if ref != nil {
            ref = items[min(place, items.count - 1)].action.ref
        }
    }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        switch command {
        case .open: return selectedAction(board).map { [.push(ActionScreen.id($0.ref))] } ?? []
        case .filter: return [.ask(.prompt(leadPrompt(offering: board.plan.leadName(forUser: board.user))))]
        case .mine:
            guard let me = board.plan.leadName(forUser: board.user) else {
                return [.say("\(board.user) is not a lead in the plan, so there are no actions of yours to show; \(Bindings.key(.filter, on: Self.self)) shows one lead's actions.", error: true)]
            }
            let showing = lead != me
            lead = showing ? me : nil
            top = 0
            ref = nil
            return [.say(showing ? "Showing your actions (\(me)) that need attention. \(Bindings.key(.mine, on: Self.self)) again shows everyone's." : "Showing every lead.")]
        case .groupByLead:
            byLead.toggle()
            top = 0
        default: break
        }
        return []
    }

    /// Asks which lead to show, offering the one shown, else the person's own name.
    private func leadPrompt(offering me: String?) -> Prompt {
        Prompt("Lead: ", lead ?? me ?? "", completesNames: true,
               hint: "Part of a name · Tab completes · Enter alone shows everyone · Esc cancel") { text, _ in
            let lead = text.trimmingCharacters(in: .whitespaces)
            let said = lead.isEmpty ? "Showing every lead." : "Showing \(lead)’s actions only. \(Bindings.key(.filter, on: Self.self)) then Enter on nothing shows everyone."
            return .done([.change(TriageScreen.self) { screen, _ in
                screen.lead = lead.isEmpty ? nil : lead
                screen.top = 0
            }, .say(said)])
        }
    }

    /// One area's actions that need attention, in plan order; `start` is the place of its first action.
    static func areaItems(_ area: Area, start: Int, _ today: PlanDate, _ settings: Settings, lead: String?,
                          agreement: Agreement? = nil, baseline: Int = 0) -> [TriageItem] {
        var items: [TriageItem] = []
        for (i, action) in area.actions.enumerated() {
            let unagreed = DateStanding(of: action, agreement: agreement, baseline: baseline)?.unagreed ?? false
            guard var item = item(action, area: area.number, today, settings, unagreedMove: unagreed) else { continue }
            if let lead, !action.leads.contains(where: { $0.localizedCaseInsensitiveContains(lead) }) { continue }
            item.place = start + i
            items.append(item)
        }
        return items
    }

    /// An action as triage lists it, or nil when it needs no attention.
    static func item(_ action: Action, area: Int, _ today: PlanDate, _ settings: Settings, unagreedMove: Bool = false) -> TriageItem? {
        let flags = action.flags(today: today, settings: settings)
        guard action.status == .red || flags.overdue || flags.dueSoon || unagreedMove else { return nil }
        let days = action.byWhen.map { $0.dayNumber - today.dayNumber }
        var item = TriageItem(action: action, area: area, overdueDays: flags.overdue ? days.map { -$0 } : nil, dueInDays: flags.dueSoon ? days : nil)
        item.unagreedMove = unagreedMove
        return item
    }

    /// Most overdue first, then Red with nothing late, then due soonest.
    static func rank(_ item: TriageItem) -> Int {
        if let late = item.overdueDays { return -late }
        return item.dueInDays.map { 2_000_000 + $0 } ?? 1_000_000
    }

    /// Most overdue first, then Red with nothing late, then due soonest; ties keep plan order.
    static func triage(_ board: BoardState, lead: String?, byLead: Bool) -> [TriageItem] {
        // Each area's items are kept with its actions, so a change looks again at one area.
        var key = TriageKey(today: board.today, dueSoonDays: board.plan.settings.dueSoonDays, number: 0, lead: lead)
        key.baseline = board.plan.baseline
        key.agreedOn = board.plan.agreement?.date
        var items: [TriageItem] = []
        var start = 0
        for (i, area) in board.plan.areas.enumerated() {
            var areaKey = key
            areaKey.number = area.number
            areaKey.start = start
            items += board.memo.part("triage:\(i)", of: area.actions, areaKey) {
                areaItems(area, start: start, board.today, board.plan.settings, lead: lead, agreement: board.plan.agreement, baseline: board.plan.baseline)
            }
            start += area.actions.count
        }
        let ranks = items.map(rank)
        items = items.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }.map { items[$0] }
        guard byLead else { return items }
        let leads = items.map { $0.action.leads.first ?? "(no lead)" }
        return items.indices.sorted { (leads[$0], $0) < (leads[$1], $1) }.map { items[$0] }
    }
}

extension View {
    public static let triage = View(kind: TriageScreen.kind)
}

/// The triage list, its rows on screen (with a heading for each lead when grouped), and
/// where each action sits in both.
struct TriageList {
    let items: [TriageItem]
    /// Without grouping the list is in order of urgency then place, so an action is found
    /// by a binary search on its own urgency and place, with no table of every reference.
    private let ranks: [Int]
    /// With grouping, each row: a lead's heading, or an item by its index.
    private let grouped: [(lead: String?, item: Int?)]?
    private let position: [String: Int]
    private let groupedPosition: [String: Int]

    init(_ items: [TriageItem], grouped: Bool) {
        self.items = items
        ranks = grouped ? [] : items.map(TriageScreen.rank)
        guard grouped else {
            self.grouped = nil
            (position, groupedPosition) = ([:], [:])
            return
        }
        var rows: [(lead: String?, item: Int?)] = []
        var position: [String: Int] = [:]
        var rowPosition: [String: Int] = [:]
        var lastLead: String?
        for i in items.indices {
            let action = items[i].action
            let lead = action.leads.first ?? "(no lead)"
            if lead != lastLead {
                rows.append((lead, nil))
                lastLead = lead
            }
            if position[action.ref] == nil { (position[action.ref], rowPosition[action.ref]) = (i, rows.count) }
            rows.append((nil, i))
        }
        self.grouped = rows
        self.position = position
        groupedPosition = rowPosition
    }

    var rowCount: Int { grouped?.count ?? items.count }

    func row(_ index: Int) -> (lead: String?, item: Int?) { grouped?[index] ?? (nil, index) }

    /// The row showing an action.
    func rowIndex(_ ref: String, _ board: BoardState) -> Int? { grouped == nil ? index(of: ref, board) : groupedPosition[ref] }

    /// Where an action sits in the list, if it is on it.
    func index(of ref: String, _ board: BoardState) -> Int? {
        guard grouped == nil else { return position[ref] }
        guard let (a, i) = board.place(ofAction: ref),
              let item = TriageScreen.item(board.plan.areas[a].actions[i], area: 0, board.today, board.plan.settings,
                                           unagreedMove: board.plan.dateStanding(of: board.plan.areas[a].actions[i])?.unagreed ?? false) else { return nil }
        let key = (TriageScreen.rank(item), board.plan.areas[..<a].reduce(0) { $0 + $1.actions.count } + i)
        var (low, high) = (0, items.count)
        while low < high {
            let mid = (low + high) / 2
            if (ranks[mid], items[mid].place) < key { low = mid + 1 } else { high = mid }
        }
        return low < items.count && items[low].action.ref == ref ? low : nil
    }
}

/// What an area's triage items are made from besides its actions.
struct TriageKey: Hashable {
    var today: PlanDate
    var dueSoonDays: Int
    var number: Int
    var start = 0
    var lead: String?
    /// The agreed plan: triage lists the moves nobody has agreed.
    var baseline = 0
    var agreedOn: PlanDate?
}

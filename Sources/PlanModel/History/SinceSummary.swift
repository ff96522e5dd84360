/// Everything that changed between two states of a plan ("since the last meeting"), each
/// change classified once, so the parts always add up to the total.
///
/// The dashboard's line, the changes screen, the checkpoints view and `planboard summary
/// --since` all read this one value, so they cannot disagree. Build the plan as it was with
/// `Plan.asItWas(at:log:)`.
public struct SinceSummary: Equatable, Sendable {
    /// What kind of change an item is. Each change is exactly one kind.
    public enum Kind: String, CaseIterable, Sendable {
        /// Status: Not started → Red, Amber or Green.
        case started
        /// Status: → Complete, or to a status of less concern (Red → Amber).
        case better
        /// Status: to a status of more concern (Green → Red, Complete → anything open).
        case worse
        /// Status: back to Not started.
        case sideways
        case actionAdded, actionRemoved
        /// By-when moved to a later or earlier date, or set where there was none, or cleared.
        case later, earlier, dateSet, dateCleared
        case leads
        /// An action's text, senior responsible officer, KPI links or success criteria.
        case actionEdited
        case noteAdded, noteRemoved
        /// A KPI's actual at one milestone recorded, changed or cleared.
        case actual
        /// A risk's residual score went up or down.
        case riskUp, riskDown
        /// A risk's other scores or details changed, its residual score did not.
        case riskEdited
        case riskAdded, riskRemoved
        /// The header, governance, settings, an area, its findings, or a KPI's definition.
        case structure
        case meeting, decision, checkpoint
    }

    /// One change: what it is about (`ref`: an action, risk or KPI reference, an area number,
    /// a meeting's name) and, where it has them, the values before and after in words.
    public struct Item: Equatable, Sendable {
        public var kind: Kind
        public var ref: String
        /// Which part of it, where that matters: a KPI's milestone ("12-month").
        public var part: String
        public var from: String
        public var to: String
        public init(_ kind: Kind, _ ref: String, part: String = "", from: String = "", to: String = "") {
            self.kind = kind
            self.ref = ref
            self.part = part
            self.from = from
            self.to = to
        }
    }

    /// Every change, in plan order within each kind of thing.
    public var items: [Item]

    /// How many changes in all: the sum of every part.
    public var total: Int { items.count }

    /// How many changes of one kind.
    public func count(_ kind: Kind) -> Int { items.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) } }

    /// The by-whens that moved, were set or were cleared, with their dates then and now.
    public var movedDates: [Item] { items.filter { Group.byWhens.kinds.contains($0.kind) } }

    public init(items: [Item]) { self.items = items }

    /// What changed from `then` to `now`.
    public init(then: Plan, now: Plan) {
        self.init(actions: SinceSummary.actionChanges(then, now), risks: SinceSummary.riskChanges(then, now), then: then, now: now)
    }

    /// What changed, from the changes to actions and to risks already worked out (the
    /// dashboard works them out area by area and keeps them) and the rest from the plans.
    public init(actions: [Item], risks: [Item], then: Plan, now: Plan) {
        items = actions + risks + SinceSummary.kpiChanges(then, now) + SinceSummary.structureChanges(then, now)
            + SinceSummary.meetingChanges(then, now)
    }
}

// MARK: Classifying

extension SinceSummary {
    /// How a status move reads: started, better, worse or sideways.
    public static func kind(from: Status, to: Status) -> Kind {
        if to == .complete { return .better }
        if from == .notStarted { return .started }
        if to == .notStarted { return .sideways }
        return to.concern < from.concern ? .better : .worse
    }

    /// Each thing now with the same thing then (nil: added since), and the things then that are gone.
    static func matched<T, K: Hashable>(_ then: [T], _ now: [T], by key: (T) -> K) -> (pairs: [(old: T?, new: T)], gone: [T]) {
        let before = Dictionary(then.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let keys = Set(now.map(key))
        return (now.map { (before[key($0)], $0) }, then.filter { !keys.contains(key($0)) })
    }

    /// Area by area (`AreaItems`), then the actions gone; every action then is found now
    /// when as many were matched as there were (references are unique).
    static func actionChanges(_ then: Plan, _ now: Plan) -> [Item] {
        var places: [String: ActionPlace]?
        var items: [Item] = []
        var matched = 0
        for (a, area) in now.areas.enumerated() {
            let part = AreaItems(area.actions, same: a < then.areas.count ? then.areas[a].actions : [], then: then.areas) {
                if let places { return places }
                let made = ActionPlace.places(in: then.areas)
                places = made
                return made
            }
            items += part.items
            matched += part.matched
        }
        guard matched < then.actionCount else { return items }
        let refs = Set(now.areas.lazy.flatMap { $0.actions.map(\.ref) })
        return items + then.allActions.filter { !refs.contains($0.ref) }.map(removed)
    }

    /// What changed in an action now, against the same action then (nil: added since).
    public static func changes(_ old: Action?, _ action: Action) -> [Item] {
        guard let old else { return [Item(.actionAdded, action.ref, to: action.status.label)] }
        return old == action ? [] : fieldChanges(old, action)
    }

    /// An action there then and gone now.
    public static func removed(_ old: Action) -> Item { Item(.actionRemoved, old.ref, from: old.status.label) }

    /// What changed in one action that is in both plans.
    static func fieldChanges(_ old: Action, _ new: Action) -> [Item] {
        var items: [Item] = []
        let ref = new.ref
        if old.status != new.status {
            items.append(Item(kind(from: old.status, to: new.status), ref, from: old.status.label, to: new.status.label))
        }
        if old.byWhen != new.byWhen {
            let kind: Kind = switch (old.byWhen, new.byWhen) {
            case let (was?, now?): now > was ? .later : .earlier
            case (nil, _): .dateSet
            case (_, nil): .dateCleared
            }
            items.append(Item(kind, ref, from: FieldValue.date(old.byWhen).words, to: FieldValue.date(new.byWhen).words))
        }
        if old.leads.sorted() != new.leads.sorted() {
            items.append(Item(.leads, ref, from: FieldValue.names(old.leads).words, to: FieldValue.names(new.leads).words))
        }
        if old.text != new.text || old.seniorResponsibleOfficer != new.seniorResponsibleOfficer || old.kpiText != new.kpiText
            || old.kpis.sorted() != new.kpis.sorted() || old.successCriteria != new.successCriteria {
            items.append(Item(.actionEdited, ref))
        }
        let oldNotes = Set(old.notes.map(\.id))
        let newNotes = Set(new.notes.map(\.id))
        for note in new.notes where !oldNotes.contains(note.id) { items.append(Item(.noteAdded, ref, to: Edit.clip(note.text))) }
        for note in old.notes where !newNotes.contains(note.id) { items.append(Item(.noteRemoved, ref, from: Edit.clip(note.text))) }
        return items
    }

    public static func riskChanges(_ then: Plan, _ now: Plan) -> [Item] {
        let (pairs, gone) = matched(then.risks, now.risks, by: \.ref)
        return pairs.compactMap { old, risk -> Item? in
            guard let old else { return Item(.riskAdded, risk.ref, to: String(risk.residual.value)) }
            guard old != risk else { return nil }
            let (from, to) = (old.residual.value, risk.residual.value)
            return Item(to > from ? .riskUp : to < from ? .riskDown : .riskEdited, risk.ref, from: String(from), to: String(to))
        } + gone.map { Item(.riskRemoved, $0.ref, from: String($0.residual.value)) }
    }

    static func kpiChanges(_ then: Plan, _ now: Plan) -> [Item] {
        func definition(_ kpi: KPI) -> KPI {
            var kpi = kpi
            for i in kpi.milestones.indices { kpi.milestones[i].actual = nil }
            return kpi
        }
        let (pairs, gone) = matched(then.kpis, now.kpis, by: \.ref)
        return pairs.flatMap { old, kpi -> [Item] in
            guard let old else { return [Item(.structure, kpi.ref, to: "added")] }
            let unit = kpi.unit == "%" ? "%" : ""
            let figure = { (value: Double?) in FieldValue.number(value) + (value == nil ? "" : unit) }
            return (definition(old) == definition(kpi) ? [] : [Item(.structure, kpi.ref, to: "changed")])
                + kpi.milestones.indices.filter { $0 < old.milestones.count && old.milestones[$0].actual != kpi.milestones[$0].actual }.map { i in
                    Item(.actual, kpi.ref, part: Edit.milestoneName(kpi.ref, i, now), from: figure(old.milestones[i].actual), to: figure(kpi.milestones[i].actual))
                }
        } + gone.map { Item(.structure, $0.ref, from: "removed") }
    }

    static func structureChanges(_ then: Plan, _ now: Plan) -> [Item] {
        var items: [Item] = []
        if then.header != now.header { items.append(Item(.structure, "header")) }
        if then.governance != now.governance { items.append(Item(.structure, "governance")) }
        // A publication itself (its record in the settings) changes nothing the board tracks.
        if then.settings.withoutLastPublication != now.settings.withoutLastPublication { items.append(Item(.structure, "settings")) }
        func shape(_ area: Area) -> Area {
            var area = area
            area.actions = []
            return area
        }
        let (pairs, gone) = matched(then.areas.map(shape), now.areas.map(shape), by: \.number)
        for (old, area) in pairs where old != area { items.append(Item(.structure, "area \(area.number)", to: old == nil ? "added" : "changed")) }
        return items + gone.map { Item(.structure, "area \($0.number)", from: "removed") }
    }

    static func meetingChanges(_ then: Plan, _ now: Plan) -> [Item] {
        func shape(_ meeting: Meeting) -> Meeting {
            var meeting = meeting
            meeting.decisions = []
            return meeting
        }
        var items: [Item] = []
        let (pairs, gone) = matched(then.meetings, now.meetings, by: \.name)
        for (old, meeting) in pairs {
            if old.map(shape) != shape(meeting) { items.append(Item(.meeting, meeting.name, to: old == nil ? "added" : "changed")) }
            let (decisions, dropped) = matched(old?.decisions ?? [], meeting.decisions, by: \.number)
            for (was, decision) in decisions where was != decision { items.append(Item(.decision, decision.label, to: decision.done ? "done" : "open")) }
            items += dropped.map { Item(.decision, $0.label, from: "removed") }
        }
        items += gone.map { Item(.meeting, $0.name, from: "removed") }
        let (checkpoints, _) = matched(then.checkpoints, now.checkpoints, by: \.name)
        return items + checkpoints.filter { $0.old == nil }.map { Item(.checkpoint, $0.new.name, to: $0.new.date.display) }
    }
}

/// Where an action sits: its area's index in the plan and its index there.
public struct ActionPlace: Equatable, Sendable {
    public var area: Int
    public var index: Int

    /// Every action's place, by reference (the first of a reference wins).
    public static func places(in areas: [Area]) -> [String: ActionPlace] {
        var places: [String: ActionPlace] = [:]
        places.reserveCapacity(areas.reduce(0) { $0 + $1.actions.count })
        for (a, area) in areas.enumerated() {
            for i in area.actions.indices where places[area.actions[i].ref] == nil { places[area.actions[i].ref] = ActionPlace(area: a, index: i) }
        }
        return places
    }
}

extension SinceSummary {
    /// One area's changes since a checkpoint, and how many of its actions were there then.
    public struct AreaItems: Sendable {
        public var items: [SinceSummary.Item] = []
        public var matched = 0

        /// `same` is the same area then: when it holds the same references in the same order
        /// (nearly always) the actions are compared in pairs, else each is found by its place
        /// in `then` (every area then; `places` made only when needed).
        public init(_ now: [Action], same: [Action], then: [Area], places: () -> [String: ActionPlace]) {
            if let differ = Action.differing(now, same) {
                matched = now.count
                for i in differ { items += SinceSummary.changes(same[i], now[i]) }
                return
            }
            let places = places()
            // Each area's list taken once, so an action is compared where it lies, not copied out.
            let lists = then.map(\.actions)
            for i in now.indices {
                guard let place = places[now[i].ref] else {
                    items += SinceSummary.changes(nil, now[i])
                    continue
                }
                matched += 1
                if lists[place.area][place.index] != now[i] { items += SinceSummary.changes(lists[place.area][place.index], now[i]) }
            }
        }
    }
}

extension Action {
    /// Where two lists of the same references in the same order hold different actions;
    /// nil when their references differ. Compared where they lie: read through the arrays'
    /// subscripts (or a zip), every action was copied, a tenth of `summary`'s time at
    /// 100,000 actions.
    static func differing(_ now: [Action], _ then: [Action]) -> [Int]? {
        guard now.count == then.count else { return nil }
        return now.withUnsafeBufferPointer { n in
            then.withUnsafeBufferPointer { t -> [Int]? in
                guard let x = n.baseAddress, let y = t.baseAddress else { return [] }
                for i in 0..<n.count where (x + i).pointee.ref != (y + i).pointee.ref { return nil }
                return (0..<n.count).filter { !((x + $0).pointee == (y + $0).pointee) }
            }
        }
    }
}

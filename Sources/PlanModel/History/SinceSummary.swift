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
        items = SinceSummary.actionChanges(then, now) + SinceSummary.riskChanges(then, now)
            + SinceSummary.kpiChanges(then, now) + SinceSummary.structureChanges(then, now)
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

    static func actionChanges(_ then: Plan, _ now: Plan) -> [Item] {
        let before = Dictionary(then.allActions.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        var items: [Item] = []
        var seen = Set<String>()
        for action in now.allActions {
            seen.insert(action.ref)
            guard let old = before[action.ref] else {
                items.append(Item(.actionAdded, action.ref, to: action.status.label))
                continue
            }
            if old != action { items += changes(old, action) }
        }
        for old in then.allActions where !seen.contains(old.ref) {
            items.append(Item(.actionRemoved, old.ref, from: old.status.label))
        }
        return items
    }

    /// What changed in one action that is in both plans.
    static func changes(_ old: Action, _ new: Action) -> [Item] {
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

    static func riskChanges(_ then: Plan, _ now: Plan) -> [Item] {
        let before = Dictionary(then.risks.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        var items: [Item] = []
        for risk in now.risks {
            guard let old = before[risk.ref] else {
                items.append(Item(.riskAdded, risk.ref, to: String(risk.residual.value)))
                continue
            }
            guard old != risk else { continue }
            let from = String(old.residual.value)
            let to = String(risk.residual.value)
            let kind: Kind = risk.residual.value > old.residual.value ? .riskUp : risk.residual.value < old.residual.value ? .riskDown : .riskEdited
            items.append(Item(kind, risk.ref, from: from, to: to))
        }
        let refs = Set(now.risks.map(\.ref))
        for old in then.risks where !refs.contains(old.ref) { items.append(Item(.riskRemoved, old.ref, from: String(old.residual.value))) }
        return items
    }

    static func kpiChanges(_ then: Plan, _ now: Plan) -> [Item] {
        let before = Dictionary(then.kpis.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        var items: [Item] = []
        for kpi in now.kpis {
            guard let old = before[kpi.ref] else {
                items.append(Item(.structure, kpi.ref, to: "added"))
                continue
            }
            var definitionThen = old
            var definitionNow = kpi
            for i in definitionThen.milestones.indices { definitionThen.milestones[i].actual = nil }
            for i in definitionNow.milestones.indices { definitionNow.milestones[i].actual = nil }
            if definitionThen != definitionNow { items.append(Item(.structure, kpi.ref, to: "changed")) }
            for (i, milestone) in kpi.milestones.enumerated() where i < old.milestones.count && old.milestones[i].actual != milestone.actual {
                let name = Edit.milestoneName(kpi.ref, i, now)
                let unit = kpi.unit == "%" ? "%" : ""
                items.append(Item(.actual, kpi.ref, part: name, from: FieldValue.number(old.milestones[i].actual) + (old.milestones[i].actual == nil ? "" : unit),
                                  to: FieldValue.number(milestone.actual) + (milestone.actual == nil ? "" : unit)))
            }
        }
        let refs = Set(now.kpis.map(\.ref))
        for old in then.kpis where !refs.contains(old.ref) { items.append(Item(.structure, old.ref, from: "removed")) }
        return items
    }

    static func structureChanges(_ then: Plan, _ now: Plan) -> [Item] {
        var items: [Item] = []
        if then.header != now.header { items.append(Item(.structure, "header")) }
        if then.governance != now.governance { items.append(Item(.structure, "governance")) }
        if then.settings != now.settings { items.append(Item(.structure, "settings")) }
        func shape(_ area: Area) -> Area {
            var area = area
            area.actions = []
            return area
        }
        let before = Dictionary(then.areas.map { ($0.number, shape($0)) }, uniquingKeysWith: { a, _ in a })
        for area in now.areas where before[area.number] != shape(area) {
            items.append(Item(.structure, "area \(area.number)", to: before[area.number] == nil ? "added" : "changed"))
        }
        let numbers = Set(now.areas.map(\.number))
        for old in then.areas where !numbers.contains(old.number) { items.append(Item(.structure, "area \(old.number)", from: "removed")) }
        return items
    }

    static func meetingChanges(_ then: Plan, _ now: Plan) -> [Item] {
        var items: [Item] = []
        let before = Dictionary(then.meetings.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for meeting in now.meetings {
            let old = before[meeting.name]
            var shapeThen = old
            var shapeNow = meeting
            shapeThen?.decisions = []
            shapeNow.decisions = []
            if shapeThen != shapeNow { items.append(Item(.meeting, meeting.name, to: old == nil ? "added" : "changed")) }
            let decisions = Dictionary((old?.decisions ?? []).map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
            for decision in meeting.decisions where decisions[decision.number] != decision {
                items.append(Item(.decision, decision.label, to: decision.done ? "done" : "open"))
            }
            let kept = Set(meeting.decisions.map(\.number))
            for decision in old?.decisions ?? [] where !kept.contains(decision.number) { items.append(Item(.decision, decision.label, from: "removed")) }
        }
        let names = Set(now.meetings.map(\.name))
        for old in then.meetings where !names.contains(old.name) { items.append(Item(.meeting, old.name, from: "removed")) }
        let checkpoints = Set(then.checkpoints.map(\.name))
        for checkpoint in now.checkpoints where !checkpoints.contains(checkpoint.name) {
            items.append(Item(.checkpoint, checkpoint.name, to: checkpoint.date.display))
        }
        return items
    }
}

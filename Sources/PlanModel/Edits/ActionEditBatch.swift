/// Applies many edits one after another, each checked as `Plan.applying` checks it, in time
/// linear in the plan and the edits when each touches one action (sets a field other than its
/// reference, adds or removes a note, adds an action at the end of an area): each is applied
/// to a plan holding only that action, and the actions go back into the plan in one pass.
/// Applying them to the whole plan one by one copies the plan's actions each time: a tracker
/// of 100,000 rows took minutes. Any other edit is applied to the whole plan as it stands.
public struct ActionEditBatch {
    private var base: Plan
    /// Where each action of `base` is: (area index, position).
    private var index: [String: (area: Int, position: Int)] = [:]
    /// An action changed or added since `base`; `addedTo`: the index of the area it was added
    /// at the end of.
    private struct Slot {
        var action: Action
        var addedTo: Int?
    }
    /// Actions changed or added since `base`, in an array with their places by reference (a
    /// dictionary of whole actions took twice the memory of a tracker's 100,000 rows).
    private var slots: [Slot] = []
    private var slotOf: [String: Int] = [:]
    /// The slots of actions added at the end of their area, in order.
    private var added: [Int] = []

    public init(_ plan: Plan) {
        base = plan
        reindex()
    }

    private mutating func reindex() {
        index = [:]
        index.reserveCapacity(base.areas.reduce(0) { $0 + $1.actions.count })
        for (a, area) in base.areas.enumerated() {
            for (p, action) in area.actions.enumerated() where index[action.ref] == nil { index[action.ref] = (a, p) }
        }
    }

    /// Makes room for `count` actions changed or added, so a large batch's storage is made
    /// once rather than doubled (and briefly held twice) as it grows.
    public mutating func reserveCapacity(_ count: Int) {
        slots.reserveCapacity(count)
        slotOf.reserveCapacity(count)
        added.reserveCapacity(count)
    }

    /// The action as it stands after the edits so far.
    public func action(_ ref: String) -> Action? {
        if let slot = slotOf[ref] { return slots[slot].action }
        return index[ref].map { base.areas[$0.area].actions[$0.position] }
    }

    /// The number of the area an action is in, after the edits so far.
    public func areaNumber(ofAction ref: String) -> Int? {
        if let at = index[ref] { return base.areas[at.area].number }
        return slotOf[ref].flatMap { slots[$0].addedTo }.map { base.areas[$0].number }
    }

    /// Applies one edit; returns its inverse and a plan holding what it touched (for wording
    /// its summary). Refused as `Plan.applying` refuses it, leaving the batch as it was.
    public mutating func apply(_ edit: Edit) throws -> (inverse: Edit, touched: Plan) {
        switch edit {
        case let .addAction(number, nil, action):
            guard let a = base.areas.firstIndex(where: { $0.number == number }) else { break }
            if self.action(action.ref) != nil { throw EditError("action reference \(action.ref) is already used; expected a new reference") }
            let (after, inverse) = try scratch(area: a, holding: nil).applying(edit)
            guard let made = after.areas.first?.actions.last else { break }
            added.append(slots.count)
            slotOf[made.ref] = slots.count
            slots.append(Slot(action: made, addedTo: a))
            return (inverse, after)
        case let .setAction(ref, field, _, _) where field != .ref:
            return try applyToOne(ref, edit)
        case let .addNote(ref, _, _), let .removeNote(ref, _):
            return try applyToOne(ref, edit)
        default: break
        }
        // Anything else: on the whole plan as it stands.
        let (after, inverse) = try plan.applying(edit)
        base = after
        slots = []
        slotOf = [:]
        added = []
        reindex()
        return (inverse, after)
    }

    private mutating func applyToOne(_ ref: String, _ edit: Edit) throws -> (inverse: Edit, touched: Plan) {
        guard let current = action(ref) else { throw EditError.noAction(ref) }
        let slot = slotOf[ref]
        let area = index[ref]?.area ?? slot.flatMap { slots[$0].addedTo } ?? 0
        let (after, inverse) = try scratch(area: area, holding: current).applying(edit)
        if let made = after.areas.first?.actions.first {
            if let slot { slots[slot].action = made } else {
                slotOf[ref] = slots.count
                slots.append(Slot(action: made, addedTo: nil))
            }
        }
        return (inverse, after)
    }

    /// The plan with only one area, holding only `action` (or none).
    private func scratch(area a: Int, holding action: Action?) -> Plan {
        var plan = base
        var area = base.areas[a]
        area.actions = action.map { [$0] } ?? []
        plan.areas = [area]
        return plan
    }

    /// The plan after every edit applied so far.
    public var plan: Plan {
        guard !slots.isEmpty else { return base }
        var plan = base
        for a in plan.areas.indices {
            var actions = plan.areas[a].actions
            let adding = added.reduce(0) { $0 + (slots[$1].addedTo == a ? 1 : 0) }
            if adding > 0 { actions.reserveCapacity(actions.count + adding) }
            for p in actions.indices {
                if let slot = slotOf[actions[p].ref] { actions[p] = slots[slot].action }
            }
            for slot in added where slots[slot].addedTo == a { actions.append(slots[slot].action) }
            plan.areas[a].actions = actions
        }
        return plan
    }
}

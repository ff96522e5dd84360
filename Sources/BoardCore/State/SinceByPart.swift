import PlanModel

/// What changed since a checkpoint (`SinceSummary`), worked out so that a change costs the
/// change, not the plan: the plan as it was at the checkpoint is kept and carried forward
/// across new lines of the log, and actions are compared area by area, each area's result
/// kept with the list it was made from (`Memo.part`). Equals `SinceSummary(then:now:)` with
/// `Plan.asItWas` (a property test checks, after random edits from several writers).
extension BoardState {
    func sinceSummaryByPart(_ checkpoint: Checkpoint) -> SinceSummary {
        let then = planThen(checkpoint, log.since(checkpoint))
        let name = checkpoint.name
        var actions: [SinceSummary.Item] = []
        var matched = 0
        for (i, area) in plan.areas.enumerated() {
            let same = i < then.plan.areas.count ? then.plan.areas[i].actions : []
            let part = memo.part("sinceActions:\(name):\(i)", of: area.actions, then.generation) {
                SinceSummary.AreaItems(area.actions, same: same, then: then.plan.areas) { thenPlaces(name, then) }
            }
            actions += part.items
            matched += part.matched
        }
        // Every action then found now (references are unique), or the ones gone.
        if matched < then.plan.actionCount { actions += gone(name, then) }
        let risks = memo.part("sinceRisks:\(name)", of: plan.risks, then.generation) { SinceSummary.riskChanges(then.plan, plan) }
        return SinceSummary(actions: actions, risks: risks, then: then.plan, now: plan)
    }

    /// The actions there then and gone now, in plan order: those missing from the same area
    /// now (kept per area, so a change remakes one area's), less those found in another.
    private func gone(_ name: String, _ then: KeptThen) -> [SinceSummary.Item] {
        var items: [SinceSummary.Item] = []
        for (a, area) in then.plan.areas.enumerated() {
            let here = a < plan.areas.count ? plan.areas[a].actions : []
            let missing = memo.part("sinceMissing:\(name):\(a)", of: here, then.generation) { () -> [Action] in
                let refs = a < plan.areas.count ? self.refs(inArea: a) : [:]
                return area.actions.filter { refs[$0.ref] == nil }
            }
            items += missing.filter { place(ofAction: $0.ref) == nil }.map(SinceSummary.removed)
        }
        return items
    }

    /// Where each action was then, by reference (the first of a reference wins), made only
    /// when an area's actions moved, were added or were removed since.
    private func thenPlaces(_ name: String, _ then: KeptThen) -> [String: ActionPlace] {
        memo.value("thenPlaces:\(name)", then.generation) { ActionPlace.places(in: then.plan.areas) }
    }

    /// The plan as it was at a checkpoint (`Plan.asItWas`), kept: after new lines of the
    /// log it still holds when undoing just those lines gives back the plan it was made
    /// from, since undoing the log as far as it goes then takes the same path as before.
    func planThen(_ checkpoint: Checkpoint, _ recent: [ChangeRecord]) -> KeptThen {
        let slot = "then:\(checkpoint.name)"
        let meeting = plan.meetings.first { $0.checkpoint == checkpoint.name }?.byWhen
        if var kept = memo.kept(slot, as: KeptThen.self), kept.checkpoint == checkpoint, kept.meeting == meeting,
           let newer = kept.newer(in: recent), case let (before, true) = plan.undoing(newer), before == kept.now {
            kept.now = plan
            kept.records = KeptThen.Records(recent)
            memo.keep(slot, kept)
            return kept
        }
        let kept = KeptThen(checkpoint: checkpoint, meeting: meeting, records: KeptThen.Records(recent), now: plan,
                            plan: plan.asItWas(at: checkpoint, log: recent), generation: memo.nextVersion())
        memo.keep(slot, kept)
        return kept
    }
}

/// The plan as it was at a checkpoint, with what it was made from.
struct KeptThen {
    /// The first and last sequence numbers of the log's lines since the checkpoint, and how many.
    struct Records: Equatable {
        var first: Int64?
        var last: Int64?
        var count: Int
        init(_ records: [ChangeRecord]) {
            first = records.first?.seq
            last = records.last?.seq
            count = records.count
        }
    }

    var checkpoint: Checkpoint
    /// The by-whens the meeting that recorded the checkpoint kept, if one did.
    var meeting: [ActionDate]?
    var records: Records
    /// The plan it was made from (or carried forward to).
    var now: Plan
    /// The plan as it was.
    var plan: Plan
    /// A number of its own: parts compared with an older plan-then are made again.
    var generation: Int

    /// The lines of `recent` after those it was made from, when those are still its start;
    /// nil when the log is not the same log grown.
    func newer(in recent: [ChangeRecord]) -> ArraySlice<ChangeRecord>? {
        guard recent.count >= records.count else { return nil }
        if records.count > 0, recent.first?.seq != records.first || recent[records.count - 1].seq != records.last { return nil }
        return recent[records.count...]
    }
}

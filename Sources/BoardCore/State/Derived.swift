import PlanModel

/// Derived figures put together from parts, each part kept with the list it was made from
/// (see `Memo.part`): after a change made here or elsewhere only the parts whose lists
/// changed are worked out again, so the first draw after a change costs the change, not
/// the plan. Each equals what the plan's own function gives (a property test checks).
extension BoardState {
    /// Each area's roll-up, in plan order, area by area.
    func rollupsByPart() -> [AreaRollup] {
        let key = RollupKey(today: today, dueSoonDays: plan.settings.dueSoonDays)
        return plan.areas.enumerated().map { i, area in
            memo.part("rollup:\(i)", of: area.actions, key) { plan.rollup(of: area, today: today) }
        }
    }

    /// Where an action sits: its area's index and its index there, found through each
    /// area's references (kept per area) rather than by reading every action up to it.
    func place(ofAction ref: String) -> (area: Int, index: Int)? {
        for a in plan.areas.indices {
            if let index = refs(inArea: a)[ref] { return (a, index) }
        }
        return nil
    }

    /// Where each action of an area sits in it, by reference (the first of a reference wins).
    func refs(inArea a: Int) -> [String: Int] {
        let actions = plan.areas[a].actions
        return memo.part("refs:\(a)", of: actions, 0) { () -> [String: Int] in
            var refs: [String: Int] = [:]
            refs.reserveCapacity(actions.count)
            for i in actions.indices where refs[actions[i].ref] == nil { refs[actions[i].ref] = i }
            return refs
        }
    }

    /// The action with a reference, found as `place(ofAction:)` finds it.
    func action(_ ref: String) -> Action? { place(ofAction: ref).map { plan.areas[$0.area].actions[$0.index] } }

    /// The highest residual risks, sorted again only when the risks changed.
    func topRisksByPart() -> [Risk] {
        memo.part("topRisks", of: plan.risks, 0) { Array(plan.risksByResidual.prefix(5)) }
    }

    /// What changed since a checkpoint, as `Plan.changes(since:)` says, area by area.
    func changesByPart(since checkpoint: Checkpoint) -> [PlanChange] {
        let then = checkpoint.actions
        let table = memo.part("checkpoint:\(checkpoint.name)", of: then, 0) { CheckpointTable(then, generation: memo.nextVersion()) }
        var changes: [PlanChange] = []
        var matched = 0
        for (i, area) in plan.areas.enumerated() {
            let part = memo.part("changes:\(checkpoint.name):\(i)", of: area.actions, table.generation) { AreaChanges(area.actions, table.statuses) }
            changes += part.changes
            matched += part.matched
        }
        if matched < then.count {
            let now = Set(plan.areas.flatMap { $0.actions.map(\.ref) })
            for old in then where !now.contains(old.ref) { changes.append(.status(ref: old.ref, from: old.status, to: nil)) }
        }
        let risks = memo.part("checkpointRisks:\(checkpoint.name)", of: checkpoint.risks, 0) { memo.nextVersion() }
        changes += memo.part("riskChanges:\(checkpoint.name)", of: plan.risks, risks) { Self.riskChanges(plan.risks, checkpoint) }
        changes += Self.kpiChanges(plan.kpis, checkpoint)
        return changes
    }

    /// Risk scores that moved since a checkpoint, then the risks removed since.
    static func riskChanges(_ risks: [Risk], _ checkpoint: Checkpoint) -> [PlanChange] {
        var changes: [PlanChange] = []
        let thenRisk = Dictionary(checkpoint.risks.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        for risk in risks {
            let old = thenRisk[risk.ref]
            for stage in Risk.Stage.allCases {
                let before: Score? = old.map { stage == .inherent ? $0.inherent : stage == .residual ? $0.residual : $0.target }
                if before != risk.score(stage) { changes.append(.score(ref: risk.ref, stage: stage, from: before, to: risk.score(stage))) }
            }
        }
        let riskRefs = Set(risks.map(\.ref))
        for old in checkpoint.risks where !riskRefs.contains(old.ref) {
            changes.append(.score(ref: old.ref, stage: .residual, from: old.residual, to: nil))
        }
        return changes
    }

    /// KPI actuals that changed since a checkpoint.
    static func kpiChanges(_ kpis: [KPI], _ checkpoint: Checkpoint) -> [PlanChange] {
        var changes: [PlanChange] = []
        let thenKPI = Dictionary(checkpoint.kpis.map { ($0.ref, $0.actuals) }, uniquingKeysWith: { a, _ in a })
        for kpi in kpis {
            let before = thenKPI[kpi.ref] ?? []
            for (i, milestone) in kpi.milestones.enumerated() {
                let was: Double? = i < before.count ? before[i] : nil
                if was != milestone.actual { changes.append(.actual(ref: kpi.ref, milestone: i, from: was, to: milestone.actual)) }
            }
        }
        return changes
    }
}

/// What an area's roll-up is made from besides its actions.
struct RollupKey: Hashable {
    var today: PlanDate
    var dueSoonDays: Int
}

/// A checkpoint's statuses by reference (the first entry for a reference wins), and a
/// number of its own, so parts made against an older table are made again.
struct CheckpointTable {
    let statuses: [String: Status]
    let generation: Int

    init(_ actions: [Checkpoint.ActionState], generation: Int) {
        var statuses: [String: Status] = [:]
        for state in actions where statuses[state.ref] == nil { statuses[state.ref] = state.status }
        self.statuses = statuses
        self.generation = generation
    }
}

/// One area's status changes against a checkpoint, and how many of its actions the
/// checkpoint held.
struct AreaChanges {
    var changes: [PlanChange] = []
    var matched = 0

    init(_ actions: [Action], _ then: [String: Status]) {
        for action in actions {
            let before = then[action.ref]
            if before != nil { matched += 1 }
            if before != action.status { changes.append(.status(ref: action.ref, from: before, to: action.status)) }
        }
    }
}

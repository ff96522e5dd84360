/// One difference between a checkpoint and the plan now.
public enum PlanChange: Equatable, Sendable {
    /// An action's status moved; `from` is nil for an action added since, `to` nil for one removed.
    case status(ref: String, from: Status?, to: Status?)
    /// A risk's score moved at one stage; nil for a risk added or removed since.
    case score(ref: String, stage: Risk.Stage, from: Score?, to: Score?)
    /// A KPI's actual at one milestone changed.
    case actual(ref: String, milestone: Int, from: Double?, to: Double?)
}

extension Plan {
    /// What changed since a checkpoint: statuses, risk scores and KPI actuals, in plan order.
    public func changes(since checkpoint: Checkpoint) -> [PlanChange] {
        var changes: [PlanChange] = []
        // A checkpoint lists actions in plan order, so walk both together and fall back to
        // looking references up only where they part company (actions added, removed or moved).
        let then = checkpoint.actions
        var lookup: [String: Status]?
        var matched = 0
        var index = 0
        var nowRefs: Set<String>?
        for area in areas {
            for action in area.actions {
                let before: Status?
                if index < then.count, then[index].ref == action.ref {
                    before = then[index].status
                    matched += 1
                } else {
                    if lookup == nil {
                        var table: [String: Status] = [:]
                        for state in then where table[state.ref] == nil { table[state.ref] = state.status }
                        lookup = table
                    }
                    before = lookup?[action.ref]
                    if before != nil { matched += 1 }
                }
                index += 1
                if before != action.status { changes.append(.status(ref: action.ref, from: before, to: action.status)) }
            }
        }
        if matched < then.count {
            if nowRefs == nil { nowRefs = Set(areas.flatMap { $0.actions.map(\.ref) }) }
            for old in then where !(nowRefs?.contains(old.ref) ?? false) {
                changes.append(.status(ref: old.ref, from: old.status, to: nil))
            }
        }

        let thenRisk = Dictionary(checkpoint.risks.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        for risk in risks {
            let old = thenRisk[risk.ref]
            for stage in Risk.Stage.allCases {
                let before: Score? = old.map { stage == .inherent ? $0.inherent : stage == .residual ? $0.residual : $0.target }
                if before != risk.score(stage) {
                    changes.append(.score(ref: risk.ref, stage: stage, from: before, to: risk.score(stage)))
                }
            }
        }
        let riskRefs = Set(risks.map(\.ref))
        for old in checkpoint.risks where !riskRefs.contains(old.ref) {
            changes.append(.score(ref: old.ref, stage: .residual, from: old.residual, to: nil))
        }

        let thenKPI = Dictionary(checkpoint.kpis.map { ($0.ref, $0.actuals) }, uniquingKeysWith: { a, _ in a })
        for kpi in kpis {
            let before = thenKPI[kpi.ref] ?? []
            for (i, milestone) in kpi.milestones.enumerated() {
                let was: Double? = i < before.count ? before[i] : nil
                if was != milestone.actual {
                    changes.append(.actual(ref: kpi.ref, milestone: i, from: was, to: milestone.actual))
                }
            }
        }
        return changes
    }
}

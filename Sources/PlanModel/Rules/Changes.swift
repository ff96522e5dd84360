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
        let thenStatus = Dictionary(checkpoint.actions.map { ($0.ref, $0.status) }, uniquingKeysWith: { a, _ in a })
        let nowRefs = Set(allActions.map(\.ref))
        for action in allActions where thenStatus[action.ref] != action.status {
            changes.append(.status(ref: action.ref, from: thenStatus[action.ref], to: action.status))
        }
        for old in checkpoint.actions where !nowRefs.contains(old.ref) {
            changes.append(.status(ref: old.ref, from: old.status, to: nil))
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

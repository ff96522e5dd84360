import PlanModel

/// What the outline of a plan holds (`PlanStore.outline()`, what the dashboard's first screen
/// is drawn from): every action cut down to its reference, status and by-when, and each
/// checkpoint to its name and date (unless `wholeCheckpoints`); the rest whole.
public enum PlanOutline {
    public static func of(_ plan: Plan, wholeCheckpoints: Bool = false) -> Plan {
        var plan = plan
        for a in plan.areas.indices {
            plan.areas[a].actions = plan.areas[a].actions.map { whole in
                var action = Action(ref: whole.ref, text: "", byWhen: whole.byWhen, status: whole.status)
                action.revisions = whole.revisions
                return action
            }
        }
        if !wholeCheckpoints { plan.checkpoints = plan.checkpoints.map { Checkpoint(name: $0.name, date: $0.date) } }
        return plan
    }
}

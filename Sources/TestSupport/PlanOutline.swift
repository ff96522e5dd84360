import PlanModel

/// What the outline of a plan holds (`PlanStore.outline()`, what the dashboard's first screen
/// is drawn from): every action cut down to its reference, status and by-when; the rest whole.
public enum PlanOutline {
    public static func of(_ plan: Plan) -> Plan {
        var plan = plan
        for a in plan.areas.indices {
            plan.areas[a].actions = plan.areas[a].actions.map { Action(ref: $0.ref, text: "", byWhen: $0.byWhen, status: $0.status) }
        }
        return plan
    }
}

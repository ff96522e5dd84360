import PlanModel

extension BoardState {
    /// Opens what a selected line stands for: an area, an action, a risk, a KPI, a
    /// checkpoint (which becomes "since") or a line of the change log.
    func openLine(_ target: Target?) -> [Step] {
        switch target {
        case let .area(index)?:
            return plan.areas.indices.contains(index) ? [.push(AreaScreen.id(plan.areas[index].number))] : []
        case let .action(ref)?: return action(ref) == nil ? [] : [.push(ActionScreen.id(ref))]
        case let .risk(ref)?: return [.push(RiskScreen.id(ref))]
        case let .kpi(ref)?: return [.push(KPIScreen.id(ref))]
        case let .checkpoint(name)?:
            return [.since(name), .say("“Since” now means since \(name). \(Bindings.key(.listChanges)) lists the changes.")]
        case let .change(seq)?: return openChange(seq)
        default: return []
        }
    }

    /// Opens what a line of the change log changed, if it is still there.
    private func openChange(_ seq: Int64) -> [Step] {
        guard let edit = log.first(where: { $0.seq == seq })?.edit, let subject = edit.subject else { return [] }
        switch subject {
        case let .action(ref):
            return plan.action(ref) != nil ? [.push(ActionScreen.id(ref))] : [.say("Action \(ref) has since been removed.")]
        case let .risk(ref):
            return plan.risk(ref) != nil ? [.push(RiskScreen.id(ref))] : [.say("Risk \(ref) has since been removed.")]
        case let .kpi(ref): return [.push(KPIScreen.id(ref))]
        case let .checkpoint(name): return [.show([Visit(ScreenID(CheckpointsScreen.kind), focus: .checkpoint(name))])]
        }
    }
}

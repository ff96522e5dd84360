import PlanModel

/// Searching the plan from any screen: actions (text, reference, leads, progress notes),
/// then risks (reference, text, owner, mitigation, progress), then KPIs (reference, name).
extension BoardState {
    /// Actions whose reference, text, leads or progress notes contain the search, in plan order.
    public func matches(_ query: String) -> [Action] {
        guard !query.isEmpty else { return [] }
        let search = TextSearch(query)
        return allActions.filter { action in
            search.found(in: action.ref) || search.found(in: action.text) || action.leads.contains { search.found(in: $0) }
                || action.notes.contains { search.found(in: $0.text) }
        }
    }

    /// Everything the search finds, in the order `n` visits it: actions, risks, KPIs.
    public func matchingTargets(_ query: String) -> [Target] {
        guard !query.isEmpty else { return [] }
        let search = TextSearch(query)
        func has(_ text: String) -> Bool { search.found(in: text) }
        let risks = plan.risks.filter { has($0.ref) || has($0.risk) || has($0.owner) || has($0.mitigation) || has($0.progress) }
        let kpis = plan.kpis.filter { has($0.ref) || has($0.name) }
        return matches(query).map { .action($0.ref) } + risks.map { .risk($0.ref) } + kpis.map { .kpi($0.ref) }
    }

    /// Goes to the next (or previous) match after what is selected: an action in its area's
    /// screen, a risk in the register, a KPI on its own screen.
    func jumpToMatch(_ query: String?, forward: Bool, including: Bool = false) -> [Step] {
        guard let query, !query.isEmpty else { return [.say("No search yet: press \(Bindings.key(.search)) to search.")] }
        let found = matchingTargets(query)
        guard !found.isEmpty else { return [.refuse("Nothing matches “\(query)”.")] }
        let order = allActions.map { Target.action($0.ref) } + plan.risks.map { .risk($0.ref) } + plan.kpis.map { .kpi($0.ref) }
        let selected: Target? = currentAction.map { .action($0.ref) } ?? currentRisk.map { .risk($0.ref) } ?? currentKPI.map { .kpi($0.ref) }
        let here = selected.flatMap { order.firstIndex(of: $0) } ?? (forward ? -1 : order.count)
        // One pass, not a search of the whole order for each match.
        let wanted = Set(found)
        let positions: [Int] = order.indices.filter { wanted.contains(order[$0]) }
        let target: Int = forward
            ? positions.first { including ? $0 >= here : $0 > here } ?? positions[0]
            : positions.last { $0 < here } ?? positions[positions.count - 1]
        let chosen = order[target]
        let n = (found.firstIndex(of: chosen) ?? 0) + 1
        let keys = "\(Bindings.key(.nextMatch)) next, \(Bindings.key(.previousMatch)) previous"
        switch chosen {
        case let .action(ref):
            guard let area = plan.area(ofAction: ref), let index = plan.areas.firstIndex(where: { $0.number == area.number }) else { return [] }
            return [.show([Visit(ScreenID(AreasScreen.kind), focus: .area(index)), Visit(AreaScreen.id(area.number), focus: .action(ref))]),
                    .say("Match \(n) of \(found.count) for “\(query)”: \(ref). \(keys), Enter opens.")]
        case let .risk(ref):
            return [.show([Visit(ScreenID(RegisterScreen.kind), focus: .risk(ref))]),
                    .say("Match \(n) of \(found.count) for “\(query)”: risk \(ref). \(keys), Enter opens.")]
        case let .kpi(ref):
            return [.show([Visit(ScreenID(ScoreCardScreen.kind)), Visit(KPIScreen.id(ref))]),
                    .say("Match \(n) of \(found.count) for “\(query)”: KPI \(ref). \(keys).")]
        default:
            return []
        }
    }
}

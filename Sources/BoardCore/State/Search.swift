import PlanModel

/// What a search finds, by position: the matching actions' places in plan order (counting
/// across areas), then the risks' and the KPIs' places in their lists. Positions rather
/// than copies, so a search that matches most of 100,000 actions stays cheap.
struct SearchHits {
    var actions: [Int] = []
    var risks: [Int] = []
    var kpis: [Int] = []

    var count: Int { actions.count + risks.count + kpis.count }
}

/// Searching the plan from any screen: actions (text, reference, leads, progress notes),
/// then risks (reference, text, owner, mitigation, progress), then KPIs (reference, name).
extension BoardState {
    /// Actions whose reference, text, leads or progress notes contain the search, in plan order.
    public func matches(_ query: String) -> [Action] {
        let wanted = hits(query).actions
        guard !wanted.isEmpty else { return [] }
        var found: [Action] = []
        var next = 0
        var position = 0
        for area in plan.areas {
            for action in area.actions {
                if next < wanted.count, wanted[next] == position {
                    found.append(action)
                    next += 1
                }
                position += 1
            }
        }
        return found
    }

    /// Everything the search finds, in the order `n` visits it: actions, risks, KPIs.
    public func matchingTargets(_ query: String) -> [Target] {
        let hits = hits(query)
        return matches(query).map { .action($0.ref) } + hits.risks.map { .risk(plan.risks[$0].ref) } + hits.kpis.map { .kpi(plan.kpis[$0].ref) }
    }

    /// The search's hits, worked out once per plan and query (the prompt counts them as
    /// they are typed, and Enter goes to the first).
    func hits(_ query: String) -> SearchHits {
        guard !query.isEmpty else { return SearchHits() }
        return memo.value("hits", key(query)) {
            let search = TextSearch(query)
            func has(_ text: String) -> Bool { search.found(in: text) }
            var hits = SearchHits()
            var position = 0
            for area in plan.areas {
                // Read in place: copying each of 100,000 actions costs as much as the search.
                area.actions.withUnsafeBufferPointer { actions in
                    for i in actions.indices {
                        if has(actions[i].ref) || has(actions[i].text) || actions[i].leads.contains(where: has)
                            || actions[i].notes.contains(where: { has($0.text) }) {
                            hits.actions.append(position + i)
                        }
                    }
                }
                position += area.actions.count
            }
            hits.risks = plan.risks.indices.filter { i in
                let risk = plan.risks[i]
                return has(risk.ref) || has(risk.risk) || has(risk.owner) || has(risk.mitigation) || has(risk.progress)
            }
            hits.kpis = plan.kpis.indices.filter { has(plan.kpis[$0].ref) || has(plan.kpis[$0].name) }
            return hits
        }
    }

    /// Goes to the next (or previous) match after what is selected: an action in its area's
    /// screen, a risk in the register, a KPI on its own screen.
    func jumpToMatch(_ query: String?, forward: Bool, including: Bool = false) -> [Step] {
        guard let query, !query.isEmpty else { return [.say("No search yet: press \(Bindings.key(.search)) to search.")] }
        let hits = hits(query)
        guard hits.count > 0 else { return [.refuse("Nothing matches “\(query)”.")] }
        // Places in one order: actions, then risks, then KPIs; the hits are already in it.
        let actionCount = plan.areas.reduce(0) { $0 + $1.actions.count }
        let positions = hits.actions + hits.risks.map { actionCount + $0 } + hits.kpis.map { actionCount + plan.risks.count + $0 }
        let here = selectedPlace(actionCount: actionCount) ?? (forward ? -1 : actionCount + plan.risks.count + plan.kpis.count)
        let k: Int = forward
            ? positions.firstIndex { including ? $0 >= here : $0 > here } ?? 0
            : positions.lastIndex { $0 < here } ?? positions.count - 1
        let said = "Match \(k + 1) of \(hits.count) for “\(query)”:"
        let keys = "\(Bindings.key(.nextMatch)) next, \(Bindings.key(.previousMatch)) previous"
        let place = positions[k]
        if place >= actionCount + plan.risks.count {
            let ref = plan.kpis[place - actionCount - plan.risks.count].ref
            return [.show([Visit(ScreenID(ScoreCardScreen.kind)), Visit(KPIScreen.id(ref))]), .say("\(said) KPI \(ref). \(keys).")]
        }
        if place >= actionCount {
            let ref = plan.risks[place - actionCount].ref
            return [.show([Visit(ScreenID(RegisterScreen.kind), focus: .risk(ref))]), .say("\(said) risk \(ref). \(keys), Enter opens.")]
        }
        guard let (a, ref) = action(atPlace: place), let index = plan.areas.firstIndex(where: { $0.number == plan.areas[a].number }) else { return [] }
        return [.show([Visit(ScreenID(AreasScreen.kind), focus: .area(index)), Visit(AreaScreen.id(plan.areas[a].number), focus: .action(ref))]),
                .say("\(said) \(ref). \(keys), Enter opens.")]
    }

    /// The place of what is selected in the search's order (actions, risks, KPIs).
    private func selectedPlace(actionCount: Int) -> Int? {
        if let action = currentAction {
            guard let (a, i) = place(ofAction: action.ref) else { return nil }
            return plan.areas[..<a].reduce(0) { $0 + $1.actions.count } + i
        }
        if let risk = currentRisk { return plan.risks.firstIndex { $0.ref == risk.ref }.map { actionCount + $0 } }
        if let kpi = currentKPI { return plan.kpis.firstIndex { $0.ref == kpi.ref }.map { actionCount + plan.risks.count + $0 } }
        return nil
    }

    /// The area index and reference of the action at a place in plan order.
    private func action(atPlace place: Int) -> (Int, String)? {
        var left = place
        for (a, area) in plan.areas.enumerated() {
            if left < area.actions.count { return (a, area.actions[left].ref) }
            left -= area.actions.count
        }
        return nil
    }
}

import PlanModel

/// Searching actions by text, reference and lead, from any screen.
extension BoardState {
    /// Actions whose reference, text or leads contain the search, in plan order.
    public func matches(_ query: String) -> [Action] {
        guard !query.isEmpty else { return [] }
        let search = TextSearch(query)
        return allActions.filter { action in
            search.found(in: action.ref) || search.found(in: action.text) || action.leads.contains { search.found(in: $0) }
        }
    }

    /// Goes to the next (or previous) match after the selected action, in its area's screen.
    func jumpToMatch(_ query: String?, forward: Bool, including: Bool = false) -> [Step] {
        guard let query, !query.isEmpty else { return [.say("No search yet: press \(Bindings.key(.search)) to search.")] }
        let found = matches(query)
        guard !found.isEmpty else { return [.refuse("No action matches “\(query)”.")] }
        let order = allActions.map(\.ref)
        let here = currentAction.flatMap { order.firstIndex(of: $0.ref) } ?? (forward ? -1 : order.count)
        // One pass, not a search of the whole order for each match.
        let wanted = Set(found.map(\.ref))
        let positions = order.indices.filter { wanted.contains(order[$0]) }
        let target = forward
            ? positions.first { including ? $0 >= here : $0 > here } ?? positions[0]
            : positions.last { $0 < here } ?? positions[positions.count - 1]
        let ref = order[target]
        guard let area = plan.area(ofAction: ref), let index = plan.areas.firstIndex(where: { $0.number == area.number }) else { return [] }
        let n = (found.firstIndex { $0.ref == ref } ?? 0) + 1
        let keys = "\(Bindings.key(.nextMatch)) next, \(Bindings.key(.previousMatch)) previous, Enter opens"
        return [.show([Visit(ScreenID(AreasScreen.kind), focus: .area(index)), Visit(AreaScreen.id(area.number), focus: .action(ref))]),
                .say("Match \(n) of \(found.count) for “\(query)”: \(ref). \(keys).")]
    }
}

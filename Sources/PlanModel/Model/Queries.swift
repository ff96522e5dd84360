/// Finding things in a plan by the references people use.
extension Plan {
    /// Every action, area by area, in plan order.
    public var allActions: [Action] { areas.flatMap(\.actions) }

    /// How many actions the plan holds, counted without gathering them.
    public var actionCount: Int { areas.reduce(0) { $0 + $1.actions.count } }

    /// Where an action sits: its area's index and its index within that area.
    public func locate(action ref: String) -> (area: Int, index: Int)? {
        for (a, area) in areas.enumerated() {
            if let i = area.actions.firstIndex(where: { $0.ref == ref }) { return (a, i) }
        }
        return nil
    }

    public func action(_ ref: String) -> Action? {
        locate(action: ref).map { areas[$0.area].actions[$0.index] }
    }

    /// The area an action belongs to.
    public func area(ofAction ref: String) -> Area? {
        locate(action: ref).map { areas[$0.area] }
    }

    public func area(number: Int) -> Area? { areas.first { $0.number == number } }

    public func risk(_ ref: String) -> Risk? { risks.first { $0.ref == ref } }

    public func kpi(_ ref: String) -> KPI? { kpis.first { $0.ref == ref } }

    /// The actions that move a KPI: the link is stored once, on the action.
    public func actions(movingKPI ref: String) -> [Action] {
        allActions.filter { $0.kpis.contains(ref) }
    }

    /// The risks linked to an area.
    public func risks(inArea number: Int) -> [Risk] { risks.filter { $0.areas.contains(number) } }

    public func checkpoint(named name: String) -> Checkpoint? { checkpoints.first { $0.name == name } }

    /// Everyone named as a lead, officer or owner, sorted, for completion when typing a name.
    public var people: [String] {
        var names = Set<String>()
        for action in allActions {
            names.formUnion(action.leads)
            if let sro = action.seniorResponsibleOfficer { names.insert(sro) }
        }
        for risk in risks where !risk.owner.isEmpty { names.insert(risk.owner) }
        for person in header.accountableOfficers + header.advisers { names.insert(person.name) }
        return names.sorted()
    }
}

/// Structure edits built from what the plan holds now, shared by the command line and the
/// dashboard so both write the same edits. Each returns nil (or nothing) when the plan
/// already holds what was asked for, or has no such thing.
extension Plan {
    /// The number a new area takes: one more than the highest.
    public var nextAreaNumber: Int { (areas.map(\.number).max() ?? 0) + 1 }

    /// A reference for a new KPI: `K` and one more than the highest `K` number.
    public var nextKPIRef: String {
        let numbers = kpis.compactMap { kpi -> Int? in
            guard kpi.ref.first == "K" || kpi.ref.first == "k" else { return nil }
            return Int(kpi.ref.dropFirst())
        }
        return "K\((numbers.max() ?? 0) + 1)"
    }

    /// Removes an area with what goes with it: its findings, actions and their notes, and
    /// the risks' links to it.
    public func removing(area number: Int) -> StructureEdit? {
        area(number: number).map { .removeArea($0, risks: areaLinks(number)) }
    }

    /// Removes a KPI, unlinking the actions that move it.
    public func removing(kpi ref: String) -> StructureEdit? {
        kpi(ref).map { .removeKPI($0, links: kpiLinks(ref)) }
    }

    /// Sets a header or governance field.
    public func setting(_ field: PlanField, to new: StructureValue) -> StructureEdit? {
        let now = value(of: field)
        return now == new ? nil : .setPlanField(field: field, from: now, to: new)
    }

    /// Sets an area's title, weakness or findings source line.
    public func setting(_ field: AreaField, ofArea number: Int, to new: String) -> StructureEdit? {
        guard let area = area(number: number) else { return nil }
        let now = switch field {
        case .title: area.title
        case .weakness: area.weakness
        case .findingsSource: area.findingsSource
        }
        return now == new ? nil : .setArea(number: number, field: field, from: now, to: new)
    }

    /// Moves an area `delta` places along the plan's order (negative: earlier).
    public func moving(area number: Int, by delta: Int) -> StructureEdit? {
        guard let from = areas.firstIndex(where: { $0.number == number }) else { return nil }
        let to = from + delta
        guard to != from, areas.indices.contains(to) else { return nil }
        return .moveArea(number: number, from: from, to: to)
    }

    /// Adds a finding to an area, at the end.
    public func adding(finding text: String, toArea number: Int) -> StructureEdit? {
        area(number: number).map { .addFinding(area: number, letter: findingLetter(at: $0.findings.count), text: text) }
    }

    /// Moves a finding `delta` places (negative: towards a), re-lettering the others.
    public func moving(finding letter: String, inArea number: Int, by delta: Int) -> StructureEdit? {
        guard let area = area(number: number), let f = area.findings.firstIndex(where: { $0.letter == letter }) else { return nil }
        let to = f + delta
        guard to != f, area.findings.indices.contains(to) else { return nil }
        return .moveFinding(area: number, letter: letter, text: area.findings[f].text, to: findingLetter(at: to))
    }

    /// Sets a finding's text.
    public func setting(finding letter: String, inArea number: Int, to text: String) -> StructureEdit? {
        guard let finding = area(number: number)?.findings.first(where: { $0.letter == letter }), finding.text != text else { return nil }
        return .setFinding(area: number, letter: letter, from: finding.text, to: text)
    }

    /// Removes a finding; the letters after it move up one.
    public func removing(finding letter: String, inArea number: Int) -> StructureEdit? {
        guard let finding = area(number: number)?.findings.first(where: { $0.letter == letter }) else { return nil }
        return .removeFinding(area: number, letter: letter, text: finding.text)
    }

    /// Sets the KPI fields given, each only if it changes.
    public func setting(_ fields: [(KPIField, StructureValue)], ofKPI ref: String) -> [StructureEdit] {
        guard let kpi = kpi(ref) else { return [] }
        return fields.compactMap { field, new in
            let now = kpi.value(of: field)
            return now == new ? nil : .setKPI(ref: ref, field: field, from: now, to: new)
        }
    }

    /// Sets the milestone fields given, each only if it changes; a new label goes last, so
    /// the edits before it still name the milestone as it was.
    public func setting(_ fields: [(MilestoneField, StructureValue)], ofMilestone label: String, kpi ref: String) -> [StructureEdit] {
        guard let milestone = kpi(ref)?.milestones.first(where: { $0.label == label }) else { return [] }
        let ordered = fields.filter { $0.0 != .label } + fields.filter { $0.0 == .label }
        return ordered.compactMap { field, new in
            let now = milestone.value(of: field)
            return now == new ? nil : .setMilestone(kpi: ref, label: label, field: field, from: now, to: new)
        }
    }

    /// Removes a milestone with its target and actual.
    public func removing(milestone label: String, kpi ref: String) -> StructureEdit? {
        kpi(ref)?.milestones.first { $0.label == label }.map { .removeMilestone(kpi: ref, milestone: $0) }
    }

    /// Links (or unlinks) actions to a KPI: one edit per action whose list changes.
    public func linking(actions refs: [String], toKPI ref: String, _ link: Bool) -> [Edit] {
        refs.compactMap { actionRef in
            guard let action = action(actionRef) else { return nil }
            let new = link ? (action.kpis.contains(ref) ? action.kpis : action.kpis + [ref]) : action.kpis.filter { $0 != ref }
            return new == action.kpis ? nil : .setAction(ref: actionRef, field: .kpis, from: .names(action.kpis), to: .names(new))
        }
    }
}

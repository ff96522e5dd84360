/// Edits that build a plan's structure: the header, governance, areas of weakness,
/// findings and the impact score card (KPIs and their milestones).
///
/// Every edit names what it acts on by identity (an area by its number, a finding by its
/// letter and the text the person saw, a KPI by its reference, a milestone by its label),
/// never by position alone. Set-style edits carry the value the person saw (`from`) and the
/// new value (`to`); applying one refuses, changing nothing, when the plan no longer holds
/// `from`. Removals carry the removed item and what goes with it, and are refused if any of
/// it changed since. Each edit's inverse is another `StructureEdit`.
///
/// Findings are lettered a, b, c … in order: adding, moving or removing one re-letters the
/// area's findings so the letters stay in sequence.
public enum StructureEdit: Codable, Equatable, Sendable {
    /// Sets a header or governance field.
    case setPlanField(field: PlanField, from: StructureValue, to: StructureValue)

    /// Adds an area of weakness before the area numbered `before` (or at the end), linking
    /// back the risks named in `risks` (the inverse of a removal restores them).
    case addArea(Area, before: Int?, risks: [AreaLink])
    /// Sets an area's title, weakness or findings source line.
    case setArea(number: Int, field: AreaField, from: String, to: String)
    /// Moves an area from place `from` to place `to` in the plan's order (0 is first).
    /// Numbers, and so action references, do not change.
    case moveArea(number: Int, from: Int, to: Int)
    /// Removes an area with its findings, actions and their notes, unlinking the risks
    /// named in `risks`.
    case removeArea(Area, risks: [AreaLink])

    /// Adds a finding so that it takes `letter`; the findings from there on move down one.
    case addFinding(area: Int, letter: String, text: String)
    case setFinding(area: Int, letter: String, from: String, to: String)
    /// Moves the finding lettered `letter` (whose text is `text`) so that it takes `to`.
    case moveFinding(area: Int, letter: String, text: String, to: String)
    case removeFinding(area: Int, letter: String, text: String)

    /// Adds a KPI before the KPI `before` (or at the end), linking it to the actions in
    /// `links` (the inverse of a removal restores them).
    case addKPI(KPI, before: String?, links: [KPILink])
    case setKPI(ref: String, field: KPIField, from: StructureValue, to: StructureValue)
    /// Removes a KPI, unlinking the actions in `links`.
    case removeKPI(KPI, links: [KPILink])

    /// Adds a milestone before the milestone labelled `before` (or at the end).
    case addMilestone(kpi: String, milestone: Milestone, before: String?)
    case setMilestone(kpi: String, label: String, field: MilestoneField, from: StructureValue, to: StructureValue)
    case removeMilestone(kpi: String, milestone: Milestone)
}

/// Header and governance fields a `StructureEdit` can set.
public enum PlanField: String, Codable, Sendable, CaseIterable {
    case localArea, title, notice, inspectionStart, inspectionEnd, revisitReportDate
    case accountableOfficers, advisers
    case narrative, partners, reportingLines
    /// What `planboard publish` shows families, and the latest publication (a setting, `Settings.publication`).
    case publication

    /// How the field reads in a log line.
    public var label: String {
        switch self {
        case .localArea: "local area"
        case .title: "plan title"
        case .notice: "notice"
        case .inspectionStart: "inspection start"
        case .inspectionEnd: "inspection end"
        case .revisitReportDate: "revisit report date"
        case .accountableOfficers: "accountable officers"
        case .advisers: "advisers"
        case .narrative: "governance narrative"
        case .partners: "partners"
        case .reportingLines: "reporting lines"
        case .publication: "publication"
        }
    }
}

/// The text fields of an area.
public enum AreaField: String, Codable, Sendable, CaseIterable {
    case title, weakness, findingsSource
}

/// The fields of a KPI (its reference is its identity; actuals have their own edit).
public enum KPIField: String, Codable, Sendable, CaseIterable {
    case name, unit, better, baseline, comparator
}

/// The fields of a milestone (its actual has its own edit, `setActual`).
public enum MilestoneField: String, Codable, Sendable, CaseIterable {
    case label, date, target
}

/// A risk's link to an area, with its place in the risk's list, so a removal can be undone exactly.
public struct AreaLink: Codable, Equatable, Sendable {
    public var risk: String
    public var index: Int
    public init(risk: String, index: Int) {
        self.risk = risk
        self.index = index
    }
}

/// An action's link to a KPI, with its place in the action's list.
public struct KPILink: Codable, Equatable, Sendable {
    public var action: String
    public var index: Int
    public init(action: String, index: Int) {
        self.action = action
        self.index = index
    }
}

/// A value for a structure field, typed so an edit cannot put a date where people belong.
public enum StructureValue: Codable, Equatable, Sendable {
    case text(String)
    case optionalText(String?)
    case date(PlanDate?)
    case people([Person])
    case names([String])
    case lines([ReportingLine])
    case better(Better)
    case measure(Measure?)
    case comparator(Comparator?)
    case number(Double?)
    case publication(Publication?)

    /// How the value reads in a log line.
    public var display: String {
        switch self {
        case let .text(s): "\"\(s.prefix(60))\""
        case let .optionalText(s): s.map { "\"\($0.prefix(60))\"" } ?? "none"
        case let .date(d): d?.iso ?? "none"
        case let .people(p): p.isEmpty ? "none" : p.map(\.name).joined(separator: ", ")
        case let .names(n): n.isEmpty ? "none" : n.joined(separator: ", ")
        case let .lines(l): l.isEmpty ? "none" : "\(l.count) reporting line\(l.count == 1 ? "" : "s")"
        case let .better(b): "\(b.rawValue) is better"
        case let .measure(m): m.map { formatNumber($0.value) + ($0.date.map { " on \($0.iso)" } ?? "") } ?? "none"
        case let .comparator(c): c.map { "\($0.label) \(formatNumber($0.value))" } ?? "none"
        case let .number(n): n.map(formatNumber) ?? "none"
        case let .publication(p): (p ?? Publication()).words
        }
    }
}

extension StructureEdit {
    /// The KPI this edit is about, if it is about one.
    public var kpiRef: String? {
        switch self {
        case let .addKPI(kpi, _, _), let .removeKPI(kpi, _): kpi.ref
        case let .setKPI(ref, _, _, _): ref
        case let .addMilestone(kpi, _, _), let .setMilestone(kpi, _, _, _, _), let .removeMilestone(kpi, _): kpi
        default: nil
        }
    }

    /// Whether this edit added or removed the action with this reference (with its area),
    /// or changed its KPI links.
    public func touches(action ref: String) -> Bool {
        switch self {
        case let .addArea(area, _, _), let .removeArea(area, _): area.actions.contains { $0.ref == ref }
        case let .addKPI(_, _, links), let .removeKPI(_, links): links.contains { $0.action == ref }
        default: false
        }
    }
}

/// The letter a finding takes at a place in its area: a … z, then aa, ab …
public func findingLetter(at index: Int) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    if index < 26 { return String(letters[max(0, index)]) }
    return findingLetter(at: index / 26 - 1) + String(letters[index % 26])
}

/// The place a finding letter stands for (a is 0), or nil when it is not a letter sequence.
public func findingIndex(of letter: String) -> Int? {
    let scalars = letter.lowercased().unicodeScalars
    guard !scalars.isEmpty, scalars.allSatisfy({ ("a"..."z").contains($0) }) else { return nil }
    var value = 0
    for s in scalars { value = value * 26 + Int(s.value - 96) }
    return value - 1
}

extension Plan {
    /// Applies a structure edit in place, returning its inverse. Called from `apply`.
    mutating func applyStructure(_ edit: StructureEdit) throws -> StructureEdit {
        switch edit {
        case let .setPlanField(field, from, to):
            let current = value(of: field)
            guard current == from else { throw EditError.changed(field.label, now: current, saw: from, in: edit) }
            try set(field, to)
            return .setPlanField(field: field, from: to, to: from)

        case let .addArea(area, before, links):
            if self.area(number: area.number) != nil {
                throw EditError("area \(area.number) already exists; expected a new area number")
            }
            for action in area.actions where locate(action: action.ref) != nil {
                throw EditError("action reference \(action.ref) is already used; expected a new reference")
            }
            let at = try areaPlace(before: before)
            for link in links {
                guard let r = risks.firstIndex(where: { $0.ref == link.risk }) else { throw EditError.noRisk(link.risk) }
                risks[r].areas.insert(area.number, at: min(link.index, risks[r].areas.count))
            }
            areas.insert(area, at: at)
            return .removeArea(area, risks: links)

        case let .setArea(number, field, from, to):
            let a = try areaIndex(number)
            let current = areas[a][keyPath: Plan.areaKeyPath(field)]
            guard current == from else {
                throw EditError.changed("area \(number) \(field.words)", now: .text(current), saw: .text(from), in: edit)
            }
            areas[a][keyPath: Plan.areaKeyPath(field)] = to
            return .setArea(number: number, field: field, from: to, to: from)

        case let .moveArea(number, from, to):
            let a = try areaIndex(number)
            guard a == from else {
                throw EditError("area \(number) is now at place \(a + 1), not \(from + 1) as you saw; nothing was changed")
            }
            guard areas.indices.contains(to) else {
                throw EditError("cannot move area \(number) to place \(to + 1); there are \(areas.count) areas")
            }
            let area = areas.remove(at: a)
            areas.insert(area, at: to)
            return .moveArea(number: number, from: to, to: from)

        case let .removeArea(area, links):
            let a = try areaIndex(area.number)
            guard areas[a] == area else {
                throw EditError("area \(area.number) has changed since you looked at it; nothing was removed. Look again and confirm")
            }
            let current = areaLinks(area.number)
            guard current == links else {
                throw EditError("the risks linked to area \(area.number) have changed since you looked (now \(Validator.list(current.map(\.risk)))); nothing was removed")
            }
            for link in links.reversed() {
                if let r = risks.firstIndex(where: { $0.ref == link.risk }), risks[r].areas.indices.contains(link.index) {
                    risks[r].areas.remove(at: link.index)
                }
            }
            areas.remove(at: a)
            return .addArea(area, before: areas.indices.contains(a) ? areas[a].number : nil, risks: links)

        case let .addFinding(number, letter, text):
            let a = try areaIndex(number)
            guard let i = findingIndex(of: letter), i <= areas[a].findings.count else {
                throw EditError("area \(number) has \(areas[a].findings.count) findings; a new one can take a letter from a to \(findingLetter(at: areas[a].findings.count)), not \"\(letter)\"")
            }
            areas[a].findings.insert(Finding(letter: letter, text: text), at: i)
            areas[a].reletterFindings()
            return .removeFinding(area: number, letter: findingLetter(at: i), text: text)

        case let .setFinding(number, letter, from, to):
            let a = try areaIndex(number)
            let f = try findingPlace(area: a, letter: letter)
            guard areas[a].findings[f].text == from else {
                throw EditError.changed("finding \(number)\(letter)", now: .text(areas[a].findings[f].text), saw: .text(from), in: edit)
            }
            areas[a].findings[f].text = to
            return .setFinding(area: number, letter: letter, from: to, to: from)

        case let .moveFinding(number, letter, text, to):
            let a = try areaIndex(number)
            let f = try findingPlace(area: a, letter: letter, text: text)
            guard let t = findingIndex(of: to), areas[a].findings.indices.contains(t) else {
                throw EditError("area \(number) has findings a to \(findingLetter(at: max(0, areas[a].findings.count - 1))); cannot move finding \(letter) to \"\(to)\"")
            }
            let finding = areas[a].findings.remove(at: f)
            areas[a].findings.insert(finding, at: t)
            areas[a].reletterFindings()
            return .moveFinding(area: number, letter: findingLetter(at: t), text: text, to: findingLetter(at: f))

        case let .removeFinding(number, letter, text):
            let a = try areaIndex(number)
            let f = try findingPlace(area: a, letter: letter, text: text)
            areas[a].findings.remove(at: f)
            areas[a].reletterFindings()
            return .addFinding(area: number, letter: findingLetter(at: f), text: text)

        case let .addKPI(kpi, before, links):
            if self.kpi(kpi.ref) != nil { throw EditError("KPI reference \(kpi.ref) is already used; expected a new reference") }
            let at: Int
            if let before {
                guard let k = kpis.firstIndex(where: { $0.ref == before }) else { throw EditError.noKPI(before, in: self) }
                at = k
            } else { at = kpis.count }
            for link in links {
                guard let place = locate(action: link.action) else { throw EditError.noAction(link.action) }
                var list = areas[place.area].actions[place.index].kpis
                list.insert(kpi.ref, at: min(link.index, list.count))
                areas[place.area].actions[place.index].kpis = list
            }
            kpis.insert(kpi, at: at)
            return .removeKPI(kpi, links: links)

        case let .setKPI(ref, field, from, to):
            let k = try kpiIndex(ref)
            let current = kpis[k].value(of: field)
            guard current == from else { throw EditError.changed("KPI \(ref) \(field.words)", now: current, saw: from, in: edit) }
            try kpis[k].set(field, to)
            return .setKPI(ref: ref, field: field, from: to, to: from)

        case let .removeKPI(kpi, links):
            let k = try kpiIndex(kpi.ref)
            guard kpis[k] == kpi else {
                throw EditError("KPI \(kpi.ref) has changed since you looked at it; nothing was removed. Look again and confirm")
            }
            let current = kpiLinks(kpi.ref)
            guard current == links else {
                throw EditError("the actions linked to KPI \(kpi.ref) have changed since you looked (now \(Validator.list(current.map(\.action)))); nothing was removed")
            }
            for link in links {
                if let place = locate(action: link.action) {
                    areas[place.area].actions[place.index].kpis.removeAll { $0 == kpi.ref }
                }
            }
            kpis.remove(at: k)
            return .addKPI(kpi, before: kpis.indices.contains(k) ? kpis[k].ref : nil, links: links)

        case let .addMilestone(ref, milestone, before):
            let k = try kpiIndex(ref)
            if kpis[k].milestones.contains(where: { $0.label == milestone.label }) {
                throw EditError("KPI \(ref) already has a milestone \"\(milestone.label)\"; expected a new label")
            }
            let at: Int
            if let before {
                at = try milestoneIndex(k, before)
            } else { at = kpis[k].milestones.count }
            kpis[k].milestones.insert(milestone, at: at)
            return .removeMilestone(kpi: ref, milestone: milestone)

        case let .setMilestone(ref, label, field, from, to):
            let k = try kpiIndex(ref)
            let m = try milestoneIndex(k, label)
            let current = kpis[k].milestones[m].value(of: field)
            guard current == from else {
                throw EditError.changed("KPI \(ref) milestone \"\(label)\" \(field.rawValue)", now: current, saw: from, in: edit)
            }
            try kpis[k].milestones[m].set(field, to)
            let newLabel = kpis[k].milestones[m].label
            if field == .label, kpis[k].milestones.enumerated().contains(where: { $0.offset != m && $0.element.label == newLabel }) {
                throw EditError("KPI \(ref) already has a milestone \"\(newLabel)\"; expected a new label")
            }
            return .setMilestone(kpi: ref, label: newLabel, field: field, from: to, to: from)

        case let .removeMilestone(ref, milestone):
            let k = try kpiIndex(ref)
            let m = try milestoneIndex(k, milestone.label)
            guard kpis[k].milestones[m] == milestone else {
                throw EditError("KPI \(ref) milestone \"\(milestone.label)\" has changed since you looked at it; nothing was removed")
            }
            kpis[k].milestones.remove(at: m)
            let next = kpis[k].milestones.indices.contains(m) ? kpis[k].milestones[m].label : nil
            return .addMilestone(kpi: ref, milestone: milestone, before: next)
        }
    }

    /// The risks linked to an area, each with the link's place in the risk's list.
    public func areaLinks(_ number: Int) -> [AreaLink] {
        risks.compactMap { risk in risk.areas.firstIndex(of: number).map { AreaLink(risk: risk.ref, index: $0) } }
    }

    /// The actions linked to a KPI, each with the link's place in the action's list.
    public func kpiLinks(_ ref: String) -> [KPILink] {
        allActions.compactMap { action in action.kpis.firstIndex(of: ref).map { KPILink(action: action.ref, index: $0) } }
    }

    /// The current value of a header or governance field.
    public func value(of field: PlanField) -> StructureValue {
        switch field {
        case .localArea: .text(header.localArea)
        case .title: .text(header.title)
        case .notice: .optionalText(header.notice)
        case .inspectionStart: .date(header.inspectionStart)
        case .inspectionEnd: .date(header.inspectionEnd)
        case .revisitReportDate: .date(header.revisitReportDate)
        case .accountableOfficers: .people(header.accountableOfficers)
        case .advisers: .people(header.advisers)
        case .narrative: .text(governance.narrative)
        case .partners: .names(governance.partners)
        case .reportingLines: .lines(governance.reportingLines)
        case .publication: .publication(settings.publication)
        }
    }

    private mutating func set(_ field: PlanField, _ value: StructureValue) throws {
        func wrong(_ expected: String) -> EditError { EditError("\(field.rawValue) takes \(expected), not \(value.display)") }
        switch (field, value) {
        case let (.localArea, .text(v)): header.localArea = v
        case let (.title, .text(v)): header.title = v
        case let (.notice, .optionalText(v)): header.notice = v
        case let (.inspectionStart, .date(v)): header.inspectionStart = v
        case let (.inspectionEnd, .date(v)): header.inspectionEnd = v
        case let (.revisitReportDate, .date(v)): header.revisitReportDate = v
        case let (.accountableOfficers, .people(v)): header.accountableOfficers = v
        case let (.advisers, .people(v)): header.advisers = v
        case let (.narrative, .text(v)): governance.narrative = v
        case let (.partners, .names(v)): governance.partners = v
        case let (.reportingLines, .lines(v)): governance.reportingLines = v
        // A publication with nothing set is stored as none, so the plan's settings keep their bytes.
        case let (.publication, .publication(v)): settings.publication = v?.isDefault == true ? nil : v
        case (.localArea, _), (.title, _), (.narrative, _): throw wrong("text")
        case (.notice, _): throw wrong("text or none")
        case (.inspectionStart, _), (.inspectionEnd, _), (.revisitReportDate, _): throw wrong("a date or none")
        case (.accountableOfficers, _), (.advisers, _): throw wrong("a list of people")
        case (.partners, _): throw wrong("a list of names")
        case (.reportingLines, _): throw wrong("a list of reporting lines")
        case (.publication, _): throw wrong("a publication setting")
        }
    }

    private static func areaKeyPath(_ field: AreaField) -> WritableKeyPath<Area, String> {
        switch field {
        case .title: \.title
        case .weakness: \.weakness
        case .findingsSource: \.findingsSource
        }
    }

    private func areaIndex(_ number: Int) throws -> Int {
        guard let a = areas.firstIndex(where: { $0.number == number }) else { throw EditError.noArea(number) }
        return a
    }

    private func areaPlace(before: Int?) throws -> Int {
        guard let before else { return areas.count }
        return try areaIndex(before)
    }

    private func findingPlace(area a: Int, letter: String, text: String? = nil) throws -> Int {
        let area = areas[a]
        guard let f = area.findings.firstIndex(where: { $0.letter == letter }) else {
            throw EditError("area \(area.number) has no finding \(letter); expected one of \(Validator.list(area.findings.map(\.letter)))")
        }
        if let text, area.findings[f].text != text {
            throw EditError("finding \(area.number)\(letter) is now \"\(area.findings[f].text.prefix(60))\", not the finding you saw (\"\(text.prefix(60))\"); nothing was changed")
        }
        return f
    }

    private func kpiIndex(_ ref: String) throws -> Int {
        guard let k = kpis.firstIndex(where: { $0.ref == ref }) else { throw EditError.noKPI(ref, in: self) }
        return k
    }

    private func milestoneIndex(_ k: Int, _ label: String) throws -> Int {
        guard let m = kpis[k].milestones.firstIndex(where: { $0.label == label }) else {
            throw EditError("KPI \(kpis[k].ref) has no milestone \"\(label)\"; expected one of \(Validator.list(kpis[k].milestones.map(\.label)))")
        }
        return m
    }
}

extension Area {
    /// Letters the findings a, b, c … in their order.
    mutating func reletterFindings() {
        for i in findings.indices { findings[i].letter = findingLetter(at: i) }
    }
}

extension KPI {
    public func value(of field: KPIField) -> StructureValue {
        switch field {
        case .name: .text(name)
        case .unit: .text(unit)
        case .better: .better(better)
        case .baseline: .measure(baseline)
        case .comparator: .comparator(comparator)
        }
    }

    mutating func set(_ field: KPIField, _ value: StructureValue) throws {
        switch (field, value) {
        case let (.name, .text(v)): name = v
        case let (.unit, .text(v)): unit = v
        case let (.better, .better(v)): better = v
        case let (.baseline, .measure(v)):
            if let v, !v.value.isFinite { throw EditError("KPI \(ref) baseline must be a number") }
            baseline = v
        case let (.comparator, .comparator(v)):
            if let v, !v.value.isFinite { throw EditError("KPI \(ref) comparator must be a number") }
            comparator = v
        default: throw EditError("KPI \(field.rawValue) cannot take \(value.display)")
        }
    }
}

extension Milestone {
    public func value(of field: MilestoneField) -> StructureValue {
        switch field {
        case .label: .text(label)
        case .date: .date(date)
        case .target: .number(target)
        }
    }

    mutating func set(_ field: MilestoneField, _ value: StructureValue) throws {
        switch (field, value) {
        case let (.label, .text(v)): label = v
        case let (.date, .date(v)): date = v
        case let (.target, .number(v)):
            if let v, !v.isFinite { throw EditError("a milestone target must be a number") }
            target = v
        default: throw EditError("milestone \(field.rawValue) cannot take \(value.display)")
        }
    }
}

extension EditError {
    static func noKPI(_ ref: String, in plan: Plan) -> EditError {
        EditError("there is no KPI \(ref); expected one of \(Validator.list(plan.kpis.map(\.ref)))")
    }

    /// Someone changed what `edit` sets since the person saw it: a conflict on the part it
    /// writes, so the stores say who changed it and when, and the question comes back.
    static func changed(_ what: String, now: StructureValue, saw: StructureValue, in edit: StructureEdit) -> EditError {
        EditError(conflict: EditConflict(target: edit.targets.first ?? .structure([]), what: what, expected: saw.words, found: now.words))
    }
}

extension StructureEdit {
    /// Everything this edit writes, by identity, so an undo is refused when someone else
    /// has changed the same part of the plan since.
    var targets: [EditConflict.Target] {
        switch self {
        case let .setPlanField(field, _, _): [.structure(["plan", field.rawValue])]
        case let .addArea(area, _, risks), let .removeArea(area, risks):
            [.structure(["area", String(area.number)])] + risks.map { .risk($0.risk, .areas) }
        case let .setArea(number, field, _, _): [.structure(["area", String(number), field.rawValue])]
        case let .moveArea(number, _, _): [.structure(["area", String(number), "position"])]
        case let .addFinding(area, _, _), let .setFinding(area, _, _, _), let .moveFinding(area, _, _, _),
             let .removeFinding(area, _, _):
            [.structure(["area", String(area), "findings"])]
        case let .addKPI(kpi, _, links), let .removeKPI(kpi, links):
            [.structure(["kpi", kpi.ref])] + links.map { .action($0.action, .kpis) }
        case let .setKPI(ref, field, _, _): [.structure(["kpi", ref, field.rawValue])]
        case let .addMilestone(kpi, milestone, _), let .removeMilestone(kpi, milestone):
            [.structure(["kpi", kpi, "milestone", milestone.label])]
        case let .setMilestone(kpi, label, _, _, _): [.structure(["kpi", kpi, "milestone", label])]
        }
    }
}

import Foundation
import PlanModel

/// Reads the rows of a risk register: reference, date raised, the risk, owner, scores before
/// and after mitigation ("4 x 3", or likelihood and impact in columns of their own), the
/// mitigation, progress, review date and linked areas.
struct RiskRowReader {
    let roles: [Int: ColumnRole]
    var next: Int
    private(set) var risks: [Risk] = []

    init(roles: [Int: ColumnRole], startNumber: Int) {
        self.roles = roles
        self.next = startNumber
    }

    mutating func read(_ cells: [GridCell], place: String, plan: Plan, report: inout ImportReport) {
        guard cells.contains(where: { !$0.trimmed.isEmpty }) else { return }
        func text(_ role: ColumnRole) -> String {
            roles.first { $0.value == role }.map { cells.indices.contains($0.key) ? QuickTrim.oneLine(cells[$0.key].trimmed) : "" } ?? ""
        }
        let statement = text(.risk)
        guard !statement.isEmpty else {
            report.miss(place, "a risk register row with no risk written in it; not placed")
            return
        }
        var ref = text(.ref).replacingOccurrences(of: " ", with: "")
        if ref.isEmpty { ref = "R\(next)" }
        if let digits = Int(ref) { ref = "R\(digits)" }
        while plan.risk(ref) != nil || risks.contains(where: { $0.ref == ref }) {
            next += 1
            ref = "R\(next)"
        }
        next += 1
        // Scores: combined cells, or likelihood and impact columns in order (before, after, target).
        var inherent = CellValues.score(text(.inherent))
        var residual = CellValues.score(text(.residual))
        var target = CellValues.score(text(.target))
        let likelihoods = roles.filter { $0.value == .likelihood }.map(\.key).sorted()
        let impacts = roles.filter { $0.value == .impact }.map(\.key).sorted()
        if inherent == nil, let l = likelihoods.first, let i = impacts.first,
           let lv = Int(cells[l].trimmed), let iv = Int(cells[i].trimmed), (1...5).contains(lv), (1...5).contains(iv) {
            inherent = Score(likelihood: lv, impact: iv)
        }
        guard let before = inherent else {
            let written = text(.inherent)
            report.miss(place, "risk \"\(statement.prefix(50))\": its score before mitigation \"\(written)\" is not likelihood and impact 1 to 5 (e.g. 4 x 3); not placed")
            return
        }
        if residual == nil {
            residual = before
            report.miss(place, "risk \(ref) has no score after mitigation; it is set to the score before (\(before.likelihood) × \(before.impact)). Change it in the dashboard")
        }
        if target == nil { target = residual }
        let raised = CellValues.date(text(.raised))?.date ?? nil
        if !text(.raised).isEmpty, raised == nil { report.miss(place, "risk \(ref) date raised \"\(text(.raised))\" is not a date; left unset") }
        let review = CellValues.date(text(.reviewDate))?.date ?? nil
        let areas = TextScan.integers(in: text(.areas)).filter { n in plan.area(number: n) != nil }
        let risk = Risk(ref: ref, raised: raised, risk: statement, owner: text(.owner), inherent: before,
                        mitigation: text(.mitigation), residual: residual ?? before, target: target ?? before,
                        progress: text(.riskProgress), reviewDate: review, areas: areas)
        risks.append(risk)
        report.place(place, "risk \(ref) (score \(before.value) before mitigation, \(risk.residual.value) after)")
    }
}

/// Reads the rows of an impact score card: reference, KPI, unit, direction, baseline,
/// comparator and a column per milestone ("3 months" …) holding its target.
struct KPIRowReader {
    let roles: [Int: ColumnRole]
    /// The comparator column's header, e.g. "England average".
    let comparatorLabel: String
    private(set) var kpis: [KPI] = []

    mutating func read(_ cells: [GridCell], place: String, existing: [KPI], report: inout ImportReport) {
        guard cells.contains(where: { !$0.trimmed.isEmpty }) else { return }
        func text(_ role: ColumnRole) -> String {
            roles.first { $0.value == role }.map { cells.indices.contains($0.key) ? QuickTrim.oneLine(cells[$0.key].trimmed) : "" } ?? ""
        }
        let name = text(.kpiName)
        guard !name.isEmpty else {
            report.miss(place, "a score card row with no KPI named in it; not placed")
            return
        }
        var ref = text(.ref).replacingOccurrences(of: " ", with: "")
        if ref.isEmpty || Int(ref) != nil { ref = "K\(Int(ref) ?? existing.count + kpis.count + 1)" }
        if existing.contains(where: { $0.ref == ref }) || kpis.contains(where: { $0.ref == ref }) {
            report.miss(place, "a second KPI \(ref); not placed (references must be unique)")
            return
        }
        let baselineText = text(.baseline)
        let comparatorText = text(.comparator)
        var milestones: [Milestone] = []
        var percent = baselineText.contains("%") || comparatorText.contains("%")
        for (index, role) in roles.sorted(by: { $0.key < $1.key }) {
            guard case let .milestone(label) = role else { continue }
            let cell = cells.indices.contains(index) ? QuickTrim.oneLine(cells[index].trimmed) : ""
            percent = percent || cell.contains("%")
            let target = cell.isEmpty ? nil : CellValues.number(cell)
            if !cell.isEmpty && target == nil { report.miss(place, "KPI \(ref) \(label) target \"\(cell)\" is not a number; left empty") }
            milestones.append(Milestone(label: label, target: target))
        }
        var unit = text(.unit)
        if unit.isEmpty { unit = percent ? "%" : "count" }
        var better = Better.higher
        let direction = ColumnMatcher.normalise(text(.better))
        if direction.contains("lower") || direction.contains("down") || direction.contains("decrease") || direction.contains("less") {
            better = .lower
        } else if direction.isEmpty {
            report.miss(place, "KPI \(ref) does not say which direction is better; higher is assumed. Change it with `planboard kpi set \(ref) --better lower`")
        }
        let baseline = CellValues.number(baselineText).map { Measure(value: $0, note: baselineText) }
        if !baselineText.isEmpty && baseline == nil { report.miss(place, "KPI \(ref) baseline \"\(baselineText)\" is not a number; left empty") }
        var comparator: PlanModel.Comparator?
        if let value = CellValues.number(comparatorText) {
            comparator = PlanModel.Comparator(label: comparatorLabel, value: value)
        } else if !comparatorText.isEmpty {
            report.miss(place, "KPI \(ref) \(comparatorLabel) \"\(comparatorText)\" is not a number; left empty")
        }
        kpis.append(KPI(ref: ref, name: name, unit: unit, better: better, baseline: baseline, comparator: comparator, milestones: milestones))
        report.place(place, "KPI \(ref) \"\(name.prefix(50))\" with \(milestones.count) milestones")
    }
}

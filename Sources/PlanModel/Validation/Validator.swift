import Foundation

/// Checks the rules a whole plan must keep, returning every problem with its place.
///
/// The file reader checks shapes and types; this checks meaning: unique references,
/// links that resolve, scores in range, and that Red and Amber carry a reason.
public struct Validator {
    /// Longest text a field may hold.
    public static let maxTextLength = 100_000

    public init() {}

    public func problems(in plan: Plan) -> [Problem] {
        var out: [Problem] = []
        func add(_ path: String, _ message: String) { out.append(Problem(path: path, message: message)) }
        // Paths are made only for a problem: a large plan has a million values and few problems.
        func text(_ path: @autoclosure () -> String, _ value: String, required: Bool = false) {
            if required && Validator.isBlank(value) {
                add(path(), "is empty; expected some text")
            }
            if let issue = Validator.textIssue(value) { add(path(), issue) }
        }
        func ref(_ path: @autoclosure () -> String, _ value: String) {
            if value.isEmpty { add(path(), "is empty; expected a reference such as 3b") }
            else if Validator.hasSpace(value) { add(path(), "\"\(value)\" contains a space; expected a reference such as 3b") }
            else if let issue = Validator.textIssue(value) { add(path(), issue) }
        }

        let h = plan.header
        text("header.localArea", h.localArea, required: true)
        text("header.title", h.title)
        if let notice = h.notice { text("header.notice", notice) }
        if let start = h.inspectionStart, let end = h.inspectionEnd, end < start {
            add("header.inspectionEnd", "\(end.iso) is before the inspection start \(start.iso)")
        }
        for (kind, people) in [("accountableOfficers", h.accountableOfficers), ("advisers", h.advisers)] {
            for (i, person) in people.enumerated() {
                text("header.\(kind)[\(i)].name", person.name, required: true)
                text("header.\(kind)[\(i)].role", person.role)
                text("header.\(kind)[\(i)].organisation", person.organisation)
            }
        }

        let s = plan.settings
        if !(1..<25).contains(s.lowRiskMax) { add("settings.lowRiskMax", "is \(s.lowRiskMax); expected 1 to 24") }
        if !(s.lowRiskMax < s.mediumRiskMax && s.mediumRiskMax < 25) {
            add("settings.mediumRiskMax", "is \(s.mediumRiskMax); expected more than lowRiskMax (\(s.lowRiskMax)) and less than 25")
        }
        if !(0...365).contains(s.dueSoonDays) { add("settings.dueSoonDays", "is \(s.dueSoonDays); expected 0 to 365") }

        text("governance.narrative", plan.governance.narrative)
        for (i, partner) in plan.governance.partners.enumerated() { text("governance.partners[\(i)]", partner, required: true) }
        for (i, line) in plan.governance.reportingLines.enumerated() {
            text("governance.reportingLines[\(i)].from", line.from, required: true)
            text("governance.reportingLines[\(i)].to", line.to, required: true)
            text("governance.reportingLines[\(i)].frequency", line.frequency)
        }

        // A plan may have no areas yet: `planboard init` starts one empty.
        let kpiRefs = Set(plan.kpis.map(\.ref))
        var areaNumbers: [Int: Int] = [:]
        var actionRefs: [String: (area: Int, action: Int)] = [:]
        actionRefs.reserveCapacity(plan.actionCount)
        for (a, area) in plan.areas.enumerated() {
            let ap = "areas[\(a)]"
            if area.number < 1 { add("\(ap).number", "is \(area.number); expected 1 or more") }
            if let first = areaNumbers[area.number] {
                add("\(ap).number", "\(area.number) is used twice (also areas[\(first)]); expected each area number once")
            } else { areaNumbers[area.number] = a }
            text("\(ap).title", area.title, required: true)
            text("\(ap).weakness", area.weakness, required: true)
            text("\(ap).findingsSource", area.findingsSource)
            var letters = Set<String>()
            for (f, finding) in area.findings.enumerated() {
                let fp = "\(ap).findings[\(f)]"
                if finding.letter.isEmpty { add("\(fp).letter", "is empty; expected a letter such as a") }
                else if !letters.insert(finding.letter).inserted {
                    add("\(fp).letter", "\"\(finding.letter)\" is used twice in this area; expected each letter once")
                }
                text("\(fp).text", finding.text, required: true)
            }
            for (i, action) in area.actions.enumerated() {
                func p() -> String { "\(ap).actions[\(i)]" }
                ref("\(p()).ref", action.ref)
                if let first = actionRefs[action.ref] {
                    add("\(p()).ref", "\"\(action.ref)\" is used twice (also areas[\(first.area)].actions[\(first.action)]); expected each reference once")
                } else { actionRefs[action.ref] = (a, i) }
                text("\(p()).text", action.text, required: true)
                for (l, lead) in action.leads.enumerated() { text("\(p()).leads[\(l)]", lead, required: true) }
                if let sro = action.seniorResponsibleOfficer { text("\(p()).seniorResponsibleOfficer", sro) }
                text("\(p()).kpiText", action.kpiText)
                text("\(p()).successCriteria", action.successCriteria)
                for (k, kpi) in action.kpis.enumerated() where !kpiRefs.contains(kpi) {
                    add("\(p()).kpis[\(k)]", "links to KPI \"\(kpi)\", which is not on the score card; expected one of \(Validator.list(plan.kpis.map(\.ref)))")
                }
                for (n, note) in action.notes.enumerated() {
                    text("\(p()).notes[\(n)].author", note.author)
                    text("\(p()).notes[\(n)].text", note.text, required: true)
                }
                if action.status.needsReason && action.notes.isEmpty {
                    add("\(p()).status", "is \(action.status.rawValue) with no progress note; a Red or Amber action needs a note giving the reason")
                }
            }
        }

        var riskRefs: [String: Int] = [:]
        for (r, risk) in plan.risks.enumerated() {
            let p = "risks[\(r)]"
            ref("\(p).ref", risk.ref)
            if let first = riskRefs[risk.ref] {
                add("\(p).ref", "\"\(risk.ref)\" is used twice (also risks[\(first)]); expected each reference once")
            } else { riskRefs[risk.ref] = r }
            text("\(p).risk", risk.risk, required: true)
            text("\(p).owner", risk.owner)
            text("\(p).mitigation", risk.mitigation)
            text("\(p).progress", risk.progress)
            for stage in Risk.Stage.allCases {
                let score = risk.score(stage)
                if !(1...5).contains(score.likelihood) { add("\(p).\(stage.rawValue).likelihood", "is \(score.likelihood); expected 1 to 5") }
                if !(1...5).contains(score.impact) { add("\(p).\(stage.rawValue).impact", "is \(score.impact); expected 1 to 5") }
            }
            for (i, number) in risk.areas.enumerated() where areaNumbers[number] == nil {
                add("\(p).areas[\(i)]", "links to area \(number), which the plan does not have; expected one of \(Validator.list(plan.areas.map { String($0.number) }))")
            }
        }

        var seenKPIs: [String: Int] = [:]
        for (k, kpi) in plan.kpis.enumerated() {
            let p = "kpis[\(k)]"
            ref("\(p).ref", kpi.ref)
            if let first = seenKPIs[kpi.ref] {
                add("\(p).ref", "\"\(kpi.ref)\" is used twice (also kpis[\(first)]); expected each reference once")
            } else { seenKPIs[kpi.ref] = k }
            text("\(p).name", kpi.name, required: true)
            text("\(p).unit", kpi.unit)
            if let baseline = kpi.baseline { text("\(p).baseline.note", baseline.note) }
            if let comparator = kpi.comparator { text("\(p).comparator.label", comparator.label, required: true) }
            for (m, milestone) in kpi.milestones.enumerated() {
                text("\(p).milestones[\(m)].label", milestone.label, required: true)
            }
        }

        var names = Set<String>()
        for (c, checkpoint) in plan.checkpoints.enumerated() {
            let p = "checkpoints[\(c)]"
            text("\(p).name", checkpoint.name, required: true)
            if !names.insert(checkpoint.name).inserted { add("\(p).name", "\"\(checkpoint.name)\" is used twice; expected each checkpoint name once") }
            for (i, state) in checkpoint.risks.enumerated() {
                for (stage, score) in [("inherent", state.inherent), ("residual", state.residual), ("target", state.target)] where !score.isValid {
                    add("\(p).risks[\(i)].\(stage)", "is \(score.likelihood) × \(score.impact); expected likelihood and impact 1 to 5")
                }
            }
        }
        out += meetingProblems(in: plan)
        return out
    }

    /// Whether a text holds only white space (as trimming whitespacesAndNewlines sees it).
    static func isBlank(_ value: String) -> Bool {
        // Most text starts with a printable ASCII character: no need to look up Unicode properties.
        if let first = value.utf8.first, first > 0x20 && first < 0x7F { return false }
        return value.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    /// Whether a text contains white space anywhere.
    static func hasSpace(_ value: String) -> Bool {
        if value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x80 }) { return false }
        return value.contains(where: { $0.isWhitespace })
    }

    /// Why a text value cannot be stored, or nil when it can.
    public static func textIssue(_ value: String) -> String? {
        // Printable ASCII, newlines and tabs, no longer than the limit in bytes: nothing to find.
        let utf8 = value.utf8
        if utf8.count <= maxTextLength, !utf8.contains(where: { $0 < 0x20 ? $0 != 0x0A && $0 != 0x09 : $0 >= 0x7F }) {
            return nil
        }
        if value.unicodeScalars.count > maxTextLength {
            return "is \(value.unicodeScalars.count) characters long; expected at most \(maxTextLength)"
        }
        if let bad = value.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
            return "contains the control character U+\(String(format: "%04X", bad.value)); expected plain text (newlines and tabs are allowed)"
        }
        return nil
    }

    static func list(_ items: [String]) -> String {
        items.isEmpty ? "none (the list is empty)" : items.joined(separator: ", ")
    }
}

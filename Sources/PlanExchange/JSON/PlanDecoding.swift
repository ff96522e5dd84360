import Foundation
import PlanModel

/// Why a file could not be read as a plan: every problem, each with its place.
public struct PlanFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    public var problems: [Problem]

    /// False when the file's shape was wrong, so the plan's rules (unique references,
    /// links, reasons) could not be checked yet.
    public var rulesChecked: Bool

    public init(file: String, problems: [Problem], rulesChecked: Bool = true) {
        self.file = file
        self.problems = problems
        self.rulesChecked = rulesChecked
    }

    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        // A path or message may quote the file (an unknown key, a value found): one problem
        // stays on one line, and nothing from the file acts on a terminal.
        let file = Visible.field(self.file)
        var text = "\(file): \(count); nothing was imported.\n" + problems.map { "  \(file): \(Visible.field($0.description))" }.joined(separator: "\n")
        if !rulesChecked, let first = problems.first, first.path != "", first.path != "format" {
            text += "\n  (References, links and the other rules are checked once these are put right.)"
        }
        return text
    }
}

/// Reads `planboard/1` documents, checking everything before returning a plan.
public enum PlanDecoding {
    /// Reads and checks a plan file; all or nothing.
    public static func plan(contentsOf url: URL, name: String? = nil) throws -> Plan {
        let label = name ?? url.path
        switch PlanFileBytes.read(url.path) {
        case let .success(bytes): return try plan(bytes: bytes, file: label)
        case let .failure(problem): throw PlanFileError(file: label, problems: [problem])
        }
    }

    /// Reads and checks a plan from bytes; `file` names it in errors.
    public static func plan(bytes: [UInt8], file: String) throws(PlanFileError) -> Plan {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw PlanFileError(file: file, problems: [Problem(path: "", message: error.message, line: error.line, column: error.column)])
        }
        var reader = FieldReader()
        let plan = decodePlan(root, &reader)
        if !reader.problems.isEmpty {
            throw PlanFileError(file: file, problems: reader.problems, rulesChecked: false)
        }
        guard let plan else { throw PlanFileError(file: file, problems: [Problem(path: "", message: "is not a plan")]) }
        let problems = Validator().problems(in: plan)
        guard problems.isEmpty else {
            // Point each rule's problem into the file, at the value it is about.
            let positions = root.positions()
            throw PlanFileError(file: file, problems: problems.map { problem in
                var located = problem
                if let position = positions[problem.path] {
                    located.line = position.line
                    located.column = position.column
                }
                return located
            })
        }
        return plan
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }

    static func decodePlan(_ root: JSONNode, _ r: inout FieldReader) -> Plan? {
        // Check the format first: a newer file gets one clear message, not a list of unknown keys.
        if case let .object(members) = root.value, let format = members.first(where: { $0.key == "format" })?.value,
           case let .string(name) = format.value, name != Plan.format, name != PlanEncoding.meetingsFormat {
            let newer = name.hasPrefix("planboard/")
            r.report("format", format, newer
                ? "is \"\(name)\", written by a newer planboard; this version reads \"\(Plan.format)\" and \"\(PlanEncoding.meetingsFormat)\". Update planboard to read it"
                : "is \"\(name)\"; expected \"\(Plan.format)\" or \"\(PlanEncoding.meetingsFormat)\"")
            return nil
        }
        // planboard/2 is planboard/1 with meetings (MeetingJSON.swift).
        var keys = ["format", "header", "settings", "governance", "areas", "risks", "kpis", "checkpoints"]
        if case let .object(members) = root.value, let format = members.first(where: { $0.key == "format" })?.value,
           case .string(PlanEncoding.meetingsFormat) = format.value {
            keys.append("meetings")
        }
        guard let o = r.object(root, "", keys: keys) else {
            return nil
        }
        guard r.string(o["format"], "format") != nil else { return nil }
        let header = decodeHeader(o["header"], &r)
        let settings = decodeSettings(o["settings"], &r)
        let governance = decodeGovernance(o["governance"], &r)
        let areas = list(o["areas"], "areas", "areas of weakness", &r, decodeArea)
        let risks = list(o["risks"], "risks", "risks", &r, decodeRisk)
        let kpis = list(o["kpis"], "kpis", "KPIs", &r, decodeKPI)
        let checkpoints = list(o["checkpoints"], "checkpoints", "checkpoints", &r, decodeCheckpoint)
        let meetings = keys.contains("meetings") ? list(o["meetings"], "meetings", "meetings", &r, decodeMeeting) : []
        guard let header, let settings, let governance, let areas, let risks, let kpis, let checkpoints, let meetings else { return nil }
        return Plan(header: header, settings: settings, governance: governance, areas: areas, risks: risks, kpis: kpis,
                    checkpoints: checkpoints, meetings: meetings)
    }

    /// Decodes every element, keeping going after a bad one; nil if any was bad.
    /// Paths are made only to report a problem: a plan has a million values and few problems.
    static func list<T>(_ node: JSONNode?, _ path: @autoclosure () -> String, _ what: String, _ r: inout FieldReader,
                        _ decode: (JSONNode, () -> String, inout FieldReader) -> T?) -> [T]? {
        guard let items = r.array(node, path(), of: what) else { return nil }
        let values = withoutActuallyEscaping(path) { path in
            items.enumerated().map { item in decode(item.element, { "\(path())[\(item.offset)]" }, &r) }
        }
        return values.contains(where: { $0 == nil }) ? nil : values.compactMap { $0 }
    }

    static func decodeHeader(_ node: JSONNode?, _ r: inout FieldReader) -> Header? {
        func p() -> String { "header" }
        guard let o = r.object(node, p(), keys: ["localArea", "title", "notice", "inspectionStart", "inspectionEnd",
                                                 "revisitReportDate", "accountableOfficers", "advisers"], optional: ["agreements"]) else { return nil }
        let localArea = r.string(o["localArea"], "\(p()).localArea")
        let title = r.string(o["title"], "\(p()).title")
        let notice = r.optionalString(o["notice"], "\(p()).notice")
        let start = r.optionalDate(o["inspectionStart"], "\(p()).inspectionStart")
        let end = r.optionalDate(o["inspectionEnd"], "\(p()).inspectionEnd")
        let revisit = r.optionalDate(o["revisitReportDate"], "\(p()).revisitReportDate")
        let officers = list(o["accountableOfficers"], "\(p()).accountableOfficers", "people", &r, decodePerson)
        let advisers = list(o["advisers"], "\(p()).advisers", "people", &r, decodePerson)
        let agreements = decodeAgreements(o["agreements"], "\(p()).agreements", &r)
        guard let localArea, let title, let notice, let start, let end, let revisit, let officers, let advisers, let agreements else { return nil }
        var header = Header(localArea: localArea, title: title, notice: notice, inspectionStart: start, inspectionEnd: end,
                            revisitReportDate: revisit, accountableOfficers: officers, advisers: advisers)
        header.agreements = agreements
        return header
    }

    static func decodePerson(_ node: JSONNode, _ p: () -> String, _ r: inout FieldReader) -> Person? {
        guard let o = r.object(node, p(), keys: ["name", "role", "organisation"]) else { return nil }
        let name = r.string(o["name"], "\(p()).name")
        let role = r.string(o["role"], "\(p()).role")
        let organisation = r.string(o["organisation"], "\(p()).organisation")
        guard let name, let role, let organisation else { return nil }
        return Person(name: name, role: role, organisation: organisation)
    }

    static func decodeSettings(_ node: JSONNode?, _ r: inout FieldReader) -> Settings? {
        // "publication" is optional: written only when a plan has a publication setting.
        let keys = ["lowRiskMax", "mediumRiskMax", "dueSoonDays"] + PublicationJSON.present(node, ["publication"])
        guard let o = r.object(node, "settings", keys: keys) else { return nil }
        let low = r.int(o["lowRiskMax"], "settings.lowRiskMax", in: 1...24)
        let medium = r.int(o["mediumRiskMax"], "settings.mediumRiskMax", in: 2...24)
        let due = r.int(o["dueSoonDays"], "settings.dueSoonDays", in: 0...365)
        let publication = o["publication"].map { PublicationJSON.read($0, &r) }
        guard let low, let medium, let due else { return nil }
        if let publication, publication == nil { return nil }
        return Settings(lowRiskMax: low, mediumRiskMax: medium, dueSoonDays: due, publication: publication.flatMap { $0 })
    }

    static func decodeGovernance(_ node: JSONNode?, _ r: inout FieldReader) -> Governance? {
        func p() -> String { "governance" }
        guard let o = r.object(node, p(), keys: ["narrative", "partners", "reportingLines"]) else { return nil }
        let narrative = r.string(o["narrative"], "\(p()).narrative")
        let partners = r.strings(o["partners"], "\(p()).partners")
        let lines = list(o["reportingLines"], "\(p()).reportingLines", "reporting lines", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> ReportingLine? in
            guard let o = r.object(node, p(), keys: ["from", "to", "kind", "frequency"]) else { return nil }
            let from = r.string(o["from"], "\(p()).from")
            let to = r.string(o["to"], "\(p()).to")
            let kind = r.choice(o["kind"], "\(p()).kind", ReportingLine.Kind.self)
            let frequency = r.string(o["frequency"], "\(p()).frequency")
            guard let from, let to, let kind, let frequency else { return nil }
            return ReportingLine(from: from, to: to, kind: kind, frequency: frequency)
        }
        guard let narrative, let partners, let lines else { return nil }
        return Governance(narrative: narrative, partners: partners, reportingLines: lines)
    }

    static func decodeArea(_ node: JSONNode, _ p: () -> String, _ r: inout FieldReader) -> Area? {
        guard let o = r.object(node, p(), keys: ["number", "title", "weakness", "findingsSource", "findings", "actions"]) else { return nil }
        let number = r.int(o["number"], "\(p()).number")
        let title = r.string(o["title"], "\(p()).title")
        let weakness = r.string(o["weakness"], "\(p()).weakness")
        let source = r.string(o["findingsSource"], "\(p()).findingsSource")
        let findings = list(o["findings"], "\(p()).findings", "findings", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> Finding? in
            guard let o = r.object(node, p(), keys: ["letter", "text"]) else { return nil }
            let letter = r.string(o["letter"], "\(p()).letter")
            let text = r.string(o["text"], "\(p()).text")
            guard let letter, let text else { return nil }
            return Finding(letter: letter, text: text)
        }
        let actions = list(o["actions"], "\(p()).actions", "actions", &r, decodeAction)
        guard let number, let title, let weakness, let source, let findings, let actions else { return nil }
        return Area(number: number, title: title, weakness: weakness, findingsSource: source, findings: findings, actions: actions)
    }

    static func decodeAction(_ node: JSONNode, _ p: () -> String, _ r: inout FieldReader) -> Action? {
        guard let o = r.object(node, p(), keys: ["ref", "text", "byWhen", "leads", "seniorResponsibleOfficer", "status",
                                              "kpiText", "kpis", "successCriteria", "notes"],
                               optional: ["byWhenWritten", "evidence", "revisions"]) else { return nil }
        let ref = r.string(o["ref"], "\(p()).ref")
        let text = r.string(o["text"], "\(p()).text")
        let byWhen = r.optionalDate(o["byWhen"], "\(p()).byWhen")
        let leads = r.strings(o["leads"], "\(p()).leads")
        let sro = r.optionalString(o["seniorResponsibleOfficer"], "\(p()).seniorResponsibleOfficer")
        let status = r.choice(o["status"], "\(p()).status", Status.self)
        let kpiText = r.string(o["kpiText"], "\(p()).kpiText")
        let kpis = r.strings(o["kpis"], "\(p()).kpis")
        let criteria = r.string(o["successCriteria"], "\(p()).successCriteria")
        let notes = list(o["notes"], "\(p()).notes", "notes", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> Note? in
            guard let o = r.object(node, p(), keys: ["date", "author", "text"]) else { return nil }
            let date = r.date(o["date"], "\(p()).date")
            let author = r.string(o["author"], "\(p()).author")
            let text = r.string(o["text"], "\(p()).text")
            guard let date, let author, let text else { return nil }
            return Note(date: date, author: author, text: text)
        }
        let written = o["byWhenWritten"].map { r.string($0, "\(p()).byWhenWritten") }
        let evidence = decodeEvidence(o["evidence"], "\(p()).evidence", &r)
        let revisions = decodeRevisions(o["revisions"], "\(p()).revisions", &r)
        guard let ref, let text, let byWhen, let leads, let sro, let status, let kpiText, let kpis, let criteria, let notes, let evidence,
              let revisions, written != .some(nil) else { return nil }
        var action = Action(ref: ref, text: text, byWhen: byWhen, leads: leads, seniorResponsibleOfficer: sro, status: status,
                            kpiText: kpiText, kpis: kpis, successCriteria: criteria, notes: Note.uniquingIDs(notes),
                            byWhenWritten: written ?? nil)
        action.evidence = evidence
        action.revisions = revisions
        return action
    }

    static func decodeScore(_ node: JSONNode?, _ p: @autoclosure () -> String, _ r: inout FieldReader) -> Score? {
        guard let o = r.object(node, p(), keys: ["likelihood", "impact"]) else { return nil }
        let likelihood = r.int(o["likelihood"], "\(p()).likelihood", in: 1...5)
        let impact = r.int(o["impact"], "\(p()).impact", in: 1...5)
        guard let likelihood, let impact else { return nil }
        return Score(likelihood: likelihood, impact: impact)
    }

    static func decodeRisk(_ node: JSONNode, _ p: () -> String, _ r: inout FieldReader) -> Risk? {
        guard let o = r.object(node, p(), keys: ["ref", "raised", "risk", "owner", "inherent", "mitigation", "residual",
                                              "target", "progress", "reviewDate", "areas"]) else { return nil }
        let ref = r.string(o["ref"], "\(p()).ref")
        let raised = r.optionalDate(o["raised"], "\(p()).raised")
        let risk = r.string(o["risk"], "\(p()).risk")
        let owner = r.string(o["owner"], "\(p()).owner")
        let inherent = decodeScore(o["inherent"], "\(p()).inherent", &r)
        let mitigation = r.string(o["mitigation"], "\(p()).mitigation")
        let residual = decodeScore(o["residual"], "\(p()).residual", &r)
        let target = decodeScore(o["target"], "\(p()).target", &r)
        let progress = r.string(o["progress"], "\(p()).progress")
        let review = r.optionalDate(o["reviewDate"], "\(p()).reviewDate")
        let areas = list(o["areas"], "\(p()).areas", "area numbers", &r) { node, p, r in r.int(node, p()) }
        guard let ref, let raised, let risk, let owner, let inherent, let mitigation, let residual, let target,
              let progress, let review, let areas else { return nil }
        return Risk(ref: ref, raised: raised, risk: risk, owner: owner, inherent: inherent, mitigation: mitigation,
                    residual: residual, target: target, progress: progress, reviewDate: review, areas: areas)
    }

    static func decodeKPI(_ node: JSONNode, _ p: () -> String, _ r: inout FieldReader) -> KPI? {
        guard let o = r.object(node, p(), keys: ["ref", "name", "unit", "better", "baseline", "comparator", "milestones"]) else { return nil }
        let ref = r.string(o["ref"], "\(p()).ref")
        let name = r.string(o["name"], "\(p()).name")
        let unit = r.string(o["unit"], "\(p()).unit")
        let better = r.choice(o["better"], "\(p()).better", Better.self)
        var baseline: Measure?? = .some(nil)
        if let b = o["baseline"], b.value != .null {
            baseline = nil
            if let bo = r.object(b, "\(p()).baseline", keys: ["value", "date", "note"]) {
                let value = r.number(bo["value"], "\(p()).baseline.value")
                let date = r.optionalDate(bo["date"], "\(p()).baseline.date")
                let note = r.string(bo["note"], "\(p()).baseline.note")
                if let value, let date, let note { baseline = .some(Measure(value: value, date: date, note: note)) }
            }
        }
        var comparator: PlanModel.Comparator?? = .some(nil)
        if let c = o["comparator"], c.value != .null {
            comparator = nil
            if let co = r.object(c, "\(p()).comparator", keys: ["label", "value"]) {
                let label = r.string(co["label"], "\(p()).comparator.label")
                let value = r.number(co["value"], "\(p()).comparator.value")
                if let label, let value { comparator = .some(PlanModel.Comparator(label: label, value: value)) }
            }
        }
        let milestones = list(o["milestones"], "\(p()).milestones", "milestones", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> Milestone? in
            guard let o = r.object(node, p(), keys: ["label", "date", "target", "actual"], optional: ["evidence"]) else { return nil }
            let label = r.string(o["label"], "\(p()).label")
            let date = r.optionalDate(o["date"], "\(p()).date")
            let target = r.optionalNumber(o["target"], "\(p()).target")
            let actual = r.optionalNumber(o["actual"], "\(p()).actual")
            let evidence = decodeEvidence(o["evidence"], "\(p()).evidence", &r)
            guard let label, let date, let target, let actual, let evidence else { return nil }
            var milestone = Milestone(label: label, date: date, target: target, actual: actual)
            milestone.evidence = evidence
            return milestone
        }
        guard let ref, let name, let unit, let better, let baseline, let comparator, let milestones else { return nil }
        return KPI(ref: ref, name: name, unit: unit, better: better, baseline: baseline, comparator: comparator, milestones: milestones)
    }

    static func decodeCheckpoint(_ node: JSONNode, _ p: () -> String, _ r: inout FieldReader) -> Checkpoint? {
        guard let o = r.object(node, p(), keys: ["name", "date", "actions", "risks", "kpis"]) else { return nil }
        let name = r.string(o["name"], "\(p()).name")
        let date = r.date(o["date"], "\(p()).date")
        let actions = list(o["actions"], "\(p()).actions", "action states", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> Checkpoint.ActionState? in
            guard let o = r.object(node, p(), keys: ["ref", "status"]) else { return nil }
            let ref = r.string(o["ref"], "\(p()).ref")
            let status = r.choice(o["status"], "\(p()).status", Status.self)
            guard let ref, let status else { return nil }
            return Checkpoint.ActionState(ref: ref, status: status)
        }
        let risks = list(o["risks"], "\(p()).risks", "risk states", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> Checkpoint.RiskState? in
            guard let o = r.object(node, p(), keys: ["ref", "inherent", "residual", "target"]) else { return nil }
            let ref = r.string(o["ref"], "\(p()).ref")
            let inherent = decodeScore(o["inherent"], "\(p()).inherent", &r)
            let residual = decodeScore(o["residual"], "\(p()).residual", &r)
            let target = decodeScore(o["target"], "\(p()).target", &r)
            guard let ref, let inherent, let residual, let target else { return nil }
            return Checkpoint.RiskState(ref: ref, inherent: inherent, residual: residual, target: target)
        }
        let kpis = list(o["kpis"], "\(p()).kpis", "KPI states", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> Checkpoint.KPIState? in
            guard let o = r.object(node, p(), keys: ["ref", "actuals"]) else { return nil }
            let ref = r.string(o["ref"], "\(p()).ref")
            let actuals: [Double?]? = list(o["actuals"], "\(p()).actuals", "numbers or nulls", &r) { node, p, r in
                r.optionalNumber(node, p())
            }
            guard let ref, let actuals else { return nil }
            return Checkpoint.KPIState(ref: ref, actuals: actuals)
        }
        guard let name, let date, let actions, let risks, let kpis else { return nil }
        return Checkpoint(name: name, date: date, actions: actions, risks: risks, kpis: kpis)
    }
}

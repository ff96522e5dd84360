import PlanModel

/// Turns a plan into the `planboard/1` document, keys in the order docs/FORMAT.md lists.
public enum PlanEncoding {
    /// The format this writer writes.
    public static let formatName = Plan.format

    public static func json(_ plan: Plan) -> String { JSONWriter.write(document(plan)) }

    /// The plan as a file that imports again: a control character the format does not
    /// allow in text (one a damaged or tampered database may hold) is written in its visible
    /// form (`^[` for ESC) instead. Returns the text and how many values were changed so.
    public static func importableJSON(_ plan: Plan) -> (text: String, changed: Int) {
        var changed = 0
        func clean(_ value: JSONOut) -> JSONOut {
            switch value {
            case let .string(s):
                guard s.unicodeScalars.contains(where: refused) else { return value }
                changed += 1
                var out = String.UnicodeScalarView()
                for scalar in s.unicodeScalars {
                    if refused(scalar) { out.append(contentsOf: Visible.shown(scalar).unicodeScalars) } else { out.append(scalar) }
                }
                return .string(String(out))
            case let .array(items): return .array(items.map(clean))
            case let .object(members): return .object(members.map { ($0.0, clean($0.1)) })
            default: return value
            }
        }
        let document = clean(document(plan))
        return (JSONWriter.write(document), changed)
    }

    /// A scalar `Validator.textIssue` refuses in text.
    private static func refused(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && scalar != "\n" && scalar != "\t") || v == 0x7F || (0x80...0x9F).contains(v)
    }

    public static func document(_ plan: Plan) -> JSONOut {
        var top: [(String, JSONOut)] = [
            ("format", .string(format(of: plan))),
            ("header", header(plan.header)),
            ("settings", .object([
                ("lowRiskMax", int(plan.settings.lowRiskMax)),
                ("mediumRiskMax", int(plan.settings.mediumRiskMax)),
                ("dueSoonDays", int(plan.settings.dueSoonDays)),
            ] + (plan.settings.publication.map { [("publication", PublicationJSON.write($0))] } ?? []))),
            ("governance", .object([
                ("narrative", .string(plan.governance.narrative)),
                ("partners", strings(plan.governance.partners)),
                ("reportingLines", .array(plan.governance.reportingLines.map { line in
                    .object([("from", .string(line.from)), ("to", .string(line.to)),
                             ("kind", .string(line.kind.rawValue)), ("frequency", .string(line.frequency))])
                })),
            ])),
            ("areas", .array(plan.areas.map(area))),
            ("risks", .array(plan.risks.map(risk))),
            ("kpis", .array(plan.kpis.map(kpi))),
            ("checkpoints", .array(plan.checkpoints.map(checkpoint))),
        ]
        // Meetings only in planboard/2: see MeetingJSON.swift.
        if !plan.meetings.isEmpty { top.append(("meetings", .array(plan.meetings.map(meeting)))) }
        return .object(top)
    }

    static func header(_ h: Header) -> JSONOut {
        .object([
            ("localArea", .string(h.localArea)),
            ("title", .string(h.title)),
            ("notice", .optional(h.notice, JSONOut.string)),
            ("inspectionStart", date(h.inspectionStart)),
            ("inspectionEnd", date(h.inspectionEnd)),
            ("revisitReportDate", date(h.revisitReportDate)),
            ("accountableOfficers", .array(h.accountableOfficers.map(person))),
            ("advisers", .array(h.advisers.map(person))),
        ] + agreements(h.agreements))
    }

    static func person(_ p: Person) -> JSONOut {
        .object([("name", .string(p.name)), ("role", .string(p.role)), ("organisation", .string(p.organisation))])
    }

    static func area(_ a: Area) -> JSONOut {
        .object([
            ("number", int(a.number)),
            ("title", .string(a.title)),
            ("weakness", .string(a.weakness)),
            ("findingsSource", .string(a.findingsSource)),
            ("findings", .array(a.findings.map { .object([("letter", .string($0.letter)), ("text", .string($0.text))]) })),
            ("actions", .array(a.actions.map(action))),
        ])
    }

    public static func action(_ a: Action) -> JSONOut {
        var members: [(String, JSONOut)] = [
            ("ref", .string(a.ref)),
            ("text", .string(a.text)),
            ("byWhen", date(a.byWhen)),
            ("leads", strings(a.leads)),
            ("seniorResponsibleOfficer", .optional(a.seniorResponsibleOfficer, JSONOut.string)),
            ("status", .string(a.status.rawValue)),
            ("kpiText", .string(a.kpiText)),
            ("kpis", strings(a.kpis)),
            ("successCriteria", .string(a.successCriteria)),
            ("notes", .array(a.notes.map { n in
                .object([("date", .string(n.date.iso)), ("author", .string(n.author)), ("text", .string(n.text))])
            })),
        ]
        if let written = a.byWhenWritten { members.append(("byWhenWritten", .string(written))) }
        return .object(members + evidence(a.evidence) + revisions(a.revisions))
    }

    public static func risk(_ r: Risk) -> JSONOut {
        .object([
            ("ref", .string(r.ref)),
            ("raised", date(r.raised)),
            ("risk", .string(r.risk)),
            ("owner", .string(r.owner)),
            ("inherent", score(r.inherent)),
            ("mitigation", .string(r.mitigation)),
            ("residual", score(r.residual)),
            ("target", score(r.target)),
            ("progress", .string(r.progress)),
            ("reviewDate", date(r.reviewDate)),
            ("areas", .array(r.areas.map(int))),
        ])
    }

    public static func kpi(_ k: KPI) -> JSONOut {
        .object([
            ("ref", .string(k.ref)),
            ("name", .string(k.name)),
            ("unit", .string(k.unit)),
            ("better", .string(k.better.rawValue)),
            ("baseline", .optional(k.baseline) { m in
                .object([("value", .number(m.value)), ("date", date(m.date)), ("note", .string(m.note))])
            }),
            ("comparator", .optional(k.comparator) { c in .object([("label", .string(c.label)), ("value", .number(c.value))]) }),
            ("milestones", .array(k.milestones.map { m in
                .object([("label", .string(m.label)), ("date", date(m.date)),
                         ("target", .optional(m.target, JSONOut.number)), ("actual", .optional(m.actual, JSONOut.number))]
                        + evidence(m.evidence))
            })),
        ])
    }

    static func checkpoint(_ c: Checkpoint) -> JSONOut {
        .object([
            ("name", .string(c.name)),
            ("date", .string(c.date.iso)),
            ("actions", .array(c.actions.map { .object([("ref", .string($0.ref)), ("status", .string($0.status.rawValue))]) })),
            ("risks", .array(c.risks.map {
                .object([("ref", .string($0.ref)), ("inherent", score($0.inherent)), ("residual", score($0.residual)), ("target", score($0.target))])
            })),
            ("kpis", .array(c.kpis.map { state in
                .object([("ref", .string(state.ref)), ("actuals", .array(state.actuals.map { .optional($0, JSONOut.number) }))])
            })),
        ])
    }

    static func score(_ s: Score) -> JSONOut {
        .object([("likelihood", int(s.likelihood)), ("impact", int(s.impact))])
    }

    static func date(_ d: PlanDate?) -> JSONOut { .optional(d) { .string($0.iso) } }
    static func int(_ n: Int) -> JSONOut { .number(Double(n)) }
    static func strings(_ s: [String]) -> JSONOut { .array(s.map(JSONOut.string)) }
}

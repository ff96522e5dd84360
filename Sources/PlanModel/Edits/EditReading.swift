/// How edits read in the change log and in messages: as a person would say them, with
/// field names in words, dates as "31 Mar 2023", before → after and "—" for nothing.
///
/// The log keeps each edit as a value, so a line is written from it when it is shown:
/// logs written before these words existed read the same way.
extension Edit {
    /// A short description for the change log: "3q by-when 31 Mar 2023 → 30 Jun 2023".
    public var summary: String { summary(in: nil) }

    /// The description, naming a KPI's milestone by its label when `plan` has it.
    public func summary(in plan: Plan?) -> String {
        switch self {
        case let .setAction(ref, field, from, to): field.isLongText ? "\(ref) \(field.words) → \(to.words)" : "\(ref) \(field.words) \(from.words) → \(to.words)"
        case let .addAction(area, _, action): "added action \(action.ref) to area \(area)"
        case let .removeAction(ref, _): "removed action \(ref)"
        case let .addNote(ref, _, note): "note on \(ref): \(Edit.clip(note.text))"
        case let .removeNote(ref, note): "removed a note from \(ref): \(Edit.clip(note.text))"
        case let .setRisk(ref, field, from, to): field.isLongText ? "\(ref) \(field.words) → \(to.words)" : "\(ref) \(field.words) \(from.words) → \(to.words)"
        case let .addRisk(_, risk): "added risk \(risk.ref)"
        case let .removeRisk(ref, _): "removed risk \(ref)"
        case let .setActual(kpi, milestone, from, to):
            "\(kpi) \(Edit.milestoneName(kpi, milestone, plan)) actual \(FieldValue.number(from)) → \(FieldValue.number(to))"
        case let .addCheckpoint(checkpoint, _): "checkpoint “\(checkpoint.name)” (\(checkpoint.date.display))"
        case let .removeCheckpoint(checkpoint): "removed checkpoint “\(checkpoint.name)”"
        case let .batch(edits):
            // A value set to what it was (a reason given for a status it already has, which
            // checks it still has it) is not a change: the line says only what changed.
            (edits.count > 1 ? edits.filter { !$0.keepsItsValue } : edits).map { $0.summary(in: plan) }.joined(separator: "; ")
        case let .meeting(edit): edit.summary
        case let .evidence(edit): edit.summary(in: plan)
        case let .agreement(edit): edit.summary
        case let .record(edit): edit.summary
        case let .structure(edit): edit.summary
        }
    }

    /// A one-field edit whose value is what it was: not a change, and never logged as one.
    public var keepsItsValue: Bool {
        switch self {
        case let .setAction(_, _, from, to), let .setRisk(_, _, from, to): from == to
        default: false
        }
    }

    /// What undoing this edit did: "Undid: 3q by-when 31 Mar 2023 → 30 Jun 2023 (back to 31 Mar 2023)".
    public func undoneSummary(in plan: Plan?) -> String {
        "Undid: " + summary(in: plan) + (wasBefore.map { " (back to \($0))" } ?? "")
    }

    /// What redoing this edit did: "Redid: 3q by-when 31 Mar 2023 → 30 Jun 2023".
    public func redoneSummary(in plan: Plan?) -> String { "Redid: " + summary(in: plan) }

    /// The value a one-field edit replaced, in words; nil for other edits.
    private var wasBefore: String? {
        switch self {
        case let .setAction(_, _, from, _), let .setRisk(_, _, from, _): from.words
        case let .setActual(_, _, from, _): FieldValue.number(from)
        case let .batch(edits):
            // Only when one value went back: with several, "back to" one of them would mislead.
            edits.compactMap(\.wasBefore).count == 1 ? edits.compactMap(\.wasBefore).first : nil
        default: nil
        }
    }

    /// A milestone as people name it: "12-month" for "12 months", else its label.
    static func milestoneName(_ kpi: String, _ index: Int, _ plan: Plan?) -> String {
        guard let label = plan?.kpi(kpi).flatMap({ $0.milestones.indices.contains(index) ? $0.milestones[index].label : nil }) else {
            return "milestone \(index + 1)"
        }
        let words = label.split(separator: " ")
        if words.count == 2, Int(words[0]) != nil, ["month", "months"].contains(words[1].lowercased()) { return "\(words[0])-month" }
        return label
    }

    /// Long text cut for one line of the log, on one line.
    static func clip(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline ? " " : $0 })
        return flat.count > 60 ? flat.prefix(59) + "…" : flat
    }
}

extension ChangeRecord {
    /// The line as a person reads it, written from the edit it holds (so older logs read
    /// well too); the stored summary only when there is no edit (an import).
    public func reading(in plan: Plan?) -> String {
        switch kind {
        case .edit: edit?.summary(in: plan) ?? summary
        case .undo: inverse.map { $0.undoneSummary(in: plan) } ?? summary
        case .redo: edit.map { $0.redoneSummary(in: plan) } ?? summary
        case .import: summary
        }
    }
}

extension ChangeRecord {
    /// What undoing (or redoing) this change did, for the log line of the undo: "Undid: …".
    public func stepSummary(_ step: Kind, in plan: Plan?) -> String {
        switch (step, edit) {
        case let (.undo, edit?): edit.undoneSummary(in: plan)
        case let (.redo, edit?): edit.redoneSummary(in: plan)
        default: "\(step == .undo ? "Undid" : "Redid"): \(summary)"
        }
    }
}

extension ActionField {
    /// The field as people name it.
    public var words: String {
        switch self {
        case .ref: "reference"
        case .text: "text"
        case .byWhen: "by-when"
        case .leads: "lead"
        case .seniorResponsibleOfficer: "senior responsible officer"
        case .status: "status"
        case .kpiText: "KPI text"
        case .kpis: "KPIs"
        case .successCriteria: "success criteria"
        }
    }

    var isLongText: Bool { [.text, .kpiText, .successCriteria].contains(self) }
}

extension RiskField {
    /// The field as people name it.
    public var words: String {
        switch self {
        case .ref: "reference"
        case .raised: "date raised"
        case .risk: "risk"
        case .owner: "owner"
        case .inherentLikelihood: "inherent likelihood"
        case .inherentImpact: "inherent impact"
        case .mitigation: "mitigation"
        case .residualLikelihood: "residual likelihood"
        case .residualImpact: "residual impact"
        case .targetLikelihood: "target likelihood"
        case .targetImpact: "target impact"
        case .progress: "progress"
        case .reviewDate: "review date"
        case .areas: "areas"
        }
    }

    var isLongText: Bool { [.risk, .mitigation, .progress].contains(self) }
}

extension FieldValue {
    /// The value as people read it: dates as "31 Mar 2023", statuses by name, "—" for none.
    public var words: String {
        switch self {
        case let .text(s): s.isEmpty ? "—" : "“\(Edit.clip(s))”"
        case let .optionalText(s): s.map { "“\(Edit.clip($0))”" } ?? "—"
        case let .date(d): d?.display ?? "—"
        case let .names(n): n.isEmpty ? "—" : n.joined(separator: ", ")
        case let .status(s): s.label
        case let .level(l): String(l)
        case let .numbers(n): n.isEmpty ? "—" : n.map(String.init).joined(separator: ", ")
        }
    }

    /// A number as people read it, "—" for none.
    static func number(_ value: Double?) -> String { value.map(formatNumber) ?? "—" }
}

extension StructureValue {
    /// The value as people read it: dates as "31 Mar 2023", "—" for none.
    public var words: String {
        switch self {
        case let .text(s): FieldValue.text(s).words
        case let .optionalText(s): FieldValue.optionalText(s).words
        case let .date(d): FieldValue.date(d).words
        case let .people(p): FieldValue.names(p.map(\.name)).words
        case let .names(n): FieldValue.names(n).words
        case let .lines(l): l.isEmpty ? "—" : "\(l.count) reporting line\(l.count == 1 ? "" : "s")"
        case let .better(b): "\(b.rawValue) is better"
        case let .measure(m): m.map { formatNumber($0.value) + ($0.date.map { " on \($0.display)" } ?? "") } ?? "—"
        case let .comparator(c): c.map { "\($0.label) \(formatNumber($0.value))" } ?? "—"
        case let .number(n): FieldValue.number(n)
        case let .publication(p): (p ?? Publication()).words
        }
    }
}

extension StructureEdit {
    /// A short description for the change log, in words.
    public var summary: String {
        switch self {
        case let .setPlanField(.publication, from, to): Publication.change(from: from, to: to)
        case let .setPlanField(field, _, to): "\(field.label) → \(to.words)"
        case let .addArea(area, _, _): "added area \(area.number) “\(Edit.clip(area.title))”"
        case let .setArea(number, field, _, to): "area \(number) \(field.words) → “\(Edit.clip(to))”"
        case let .moveArea(number, _, to): "moved area \(number) to place \(to + 1)"
        case let .removeArea(area, risks):
            "removed area \(area.number) (\(counted(area.actions.count, "action")), \(counted(area.actions.reduce(0) { $0 + $1.notes.count }, "note")), \(counted(risks.count, "risk link")))"
        case let .addFinding(area, letter, text): "added finding \(area)\(letter): \(Edit.clip(text))"
        case let .setFinding(area, letter, _, to): "finding \(area)\(letter) → “\(Edit.clip(to))”"
        case let .moveFinding(area, letter, _, to): "moved finding \(area)\(letter) to \(area)\(to)"
        case let .removeFinding(area, letter, _): "removed finding \(area)\(letter)"
        case let .addKPI(kpi, _, _): "added KPI \(kpi.ref) “\(Edit.clip(kpi.name))”"
        case let .setKPI(ref, field, from, to): "\(ref) \(field.words) \(from.words) → \(to.words)"
        case let .removeKPI(kpi, links):
            "removed KPI \(kpi.ref)" + (links.isEmpty ? "" : " (unlinking \(links.map(\.action).joined(separator: ", ")))")
        case let .addMilestone(kpi, milestone, _): "\(kpi) added milestone “\(milestone.label)”"
        case let .setMilestone(kpi, label, field, from, to): "\(kpi) “\(label)” milestone \(field.rawValue) \(from.words) → \(to.words)"
        case let .removeMilestone(kpi, milestone): "\(kpi) removed milestone “\(milestone.label)”"
        }
    }
}

extension AreaField {
    /// The field as people name it.
    public var words: String {
        switch self {
        case .title: "title"
        case .weakness: "weakness"
        case .findingsSource: "source of the findings"
        }
    }
}

extension KPIField {
    /// The field as people name it.
    public var words: String {
        switch self {
        case .name: "name"
        case .unit: "unit"
        case .better: "direction"
        case .baseline: "baseline"
        case .comparator: "comparator"
        }
    }
}

extension MeetingEdit {
    /// A short description for the change log, in words.
    public var summary: String {
        switch self {
        case let .addMeeting(m): "meeting “\(m.name)” (\(m.date.display))"
        case let .removeMeeting(m): "removed meeting “\(m.name)”"
        case let .setMeeting(name, from, to):
            if from.checkpoint == nil, let checkpoint = to.checkpoint { "recorded meeting “\(name)” as checkpoint “\(checkpoint)”" }
            else if from.name != to.name { "renamed meeting “\(name)” → “\(to.name)”" }
            else if from.date != to.date { "meeting “\(name)” date \(from.date.display) → \(to.date.display)" }
            else { "meeting “\(name)” record changed" }
        case let .setHighlight(meeting, area, _, to):
            to == nil ? "removed the area \(area) highlight from “\(meeting)”" : "area \(area) highlight for “\(meeting)”"
        case let .addDecision(meeting, d): "decision \(d.label) at “\(meeting)”: \(Edit.clip(d.text))"
        case let .removeDecision(_, d): "removed decision \(d.label)"
        case let .setDecision(_, from, to):
            if !from.done && to.done { "decision \(to.label) done" }
            else if from.done && !to.done { "decision \(to.label) reopened" }
            else if from.action == nil, let ref = to.action { "decision \(to.label) became action \(ref)" }
            else { "decision \(to.label) changed" }
        }
    }
}

/// "1 risk", "2 risks": a count with its noun, singular or plural as it needs.
public func counted(_ n: Int, _ one: String, _ many: String? = nil) -> String { "\(n) \(n == 1 ? one : many ?? one + "s")" }

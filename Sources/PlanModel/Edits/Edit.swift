/// One change to a plan, as a value.
///
/// Applying an edit is a pure function (`Plan.applying(_:)`) that also returns the edit's
/// inverse, computed against the plan it was applied to; undo is applying the inverse.
/// The store keeps both in its change log.
public indirect enum Edit: Codable, Equatable, Sendable {
    case setAction(ref: String, field: ActionField, value: FieldValue)
    /// Adds an action to an area, at `index` or at the end.
    case addAction(area: Int, index: Int?, action: Action)
    case removeAction(ref: String)
    /// Adds a progress note, at `index` or at the end.
    case addNote(ref: String, index: Int?, note: Note)
    case removeNote(ref: String, index: Int)
    case setRisk(ref: String, field: RiskField, value: FieldValue)
    case addRisk(index: Int?, risk: Risk)
    case removeRisk(ref: String)
    /// Records (or with nil, clears) a KPI's actual at one milestone.
    case setActual(kpi: String, milestone: Int, value: Double?)
    case addCheckpoint(Checkpoint, index: Int?)
    case removeCheckpoint(name: String)
    /// Several edits that stand or fall together.
    case batch([Edit])
    /// Builds the plan's structure: header, governance, areas, findings, KPIs (`StructureEdits.swift`).
    case structure(StructureEdit)

    /// Sets an action's status, adding the reason as a progress note first when given.
    public static func setStatus(ref: String, to status: Status, reason: Note?) -> Edit {
        let set = Edit.setAction(ref: ref, field: .status, value: .status(status))
        guard let reason else { return set }
        return .batch([.addNote(ref: ref, index: nil, note: reason), set])
    }

    /// A short description for the change log: "3b status → red".
    public var summary: String {
        switch self {
        case let .setAction(ref, field, value): "action \(ref) \(field.rawValue) → \(value.display)"
        case let .addAction(area, _, action): "add action \(action.ref) to area \(area)"
        case let .removeAction(ref): "remove action \(ref)"
        case let .addNote(ref, _, note): "note on \(ref): \(note.text.prefix(60))"
        case let .removeNote(ref, index): "remove note \(index + 1) from \(ref)"
        case let .setRisk(ref, field, value): "risk \(ref) \(field.rawValue) → \(value.display)"
        case let .addRisk(_, risk): "add risk \(risk.ref)"
        case let .removeRisk(ref): "remove risk \(ref)"
        case let .setActual(kpi, milestone, value): "KPI \(kpi) actual \(milestone + 1) → \(value.map(formatNumber) ?? "none")"
        case let .addCheckpoint(checkpoint, _): "checkpoint \"\(checkpoint.name)\" (\(checkpoint.date.iso))"
        case let .removeCheckpoint(name): "remove checkpoint \"\(name)\""
        case let .batch(edits): edits.map(\.summary).joined(separator: "; ")
        case let .structure(edit): edit.summary
        }
    }
}

/// The fields of an action that edits can set.
public enum ActionField: String, Codable, Sendable, CaseIterable {
    case ref, text, byWhen, leads, seniorResponsibleOfficer, status, kpiText, kpis, successCriteria
}

/// The fields of a risk that edits can set; scores by their parts.
public enum RiskField: String, Codable, Sendable, CaseIterable {
    case ref, raised, risk, owner
    case inherentLikelihood, inherentImpact
    case mitigation
    case residualLikelihood, residualImpact
    case targetLikelihood, targetImpact
    case progress, reviewDate, areas
}

/// A value for a field, typed so an edit cannot put a date where a name belongs.
public enum FieldValue: Codable, Equatable, Sendable {
    case text(String)
    case optionalText(String?)
    case date(PlanDate?)
    case names([String])
    case status(Status)
    case level(Int)
    case numbers([Int])

    /// How the value reads in a log line.
    public var display: String {
        switch self {
        case let .text(s): "\"\(s.prefix(60))\""
        case let .optionalText(s): s.map { "\"\($0.prefix(60))\"" } ?? "none"
        case let .date(d): d?.iso ?? "none"
        case let .names(n): n.isEmpty ? "none" : n.joined(separator: ", ")
        case let .status(s): s.rawValue
        case let .level(l): String(l)
        case let .numbers(n): n.isEmpty ? "none" : n.map(String.init).joined(separator: ", ")
        }
    }
}

/// Writes a number the way people read it: no ".0" on whole numbers.
public func formatNumber(_ value: Double) -> String {
    if value.rounded() == value && abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

/// One change to a plan, as a value.
///
/// Applying an edit is a pure function (`Plan.applying(_:)`) that also returns the edit's
/// inverse, computed against the plan it was applied to; undo is applying the inverse.
/// The store keeps both in its change log.
///
/// An edit names what it acts on by identity (an action or risk by reference, a note by
/// its id, a checkpoint by name), never by position, and carries what the person saw:
/// a set carries the value it replaces (`from`), a removal the item it removes. When the
/// plan no longer holds that (someone else changed it, or an undo would trample a later
/// edit), applying refuses with an `EditError` whose `conflict` says what is there now.
/// An inverse is built the same way, so an undo is checked like any other edit.
public indirect enum Edit: Codable, Equatable, Sendable {
    /// Sets one field of an action from the value the person saw to a new one.
    case setAction(ref: String, field: ActionField, from: FieldValue, to: FieldValue)
    /// Adds an action to an area; `index` is where to put it (a placement hint: a position
    /// past the end puts it last), nil for the end.
    case addAction(area: Int, index: Int?, action: Action)
    /// Removes an action, as the person saw it; refused if it has changed since.
    case removeAction(ref: String, action: Action)
    /// Adds a progress note; `index` places it (a hint), nil for the end. A note whose id
    /// the action already uses gets the next free one (`id-2` ...).
    case addNote(ref: String, index: Int?, note: Note)
    /// Removes the note with `note.id`, as the person saw it; refused if it has changed or gone.
    case removeNote(ref: String, note: Note)
    /// Sets one field of a risk from the value the person saw to a new one.
    case setRisk(ref: String, field: RiskField, from: FieldValue, to: FieldValue)
    case addRisk(index: Int?, risk: Risk)
    /// Removes a risk, as the person saw it; refused if it has changed since.
    case removeRisk(ref: String, risk: Risk)
    /// Records (or with nil, clears) a KPI's actual at one milestone (milestones are a
    /// KPI's fixed schedule, named by their place in it), from the actual the person saw.
    case setActual(kpi: String, milestone: Int, from: Double?, to: Double?)
    case addCheckpoint(Checkpoint, index: Int?)
    /// Removes a checkpoint, as the person saw it.
    case removeCheckpoint(Checkpoint)
    /// Several edits that stand or fall together.
    case batch([Edit])
    /// A board meeting, its highlights or its decisions (see `MeetingEdit`).
    case meeting(MeetingEdit)
    /// Builds the plan's structure: header, governance, areas, findings, KPIs (`StructureEdits.swift`).
    case structure(StructureEdit)
    /// Evidence on an action, a KPI figure or a highlight (see `EvidenceEdit`).
    case evidence(EvidenceEdit)
    /// The agreed plan and revisions of its dates (see `AgreementEdit`).
    case agreement(AgreementEdit)
    /// A meeting's attendance, minutes and matters arising (see `RecordEdit`).
    case record(RecordEdit)

    /// Sets an action's status from the one the person saw, adding the reason as a
    /// progress note first when given.
    public static func setStatus(ref: String, from old: Status, to status: Status, reason: Note?) -> Edit {
        let set = Edit.setAction(ref: ref, field: .status, from: .status(old), to: .status(status))
        guard let reason else { return set }
        return .batch([.addNote(ref: ref, index: nil, note: reason), set])
    }

    /// Sets one field of `action` as it stands (the value the person sees) to `value`.
    public static func set(_ field: ActionField, of action: Action, to value: FieldValue) -> Edit {
        .setAction(ref: action.ref, field: field, from: action.value(of: field), to: value)
    }

    /// Sets one field of `risk` as it stands (the value the person sees) to `value`.
    public static func set(_ field: RiskField, of risk: Risk, to value: FieldValue) -> Edit {
        .setRisk(ref: risk.ref, field: field, from: risk.value(of: field), to: value)
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

    /// Whether the plan still holds what the person saw: lists of names and numbers are
    /// sets (leads in another order are the same leads).
    public func matches(_ other: FieldValue) -> Bool {
        switch (self, other) {
        case let (.names(a), .names(b)): a.sorted() == b.sorted()
        case let (.numbers(a), .numbers(b)): a.sorted() == b.sorted()
        default: self == other
        }
    }
}

extension Action {
    /// The current value of one field, as an edit carries it.
    public func value(of field: ActionField) -> FieldValue {
        switch field {
        case .ref: .text(ref)
        case .text: .text(text)
        case .byWhen: .date(byWhen)
        case .leads: .names(leads)
        case .seniorResponsibleOfficer: .optionalText(seniorResponsibleOfficer)
        case .status: .status(status)
        case .kpiText: .text(kpiText)
        case .kpis: .names(kpis)
        case .successCriteria: .text(successCriteria)
        }
    }
}

extension Risk {
    /// The current value of one field, as an edit carries it.
    public func value(of field: RiskField) -> FieldValue {
        switch field {
        case .ref: .text(ref)
        case .raised: .date(raised)
        case .risk: .text(risk)
        case .owner: .text(owner)
        case .inherentLikelihood: .level(inherent.likelihood)
        case .inherentImpact: .level(inherent.impact)
        case .mitigation: .text(mitigation)
        case .residualLikelihood: .level(residual.likelihood)
        case .residualImpact: .level(residual.impact)
        case .targetLikelihood: .level(target.likelihood)
        case .targetImpact: .level(target.impact)
        case .progress: .text(progress)
        case .reviewDate: .date(reviewDate)
        case .areas: .numbers(areas)
        }
    }
}

/// Writes a number the way people read it: no ".0" on whole numbers.
public func formatNumber(_ value: Double) -> String {
    if value.rounded() == value && abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

extension Plan {
    /// An edit setting one field of action `ref` to `value`, carrying the value this plan
    /// holds as what the person saw. (When there is no such action, applying says so.)
    public func setting(_ field: ActionField, ofAction ref: String, to value: FieldValue) -> Edit {
        .setAction(ref: ref, field: field, from: action(ref)?.value(of: field) ?? value, to: value)
    }

    /// An edit setting one field of risk `ref` to `value`, from the value this plan holds.
    public func setting(_ field: RiskField, ofRisk ref: String, to value: FieldValue) -> Edit {
        .setRisk(ref: ref, field: field, from: risk(ref)?.value(of: field) ?? value, to: value)
    }

    /// An edit recording a KPI's actual at one milestone, from the actual this plan holds.
    public func settingActual(kpi ref: String, milestone: Int, to value: Double?) -> Edit {
        let from = kpi(ref).flatMap { $0.milestones.indices.contains(milestone) ? $0.milestones[milestone].actual : nil }
        return .setActual(kpi: ref, milestone: milestone, from: from, to: value)
    }

    /// An edit setting an action's status from the one this plan holds, with a reason note.
    public func settingStatus(ofAction ref: String, to status: Status, reason: Note?) -> Edit {
        .setStatus(ref: ref, from: action(ref)?.status ?? status, to: status, reason: reason)
    }

    /// An edit removing action `ref` as this plan holds it.
    public func removing(action ref: String) -> Edit? {
        action(ref).map { .removeAction(ref: ref, action: $0) }
    }

    /// An edit removing risk `ref` as this plan holds it.
    public func removing(risk ref: String) -> Edit? {
        risk(ref).map { .removeRisk(ref: ref, risk: $0) }
    }
}

extension Edit {
    /// Whether this edit changed the action with this reference (under any of its names).
    public func touches(action ref: String) -> Bool {
        switch self {
        case let .setAction(r, field, value):
            if r == ref { return true }
            if field == .ref, case let .text(new) = value { return new == ref }
            return false
        case let .addAction(_, _, action): return action.ref == ref
        case let .removeAction(r), let .addNote(r, _, _), let .removeNote(r, _): return r == ref
        case let .batch(edits): return edits.contains { $0.touches(action: ref) }
        case let .structure(edit): return edit.touches(action: ref)
        default: return false
        }
    }

    /// What an edit is about, to open it from a list of changes.
    public enum Subject: Equatable, Sendable {
        case action(String)
        case risk(String)
        case kpi(String)
        case checkpoint(String)
    }

    /// The first thing this edit changed.
    public var subject: Subject? {
        switch self {
        case let .setAction(ref, field, value):
            if field == .ref, case let .text(new) = value { return .action(new) }
            return .action(ref)
        case let .addAction(_, _, action): return .action(action.ref)
        case let .removeAction(ref), let .addNote(ref, _, _), let .removeNote(ref, _): return .action(ref)
        case let .setRisk(ref, field, value):
            if field == .ref, case let .text(new) = value { return .risk(new) }
            return .risk(ref)
        case let .addRisk(_, risk): return .risk(risk.ref)
        case let .removeRisk(ref): return .risk(ref)
        case let .setActual(kpi, _, _): return .kpi(kpi)
        case let .addCheckpoint(checkpoint, _): return .checkpoint(checkpoint.name)
        case let .removeCheckpoint(name): return .checkpoint(name)
        case let .batch(edits): return edits.lazy.compactMap(\.subject).first
        case let .structure(edit): return edit.kpiRef.map(Subject.kpi)
        }
    }
}

extension Edit {
    /// Whether this edit changed the action with this reference (under any of its names).
    public func touches(action ref: String) -> Bool {
        switch self {
        case let .setAction(r, field, _, value):
            if r == ref { return true }
            if field == .ref, case let .text(new) = value { return new == ref }
            return false
        case let .addAction(_, _, action): return action.ref == ref
        case let .removeAction(r, _), let .addNote(r, _, _), let .removeNote(r, _): return r == ref
        case let .batch(edits): return edits.contains { $0.touches(action: ref) }
        default: return false
        }
    }

    /// Whether this edit wrote the thing a conflict is about, to find who changed it.
    public func wrote(_ target: EditConflict.Target) -> Bool {
        switch (self, target) {
        case let (.batch(edits), _): return edits.contains { $0.wrote(target) }
        case let (.setAction(r, f, _, to), .action(ref, field)):
            if field == nil || field == f, r == ref { return true }
            if f == .ref, case let .text(new) = to { return new == ref }
            return false
        case let (.addAction(_, _, action), .action(ref, _)): return action.ref == ref
        case let (.removeAction(r, _), .action(ref, _)): return r == ref
        case let (.addNote(r, _, _), .action(ref, nil)), let (.removeNote(r, _), .action(ref, nil)): return r == ref
        case let (.addNote(r, _, note), .note(ref, id)), let (.removeNote(r, note), .note(ref, id)):
            return r == ref && note.id == id
        case let (.setRisk(r, f, _, to), .risk(ref, field)):
            if field == nil || field == f, r == ref { return true }
            if f == .ref, case let .text(new) = to { return new == ref }
            return false
        case let (.addRisk(_, risk), .risk(ref, _)): return risk.ref == ref
        case let (.removeRisk(r, _), .risk(ref, _)): return r == ref
        case let (.setActual(k, m, _, _), .actual(kpi, milestone)): return k == kpi && m == milestone
        case let (.addCheckpoint(c, _), .checkpoint(name)), let (.removeCheckpoint(c), .checkpoint(name)): return c.name == name
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
        case let .setAction(ref, field, _, value):
            if field == .ref, case let .text(new) = value { return .action(new) }
            return .action(ref)
        case let .addAction(_, _, action): return .action(action.ref)
        case let .removeAction(ref, _), let .addNote(ref, _, _), let .removeNote(ref, _): return .action(ref)
        case let .setRisk(ref, field, _, value):
            if field == .ref, case let .text(new) = value { return .risk(new) }
            return .risk(ref)
        case let .addRisk(_, risk): return .risk(risk.ref)
        case let .removeRisk(ref, _): return .risk(ref)
        case let .setActual(kpi, _, _, _): return .kpi(kpi)
        case let .addCheckpoint(checkpoint, _): return .checkpoint(checkpoint.name)
        case let .removeCheckpoint(checkpoint): return .checkpoint(checkpoint.name)
        case let .batch(edits): return edits.lazy.compactMap(\.subject).first
        }
    }
}

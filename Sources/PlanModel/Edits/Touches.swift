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
        default: return false
        }
    }
}

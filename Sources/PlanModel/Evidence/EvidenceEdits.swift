import Foundation

/// Adding or removing an evidence item, by its holder and id, never by position.
///
/// A removal carries the item as the person saw it and is refused when it has changed or
/// gone, so an undo never tramples a later change.
public enum EvidenceEdit: Codable, Equatable, Sendable {
    /// Adds an item; `index` places it (a hint), nil for the end. An item whose id the
    /// holder already uses gets the next free one (`id-2` ...).
    case add(EvidenceHolder, index: Int?, item: Evidence)
    /// Removes the item with `item.id`, as the person saw it.
    case remove(EvidenceHolder, item: Evidence)

    public var holder: EvidenceHolder {
        switch self {
        case let .add(holder, _, _), let .remove(holder, _): holder
        }
    }

    public var item: Evidence {
        switch self {
        case let .add(_, _, item), let .remove(_, item): item
        }
    }

    /// How it reads in the log: "evidence on action 3b: “SENCO audit”", naming a KPI's
    /// milestone by its label when `plan` has it.
    public func summary(in plan: Plan?) -> String {
        switch self {
        case let .add(holder, _, item): "evidence on \(holder.display(in: plan)): “\(Edit.clip(item.title))”"
        case let .remove(holder, item): "removed evidence from \(holder.display(in: plan)): “\(Edit.clip(item.title))”"
        }
    }
}

extension Plan {
    /// Applies an evidence edit, returning its inverse. Called from `apply(_:)` for `.evidence`.
    mutating func applyEvidence(_ edit: EvidenceEdit) throws -> EvidenceEdit {
        let holder = edit.holder
        guard var items = evidence(of: holder) else {
            throw EditError("there is no \(holder.display(in: self)) to hold evidence")
        }
        switch edit {
        case let .add(_, index, item):
            if let problem = Evidence.problem(item) { throw EditError("evidence \(problem)") }
            var item = item
            item.id = Note.freeID(item.id, taken: Set(items.map(\.id)))
            let at = index.map { min(max($0, 0), items.count) } ?? items.count
            items.insert(item, at: at)
            _ = setEvidence(items, of: holder)
            return .remove(holder, item: item)
        case let .remove(_, seen):
            let what = "the evidence “\(seen.title.prefix(40))” on \(holder.display(in: self))"
            guard let n = items.firstIndex(where: { $0.id == seen.id }) else {
                throw EditError(conflict: EditConflict(target: .evidence(holder, id: seen.id), what: what, expected: nil, found: nil))
            }
            guard items[n] == seen else {
                throw EditError(conflict: EditConflict(target: .evidence(holder, id: seen.id), what: what,
                                                       expected: nil, found: "now “\(items[n].title.prefix(60))” at \(items[n].location.prefix(60))"))
            }
            let item = items.remove(at: n)
            _ = setEvidence(items, of: holder)
            return .add(holder, index: n, item: item)
        }
    }
}

extension Evidence {
    /// Why an item cannot be kept, or nil: a title and a location are needed, each one line.
    public static func problem(_ item: Evidence) -> String? {
        for (name, text) in [("title", item.title), ("location", item.location)] {
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return "needs a \(name); expected some text" }
            if text.contains("\n") { return "\(name) is more than one line; expected one line" }
        }
        for (name, text) in [("title", item.title), ("location", item.location), ("shows", item.shows), ("added by", item.addedBy)] {
            if let issue = Validator.textIssue(text) { return "\(name) \(issue)" }
        }
        return nil
    }
}

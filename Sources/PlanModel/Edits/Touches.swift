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
        case let .structure(edit): return edit.touches(action: ref)
        case let .evidence(edit): return edit.holder == .action(ref)
        case let .agreement(edit): return edit.ref == ref
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
        case (.meeting, _), (.structure, _), (.evidence, _), (.agreement, _), (.record, _): return targets.contains { $0.overlaps(target) }
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
        case .meeting: return nil
        case let .structure(edit): return edit.kpiRef.map(Subject.kpi)
        case let .evidence(edit):
            switch edit.holder {
            case let .action(ref): return .action(ref)
            case let .figure(kpi, _): return .kpi(kpi)
            case .highlight: return nil
            }
        case let .agreement(edit): return edit.ref.map(Subject.action)
        case .record: return nil
        }
    }
}

extension Edit {
    /// Everything this edit writes, by identity.
    public var targets: [EditConflict.Target] {
        switch self {
        case let .setAction(ref, field, _, to):
            if field == .ref, case let .text(new) = to { return [.action(ref, nil), .action(new, nil)] }
            return [.action(ref, field)]
        case let .addAction(_, _, action): return [.action(action.ref, nil)]
        case let .removeAction(ref, _): return [.action(ref, nil)]
        case let .addNote(ref, _, note), let .removeNote(ref, note): return [.note(action: ref, id: note.id)]
        case let .setRisk(ref, field, _, to):
            if field == .ref, case let .text(new) = to { return [.risk(ref, nil), .risk(new, nil)] }
            return [.risk(ref, field)]
        case let .addRisk(_, risk): return [.risk(risk.ref, nil)]
        case let .removeRisk(ref, _): return [.risk(ref, nil)]
        case let .setActual(kpi, milestone, _, _): return [.actual(kpi: kpi, milestone: milestone)]
        case let .addCheckpoint(checkpoint, _), let .removeCheckpoint(checkpoint): return [.checkpoint(checkpoint.name)]
        case let .batch(edits): return edits.flatMap(\.targets)
        case let .meeting(edit): return edit.targets
        case let .structure(edit): return edit.targets
        case let .evidence(edit): return [.evidence(edit.holder, id: edit.item.id)]
        case let .agreement(edit): return [edit.ref.map { .action($0, .byWhen) } ?? .structure(["plan", "agreement"])]
        case let .record(edit): return [.meeting(edit.meeting)]
        }
    }
}

extension EditConflict.Target {
    /// Whether two targets name the same thing or one holds the other (an action holds
    /// its fields and notes).
    public func overlaps(_ other: EditConflict.Target) -> Bool {
        switch (self, other) {
        case let (.action(a, f), .action(b, g)): return a == b && (f == nil || g == nil || f == g)
        case let (.action(a, nil), .note(b, _)), let (.note(b, _), .action(a, nil)): return a == b
        case let (.note(a, x), .note(b, y)): return a == b && x == y
        case let (.risk(a, f), .risk(b, g)): return a == b && (f == nil || g == nil || f == g)
        case let (.meeting(a), .highlight(b, _)), let (.highlight(b, _), .meeting(a)): return a == b
        case let (.structure(a), .structure(b)): return a.starts(with: b) || b.starts(with: a)
        case let (.action(a, nil), .evidence(.action(b), _)), let (.evidence(.action(b), _), .action(a, nil)): return a == b
        case let (.highlight(m, a), .evidence(.highlight(n, b), _)), let (.evidence(.highlight(n, b), _), .highlight(m, a)):
            return m == n && a == b
        default: return self == other
        }
    }

    /// How people name it, and what the plan holds there now (nil when it is gone).
    public func described(in plan: Plan) -> (what: String, now: String?) {
        switch self {
        case let .action(ref, field?): return ("\(ref) \(field.words)", plan.action(ref)?.value(of: field).words)
        case let .action(ref, nil): return ("action \(ref)", plan.action(ref).map { _ in "" })
        case let .note(ref, id):
            let note = plan.action(ref)?.notes.first { $0.id == id }
            return ("a note on \(ref)", note.map { "\"\($0.text.prefix(60))\"" })
        case let .risk(ref, field?): return ("\(ref) \(field.words)", plan.risk(ref)?.value(of: field).words)
        case let .risk(ref, nil): return ("risk \(ref)", plan.risk(ref).map { _ in "" })
        case let .actual(kpi, milestone):
            let value = plan.kpi(kpi).flatMap { $0.milestones.indices.contains(milestone) ? $0.milestones[milestone] : nil }
            return ("\(kpi) actual \(milestone + 1)", value.map { $0.actual.map(formatNumber) ?? "none" })
        case let .checkpoint(name): return ("checkpoint \"\(name)\"", plan.checkpoint(named: name).map { _ in "" })
        case let .meeting(name): return ("meeting \"\(name)\"", plan.meeting(named: name).map { _ in "" })
        case let .highlight(meeting, area):
            let highlight = plan.meeting(named: meeting)?.highlights.first { $0.area == area }
            return ("area \(area)'s highlight for \"\(meeting)\"", highlight.map { _ in "" })
        case let .decision(number): return ("decision D\(number)", plan.decision(number).map { "\"\($0.decision.text.prefix(60))\"" })
        case let .structure(path): return (path.joined(separator: " "), nil)
        case let .evidence(holder, id):
            let item = plan.evidence(of: holder)?.first { $0.id == id }
            return ("evidence on \(holder.display(in: plan))", item.map { "“\($0.title.prefix(60))”" })
        }
    }
}

extension Edit {
    /// The edit made over what `plan` holds now rather than over the values it was built
    /// from: for a command that read nothing a person saw (a `set` worked out on a plan
    /// remembered from the last command), so that someone's change meanwhile is built on,
    /// as a fresh read would, never reported as a conflict nobody could have seen.
    public func rebased(on plan: Plan) -> Edit {
        switch self {
        case let .setAction(ref, field, from, to):
            return .setAction(ref: ref, field: field, from: plan.action(ref)?.value(of: field) ?? from, to: to)
        case let .setRisk(ref, field, from, to):
            return .setRisk(ref: ref, field: field, from: plan.risk(ref)?.value(of: field) ?? from, to: to)
        case let .setActual(kpi, milestone, from, to):
            let now = plan.kpi(kpi).flatMap { $0.milestones.indices.contains(milestone) ? $0.milestones[milestone].actual : from }
            return .setActual(kpi: kpi, milestone: milestone, from: now, to: to)
        case let .batch(edits):
            return .batch(edits.map { $0.rebased(on: plan) })
        default:
            return self
        }
    }
}

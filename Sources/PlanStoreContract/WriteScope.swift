import PlanModel

/// What an edit wrote, by identity.
public struct WriteScope {
    public var actions: [String] = []
    public var reorderedAreas: [Int] = []
    public var risks: [String] = []
    public var risksReordered = false
    public var kpis: [String] = []
    public var checkpoints: [String] = []

    public var removedActions: [String] = []
    public var renames = false

    /// Whether the edit only changes actions in place (no adding, removing or renaming),
    /// so a plan holding just those actions can take it.
    public var inPlace: Bool {
        reorderedAreas.isEmpty && removedActions.isEmpty && risks.isEmpty && kpis.isEmpty && checkpoints.isEmpty && !renames
    }

    /// Adds what `edit` wrote; false when it cannot say.
    public mutating func add(_ edit: Edit) -> Bool {
        switch edit {
        case let .setAction(ref, field, _, value):
            actions.append(ref)
            if field == .ref, case let .text(new) = value { actions.append(new); renames = true }
        case let .addAction(area, _, action):
            actions.append(action.ref)
            reorderedAreas.append(area)
        case let .removeAction(ref, _):
            // Its area is found from the plan before; positions after it close up.
            actions.append(ref)
            removedActions.append(ref)
        case let .addNote(ref, _, _), let .removeNote(ref, _):
            actions.append(ref)
        case let .setRisk(ref, field, _, value):
            risks.append(ref)
            if field == .ref, case let .text(new) = value { risks.append(new) }
        case let .addRisk(_, risk):
            risks.append(risk.ref)
            risksReordered = true
        case let .removeRisk(ref, _):
            risks.append(ref)
            risksReordered = true
        case let .setActual(kpi, _, _, _):
            kpis.append(kpi)
        case let .addCheckpoint(checkpoint, _), let .removeCheckpoint(checkpoint):
            checkpoints.append(checkpoint.name)
        case let .batch(edits):
            for edit in edits where !add(edit) { return false }
        case let .evidence(edit):
            switch edit.holder {
            case let .action(ref): actions.append(ref)
            case let .figure(kpi, _): kpis.append(kpi)
            case .highlight: return false
            }
        // A meeting's record is written with its meeting, by the whole-plan difference.
        case .record: return false
        case let .agreement(edit):
            // Agreeing the plan writes its header: the whole-plan difference does that.
            guard let ref = edit.ref else { return false }
            actions.append(ref)
        // Meetings and the plan's structure are written by the whole-plan difference.
        case .meeting, .structure: return false
        }
        return true
    }

    public init() {}
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    public var unique: [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

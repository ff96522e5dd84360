extension Plan {
    /// What "since" means when no one has chosen: the last recorded meeting's checkpoint,
    /// else the latest checkpoint.
    public var defaultSince: Checkpoint? {
        meetings.last { $0.isRecorded }?.checkpoint.flatMap { checkpoint(named: $0) }
            ?? checkpoints.max { $0.date < $1.date }
    }

    /// The checkpoint a meeting recorded, or the checkpoint, called `name`.
    public func since(named name: String) -> Checkpoint? {
        meeting(named: name)?.checkpoint.flatMap { checkpoint(named: $0) } ?? checkpoint(named: name)
    }

    /// The plan as it was at a checkpoint, for comparing with now.
    ///
    /// Undoes the logged changes since (`log`, oldest first) from newest to oldest, as far
    /// as the log goes (an import, or an edit the plan no longer takes, stops it), then sets
    /// every status, score and actual to what the checkpoint recorded and, when a meeting
    /// recorded it, every by-when to what the meeting recorded: a checkpoint that came in a
    /// file, with no log before it, is still compared fully on what it holds.
    public func asItWas(at checkpoint: Checkpoint, log: [ChangeRecord]) -> Plan {
        var plan = undoing(log[...]).plan
        plan.overlay(checkpoint)
        if let meeting = meetings.first(where: { $0.checkpoint == checkpoint.name }) { plan.overlay(meeting.byWhen) }
        return plan
    }

    /// The plan before `records` (oldest first), undone from the newest as far as they go
    /// (an import, or an edit the plan no longer takes, stops it); `all` when every one was.
    public func undoing(_ records: ArraySlice<ChangeRecord>) -> (plan: Plan, all: Bool) {
        var plan = self
        for record in records.reversed() {
            guard record.kind != .import, let inverse = record.inverse, let (before, _) = try? plan.applying(inverse) else { return (plan, false) }
            plan = before
        }
        return (plan, true)
    }

    /// Sets statuses, scores and actuals to a checkpoint's; actions it does not list are
    /// dropped (added since) and actions it lists that the plan lacks come back (removed since).
    mutating func overlay(_ checkpoint: Checkpoint) {
        overlayStatuses(checkpoint)
        overlayScores(checkpoint)
        let actuals = Dictionary(checkpoint.kpis.map { ($0.ref, $0.actuals) }, uniquingKeysWith: { a, _ in a })
        for k in kpis.indices {
            let was = actuals[kpis[k].ref] ?? []
            for m in kpis[k].milestones.indices { kpis[k].milestones[m].actual = m < was.count ? was[m] : nil }
        }
    }

    private mutating func overlayStatuses(_ checkpoint: Checkpoint) {
        let states = checkpoint.actions
        var finder = Checkpoint.StatusFinder(states)
        var matched = 0
        for a in areas.indices {
            var dropped: [Int] = []
            for i in areas[a].actions.indices {
                guard let was = finder.status(of: areas[a].actions[i].ref) else {
                    dropped.append(i)
                    continue
                }
                matched += 1
                // Written only where it differs, so an area that did not change is not copied.
                if areas[a].actions[i].status != was { areas[a].actions[i].status = was }
            }
            for i in dropped.reversed() { areas[a].actions.remove(at: i) }
        }
        // Every action it lists was found (references are unique), or some came back.
        guard matched < states.count, !areas.isEmpty else { return }
        let present = Set(areas.lazy.flatMap { $0.actions.map(\.ref) })
        let missing = states.filter { !present.contains($0.ref) }
        areas[areas.count - 1].actions += missing.map { Action(ref: $0.ref, text: "", status: $0.status) }
    }

    private mutating func overlayScores(_ checkpoint: Checkpoint) {
        let scores = Dictionary(checkpoint.risks.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        risks = risks.compactMap { risk in
            guard let was = scores[risk.ref] else { return nil }
            var risk = risk
            risk.inherent = was.inherent
            risk.residual = was.residual
            risk.target = was.target
            return risk
        }
        let present = Set(risks.map(\.ref))
        for was in checkpoint.risks where !present.contains(was.ref) {
            risks.append(Risk(ref: was.ref, risk: "", owner: "", inherent: was.inherent, mitigation: "", residual: was.residual, target: was.target))
        }
    }

    /// Sets by-whens to those a meeting recorded.
    mutating func overlay(_ dates: [ActionDate]) {
        let byWhen = Dictionary(dates.map { ($0.ref, $0.byWhen) }, uniquingKeysWith: { a, _ in a })
        for a in areas.indices {
            for i in areas[a].actions.indices {
                if let date = byWhen[areas[a].actions[i].ref] { areas[a].actions[i].byWhen = date }
            }
        }
    }
}

extension Checkpoint {
    /// The status a checkpoint recorded for each action, asked for in plan order. The
    /// checkpoint lists its actions in plan order nearly always: each is looked for at the
    /// next place first, and by reference (a table made once) only when not there.
    public struct StatusFinder {
        private let states: [ActionState]
        private var next = 0
        private var byRef: [String: Status]?

        public init(_ states: [ActionState]) { self.states = states }

        /// The status recorded for `ref`, nil when the checkpoint does not hold it.
        public mutating func status(of ref: String) -> Status? {
            if next < states.count, states[next].ref == ref {
                next += 1
                return states[next - 1].status
            }
            if byRef == nil { byRef = Dictionary(states.map { ($0.ref, $0.status) }, uniquingKeysWith: { a, _ in a }) }
            return byRef?[ref]
        }
    }
}

/// Flags derived from an action's dates and status against a clock.
public struct ActionFlags: Equatable, Sendable {
    /// The by-when has passed and the action is not complete.
    public var overdue: Bool
    /// Open, not overdue, and due within the plan's due-soon window.
    public var dueSoon: Bool
}

extension Action {
    /// Anything not complete is still open.
    public var isOpen: Bool { status != .complete }

    /// Overdue and due-soon as of `today`.
    public func flags(today: PlanDate, settings: Settings) -> ActionFlags {
        ActionFlags(status: status, byWhen: byWhen, today: today, settings: settings)
    }
}

extension ActionFlags {
    /// The flags of an action of this status and by-when.
    init(status: Status, byWhen: PlanDate?, today: PlanDate, settings: Settings) {
        guard status != .complete, let byWhen else {
            self.init(overdue: false, dueSoon: false)
            return
        }
        let overdue = byWhen < today
        self.init(overdue: overdue, dueSoon: !overdue && byWhen.dayNumber - today.dayNumber <= settings.dueSoonDays)
    }
}

/// An area's actions in one line: counts per status, overdue, due soon, and the worst.
public struct AreaRollup: Equatable, Sendable {
    public var counts: [Status: Int]
    public var overdue: Int
    public var dueSoon: Int
    /// The status that most calls for attention among open actions; `.complete` when every
    /// action is complete; nil when the area has no actions.
    public var worst: Status?

    public var total: Int { counts.values.reduce(0, +) }

    public func count(_ status: Status) -> Int { counts[status, default: 0] }

    /// Rolls up any list of actions.
    public init(actions: [Action], today: PlanDate, settings: Settings) {
        // Counted in a fixed array: this runs over every action after each change. Each
        // action's two fields are read where it lies; a loop over the actions copied each.
        var tally = [0, 0, 0, 0, 0]
        var overdue = 0
        var dueSoon = 0
        var worst: Status?
        for i in actions.indices {
            let status = actions[i].status
            let index = Status.allCases.firstIndex(of: status) ?? 0
            tally[index] += 1
            if worst.map({ status.concern > $0.concern }) ?? true { worst = status }
            let flags = ActionFlags(status: status, byWhen: actions[i].byWhen, today: today, settings: settings)
            if flags.overdue { overdue += 1 }
            if flags.dueSoon { dueSoon += 1 }
        }
        var counts: [Status: Int] = [:]
        for (i, status) in Status.allCases.enumerated() where tally[i] > 0 { counts[status] = tally[i] }
        self.counts = counts
        self.overdue = overdue
        self.dueSoon = dueSoon
        self.worst = worst
    }
}

extension AreaRollup {
    /// Several roll-ups added together (e.g. every area's, for the whole plan).
    public init(combining parts: [AreaRollup]) {
        var counts: [Status: Int] = [:]
        for part in parts { for (status, n) in part.counts { counts[status, default: 0] += n } }
        self.counts = counts
        overdue = parts.reduce(0) { $0 + $1.overdue }
        dueSoon = parts.reduce(0) { $0 + $1.dueSoon }
        worst = parts.compactMap(\.worst).max { $0.concern < $1.concern }
    }
}

extension Plan {
    /// The roll-up of one area as of `today`.
    public func rollup(of area: Area, today: PlanDate) -> AreaRollup {
        AreaRollup(actions: area.actions, today: today, settings: settings)
    }
}

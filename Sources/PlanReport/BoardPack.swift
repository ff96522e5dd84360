import PlanModel

/// Why a board pack could not be made: a meeting, checkpoint or area that is not there.
public struct PackError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The board pack for one meeting: everything a board member reads before, during and
/// after it, worked out once from the plan so the HTML and Markdown say the same.
///
/// A pure value: give it a plan, the meeting, what "since" means and today's date.
public struct BoardPack: Sendable {
    /// What the pack compares with: a recorded meeting or a bare checkpoint.
    public struct Since: Sendable {
        public var name: String
        public var date: PlanDate
        public var checkpoint: Checkpoint
        /// The meeting, when "since" is one; it holds the by-when dates, so moved dates are known.
        public var meeting: Meeting?
    }

    /// One action in a highlight report, with what the board needs to see about it.
    public struct ActionLine: Sendable {
        public var action: Action
        public var overdueDays: Int?
        public var dueSoon: Bool
        /// Its reason when Red or Amber: the latest progress note.
        public var reason: String?
        public var statusThen: Status?
        public var statusChanged: Bool
        public var dateMove: DateMove?
    }

    public let plan: Plan
    public let meeting: Meeting?
    public let since: Since?
    public let today: PlanDate
    /// The area the pack is limited to (`--area`), or nil for all.
    public let areaFilter: Int?

    public let areas: [Area]
    public let rollups: [Int: AreaRollup]
    public let lines: [Int: [ActionLine]]
    public let risks: [Risk]
    public let kpis: [KPI]
    public let decisions: [(meeting: Meeting, decision: Decision)]
    /// Residual scores that moved since, by risk reference (nil `from`: the risk is new).
    public let riskMoves: [String: (from: Score?, to: Score)]
    public let datesKnown: Bool
    /// Everything that changed since, counted as the dashboard and `summary` count it.
    public let changes: SinceSummary?

    /// Makes the pack for `meeting` (default: the latest), compared with `since` (a meeting
    /// or checkpoint name; default: the recorded meeting before it, else the latest
    /// checkpoint before it), limited to one area when `area` is given.
    /// `log` is the change log, so the count of what changed since agrees with the dashboard's.
    public init(plan: Plan, log: [ChangeRecord] = [], meeting name: String? = nil, since sinceName: String? = nil, area: Int? = nil,
                today: PlanDate) throws(PackError) {
        self.plan = plan
        self.today = today
        self.areaFilter = area
        let meeting: Meeting?
        if let name {
            guard let found = plan.meeting(named: name) else {
                throw PackError("there is no meeting called \"\(name)\"; expected one of \(BoardPack.list(plan.meetings.map(\.name)))")
            }
            meeting = found
        } else {
            meeting = plan.meetings.last
        }
        self.meeting = meeting

        var since: Since?
        if let sinceName {
            if let m = plan.meeting(named: sinceName) {
                guard let cp = m.checkpoint.flatMap(plan.checkpoint(named:)) else {
                    throw PackError("meeting \"\(sinceName)\" has not been recorded yet, so there is nothing to compare with; record it with `planboard meeting record`")
                }
                since = Since(name: m.name, date: m.date, checkpoint: cp, meeting: m)
            } else if let cp = plan.checkpoint(named: sinceName) {
                since = Since(name: cp.name, date: cp.date, checkpoint: cp, meeting: plan.meetings.first { $0.checkpoint == cp.name })
            } else {
                throw PackError("there is no meeting or checkpoint called \"\(sinceName)\"; expected one of \(BoardPack.list(plan.meetings.map(\.name) + plan.checkpoints.map(\.name)))")
            }
        } else if let meeting {
            if let m = plan.previousRecordedMeeting(before: meeting), let cp = m.checkpoint.flatMap(plan.checkpoint(named:)) {
                since = Since(name: m.name, date: m.date, checkpoint: cp, meeting: m)
            } else if let cp = plan.checkpoints.filter({ $0.date < meeting.date && $0.name != meeting.checkpoint }).max(by: { $0.date < $1.date }) {
                since = Since(name: cp.name, date: cp.date, checkpoint: cp, meeting: nil)
            }
        } else if let cp = plan.checkpoints.max(by: { $0.date < $1.date }) {
            since = Since(name: cp.name, date: cp.date, checkpoint: cp, meeting: plan.meetings.first { $0.checkpoint == cp.name })
        }
        self.since = since

        if let area, plan.area(number: area) == nil {
            throw PackError("there is no area of weakness \(area); expected one of \(BoardPack.list(plan.areas.map { String($0.number) }))")
        }
        let areas = area.map { n in plan.areas.filter { $0.number == n } } ?? plan.areas
        self.areas = areas

        var statusThen: [String: Status?] = [:]
        var moves: [String: (from: Score?, to: Score)] = [:]
        if let since {
            for change in plan.changes(since: since.checkpoint) {
                switch change {
                case let .status(ref, from, to) where to != nil: statusThen[ref] = from
                case let .score(ref, .residual, from, to?): moves[ref] = (from, to)
                default: break
                }
            }
        }
        let dateMoves = since?.meeting.map { plan.datesMoved(since: $0) } ?? []
        let movedDates = Dictionary(dateMoves.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        self.datesKnown = !(since?.meeting?.byWhen.isEmpty ?? true)
        self.changes = since.map { SinceSummary(then: plan.asItWas(at: $0.checkpoint, log: log.since($0.checkpoint)), now: plan) }

        var rollups: [Int: AreaRollup] = [:]
        var lines: [Int: [ActionLine]] = [:]
        for a in areas {
            rollups[a.number] = plan.rollup(of: a, today: today)
            lines[a.number] = a.actions.map { action in
                let flags = action.flags(today: today, settings: plan.settings)
                let changed = statusThen[action.ref] != nil
                return ActionLine(
                    action: action,
                    overdueDays: flags.overdue ? action.byWhen.map { today.dayNumber - $0.dayNumber } : nil,
                    dueSoon: flags.dueSoon,
                    reason: action.status.needsReason ? action.notes.last?.text : nil,
                    statusThen: statusThen[action.ref] ?? nil, statusChanged: changed,
                    dateMove: movedDates[action.ref])
            }
        }
        self.rollups = rollups
        self.lines = lines

        let numbers = Set(areas.map(\.number))
        self.risks = area == nil ? plan.risks : plan.risks.filter { !Set($0.areas).isDisjoint(with: numbers) }
        self.riskMoves = moves
        if area == nil {
            self.kpis = plan.kpis
        } else {
            let linked = Set(areas.flatMap { $0.actions.flatMap(\.kpis) })
            self.kpis = plan.kpis.filter { linked.contains($0.ref) }
        }
        self.decisions = plan.decisions.filter { pair in
            guard area != nil else { return true }
            return plan.area(of: pair.decision).map(numbers.contains) ?? false
        }
    }

    // MARK: What the sections show

    /// Every action in the pack's areas, in plan order.
    public var allLines: [ActionLine] { areas.flatMap { lines[$0.number] ?? [] } }

    /// The whole pack's roll-up.
    public var total: AreaRollup { AreaRollup(combining: areas.compactMap { rollups[$0.number] }) }

    /// The area's RAG as the highlight judges it, else its roll-up, and whether it is the SRO's own.
    public func rag(of area: Area) -> (status: Status?, judged: Bool) {
        if let rag = meeting?.highlight(area: area.number)?.rag { return (rag, true) }
        return (rollups[area.number]?.worst, false)
    }

    /// The senior responsible officers named on an area's actions, most named first.
    public func sros(of area: Area) -> [String] {
        ranked(area.actions.compactMap(\.seniorResponsibleOfficer))
    }

    /// The action leads of an area, most named first.
    public func leads(of area: Area) -> [String] { ranked(area.actions.flatMap(\.leads)) }

    /// The highest residual risks, at most five.
    public var topRisks: [Risk] {
        let refs = Set(risks.map(\.ref))
        return Array(plan.risksByResidual.filter { refs.contains($0.ref) }.prefix(5))
    }

    /// KPIs whose latest actual misses its target (off, or within 10%).
    public var kpisOffTarget: [KPI] { kpis.filter { $0.status == .off || $0.status == .near } }

    /// Red actions, overdue actions (most overdue first) and moved dates.
    public var redLines: [ActionLine] { allLines.filter { $0.action.status == .red } }
    public var overdueLines: [ActionLine] {
        allLines.filter { $0.overdueDays != nil }.sorted { ($0.overdueDays ?? 0) > ($1.overdueDays ?? 0) }
    }
    public var movedLines: [ActionLine] { allLines.filter { $0.dateMove != nil } }

    /// How many risks sit in each cell of the heatmap at a stage: the dashboard's rule.
    public func heat(_ stage: Risk.Stage) -> [Score: [Risk]] {
        var cells: [Score: [Risk]] = [:]
        for risk in risks { cells[risk.score(stage), default: []].append(risk) }
        return cells
    }

    /// What to call the pack: "Board pack: Board 2023-08-22".
    public var title: String {
        "Board pack" + (meeting.map { ": \($0.name)" } ?? "")
    }

    private func ranked(_ names: [String]) -> [String] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for name in names {
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += 1
        }
        return order.enumerated().sorted { (counts[$0.element] ?? 0, -$0.offset) > (counts[$1.element] ?? 0, -$1.offset) }.map(\.element)
    }

    static func list(_ items: [String]) -> String {
        items.isEmpty ? "none (there are none yet)" : items.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

extension Status {
    /// A glyph per status, so status never depends on colour (the dashboard's glyphs).
    var packGlyph: String {
        switch self {
        case .red: "●"
        case .amber: "▲"
        case .green: "✓"
        case .complete: "■"
        case .notStarted: "○"
        }
    }
}

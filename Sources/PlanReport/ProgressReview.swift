import PlanModel

/// The progress review with DfE and NHS England: what a local area sends at 6 and 12
/// months ("a report of progress accompanied by evidence of the changes we have made and
/// the impact"), worked out once from the plan so the HTML and Markdown say the same.
///
/// A pure value: give it a plan, the period it reviews and today's date.
public struct ProgressReview: Sendable {
    /// The period: months after the plan was (first) agreed, or two dates.
    public enum Period: Sendable, Equatable {
        case months(Int)
        case dates(PlanDate, PlanDate)
    }

    public let plan: Plan
    public let today: PlanDate
    public let period: Period
    public let from: PlanDate
    public let to: PlanDate
    /// The meeting that held the review: the last recorded meeting in the period (or
    /// within a month after it), else the last meeting before its end.
    public let meeting: Meeting?
    /// The plan as it stood when the period began: the last checkpoint on or before its
    /// start, else the first after it.
    public let start: Checkpoint?

    public init(plan: Plan, period: Period, today: PlanDate) throws(PackError) {
        self.plan = plan
        self.today = today
        self.period = period
        switch period {
        case let .months(n):
            guard n > 0, n <= 60 else { throw PackError("--at \(n) is not a review point; expected the months after the plan was agreed, such as 6 or 12") }
            guard let agreed = plan.header.agreements.first?.date else {
                throw PackError("the plan has not been agreed yet, so \(n) months has no start; record the agreement with `planboard agreement plan --date D`, or give --period FROM..TO")
            }
            from = agreed
            to = ProgressReview.adding(months: n, to: agreed)
        case let .dates(a, b):
            guard a < b else { throw PackError("the period \(a.iso)..\(b.iso) ends before it starts; expected FROM..TO with FROM first") }
            from = a
            to = b
        }
        let (from, to) = (self.from, self.to)
        let recorded = plan.meetings.filter { $0.isRecorded && $0.date >= from && $0.date.dayNumber <= to.dayNumber + 31 }
        meeting = recorded.last ?? plan.meetings.last { $0.date <= to }
        let checkpoints = plan.checkpoints.sorted { $0.date < $1.date }
        start = checkpoints.last { $0.date <= from } ?? checkpoints.first { $0.date <= to }
    }

    /// The same day `n` months later (the month's last day when it is shorter).
    static func adding(months n: Int, to date: PlanDate) -> PlanDate {
        let total = date.year * 12 + (date.month - 1) + n
        let (year, month) = (total / 12, total % 12 + 1)
        for day in stride(from: date.day, through: min(date.day, 28), by: -1) {
            if let d = PlanDate(year: year, month: month, day: day) { return d }
        }
        return date
    }

    /// "Progress review at 6 months" or "Progress review: 16 Aug 2022 to 16 Feb 2023".
    public var title: String {
        switch period {
        case let .months(n): "Progress review at \(n) months"
        case .dates: "Progress review: \(from.display) to \(to.display)"
        }
    }

    /// The review's date: the meeting that held it, else the end of the period.
    public var reviewDate: PlanDate { meeting.map { $0.date } ?? to }

    // MARK: What the sections show

    /// The SRO's judgement of an area at the review and why: the review meeting's
    /// highlight, else the latest one written.
    public func judgement(of area: Area) -> (highlight: Highlight, meeting: Meeting)? {
        if let meeting, let h = meeting.highlight(area: area.number) { return (h, meeting) }
        for m in plan.meetings.reversed() where m.date <= to { if let h = m.highlight(area: area.number) { return (h, m) } }
        return nil
    }

    /// Actions by where they stand: complete, on track (green), off track (red or amber), not started.
    public func counts(_ area: Area) -> (complete: Int, onTrack: Int, offTrack: Int, notStarted: Int) {
        let s = area.actions.map(\.status)
        return (s.filter { $0 == .complete }.count, s.filter { $0 == .green }.count,
                s.filter { $0 == .red || $0 == .amber }.count, s.filter { $0 == .notStarted }.count)
    }

    /// Actions completed since the period began (not complete at its starting checkpoint).
    public func completedSinceStart(_ area: Area) -> [Action] {
        let then = Dictionary((start?.actions ?? []).map { ($0.ref, $0.status) }, uniquingKeysWith: { a, _ in a })
        return area.actions.filter { $0.status == .complete && then[$0.ref] != .complete }
    }

    /// The area's evidence: its actions', its highlights' and the figures of the KPIs its actions move.
    public func evidence(of area: Area) -> [(holder: EvidenceHolder, items: [Evidence])] {
        plan.allEvidence.filter { plan.areas(of: $0.holder).contains(area.number) }
    }

    /// What an adviser will ask for: Complete actions and figures due by the end of the
    /// period with no evidence (a figure for a later review point is not asked for yet).
    public var missingEvidence: [EvidenceHolder] {
        plan.missingEvidence.filter { holder in
            guard case let .figure(ref, m) = holder, let kpi = plan.kpi(ref), kpi.milestones.indices.contains(m),
                  let due = kpi.milestones[m].date else { return true }
            return due <= to
        }
    }

    public func missingEvidence(of area: Area) -> [EvidenceHolder] {
        missingEvidence.filter { plan.areas(of: $0).contains(area.number) }
    }

    public func revisedDates(of area: Area) -> [(action: Action, standing: DateStanding)] {
        let refs = Set(area.actions.map(\.ref))
        return plan.revisedDates.filter { refs.contains($0.action.ref) }
    }

    /// Residual scores then (at `start`) and now.
    public func residualThen(_ risk: Risk) -> Score? { start?.risks.first { $0.ref == risk.ref }?.residual }

    /// What the partnership asks of DfE and NHS England: the proposed changes of date to
    /// agree, and what the SROs escalate.
    public var asks: [(about: String, text: String)] {
        var out: [(String, String)] = []
        for (action, standing) in plan.unagreedMoves {
            let reason = standing.revision.map { ": \($0.reason)" } ?? ""
            out.append(("Action \(action.ref)", "Agree the change of date: \(standing.words ?? "")\(reason)"))
        }
        for area in plan.areas {
            if let (h, _) = judgement(of: area), !h.escalations.isEmpty {
                out.append(("Area \(area.number)", h.escalations))
            }
        }
        return out
    }
}

/// A board meeting: its highlight reports, the decisions it made, and (once it has been
/// held) the checkpoint that records the plan as it stood.
///
/// A meeting is drafted before it is held: highlights are written and the pack is
/// produced. Recording it links a checkpoint and keeps every action's by-when, so the next
/// meeting can ask what changed since, including which dates moved. Meetings are kept in
/// date order (then by name); a meeting's name is unique in the plan.
public struct Meeting: Codable, Equatable, Sendable {
    public var name: String
    public var date: PlanDate
    /// The checkpoint that records the plan at this meeting; nil while the meeting is drafted.
    public var checkpoint: String?
    /// Every action's by-when when the meeting was recorded (empty while drafted).
    public var byWhen: [ActionDate]
    /// At most one per area, in area-number order.
    public var highlights: [Highlight]
    /// In decision-number order.
    public var decisions: [Decision]
    /// Attendance, minutes and matters arising, as the secretary records them (see `MeetingRecord`).
    public var record = MeetingRecord()

    public init(name: String, date: PlanDate, checkpoint: String? = nil, byWhen: [ActionDate] = [],
                highlights: [Highlight] = [], decisions: [Decision] = []) {
        self.name = name
        self.date = date
        self.checkpoint = checkpoint
        self.byWhen = byWhen
        self.highlights = highlights
        self.decisions = decisions
    }

    /// Held and recorded: its checkpoint is what "since" compares with.
    public var isRecorded: Bool { checkpoint != nil }

    /// The highlight report for an area, if one has been written.
    public func highlight(area number: Int) -> Highlight? { highlights.first { $0.area == number } }

    /// The parts of a meeting that are neither highlights nor decisions, set together.
    public var details: MeetingDetails {
        get { MeetingDetails(name: name, date: date, checkpoint: checkpoint, byWhen: byWhen) }
        set {
            name = newValue.name
            date = newValue.date
            checkpoint = newValue.checkpoint
            byWhen = newValue.byWhen
        }
    }
}

/// A meeting's name, date and record, as one value an edit can carry from and to.
public struct MeetingDetails: Codable, Equatable, Sendable {
    public var name: String
    public var date: PlanDate
    public var checkpoint: String?
    public var byWhen: [ActionDate]

    public init(name: String, date: PlanDate, checkpoint: String? = nil, byWhen: [ActionDate] = []) {
        self.name = name
        self.date = date
        self.checkpoint = checkpoint
        self.byWhen = byWhen
    }
}

/// An action's by-when as it stood at a meeting.
public struct ActionDate: Codable, Equatable, Sendable {
    public var ref: String
    public var byWhen: PlanDate?

    public init(ref: String, byWhen: PlanDate?) {
        self.ref = ref
        self.byWhen = byWhen
    }
}

/// One area's highlight report for one meeting, as its senior responsible officer writes it.
public struct Highlight: Codable, Equatable, Sendable {
    /// The area's number.
    public var area: Int
    /// The SRO's judgement of the area; nil follows the roll-up of its actions (until the
    /// meeting is recorded, when the roll-up of the day is written in).
    public var rag: Status?
    /// Why: required when the judgement differs from the roll-up.
    public var reason: String
    /// Progress since the last report.
    public var progress: String
    /// Next steps before the next meeting.
    public var nextSteps: String
    /// Risks and issues to escalate.
    public var escalations: String
    /// Decisions asked of the board.
    public var asks: String
    /// What the report's claims rest on (see `Evidence`).
    public var evidence: [Evidence] = []

    public init(area: Int, rag: Status? = nil, reason: String = "", progress: String = "", nextSteps: String = "",
                escalations: String = "", asks: String = "") {
        self.area = area
        self.rag = rag
        self.reason = reason
        self.progress = progress
        self.nextSteps = nextSteps
        self.escalations = escalations
        self.asks = asks
    }
}

/// What a decision is about.
public enum DecisionLink: Codable, Equatable, Sendable {
    case area(Int)
    case action(String)
    case risk(String)

    /// How the link reads: "area 3", "action 3b", "risk R2".
    public var display: String {
        switch self {
        case let .area(n): "area \(n)"
        case let .action(ref): "action \(ref)"
        case let .risk(ref): "risk \(ref)"
        }
    }
}

/// Something the board decided, with who does it and by when.
public struct Decision: Codable, Equatable, Sendable {
    /// Unique in the plan and never reused, so `decision done 4` always means the same one.
    public var number: Int
    public var text: String
    public var owner: String?
    public var due: PlanDate?
    public var done: Bool
    public var link: DecisionLink?
    /// The reference of the action this decision became, if it did.
    public var action: String?

    public init(number: Int, text: String, owner: String? = nil, due: PlanDate? = nil, done: Bool = false,
                link: DecisionLink? = nil, action: String? = nil) {
        self.number = number
        self.text = text
        self.owner = owner
        self.due = due
        self.done = done
        self.link = link
        self.action = action
    }

    /// How people name it: "D4".
    public var label: String { "D\(number)" }
}

extension Plan {
    /// A meeting by its name.
    public func meeting(named name: String) -> Meeting? { meetings.first { $0.name == name } }

    /// Every decision of every meeting, with the meeting it was made at, in number order.
    public var decisions: [(meeting: Meeting, decision: Decision)] {
        meetings.flatMap { m in m.decisions.map { (m, $0) } }.sorted { $0.1.number < $1.1.number }
    }

    /// A decision by its number, with its meeting.
    public func decision(_ number: Int) -> (meeting: Meeting, decision: Decision)? {
        for m in meetings { if let d = m.decisions.first(where: { $0.number == number }) { return (m, d) } }
        return nil
    }

    /// The number the next decision gets: one more than any used so far.
    public var nextDecisionNumber: Int {
        (meetings.flatMap { $0.decisions.map(\.number) }.max() ?? 0) + 1
    }
}

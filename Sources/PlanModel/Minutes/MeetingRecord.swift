/// What a board secretary records of a meeting: who attended and who sent apologies, the
/// minutes of each agenda item, and the matters arising, carried to the next meeting's
/// agenda until they are closed.
public struct MeetingRecord: Codable, Equatable, Sendable {
    public var attendance: [Attendee]
    public var minutes: [Minute]
    /// Matters raised at this meeting (numbered across the plan, like decisions: M1, M2 ...).
    public var mattersArising: [MatterArising]

    public init(attendance: [Attendee] = [], minutes: [Minute] = [], mattersArising: [MatterArising] = []) {
        self.attendance = attendance
        self.minutes = minutes
        self.mattersArising = mattersArising
    }

    public var isEmpty: Bool { attendance.isEmpty && minutes.isEmpty && mattersArising.isEmpty }

    /// The minute of an agenda item, if one has been written.
    public func minute(_ item: String) -> Minute? { minutes.first { $0.item == item } }
}

/// Someone at (or sending apologies for) a meeting.
public struct Attendee: Codable, Equatable, Sendable {
    public var name: String
    /// Their role or organisation, as the minutes name it (may be empty).
    public var role: String
    /// False: they sent apologies.
    public var present: Bool

    public init(name: String, role: String = "", present: Bool = true) {
        self.name = name
        self.role = role
        self.present = present
    }
}

/// The minute of one agenda item: "Area 3", "Decisions", "Matters arising" or any other.
public struct Minute: Codable, Equatable, Sendable {
    public var item: String
    public var text: String

    public init(item: String, text: String) {
        self.item = item
        self.text = text
    }
}

/// Something the board asked to come back: open until a later meeting closes it.
public struct MatterArising: Codable, Equatable, Sendable {
    public var number: Int
    public var text: String
    public var owner: String?
    /// The meeting that closed it; nil while it is open.
    public var closedAt: String?

    public init(number: Int, text: String, owner: String? = nil, closedAt: String? = nil) {
        self.number = number
        self.text = text
        self.owner = owner
        self.closedAt = closedAt
    }

    public var label: String { "M\(number)" }
    public var isOpen: Bool { closedAt == nil }
}

extension Plan {
    /// Every matter arising with the meeting that raised it, in number order.
    public var mattersArising: [(meeting: Meeting, matter: MatterArising)] {
        meetings.flatMap { m in m.record.mattersArising.map { (m, $0) } }.sorted { $0.1.number < $1.1.number }
    }

    /// The matters a meeting's agenda carries: raised at an earlier meeting and not closed
    /// before this one (one closed at this meeting is shown, marked closed).
    public func mattersCarried(to meeting: Meeting) -> [(meeting: Meeting, matter: MatterArising)] {
        mattersArising.filter { raised, matter in
            guard raised.date < meeting.date || (raised.date == meeting.date && raised.name < meeting.name) else { return false }
            guard let closed = matter.closedAt else { return true }
            return closed == meeting.name || (self.meeting(named: closed).map { $0.date >= meeting.date } ?? true)
        }
    }

    /// The number the next matter arising gets.
    public var nextMatterNumber: Int { (mattersArising.map(\.matter.number).max() ?? 0) + 1 }

    /// The last meeting held (recorded) before `meeting`, whose minutes a pack opens with.
    public func lastMinutedMeeting(before meeting: Meeting?) -> Meeting? {
        meetings.last { held in
            held.isRecorded && held.name != meeting?.name && (meeting.map { held.date <= $0.date } ?? true)
        }
    }
}

// A meeting's record is optional wherever it is stored as Codable JSON: meetings written
// before it existed have none, and an empty record is not written.
extension KeyedDecodingContainer {
    public func decode(_ type: MeetingRecord.Type, forKey key: Key) throws -> MeetingRecord {
        try decodeIfPresent(type, forKey: key) ?? MeetingRecord()
    }
}

extension KeyedEncodingContainer {
    public mutating func encode(_ value: MeetingRecord, forKey key: Key) throws {
        if !value.isEmpty { try encodeIfPresent(value, forKey: key) }
    }
}

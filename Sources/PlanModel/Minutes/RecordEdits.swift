import Foundation

/// Changing what was recorded of a meeting (attendance, minutes, matters arising), from
/// the record the person saw, so a change made meanwhile is refused rather than trampled.
public enum RecordEdit: Codable, Equatable, Sendable {
    case setRecord(meeting: String, from: MeetingRecord, to: MeetingRecord)

    public var meeting: String {
        switch self { case let .setRecord(meeting, _, _): meeting }
    }

    /// How it reads in the log: "minutes of “Board 2023-09-12”: attendance, minutes".
    public var summary: String {
        switch self {
        case let .setRecord(meeting, from, to):
            var parts: [String] = []
            if from.attendance != to.attendance { parts.append("attendance") }
            if from.minutes != to.minutes { parts.append("minutes") }
            if from.mattersArising != to.mattersArising { parts.append("matters arising") }
            return "record of “\(meeting)”: \(parts.isEmpty ? "unchanged" : parts.joined(separator: ", "))"
        }
    }
}

extension Plan {
    mutating func applyRecord(_ edit: RecordEdit) throws -> RecordEdit {
        switch edit {
        case let .setRecord(name, from, to):
            guard let m = meetings.firstIndex(where: { $0.name == name }) else {
                throw EditError("there is no meeting called \"\(name)\"")
            }
            guard meetings[m].record == from else {
                throw EditError(conflict: EditConflict(target: .meeting(name), what: "the record of “\(name)”", expected: nil,
                                                       found: "attendance, minutes or matters arising changed"))
            }
            let used = Set(meetings.enumerated().filter { $0.offset != m }.flatMap { $0.element.record.mattersArising.map(\.number) })
            if let clash = to.mattersArising.first(where: { used.contains($0.number) }) {
                throw EditError("matter arising \(clash.label) is already recorded at another meeting; expected a new number")
            }
            for a in to.attendance where a.name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw EditError("an attendee needs a name")
            }
            meetings[m].record = to
            return .setRecord(meeting: name, from: to, to: from)
        }
    }

    /// An edit changing a meeting's record with `change`, from the record this plan holds.
    public func changingRecord(of name: String, _ change: (inout MeetingRecord) -> Void) -> Edit? {
        guard let meeting = meeting(named: name) else { return nil }
        var to = meeting.record
        change(&to)
        return .record(.setRecord(meeting: name, from: meeting.record, to: to))
    }
}

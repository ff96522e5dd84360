/// A change to a board meeting, its highlights or its decisions.
///
/// Every edit names what it acts on by identity (a meeting by name, a highlight by meeting
/// and area number, a decision by its number), never by position. A set carries the value
/// the person saw (`from`) and the new one (`to`), and is refused when the plan no longer
/// holds `from`; a removal carries what it removes and is refused when that has changed.
/// So an undo never tramples a later change.
public enum MeetingEdit: Codable, Equatable, Sendable {
    /// Adds a meeting; its name must be new. Meetings are kept in date order.
    case addMeeting(Meeting)
    /// Removes a meeting, which must still be exactly as given.
    case removeMeeting(Meeting)
    /// Changes a meeting's name, date or record (checkpoint and by-when dates).
    case setMeeting(name: String, from: MeetingDetails, to: MeetingDetails)
    /// Writes, changes or (with `to` nil) removes an area's highlight; `from` nil means
    /// there was none.
    case setHighlight(meeting: String, area: Int, from: Highlight?, to: Highlight?)
    /// Records a decision; its number must be new in the plan.
    case addDecision(meeting: String, decision: Decision)
    /// Removes a decision, which must still be exactly as given.
    case removeDecision(meeting: String, decision: Decision)
    /// Changes a decision (text, owner, due, done, link, the action it became); the number stays.
    case setDecision(meeting: String, from: Decision, to: Decision)

}

extension Plan {
    /// Applies a meeting edit, returning its inverse. Called from `apply(_:)` for `.meeting`.
    mutating func applyMeeting(_ edit: MeetingEdit) throws -> MeetingEdit {
        switch edit {
        case let .addMeeting(meeting):
            try checkMeetingName(meeting.name)
            if self.meeting(named: meeting.name) != nil {
                throw EditError("a meeting called \"\(meeting.name)\" already exists; expected a new name")
            }
            let used = Set(meetings.flatMap { $0.decisions.map(\.number) })
            if let clash = meeting.decisions.first(where: { used.contains($0.number) }) {
                throw EditError("decision \(clash.label) is already recorded; expected a new number")
            }
            meetings.append(meeting)
            sortMeetings()
            return .removeMeeting(meeting)

        case let .removeMeeting(meeting):
            let m = try meetingIndex(meeting.name)
            guard meetings[m] == meeting else {
                throw EditError("meeting \"\(meeting.name)\" has changed since it was read; nothing was removed. Look at it again first")
            }
            meetings.remove(at: m)
            return .addMeeting(meeting)

        case let .setMeeting(name, from, to):
            let m = try meetingIndex(name)
            guard meetings[m].details == from else {
                throw EditError("meeting \"\(name)\" has changed since it was read (it is now \(Plan.describe(meetings[m].details))); nothing was changed")
            }
            if to.name != name {
                try checkMeetingName(to.name)
                if self.meeting(named: to.name) != nil {
                    throw EditError("a meeting called \"\(to.name)\" already exists; expected a new name")
                }
            }
            if let checkpoint = to.checkpoint, checkpoint != from.checkpoint, self.checkpoint(named: checkpoint) == nil {
                throw EditError("there is no checkpoint called \"\(checkpoint)\"; record it first")
            }
            meetings[m].details = to
            sortMeetings()
            return .setMeeting(name: to.name, from: to, to: from)

        case let .setHighlight(meeting, area, from, to):
            let m = try meetingIndex(meeting)
            guard self.area(number: area) != nil || to == nil else { throw EditError.noArea(area) }
            if let to, to.area != area {
                throw EditError("a highlight for area \(area) cannot hold area \(to.area)")
            }
            let current = meetings[m].highlight(area: area)
            guard current == from else {
                throw EditError(conflict: EditConflict(target: .highlight(meeting: meeting, area: area),
                                                       what: "the area \(area) highlight for “\(meeting)”",
                                                       expected: nil, found: Plan.differences(from, current)))
            }
            if let to, to.rag == nil, meetings[m].isRecorded, let rollup = rollupStatus(ofArea: area) {
                throw EditError("meeting \"\(meeting)\" is recorded, so its highlights keep the RAG they had; give one (area \(area) rolls up to \(rollup.label))")
            }
            if let to {
                for (field, value) in [("reason", to.reason), ("progress", to.progress), ("next steps", to.nextSteps),
                                       ("escalations", to.escalations), ("asks", to.asks)] {
                    if let issue = Validator.textIssue(value) { throw EditError("the highlight's \(field) \(issue)") }
                }
                if let rag = to.rag, rag != from?.rag, rag != rollupStatus(ofArea: area),
                   to.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    let rollup = rollupStatus(ofArea: area).map(\.label) ?? "no actions"
                    throw EditError("area \(area) rolls up to \(rollup); judging it \(rag.label) needs a reason: say why")
                }
            }
            var highlights = meetings[m].highlights.filter { $0.area != area }
            if let to { highlights.append(to) }
            meetings[m].highlights = highlights.sorted { $0.area < $1.area }
            return .setHighlight(meeting: meeting, area: area, from: to, to: from)

        case let .addDecision(meeting, decision):
            let m = try meetingIndex(meeting)
            if let (other, _) = self.decision(decision.number) {
                throw EditError("decision \(decision.label) is already recorded (at \"\(other.name)\"); expected a new number")
            }
            try checkDecision(decision, linkChanged: true)
            meetings[m].decisions.append(decision)
            meetings[m].decisions.sort { $0.number < $1.number }
            return .removeDecision(meeting: meeting, decision: decision)

        case let .removeDecision(meeting, decision):
            let m = try meetingIndex(meeting)
            guard let d = meetings[m].decisions.firstIndex(where: { $0.number == decision.number }) else {
                throw EditError("there is no decision \(decision.label) at \"\(meeting)\"")
            }
            guard meetings[m].decisions[d] == decision else {
                throw EditError("decision \(decision.label) has changed since it was read; nothing was removed. Look at it again first")
            }
            meetings[m].decisions.remove(at: d)
            return .addDecision(meeting: meeting, decision: decision)

        case let .setDecision(meeting, from, to):
            let m = try meetingIndex(meeting)
            guard to.number == from.number else { throw EditError("a decision's number cannot change (\(from.label) → \(to.label))") }
            guard let d = meetings[m].decisions.firstIndex(where: { $0.number == from.number }) else {
                throw EditError("there is no decision \(from.label) at \"\(meeting)\"")
            }
            guard meetings[m].decisions[d] == from else {
                throw EditError(conflict: EditConflict(target: .decision(from.number), what: "decision \(from.label)",
                                                       expected: nil, found: Plan.differences(from, meetings[m].decisions[d])))
            }
            try checkDecision(to, linkChanged: to.link != from.link)
            meetings[m].decisions[d] = to
            return .setDecision(meeting: meeting, from: to, to: from)
        }
    }

    /// The status an area rolls up to: its worst open action's, Complete when all are
    /// complete, nil when it has no actions. (The worst status does not depend on the date.)
    public func rollupStatus(ofArea number: Int) -> Status? {
        guard let area = area(number: number) else { return nil }
        return area.actions.map(\.status).max { $0.concern < $1.concern }
    }

    private func meetingIndex(_ name: String) throws -> Int {
        guard let m = meetings.firstIndex(where: { $0.name == name }) else {
            let names = meetings.map { "\"\($0.name)\"" }
            throw EditError("there is no meeting called \"\(name)\"; expected one of \(Validator.list(names))")
        }
        return m
    }

    private func checkMeetingName(_ name: String) throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw EditError("a meeting needs a name, e.g. \"Board 2023-09-12\"") }
        if name.contains(where: { $0.isNewline }) { throw EditError("a meeting's name is one line; it contains a line break") }
        if let issue = Validator.textIssue(name) { throw EditError("the meeting's name \(issue)") }
    }

    private func checkDecision(_ decision: Decision, linkChanged: Bool) throws {
        if decision.number < 1 { throw EditError("a decision's number is 1 or more, not \(decision.number)") }
        if decision.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw EditError("decision \(decision.label) has no text; expected what the board decided")
        }
        if let issue = Validator.textIssue(decision.text) { throw EditError("decision \(decision.label) \(issue)") }
        if let owner = decision.owner, let issue = Validator.textIssue(owner) { throw EditError("decision \(decision.label) owner \(issue)") }
        // An area, action or risk may be removed later; the decision keeps its word.
        guard linkChanged else { return }
        switch decision.link {
        case let .area(n)?: if area(number: n) == nil { throw EditError.noArea(n) }
        case let .action(ref)?: if action(ref) == nil { throw EditError.noAction(ref) }
        case let .risk(ref)?: if risk(ref) == nil { throw EditError.noRisk(ref) }
        case nil: break
        }
    }

    /// Keeps meetings in date order, then by name, so no edit needs a position.
    private mutating func sortMeetings() {
        meetings.sort { ($0.date, $0.name) < ($1.date, $1.name) }
    }

    /// What differs between a highlight as someone saw it and as it is, in words: "its
    /// progress is now “Pay review agreed”".
    static func differences(_ seen: Highlight?, _ now: Highlight?) -> String {
        guard let now else { return "it was removed" }
        let seen = seen ?? Highlight(area: now.area)
        var changed: [String] = []
        if now.rag != seen.rag { changed.append("its RAG is now \(now.rag?.label ?? "the roll-up")") }
        let texts: [(String, KeyPath<Highlight, String>)] = [("why", \.reason), ("progress", \.progress), ("next steps", \.nextSteps),
                                                             ("escalations", \.escalations), ("asks of the board", \.asks)]
        for (name, path) in texts where now[keyPath: path] != seen[keyPath: path] {
            let text = now[keyPath: path]
            changed.append(text.isEmpty ? "its \(name) was cleared" : "its \(name) is now “\(Visible.field(text))”")
        }
        return changed.isEmpty ? "changed" : changed.joined(separator: "; ")
    }

    /// What differs between a decision as someone saw it and as it is, in words.
    static func differences(_ seen: Decision, _ now: Decision) -> String {
        var changed: [String] = []
        if now.text != seen.text { changed.append("its text is now “\(Visible.field(now.text))”") }
        if now.owner != seen.owner { changed.append("its owner is now \(now.owner.map { Visible.field($0) } ?? "nobody")") }
        if now.due != seen.due { changed.append("it is now due \(now.due?.display ?? "on no date")") }
        if now.done != seen.done { changed.append(now.done ? "it is now done" : "it is open again") }
        if now.link != seen.link { changed.append("it is now about \(now.link?.display ?? "nothing in particular")") }
        return changed.isEmpty ? "changed" : changed.joined(separator: "; ")
    }

    private static func describe(_ d: MeetingDetails) -> String {
        "\"\(d.name)\" on \(d.date.iso)" + (d.checkpoint.map { ", recorded as \"\($0)\"" } ?? ", not yet recorded")
    }
}

extension MeetingEdit {
    /// Everything this edit writes, by identity, so an undo is refused when someone else
    /// has changed the same meeting, highlight or decision since.
    var targets: [EditConflict.Target] {
        switch self {
        case let .addMeeting(meeting), let .removeMeeting(meeting): [.meeting(meeting.name)]
        case let .setMeeting(name, _, to): name == to.name ? [.meeting(name)] : [.meeting(name), .meeting(to.name)]
        case let .setHighlight(meeting, area, _, _): [.highlight(meeting: meeting, area: area)]
        case let .addDecision(_, decision), let .removeDecision(_, decision): [.decision(decision.number)]
        case let .setDecision(_, from, _): [.decision(from.number)]
        }
    }
}

/// An action whose by-when moved between a meeting and now.
public struct DateMove: Equatable, Sendable {
    public var ref: String
    /// The by-when at the meeting (nil: unset then).
    public var from: PlanDate?
    /// The by-when now (nil: unset now).
    public var to: PlanDate?

    public init(ref: String, from: PlanDate?, to: PlanDate?) {
        self.ref = ref
        self.from = from
        self.to = to
    }

    /// Days later (positive) or earlier; nil when either side is unset.
    public var days: Int? {
        guard let from, let to else { return nil }
        return to.dayNumber - from.dayNumber
    }
}

extension Plan {
    /// The edit that records a meeting as held, in one step: the checkpoint (a new one
    /// named after the meeting, unless `checkpoint` names one already recorded), every
    /// action's by-when, and each highlight's RAG as it stands, so later changes to the
    /// actions leave the meeting's record as it was.
    public func recording(meeting name: String, checkpoint: String? = nil) throws -> Edit {
        guard let meeting = meeting(named: name) else {
            throw EditError("there is no meeting called \"\(name)\"; add it first with `planboard meeting add`")
        }
        if let already = meeting.checkpoint {
            throw EditError("meeting \"\(name)\" is already recorded (as checkpoint \"\(already)\")")
        }
        var edits: [Edit] = []
        let checkpointName = checkpoint ?? name
        if self.checkpoint(named: checkpointName) == nil {
            if checkpoint != nil { throw EditError("there is no checkpoint called \"\(checkpointName)\"") }
            edits.append(.addCheckpoint(Checkpoint(name: checkpointName, date: meeting.date, of: self), index: nil))
        }
        // Highlights first, so undoing the record (in reverse) unrecords the meeting before
        // its highlights go back to following the roll-up.
        for highlight in meeting.highlights where highlight.rag == nil {
            guard let rollup = rollupStatus(ofArea: highlight.area) else { continue }
            var fixed = highlight
            fixed.rag = rollup
            edits.append(.meeting(.setHighlight(meeting: name, area: highlight.area, from: highlight, to: fixed)))
        }
        var details = meeting.details
        details.checkpoint = checkpointName
        details.byWhen = allActions.map { ActionDate(ref: $0.ref, byWhen: $0.byWhen) }
        edits.append(.meeting(.setMeeting(name: name, from: meeting.details, to: details)))
        return .batch(edits)
    }

    /// The edit that turns a decision into an action, in one step: a new action in the
    /// decision's area (or `area`), with the decision's text, owner as lead and due date
    /// as by-when, and a note saying where it came from; the decision records the action.
    public func turning(decision number: Int, intoAction ref: String? = nil, area: Int? = nil,
                        on date: PlanDate, author: String) throws -> Edit {
        guard let (meeting, decision) = self.decision(number) else {
            throw EditError("there is no decision D\(number); `planboard decision list` shows them")
        }
        if let made = decision.action {
            throw EditError("decision \(decision.label) is already action \(made)")
        }
        guard let target = area ?? self.area(of: decision) else {
            throw EditError("decision \(decision.label) is not linked to an area, an action or a risk with an area; say which area it goes in")
        }
        guard self.area(number: target) != nil else { throw EditError.noArea(target) }
        let newRef = ref ?? nextActionRef(inArea: target)
        let action = Action(
            ref: newRef, text: decision.text, byWhen: decision.due, leads: decision.owner.map { [$0] } ?? [],
            status: .notStarted,
            notes: [Note(date: date, author: author, text: "From decision \(decision.label) of \(meeting.name) (\(meeting.date.display)).")])
        var done = decision
        done.action = newRef
        return .batch([
            .addAction(area: target, index: nil, action: action),
            .meeting(.setDecision(meeting: meeting.name, from: decision, to: done)),
        ])
    }

    /// The area a decision bears on: its linked area, the area of its linked action, or
    /// the first area of its linked risk.
    public func area(of decision: Decision) -> Int? {
        switch decision.link {
        case let .area(n)?: return n
        case let .action(ref)?: return area(ofAction: ref)?.number
        case let .risk(ref)?: return risk(ref)?.areas.first
        case nil: return nil
        }
    }

    /// The meeting a board pack for `meeting` compares with: the latest meeting before it
    /// that has been recorded.
    public func previousRecordedMeeting(before meeting: Meeting) -> Meeting? {
        meetings.last { $0.isRecorded && $0.name != meeting.name && ($0.date, $0.name) < (meeting.date, meeting.name) }
    }

    /// Actions whose by-when differs now from what the meeting recorded, in plan order.
    /// Actions added since are not listed (they had no date to move).
    public func datesMoved(since meeting: Meeting) -> [DateMove] {
        let then = Dictionary(meeting.byWhen.map { ($0.ref, $0.byWhen) }, uniquingKeysWith: { a, _ in a })
        return allActions.compactMap { action in
            guard let was = then[action.ref], was != action.byWhen else { return nil }
            return DateMove(ref: action.ref, from: was, to: action.byWhen)
        }
    }

    /// The area's next reference, as its actions are lettered: after 3a … 3p (and 3a.i, 3c.ii)
    /// comes 3q; after 3z, 3aa. Never one the plan already has.
    public func nextActionRef(inArea number: Int) -> String {
        let prefix = String(number)
        func letters(_ ref: String) -> String? {
            guard ref.hasPrefix(prefix) else { return nil }
            let rest = ref.dropFirst(prefix.count).prefix { $0.isLetter && $0.isASCII }.lowercased()
            return rest.isEmpty ? nil : rest
        }
        let used = (area(number: number)?.actions ?? []).compactMap { letters($0.ref) }
        let last = used.max { ($0.count, $0) < ($1.count, $1) }
        func next(_ word: String) -> String {
            var chars = Array(word)
            var i = chars.count - 1
            while i >= 0 {
                if chars[i] != "z" {
                    chars[i] = Character(Unicode.Scalar((chars[i].unicodeScalars.first?.value ?? 96) + 1) ?? "a")
                    return String(chars)
                }
                chars[i] = "a"
                i -= 1
            }
            return "a" + String(chars)
        }
        var candidate = prefix + (last.map(next) ?? "a")
        while action(candidate) != nil { candidate = prefix + next(String(candidate.dropFirst(prefix.count))) }
        return candidate
    }
}

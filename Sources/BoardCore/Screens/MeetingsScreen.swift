import PlanModel

/// The board meetings: the list (with no subject), and one meeting as its agenda (its
/// name as the subject): each area's highlight report, then the decisions. Highlights are
/// edited in place (long text in `$EDITOR`), decisions recorded in a few keys, the meeting
/// recorded as a checkpoint, and its board pack written, all from here.
///
/// Its keys are this screen's own commands (`MeetingsCommand`, below), its lines typed
/// targets (`.meeting`, `.highlight`, `.decision`); its questions are in State/MeetingPrompts.swift.
public struct MeetingsScreen: LineScreen {
    public static let kind = "meetings"
    public static let title = "Meetings"

    public static var bindings: [Binding] {
        [Binding([.enter], .open, "Open the meeting as its agenda; on the agenda, edit the selected field or decision", bar: "Open/edit"),
         Binding([.char("D")], .meetings(.addDecision), "Record a decision: its text, then owner, due date and link (Enter skips each)",
                 bar: "Decision", needs: [.writable, .chair]),
         Binding([.char("x")], .meetings(.toggleDone), "Mark the selected decision done, or reopen it", needs: [.writable, .chair]),
         Binding([.char("T")], .meetings(.turnIntoAction), "Turn the selected decision into an action in its linked area", needs: [.writable, .chair]),
         Binding([.char("W")], .meetings(.writePack), "Write the board pack (HTML) for this meeting and say where it went", bar: "Write pack"),
         Binding([.char("r")], .rag(.red), "Highlight RAG Red (asks why when it differs from the roll-up)", needs: [.writable, .chair]),
         Binding([.char("a")], .rag(.amber), "Highlight RAG Amber (asks why when it differs from the roll-up)", needs: [.writable, .chair]),
         Binding([.char("g")], .rag(.green), "Highlight RAG Green", needs: [.writable, .chair]),
         Binding([.char("c")], .rag(.complete), "Highlight RAG Complete", needs: [.writable, .chair]),
         Binding([.char("-"), .char("0")], .rag(.notStarted), "Highlight RAG Not started", needs: [.writable, .chair]),
         Binding([.char("=")], .meetings(.followRollup), "Highlight RAG follows the roll-up of the area's actions", needs: [.writable, .chair]),
         Binding([.char("E")], .meetings(.editLong), "Edit the selected highlight text or decision in $EDITOR", needs: [.writable, .chair]),
         Binding([.char("O")], .meetings(.editOwner), "Edit the selected decision's owner, Tab completes", needs: [.writable, .chair]),
         Binding([.char("w")], .meetings(.editDue), "Edit the selected decision's due date", needs: [.writable, .chair]),
         Binding([.char("d")], .meetings(.removeDecision), "Delete the selected decision (asks first)", needs: [.writable, .chair]),
         Binding([.char("A")], .meetings(.addMeeting), "Add a meeting (name, date); drafted until recorded", needs: [.writable, .chair]),
         Binding([.char("R")], .meetings(.recordMeeting), "Record the meeting as held: a checkpoint of every status, score, actual and by-when",
                 needs: [.writable, .chair]),
         Binding([.char("S")], .meetings(.compareWith), "Compare with this meeting (what “since” means)"),
         Binding([.char("B")], .push(DecisionsScreen.kind), "Every decision of the board, open first, across all meetings", bar: "All decisions")]
            + EvidenceKeys.bindings(chair: true) + MinutesKeys.bindings
    }

    public static var globalBindings: [Binding] {
        [Binding([.char("M")], .push(kind), "Meetings: highlights, decisions and the board pack")]
    }

    public static func make(_ subject: String, _ board: BoardState) -> MeetingsScreen? {
        subject.isEmpty || board.plan.meeting(named: subject) != nil ? MeetingsScreen(meeting: subject.isEmpty ? nil : subject) : nil
    }

    /// The meeting shown as its agenda; nil for the list.
    public private(set) var meeting: String?
    public var top = 0
    var selected: Target?

    public var id: ScreenID { ScreenID(Self.kind, meeting ?? "") }
    public func crumb(_ board: BoardState) -> String { meeting.map { "Meeting \($0)" } ?? Self.title }
    public func exists(in plan: Plan) -> Bool { meeting.map { plan.meeting(named: $0) != nil } ?? true }

    public func body(_ board: BoardState) -> Body {
        let lines = meeting.flatMap { board.plan.meeting(named: $0) }.map { agenda($0, board) } ?? list(board)
        return Body(BoardViews.markSelected(lines, selectedLine(lines)))
    }

    public func selectedArea(_ board: BoardState) -> Area? {
        guard case let .highlight(area, _)? = Item(selectedLine(board)) else { return nil }
        return board.plan.area(number: area)
    }

    private func selectedLine(_ lines: [Line]) -> Target? {
        if let selected, lines.contains(where: { $0.target == selected }) { return selected }
        return lines.first { $0.target != nil }?.target
    }

    /// The meeting the keys act on: the agenda's, or the one selected in the list.
    private func current(_ board: BoardState) -> Meeting? {
        if let meeting { return board.plan.meeting(named: meeting) }
        guard case let .meeting(name)? = Item(selectedLine(board)) else { return nil }
        return board.plan.meeting(named: name)
    }

    // MARK: Keys

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        if command == .meetings(.addMeeting) { return [.ask(.prompt(board.meetingNamePrompt()))] }
        guard let meeting = current(board) else {
            return [.say("No meeting yet: press \(Bindings.key(.meetings(.addMeeting), on: Self.self)) to add one.")]
        }
        let item = Item(selectedLine(board))
        switch command {
        case .open:
            if self.meeting == nil { return [.push(ScreenID(Self.kind, meeting.name))] }
            return board.editItem(item, of: meeting)
        case .meetings(.writePack): return [.effect(.writePack(meeting: meeting.name, since: board.sinceName))]
        case .meetings(.recordMeeting): return board.recordMeetingStep(meeting)
        case .meetings(.compareWith):
            guard let checkpoint = meeting.checkpoint else {
                return [.refuse("“\(meeting.name)” is not recorded yet, so there is nothing to compare with; \(Bindings.key(.meetings(.recordMeeting), on: Self.self)) records it.")]
            }
            return [.since(checkpoint), .say("“Since” now means “\(meeting.name)” (checkpoint “\(checkpoint)”).")]
        case .meetings(.addDecision):
            return [.ask(.prompt(board.decisionTextPrompt(meeting.name, area: item?.area)))]
        case MinutesKeys.attendance, MinutesKeys.minute, MinutesKeys.raise, MinutesKeys.close:
            guard self.meeting != nil else { return [.refuse("Open the meeting's agenda first (Enter): its record is kept there.")] }
            return board.minutesSteps(command, meeting, area: item?.area) ?? []
        case EvidenceKeys.addCommand, EvidenceKeys.removeCommand:
            guard self.meeting != nil, let area = item?.area, meeting.highlight(area: area) != nil else {
                return [.refuse("Select a line of an area's highlight report on the agenda first (write the report before its evidence).")]
            }
            return board.evidenceSteps(command, .highlight(meeting: meeting.name, area: area)) ?? []
        default:
            return board.agendaCommand(command, item, meeting)
        }
    }

    // MARK: The list

    private func list(_ board: BoardState) -> [Line] {
        let width = board.width
        let nameWidth = max(16, width - 50)
        var lines = [Line(TextLayout.fit("Enter agenda · \(key(.meetings(.addMeeting))) add · \(key(.meetings(.recordMeeting))) record · \(key(.meetings(.writePack))) write the board pack · \(key(.meetings(.compareWith))) compare with it", width), .dim)]
        lines.append(Line([Line.Segment("  " + TextLayout.pad("Date", 13) + TextLayout.pad("Meeting", nameWidth) + TextLayout.pad("State", 12)
                                        + TextLayout.pad("Highlights", 11) + "Decisions", .tableHeader)]))
        let since = board.since?.name
        for m in board.plan.meetings.reversed() {
            let open = m.decisions.filter { !$0.done }.count
            var line = Line(target: Item.meeting(m.name).target)
            line.segments.append(Line.Segment(m.checkpoint != nil && m.checkpoint == since ? "▶ " : "  ", .heading))
            line.segments.append(Line.Segment(TextLayout.pad(m.date.display, 13) + TextLayout.pad(m.name, nameWidth - 1) + " "))
            line.segments.append(m.isRecorded ? Line.Segment(TextLayout.pad("✓ recorded", 12), .status(.complete), keepsRole: true)
                                 : Line.Segment(TextLayout.pad("✎ drafted", 12), .dim))
            line.segments.append(Line.Segment(TextLayout.pad("\(m.highlights.count) of \(board.plan.areas.count)", 11)
                                              + "\(m.decisions.count) (\(open) open)"))
            lines.append(line)
        }
        if board.plan.meetings.isEmpty {
            lines.append(Line("  No meetings yet. Press \(key(.meetings(.addMeeting))) to add one (a name and a date).", .dim))
        }
        lines.append(.blank)
        lines.append(Line("▶ marks the meeting “since” compares with (\(key(.meetings(.compareWith))) chooses another)", .dim))
        return lines
    }

    // MARK: The agenda

    private func agenda(_ m: Meeting, _ board: BoardState) -> [Line] {
        let plan = board.plan
        let width = board.width
        let state = m.checkpoint.map { "recorded as checkpoint “\($0)”" } ?? "drafted (\(key(.meetings(.recordMeeting))) records it)"
        var lines = [Line(TextLayout.fit("\(m.name) · \(m.date.display) · \(state)", width), .heading)]
        let since = board.sinceName ?? plan.previousRecordedMeeting(before: m)?.name
        lines.append(Line(TextLayout.fit("Since: \(since ?? "no earlier meeting") · r a g c - set the RAG, = follows the roll-up · E $EDITOR", width), .dim))
        lines += MinutesViews.head(m, plan, width: width)
        for area in plan.areas {
            lines.append(Line(TextLayout.fit(" Area \(area.number): \(area.title)", width), .tableHeader))
            let highlight = m.highlight(area: area.number)
            lines.append(ragLine(area.number, highlight, plan.rollupStatus(ofArea: area.number), width))
            for field in HighlightPart.texts {
                lines += textLines(.highlight(area.number, field), field.label, highlight?[keyPath: field.path] ?? "", width)
            }
            lines += MinutesViews.minute(m, area: area.number, width: width)
            if let evidence = highlight?.evidence, !evidence.isEmpty {
                lines.append(Line("   Evidence", .dim))
                lines += EvidenceViews.lines(evidence, width: width, indent: 4, empty: nil)
            }
        }
        lines.append(Line(" Decisions (\(key(.meetings(.addDecision))) records one · \(key(.meetings(.toggleDone))) done/reopen · \(key(.meetings(.turnIntoAction))) turns one into an action)",
                          .tableHeader))
        for d in m.decisions { lines += decisionLines(d, plan.area(of: d), width) }
        if m.decisions.isEmpty { lines.append(Line("  None yet.", .dim)) }
        return lines
    }

    private func ragLine(_ area: Int, _ highlight: Highlight?, _ rollup: Status?, _ width: Int) -> Line {
        var line = Line(target: Item.highlight(area, .rag).target)
        line.segments.append(Line.Segment("   " + TextLayout.pad("RAG", 14), .dim))
        let rollupText = rollup.map { "\($0.badge) \($0.label)" } ?? "no actions"
        if let rag = highlight?.rag {
            line.segments.append(Line.Segment("\(rag.badge) \(rag.label)", .status(rag), keepsRole: true))
            if rag != rollup { line.segments.append(Line.Segment(TextLayout.fit(rollup == nil ? "  (no actions to roll up)" : "  (the actions roll up to \(rollupText))", max(1, width - 34)), .dim)) }
        } else {
            line.segments.append(Line.Segment("follows the roll-up: ", .dim))
            if let rollup { line.segments.append(Line.Segment("\(rollup.badge) \(rollup.label)", .status(rollup), keepsRole: true)) }
            else { line.segments.append(Line.Segment("no actions", .dim)) }
        }
        return line
    }

    private func textLines(_ item: Item, _ label: String, _ text: String, _ width: Int) -> [Line] {
        let wrapped = text.isEmpty ? ["–"] : TextLayout.wrap(text, width: max(10, width - 18))
        return wrapped.enumerated().map { index, part in
            Line([Line.Segment("   " + TextLayout.pad(index == 0 ? label : "", 14), .dim),
                  Line.Segment(part, text.isEmpty ? .dim : .normal)], target: index == 0 ? item.target : nil)
        }
    }

    private func decisionLines(_ d: Decision, _ area: Int?, _ width: Int) -> [Line] {
        let state = d.done ? Line.Segment("✓ done ", .status(.complete), keepsRole: true) : Line.Segment("○ open ", .normal)
        var line = Line([Line.Segment("  " + TextLayout.pad(d.label, 5), .heading), state], target: Item.decision(d.number).target)
        line.segments.append(Line.Segment(TextLayout.fit(d.text, max(10, width - 16))))
        // Who, by when and which area, whatever it is linked to (an action's or a risk's area too).
        let about = d.link.map { link -> String in
            if case .area = link { return "about \(link.display)" }
            return "about \(link.display)" + (area.map { " (area \($0))" } ?? "")
        }
        let details = [d.owner.map { "owner \($0)" } ?? "no owner", d.due.map { "due \($0.display)" } ?? "no due date", about,
                       d.action.map { "→ action \($0)" }].compactMap { $0 }
        return [line] + (details.isEmpty ? [] : [Line(TextLayout.fit("         " + details.joined(separator: " · "), width), .dim)])
    }

    private func key(_ command: Command) -> String { Bindings.key(command, on: Self.self) }
}

// MARK: Commands and lines of its own

/// The commands of this screen (`Command.own(MeetingsCommand.addDecision)`).
enum MeetingsCommand: Hashable, Sendable {
    case addMeeting, recordMeeting, compareWith, writePack, addDecision, removeDecision
    case toggleDone, turnIntoAction, editOwner, editDue, editLong, followRollup
    /// Judging the selected area's RAG.
    case rag(Status)
}

extension Command {
    static func meetings(_ command: MeetingsCommand) -> Command { .own(command) }
    static func rag(_ status: Status) -> Command { .own(MeetingsCommand.rag(status)) }
}

/// A highlight's parts, as the agenda lists them.
extension HighlightPart {
    static let texts: [HighlightPart] = [.reason, .progress, .next, .escalate, .ask]

    var label: String {
        switch self {
        case .rag: "RAG"
        case .reason: "Why"
        case .progress: "Progress"
        case .next: "Next steps"
        case .escalate: "To escalate"
        case .ask: "Asks of board"
        }
    }

    var path: WritableKeyPath<Highlight, String> {
        switch self {
        case .rag, .reason: \.reason
        case .progress: \.progress
        case .next: \.nextSteps
        case .escalate: \.escalations
        case .ask: \.asks
        }
    }
}

/// A selectable line of the meetings list or an agenda.
enum Item: Sendable {
    case meeting(String)
    case highlight(Int, HighlightPart)
    case decision(Int)

    init?(_ target: Target?) {
        switch target {
        case let .meeting(name)?: self = .meeting(name)
        case let .highlight(area, part)?: self = .highlight(area, part)
        case let .decision(number)?: self = .decision(number)
        default: return nil
        }
    }

    var target: Target {
        switch self {
        case let .meeting(name): .meeting(name)
        case let .highlight(area, part): .highlight(area: area, part: part)
        case let .decision(number): .decision(number)
        }
    }

    var area: Int? { if case let .highlight(area, _) = self { area } else { nil } }

    /// The text it holds in meeting `m`; nil for a line with no text (a meeting, a RAG).
    func text(of m: Meeting) -> String? {
        switch self {
        case .meeting, .highlight(_, .rag): nil
        case let .highlight(area, field): m.highlight(area: area)?[keyPath: field.path] ?? ""
        case let .decision(number): m.decisions.first { $0.number == number }?.text
        }
    }

    /// How people name it: "area 3 progress", "decision D5".
    var words: String {
        switch self {
        case let .meeting(name): "meeting “\(name)”"
        case let .highlight(area, field): "area \(area) \(field.label.lowercased())"
        case let .decision(number): "decision D\(number)"
        }
    }
}

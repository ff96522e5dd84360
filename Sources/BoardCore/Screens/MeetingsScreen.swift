import PlanModel

/// The board meetings: the list (with no subject), and one meeting as its agenda (its
/// name as the subject): each area's highlight report, then the decisions. Highlights are
/// edited in place (long text in `$EDITOR`), decisions recorded in a few keys, the meeting
/// recorded as a checkpoint, and its board pack written, all from here.
///
/// Everything about meetings in the dashboard is in this file: its keys are screen-local
/// commands (`Command.local`) and its lines screen-local targets (`Target.item`).
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
private enum MeetingsCommand: Hashable, Sendable {
    case addMeeting, recordMeeting, compareWith, writePack, addDecision, removeDecision
    case toggleDone, turnIntoAction, editOwner, editDue, editLong, followRollup
    /// Judging the selected area's RAG.
    case rag(Status)
}

extension Command {
    fileprivate static func meetings(_ command: MeetingsCommand) -> Command { .own(command) }
    fileprivate static func rag(_ status: Status) -> Command { .own(MeetingsCommand.rag(status)) }
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

/// A selectable line of the list or the agenda.
private enum Item: Sendable {
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

// MARK: Questions and edits

extension BoardState {
    /// The agenda's commands on the selected highlight or decision.
    fileprivate func agendaCommand(_ command: Command, _ item: Item?, _ m: Meeting) -> [Step] {
        if command == .meetings(.editLong) {
            guard let item, item.text(of: m) != nil else { return [.refuse("Select a highlight's text or a decision first.")] }
            let name = m.name
            let read: @Sendable (Plan) -> String? = { plan in plan.meeting(named: name).flatMap(item.text) }
            return [.effect(.openEditor(EditorRequest("\(item.words) at “\(name)”", in: plan, read: read) { edited, saw, board in
                guard let m = board.plan.meeting(named: name) else { return .refuse("That meeting has gone; nothing was saved.") }
                return board.saveItem(item, of: m, text: edited, saw: saw)
            }))]
        }
        if command == .meetings(.followRollup) || Status.allCases.contains(where: { command == .rag($0) }) {
            guard let area = item?.area else { return [.refuse("Select a line of an area's highlight first.")] }
            let status = Status.allCases.first { command == .rag($0) }
            return ragSteps(m, area: area, status)
        }
        guard case let .decision(number)? = item, let d = m.decisions.first(where: { $0.number == number }) else {
            return [.refuse("Select a decision first: none is selected here.")]
        }
        switch command {
        case .meetings(.toggleDone):
            var to = d
            to.done.toggle()
            return [decisionEdit(m.name, d, to, done: to.done ? "\(d.label) is done." : "\(d.label) is open again.")]
        case .meetings(.turnIntoAction):
            do {
                let edit = try plan.turning(decision: d.number, on: today, author: user)
                let area = plan.area(of: d)
                let ref = area.map { plan.nextActionRef(inArea: $0) }
                let made = ref.map { "action \($0) in area \(area ?? 0)" } ?? "an action in its area"
                return [.effect(.apply(edit, done: "\(d.label) is now \(made)."))]
            } catch {
                return [.refuse("\(d.label) cannot become an action: \(error).")]
            }
        case .meetings(.editOwner): return [.ask(.prompt(decisionOwnerPrompt(m.name, d, adding: false)))]
        case .meetings(.editDue): return [.ask(.prompt(decisionDuePrompt(m.name, d, adding: false)))]
        case .meetings(.removeDecision):
            return [.ask(.confirm(Confirm(question: "Delete decision \(d.label)? y deletes, anything else keeps it [y/N]", bar: "y delete  N keep (default)",
                                          yes: [.effect(.apply(.meeting(.removeDecision(meeting: m.name, decision: d)),
                                                               done: "Deleted \(d.label). Press \(Bindings.key(.undo)) to undo."))],
                                          no: "\(d.label) was kept.")))]
        default: return []
        }
    }

    /// Enter on the agenda: a prompt for the selected text, or how to set the RAG.
    fileprivate func editItem(_ item: Item?, of m: Meeting) -> [Step] {
        switch item {
        case .highlight(_, .rag)?:
            return [.say("Press r, a, g, c or - to judge the area's RAG, or = to follow the roll-up.")]
        case let .highlight(area, field)?:
            return [.ask(.prompt(highlightPrompt(m, area: area, field: field)))]
        case let .decision(number)?:
            return decisionPrompt(m, number: number).map { [.ask(.prompt($0))] } ?? []
        default:
            return []
        }
    }

    /// A highlight's text as a question. It keeps the text shown as it opened: on Enter the
    /// edit says that is what the person saw, so a change someone made meanwhile is refused
    /// (who, what, when) and the question comes back with the typed text, never overwritten.
    fileprivate func highlightPrompt(_ m: Meeting, area: Int, field: HighlightPart) -> Prompt {
        let shown = m.highlight(area: area)?[keyPath: field.path] ?? ""
        var prompt = Prompt("Area \(area) \(field.label.lowercased()): ", shown, hint: "One line here; E edits long text in $EDITOR · Enter save · Esc cancel") { text, board in
            guard let m = board.plan.meeting(named: m.name) else { return .refuse("That meeting has gone.") }
            return board.saveItem(.highlight(area, field), of: m, text: text, saw: shown)
        }
        prompt.carriesWhatWasShown = true
        return prompt
    }

    /// A decision's text as a question, keeping the text shown as it opened (as above).
    fileprivate func decisionPrompt(_ m: Meeting, number: Int) -> Prompt? {
        guard let d = m.decisions.first(where: { $0.number == number }) else { return nil }
        let shown = d.text
        var prompt = Prompt("\(d.label): ", shown, hint: "What the board decided · Enter save · Esc cancel") { text, board in
            guard let m = board.plan.meeting(named: m.name) else { return .refuse("That meeting has gone.") }
            return board.saveItem(.decision(number), of: m, text: text, saw: shown)
        }
        prompt.carriesWhatWasShown = true
        return prompt
    }

    /// The question of a refused highlight or decision text, asked again over the plan as it
    /// is now with what was typed; nil when the meeting or the item has gone.
    func askAgainMeetingItem(meeting: String, item target: Target, typed: String) -> Overlay? {
        guard let m = plan.meeting(named: meeting), let item = Item(target) else { return nil }
        switch item {
        case let .highlight(area, field) where field != .rag:
            return .prompt(highlightPrompt(m, area: area, field: field).typed(typed))
        case let .decision(number):
            return decisionPrompt(m, number: number).map { .prompt($0.typed(typed)) }
        default:
            return nil
        }
    }

    /// Saves a highlight's text or a decision's text, from a prompt or `$EDITOR`. `saw` is
    /// the text shown when it opened: the edit says so, and the rest of the item is as it
    /// stands now, so only a change to this very text since is a conflict.
    fileprivate func saveItem(_ item: Item, of m: Meeting, text: String, saw: String) -> Submission {
        let retry = Retry.meetingItem(meeting: m.name, item: item.target, typed: text)
        switch item {
        case let .highlight(area, field) where field != .rag:
            let current = m.highlight(area: area)
            var from = current
            if from != nil || !saw.isEmpty {
                from = from ?? Highlight(area: area)
                from?[keyPath: field.path] = saw
            }
            var to = current ?? Highlight(area: area)
            to[keyPath: field.path] = text
            if let rag = to.rag, from?.rag == rag, field == .reason, rag != plan.rollupStatus(ofArea: area),
               text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return .refuse("Area \(area) is judged \(rag.label), unlike its actions: the reason stays (press = to follow the roll-up).")
            }
            return .done([highlightEdit(m.name, area, from, to, done: "Saved area \(area) \(field.label.lowercased()) for “\(m.name)”.", retry: retry)])
        case let .decision(number):
            guard let d = m.decisions.first(where: { $0.number == number }) else { return .refuse("There is no decision D\(number) any more.") }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .refuse("A decision needs its text (Esc cancels).") }
            var from = d
            from.text = saw
            var to = d
            to.text = text
            return .done([decisionEdit(m.name, from, to, done: "Saved \(d.label).", retry: retry)])
        default:
            return .refuse("Nothing to save there.")
        }
    }

    /// Judging an area's RAG: a judgement other than the roll-up asks why first.
    private func ragSteps(_ m: Meeting, area: Int, _ status: Status?) -> [Step] {
        let from = m.highlight(area: area)
        var to = from ?? Highlight(area: area)
        to.rag = status
        let rollup = plan.rollupStatus(ofArea: area)
        guard let status, status != rollup else {
            let said = status.map { "Area \(area) is judged \($0.label), as its actions roll up." } ?? "Area \(area) follows the roll-up of its actions."
            return [highlightEdit(m.name, area, from, to, done: said)]
        }
        let label = "Area \(area) \(status.label), roll-up \(rollup?.label ?? "none"): why? "
        return [.ask(.prompt(Prompt(label, from?.reason ?? "", hint: "The reason goes in the highlight · Enter save · Esc cancel") { text, board in
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return .refuse("Say why the area is judged \(status.label) (Esc cancels).") }
            guard let m = board.plan.meeting(named: m.name) else { return .refuse("That meeting has gone.") }
            let from = m.highlight(area: area)
            var to = from ?? Highlight(area: area)
            to.rag = status
            to.reason = text
            return .done([board.highlightEdit(m.name, area, from, to, done: "Area \(area) is judged \(status.label); the reason is in its highlight.")])
        }))]
    }

    fileprivate func recordMeetingStep(_ m: Meeting) -> [Step] {
        do {
            let edit = try plan.recording(meeting: m.name)
            return [.effect(.apply(edit, done: "Recorded “\(m.name)” as a checkpoint: every status, score, actual and by-when as they stand. Press \(Bindings.key(.undo)) to undo."))]
        } catch {
            return [.refuse("“\(m.name)” cannot be recorded: \(error).")]
        }
    }

    private func highlightEdit(_ meeting: String, _ area: Int, _ from: Highlight?, _ to: Highlight, done: String, retry: Retry? = nil) -> Step {
        .effect(.apply(.meeting(.setHighlight(meeting: meeting, area: area, from: from, to: to)), done: done, retry: retry))
    }

    private func decisionEdit(_ meeting: String, _ from: Decision, _ to: Decision, done: String, retry: Retry? = nil) -> Step {
        .effect(.apply(.meeting(.setDecision(meeting: meeting, from: from, to: to)), done: done, retry: retry))
    }

    // MARK: Prompts

    fileprivate func meetingNamePrompt() -> Prompt {
        Prompt("Meeting name: ", "Board \(today.iso)", hint: "Unique in the plan · Enter next · Esc cancel") { text, board in
            let name = text.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { return .refuse("A meeting needs a name, e.g. Board \(board.today.iso).") }
            if board.plan.meeting(named: name) != nil { return .refuse("There is already a meeting called “\(name)”.") }
            return .done([.ask(.prompt(Prompt("\(name), on: ", board.today.iso, hint: { text, _ in
                let valid = if case let .success(date?) = TypedText.date(text) { "✓ \(date.display)" } else { "✗ not a date yet" }
                return "\(valid) · Enter add · Esc cancel"
            }, submit: { text, _ in
                guard case let .success(date?) = TypedText.date(text) else { return .refuse("“\(text)” is not a date: type \(TypedText.dateForms).") }
                return .done([.effect(.apply(.meeting(.addMeeting(Meeting(name: name, date: date))),
                                             done: "Added “\(name)” (\(date.display)), drafted: Enter opens its agenda.")),
                              .focus(Item.meeting(name).target)])
            })))])
        }
    }

    fileprivate func decisionTextPrompt(_ meeting: String, area: Int?) -> Prompt {
        let number = plan.nextDecisionNumber
        return Prompt("Decision D\(number): ", hint: "What the board decided · Enter next · Esc cancel") { text, board in
            let text = text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return .refuse("Type what the board decided (Esc cancels).") }
            let d = Decision(number: number, text: text, link: area.map(DecisionLink.area))
            return .done([.ask(.prompt(board.decisionOwnerPrompt(meeting, d, adding: true)))])
        }
    }

    /// The owner; while adding, Enter with nothing skips to the due date.
    fileprivate func decisionOwnerPrompt(_ meeting: String, _ d: Decision, adding: Bool) -> Prompt {
        Prompt("\(d.label) owner: ", d.owner ?? "", completesNames: true,
               hint: "Tab completes · Enter with nothing: no owner · Esc cancel") { text, board in
            // While editing, the decision as the board shows it (as the person saw it, or
            // the newer one when asked again), so only its owner changes.
            let seen = adding ? d : board.decision(d.number, of: meeting)
            guard let seen else { return .refuse("There is no decision \(d.label) any more.") }
            var to = seen
            let owner = text.trimmingCharacters(in: .whitespaces)
            to.owner = owner.isEmpty ? nil : owner
            if adding { return .done([.ask(.prompt(board.decisionDuePrompt(meeting, to, adding: true)))]) }
            return .done([board.decisionEdit(meeting, seen, to, done: "Saved the owner of \(d.label).")])
        }
    }

    fileprivate func decisionDuePrompt(_ meeting: String, _ d: Decision, adding: Bool) -> Prompt {
        Prompt("\(d.label) due: ", d.due?.iso ?? "", hint: { text, _ in
            let check = switch TypedText.date(text) {
            case .success(nil): "empty: no due date"
            case let .success(date?): "✓ \(date.display)"
            case .failure: "✗ not a date yet"
            }
            return "\(check) · Enter \(adding ? "next" : "save") · Esc cancel"
        }, submit: { text, board in
            guard case let .success(due) = TypedText.date(text) else {
                return .refuse("“\(text)” is not a date: type \(TypedText.dateForms), or nothing for no due date.")
            }
            let seen = adding ? d : board.decision(d.number, of: meeting)
            guard let seen else { return .refuse("There is no decision \(d.label) any more.") }
            var to = seen
            to.due = due
            if adding { return .done([.ask(.prompt(board.decisionLinkPrompt(meeting, to)))]) }
            return .done([board.decisionEdit(meeting, seen, to, done: "Saved the due date of \(d.label).")])
        })
    }

    fileprivate func decision(_ number: Int, of meeting: String) -> Decision? {
        plan.meeting(named: meeting)?.decisions.first { $0.number == number }
    }

    /// What the decision is about: an area number, an action or a risk reference.
    private func decisionLinkPrompt(_ meeting: String, _ d: Decision) -> Prompt {
        let shown: String = switch d.link {
        case let .area(n)?: String(n)
        case let .action(ref)?, let .risk(ref)?: ref
        case nil: ""
        }
        return Prompt("\(d.label) about: ", shown, hint: "An area number, an action (3b) or a risk (R2); empty: none · Enter record · Esc cancel") { text, board in
            let typed = text.trimmingCharacters(in: .whitespaces)
            var d = d
            if typed.isEmpty { d.link = nil }
            else if let n = Int(typed), board.plan.area(number: n) != nil { d.link = .area(n) }
            else if board.plan.action(typed) != nil { d.link = .action(typed) }
            else if board.plan.risk(typed) != nil { d.link = .risk(typed) }
            else { return .refuse("“\(typed)” is not an area number, an action or a risk here (Enter with nothing: no link).") }
            return .done([.effect(.apply(.meeting(.addDecision(meeting: meeting, decision: d)),
                                         done: "Recorded \(d.label) at “\(meeting)”. \(Bindings.key(.meetings(.turnIntoAction), on: MeetingsScreen.self)) turns it into an action.")),
                          .focus(Item.decision(d.number).target)])
        }
    }
}

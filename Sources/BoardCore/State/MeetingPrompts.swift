import PlanModel

/// The questions the Meetings screen asks and the edits they make: a highlight's texts and
/// RAG, a decision's text, owner, due date and link, a new meeting, recording one. Like every
/// other question (State/*Prompts.swift), each is a `Prompt`, `Confirm` or `Picker` built
/// here and answered over the plan as it stood when it opened.
extension BoardState {
    /// The agenda's commands on the selected highlight or decision.
    func agendaCommand(_ command: Command, _ item: Item?, _ m: Meeting) -> [Step] {
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
    func editItem(_ item: Item?, of m: Meeting) -> [Step] {
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
    func highlightPrompt(_ m: Meeting, area: Int, field: HighlightPart) -> Prompt {
        let shown = m.highlight(area: area)?[keyPath: field.path] ?? ""
        var prompt = Prompt("Area \(area) \(field.label.lowercased()): ", shown, hint: "One line here; E edits long text in $EDITOR · Enter save · Esc cancel") { text, board in
            guard let m = board.plan.meeting(named: m.name) else { return .refuse("That meeting has gone.") }
            return board.saveItem(.highlight(area, field), of: m, text: text, saw: shown)
        }
        prompt.carriesWhatWasShown = true
        return prompt
    }

    /// A decision's text as a question, keeping the text shown as it opened (as above).
    func decisionPrompt(_ m: Meeting, number: Int) -> Prompt? {
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
    func saveItem(_ item: Item, of m: Meeting, text: String, saw: String) -> Submission {
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

    func recordMeetingStep(_ m: Meeting) -> [Step] {
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

    func meetingNamePrompt() -> Prompt {
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

    func decisionTextPrompt(_ meeting: String, area: Int?) -> Prompt {
        let number = plan.nextDecisionNumber
        return Prompt("Decision D\(number): ", hint: "What the board decided · Enter next · Esc cancel") { text, board in
            let text = text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return .refuse("Type what the board decided (Esc cancels).") }
            let d = Decision(number: number, text: text, link: area.map(DecisionLink.area))
            return .done([.ask(.prompt(board.decisionOwnerPrompt(meeting, d, adding: true)))])
        }
    }

    /// The owner; while adding, Enter with nothing skips to the due date.
    func decisionOwnerPrompt(_ meeting: String, _ d: Decision, adding: Bool) -> Prompt {
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

    func decisionDuePrompt(_ meeting: String, _ d: Decision, adding: Bool) -> Prompt {
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

    func decision(_ number: Int, of meeting: String) -> Decision? {
        plan.meeting(named: meeting)?.decisions.first { $0.number == number }
    }

    /// What the decision is about: an area number, an action or a risk reference.
    private func decisionLinkPrompt(_ meeting: String, _ d: Decision) -> Prompt {
        let shown: String = switch d.link {
        case let .area(n)?: String(n)
        case let .action(ref)?, let .risk(ref)?: ref
        case nil: ""
        }
        return Prompt("\(d.label) about: ", shown, hint: "Area number, action (3b) or risk (R2); empty: none · Enter record · Esc cancel") { text, board in
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

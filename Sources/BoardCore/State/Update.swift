import PlanModel

extension BoardState {
    /// The one place the dashboard's state changes. Returns what the program must do.
    public mutating func update(_ message: Message) -> [Effect] {
        let effects = receive(message)
        keepSelectionVisible()
        return effects
    }

    private mutating func receive(_ message: Message) -> [Effect] {
        switch message {
        case let .key(key):
            return press(key)
        case let .mouse(mouse):
            return click(mouse)
        case let .resize(width, height):
            self.width = width
            self.height = height
        case let .planChanged(plan, log):
            let heard = self.log.last?.seq ?? 0
            replacePlan(plan, log)
            if let notice = Overruled.notice(in: log, after: heard, user: user) { say(notice) }
        case let .saved(plan, log, said):
            replacePlan(plan, log)
            say(said)
        case let .failed(text):
            say(text, error: true)
            if !top.exists(in: plan) { carryOut([.pop]) }
        case let .editorReturned(request, text):
            guard let text else {
                say("No change.")
                return []
            }
            return answer(request.returned(text, request.text, self).following(seen: nil, again: .editor(EditorAgain(request: request, edited: text))))
        case let .conflicted(plan, log, said, retry):
            conflicted(plan, log, said: said, retry: retry)
        case let .today(date):
            today = date
        case let .said(text):
            say(text)
        case let .notSaved(said, retry):
            notSaved(said: said, retry: retry)
        case let .server(trouble):
            server(trouble)
        }
        return []
    }

    /// Someone else changed what an edit was about: show theirs, and ask again with what
    /// the person typed, so one more Enter applies it knowingly.
    private mutating func conflicted(_ plan: Plan, _ log: [ChangeRecord], said: String, retry: Retry?) {
        replacePlan(plan, log)
        putBack(retry, said: said, kept: ". Yours is kept: Enter applies it over theirs, Esc cancels.")
    }

    /// The store could not save an edit (the shared plan's server is away): the plan is as
    /// it was; the question comes back with what was typed, so Enter tries once more.
    private mutating func notSaved(said: String, retry: Retry?) {
        putBack(retry, said: said, kept: ". Your text is kept: press Enter to try again, Esc to drop it.")
    }

    /// Says why an edit did not go through and asks its question again, with what the
    /// person typed (`kept` says so when it is a prompt).
    private mutating func putBack(_ retry: Retry?, said: String, kept: String) {
        guard let retry, let question = askAgain(retry) else {
            say(said + ".", error: true)
            if !top.exists(in: plan) { carryOut([.pop]) }
            return
        }
        if !top.exists(in: plan) { carryOut([.pop]) }
        overlay = question
        if case .prompt = question { say(said + kept, error: true) } else { say(said + ".", error: true) }
    }

    /// The shared plan's server went away (`trouble` says how) or came back (nil).
    private mutating func server(_ trouble: String?) {
        let was = serverTrouble
        serverTrouble = trouble
        if let trouble {
            say(trouble, error: true)
        } else if was != nil {
            say("The server is answering again; the dashboard has caught up with changes made meanwhile.")
        }
    }

    /// A key: to the prompt or question on screen, else to the binding for it here.
    mutating func press(_ key: Key) -> [Effect] {
        if let overlay { return handleOverlayKey(key, overlay) }
        if key != .escape { clearMessage() }
        guard let binding = Bindings.binding(for: key, on: type(of: top)) else {
            if case let .char(c) = key, !c.isWhitespace {
                say("\(key.label) does nothing here; press \(Bindings.key(.help)) for the keys.")
            }
            return []
        }
        if let why = unmet(binding.needs) {
            say(why, error: true)
            return []
        }
        return carryOut(perform(binding.command))
    }

    /// Why a binding cannot act right now, or nil when it can.
    public func unmet(_ needs: [Requirement]) -> String? {
        for need in needs {
            switch need {
            case .writable where role == .viewer:
                return "You are a viewer on this shared plan: board members read, they do not change it. A chair can make you an editor with `planboard people set-role \(user) --role editor`."
            case .writable where readOnly:
                return "This plan file is read-only, so nothing can be changed. Make the file writable and reopen it."
            case .chair where role.map({ $0 < .chair }) == true:
                return "You are \(role?.withArticle ?? "an editor") on this shared plan: editors change actions, notes, KPI actuals and risks; KPIs, meetings, areas and the rest are a chair's. A chair can make you one with `planboard people set-role \(user) --role chair`."
            case .action where currentAction == nil: return "Select an action first: none is selected here."
            case .risk where currentRisk == nil: return "Select a risk first: none is selected here."
            case .kpi where currentKPI == nil: return "Select a KPI first: none is selected here."
            case .area where currentArea == nil: return "Select an area first."
            case .finding where !selectsFinding:
                return "Move onto a finding first: above the actions (\(Bindings.key(.toggleFindings, on: AreaScreen.self)) shows them in full)."
            case .milestone where !selectsMilestone: return "Move onto a milestone first."
            default: continue
            }
        }
        return nil
    }

    /// What a command comes to: the board's own commands here, the rest to the screen on top.
    mutating func perform(_ command: Command) -> [Step] {
        switch command {
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            let delta = distance(command)
            changeTop { $0.move(delta, $1) }
        case .left: changeTop { $0.moveAcross(-1, $1) }
        case .right: changeTop { $0.moveAcross(1, $1) }
        case .back: return back()
        case .quit: return [.effect(.quit)]
        case .help: return open(HelpScreen.kind)
        case let .push(kind): return open(kind)
        case .nextView, .previousView: return [.show([Visit(.view(neighbour(command == .nextView ? 1 : -1)))])]
        case let .show(view): return [.show([Visit(.view(view))])]
        case .search: return [.ask(.prompt(searchPrompt()))]
        case .nextMatch: return jumpToMatch(search, forward: true)
        case .previousMatch: return jumpToMatch(search, forward: false)
        case .undo: return [.effect(.undo)]
        case .redo: return [.effect(.redo)]
        case .recordCheckpoint: return [.ask(.prompt(checkpointNamePrompt()))]
        case .listChanges: return listChanges()
        case .setStatus, .editByWhen, .editLead, .editText, .editInEditor, .addNote, .deleteAction:
            return actionCommand(command)
        default:
            var steps: [Step] = []
            changeTop { steps = $0.perform(command, $1) }
            return steps
        }
        return []
    }

    /// Rows a movement command moves.
    private func distance(_ command: Command) -> Int {
        switch command {
        case .up: -1
        case .down: 1
        case .pageUp: -max(1, contentRows - 1)
        case .pageDown: max(1, contentRows - 1)
        case .top: -1_000_000
        default: 1_000_000
        }
    }

    /// Lets the screen on top change itself, seeing the board as it is.
    mutating func changeTop(_ change: (inout any ScreenComponent, BoardState) -> Void) {
        var screen = top
        change(&screen, self)
        stack[stack.count - 1] = screen
    }

    /// Opens a screen over this one, unless it is already on top.
    private func open(_ kind: String) -> [Step] {
        screen.kind == kind ? [] : [.push(ScreenID(kind))]
    }

    /// The view `step` places along from the one at the bottom of the stack.
    private func neighbour(_ step: Int) -> View {
        let views = View.allCases
        let i = views.firstIndex { $0.kind == stack[0].id.kind } ?? 0
        return views[(i + step + views.count) % views.count]
    }

    private func back() -> [Step] {
        if search != nil, stack.count == 1 { return [.search(nil)] }
        guard stack.count > 1 else { return [.say("Press \(Bindings.key(.quit)) to quit.")] }
        return [.pop]
    }

    private func listChanges() -> [Step] {
        guard since != nil else { return [.say("No checkpoint yet: press \(Bindings.key(.recordCheckpoint)) to record one.")] }
        return [.push(ScreenID(ChangesScreen.kind))]
    }

    // MARK: Mouse

    private mutating func click(_ mouse: Mouse) -> [Effect] {
        switch mouse.kind {
        case .wheelUp: changeTop { $0.move(-3, $1) }
        case .wheelDown: changeTop { $0.move(3, $1) }
        case .click:
            guard let target = ScreenLayout.hit(self, x: mouse.x, y: mouse.y) else { return [] }
            var steps: [Step] = []
            changeTop { steps = $0.click(target, $1) }
            return carryOut(steps)
        }
        return []
    }

    // MARK: Messages

    /// What a conflict's message adds when the question comes back with what was typed.
    mutating func say(_ text: String, error: Bool = false) {
        message = text
        messageIsError = error
    }

    mutating func clearMessage() {
        message = nil
        messageIsError = false
    }

    /// Carries out the steps of a prompt's answer or an edit: a refusal is said as an error.
    mutating func answer(_ submission: Submission) -> [Effect] {
        switch submission {
        case let .refuse(text):
            say(text, error: true)
            return []
        case let .done(steps), let .keep(steps):
            return carryOut(steps)
        }
    }
}

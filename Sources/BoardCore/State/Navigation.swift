import PlanModel

extension BoardState {
    /// Carries out what a screen, a prompt or the board asked for, in order.
    @discardableResult
    mutating func carryOut(_ steps: [Step]) -> [Effect] {
        var effects: [Effect] = []
        for step in steps {
            switch step {
            case let .push(visit): if let screen = open(visit) { stack.append(screen) }
            case .pop: pop()
            case let .show(visits): show(visits)
            case let .say(text, error): say(text, error: error)
            case var .ask(.prompt(prompt)):
                if prompt.seen == nil { prompt.seen = plan }
                overlay = .prompt(prompt)
            case var .ask(.picker(picker)):
                if picker.seen == nil { picker.seen = plan }
                overlay = .picker(picker)
            case let .ask(overlay): self.overlay = overlay
            case let .effect(effect): effects.append(effect)
            case let .since(name): sinceName = name
            case let .search(query):
                search = query
                if let query {
                    searchHistory.removeAll { $0 == query }
                    searchHistory.append(query)
                }
            case let .focus(target): changeTop { $0.focus(target, $1) }
            case let .changeTop(change): changeTop(change)
            case let .renamed(from, to): rename(from, to)
            }
        }
        return effects
    }

    /// A screen ready to show: remembered if it was open before, else made afresh.
    private mutating func open(_ visit: Visit) -> (any ScreenComponent)? {
        let kept = remembered.removeValue(forKey: visit.id).flatMap { $0.exists(in: plan) ? $0 : nil }
        guard var screen = kept ?? Screens.make(visit.id, self) else { return nil }
        screen.planChanged(self)
        screen.opened(self)
        if let focus = visit.focus { screen.focus(focus, self) }
        return screen
    }

    private mutating func pop() {
        guard stack.count > 1 else { return }
        let left = stack.removeLast()
        remembered[left.id] = left
        changeTop { $0.returned(from: left.id, $1) }
    }

    private mutating func show(_ visits: [Visit]) {
        for screen in stack { remembered[screen.id] = screen }
        var screens: [any ScreenComponent] = []
        for visit in visits {
            if let screen = open(visit) { screens.append(screen) }
        }
        if !screens.isEmpty { stack = screens }
    }

    /// Takes a new plan (saved here or changed elsewhere), keeping each screen's place and
    /// closing those whose subject has gone.
    mutating func replacePlan(_ plan: Plan, _ log: [ChangeRecord]) {
        self.plan = plan
        self.log = log
        let kept = stack.filter { $0.exists(in: plan) }
        if kept.count < stack.count {
            stack = kept.isEmpty ? Screens.views.dropFirst().prefix(1).compactMap { $0.make("", self) } : kept
        }
        for i in stack.indices {
            var screen = stack[i]
            screen.planChanged(self)
            stack[i] = screen
        }
    }

    private mutating func rename(_ from: Target, _ to: Target) {
        for i in stack.indices {
            var screen = stack[i]
            screen.renamed(from: from, to: to)
            stack[i] = screen
        }
        remembered = remembered.filter { $0.value.exists(in: plan) }
    }

    /// Scrolls the screen on top so its selection shows, moving as little as possible.
    mutating func keepSelectionVisible() {
        guard width >= Render.minimumWidth, height >= Render.minimumHeight else { return }
        let rows = contentRows
        changeTop { screen, board in
            let body = screen.body(board)
            let top = min(screen.top, body.maxTop(rows: rows))
            guard let target = screen.selection(board), let index = body.index(of: target) else {
                screen.top = top
                return
            }
            // The first stop (the first row of a table, or a line above it such as an area's
            // first finding) shows with as much as fits of what is above it: the weakness
            // as written sits above an area's findings and has no stop of its own.
            let isFirstStop = index == body.firstSelectable || body.selectable(from: index, steps: -1) == target
            // And the last stop shows with what is below it (an agenda's Decisions heading and
            // "None yet." have no stop of their own): "↓ more" never stays with nowhere to go.
            let isLastStop = body.selectable(from: index, steps: 1) == target
            let shown = body.scroll(toShow: index, from: top, rows: rows)
            screen.top = isFirstStop ? max(0, index - rows + 1) : isLastStop ? max(shown, min(body.maxTop(rows: rows), index)) : shown
        }
    }
}

import PlanModel

/// Draws the whole screen from the state: a pure function, so tests can compare screens.
public enum Render {
    public static let minimumWidth = 56
    public static let minimumHeight = 14

    public static func screen(_ state: BoardState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        guard state.width >= minimumWidth, state.height >= minimumHeight else {
            tooSmall(state, &buffer)
            return buffer
        }
        header(state, &buffer)
        let body = ScreenLayout.body(of: state)
        let rows = state.contentRows
        let top = state.scroll[ScreenLayout.scrollKey(state.screen), default: 0]
        for (row, index) in body.visible(top: min(top, body.maxTop(rows: rows)), rows: rows).enumerated() {
            body.line(index).draw(into: &buffer, x: 0, y: 2 + row, width: state.width)
        }
        bottom(state, &buffer)
        if body.count > rows, case .normal = state.mode, state.message == nil, state.screen != .view(.rag) { scrollMark(state, body: body, top: top, &buffer) }
        return buffer
    }

    static func tooSmall(_ state: BoardState, _ buffer: inout ScreenBuffer) {
        let lines = TextLayout.wrap("planboard needs a terminal at least \(minimumWidth)×\(minimumHeight); this one is \(state.width)×\(state.height). Make the window larger (or the font smaller). q quits.", width: max(1, state.width))
        for (i, line) in lines.enumerated() where i < state.height { buffer.put(line, x: 0, y: i, role: .error) }
    }

    static func header(_ state: BoardState, _ buffer: inout ScreenBuffer) {
        let plan = state.plan
        buffer.clear(x: 0, y: 0, width: state.width, role: .header)
        let date = state.today.display + " "
        let left = " planboard · \(plan.header.localArea) · Accelerated Progress Plan"
        buffer.put(TextLayout.fit(left, state.width - DisplayWidth.of(date) - 1), x: 0, y: 0, role: .header)
        buffer.put(date, x: state.width - DisplayWidth.of(date), y: 0, role: .header)
        if state.readOnly {
            buffer.put(" READ-ONLY ", x: state.width - DisplayWidth.of(date) - 12, y: 0, role: .error)
        }

        var crumbs: [String] = []
        for screen in state.stack {
            switch screen {
            case let .view(view): crumbs.append(view.title)
            case let .area(number): crumbs.append("Area \(number): \(plan.area(number: number)?.title ?? "")")
            case let .action(ref): crumbs.append("Action \(ref)")
            case let .risk(ref): crumbs.append("Risk \(ref)")
            case let .kpi(ref): crumbs.append("KPI \(ref)")
            case .changes: crumbs.append("Changes since \(state.since?.name ?? "")")
            case .help: crumbs.append("Help")
            }
        }
        var title = " " + crumbs.joined(separator: " › ")
        if let query = state.search { title += "   /\(query)" }
        let end = buffer.put(TextLayout.fit(title, state.width - 2), x: 0, y: 1, role: .title)
        if let notice = plan.header.notice, state.width - end > 12 {
            let shown = TextLayout.fit("⚑ " + notice, state.width - end - 2)
            buffer.put(shown, x: state.width - DisplayWidth.of(shown), y: 1, role: .notice)
        }
    }

    static func scrollMark(_ state: BoardState, body: Body, top: Int, _ buffer: inout ScreenBuffer) {
        let rows = state.contentRows
        let shown = body.visible(top: min(top, body.maxTop(rows: rows)), rows: rows)
        guard let last = shown.last else { return }
        let more = body.count - 1 - last
        if more > 0 {
            let mark = " ↓ \(more) more "
            buffer.put(mark, x: state.width - DisplayWidth.of(mark), y: state.height - 2, role: .dim)
        }
    }

    static func bottom(_ state: BoardState, _ buffer: inout ScreenBuffer) {
        let y = state.height - 2
        let barY = state.height - 1
        buffer.clear(x: 0, y: barY, width: state.width, role: .keyHint)
        switch state.mode {
        case .normal:
            if let message = state.message {
                buffer.put(TextLayout.fit(message, state.width - 1), x: 0, y: y, role: state.messageIsError ? .error : .message)
            } else if state.screen == .view(.rag), let action = state.ragSelection {
                // Moving onto a cell names its action.
                var x = buffer.put("\(action.ref) ", x: 0, y: y, role: .heading)
                x = buffer.put(action.status.badge, x: x, y: y, role: .status(action.status))
                buffer.put(" " + TextLayout.fit(action.text, state.width - x - 2), x: x, y: y, role: .message)
            }
            var x = 0
            for (key, words) in barItems(for: state.screen.context, width: state.width) {
                x = buffer.put(key, x: x, y: barY, role: .keyLabel)
                x = buffer.put(" " + words + "  ", x: x, y: barY, role: .keyHint)
            }
        case let .edit(ref, field, editor):
            var hint = "Enter save · Esc cancel"
            if field == .byWhen {
                hint = dateHint(editor)
            } else if field == .leads {
                hint = "Names separated by commas · Tab completes · Enter save · Esc cancel"
            }
            prompt(state, "\(ref) \(field.label): ", editor, hint: hint, &buffer)
        case let .reason(ref, status, editor):
            prompt(state, "Why is \(ref) \(status.label)? ", editor, hint: "The reason is saved as a progress note · Enter save · Esc cancel", &buffer)
        case let .note(ref, editor):
            prompt(state, "Note on \(ref): ", editor, hint: "Dated today, in your name · Enter save · Esc cancel", &buffer)
        case let .search(editor):
            let count = state.matchingRefs(editor.text.trimmingCharacters(in: .whitespaces)).count
            prompt(state, "/", editor, hint: editor.text.isEmpty ? "Search action text, references and leads · Enter go · Esc cancel" : "\(count) match\(count == 1 ? "" : "es") · Enter go · Esc cancel", &buffer)
        case let .confirmDelete(ref):
            let count = state.plan.action(ref)?.notes.count ?? 0
            buffer.put(TextLayout.fit("Delete action \(ref) and its \(count) note\(count == 1 ? "" : "s")? y deletes, anything else keeps it [y/N]", state.width - 1), x: 0, y: y, role: .error)
            buffer.put("y delete  N keep (default)", x: 0, y: barY, role: .keyHint)
        case .filter:
            buffer.put(TextLayout.fit("Filter: r a g c - toggles a status · l filters by lead · x clears · Enter done", state.width - 1), x: 0, y: y, role: .input)
            buffer.put("r a g c - status  l lead  x clear  Enter done", x: 0, y: barY, role: .keyHint)
        case let .filterLead(editor):
            prompt(state, "Lead: ", editor, hint: "Part of a name · Tab completes · Enter filter · Esc cancel", &buffer)
        case let .newActionRef(area, editor):
            prompt(state, "New action in area \(area), reference: ", editor, hint: "e.g. \(area)q or \(area)a.iv · Enter next · Esc cancel", &buffer)
        case let .newActionText(_, ref, editor):
            prompt(state, "\(ref) action: ", editor, hint: "What will be done · Enter add · Esc cancel", &buffer)
        case let .riskEdit(ref, field, editor):
            var hint = "Enter save · Esc cancel"
            if field == .raised || field == .reviewDate {
                hint = dateHint(editor)
            } else if field == .areas {
                hint = "Area numbers separated by commas · Enter save · Esc cancel"
            }
            prompt(state, "\(ref) \(field.label): ", editor, hint: hint, &buffer)
        case let .score(ref, stage, likelihood):
            let asking = likelihood == nil ? "likelihood (1–5)" : "impact (1–5), likelihood \(likelihood ?? 0)"
            buffer.clear(x: 0, y: y, width: state.width, role: .input)
            let x = buffer.put(TextLayout.fit("\(ref) \(stage.rawValue) score: type the \(asking) ", state.width - 2), x: 0, y: y, role: .input)
            buffer.cursor = ScreenBuffer.Position(x: min(x, state.width - 1), y: y)
            buffer.put("1 2 3 4 5 one digit each: likelihood, then impact · Esc cancel", x: 0, y: barY, role: .keyHint)
        case let .newRiskRef(editor):
            prompt(state, "New risk, reference: ", editor, hint: "e.g. R11 · Enter next · Esc cancel", &buffer)
        case let .newRiskText(ref, editor):
            prompt(state, "\(ref) risk: ", editor, hint: "What could go wrong · Enter add · Esc cancel", &buffer)
        case let .confirmRemoveRisk(ref):
            buffer.put(TextLayout.fit("Remove risk \(ref) from the register? y removes, anything else keeps it [y/N]", state.width - 1), x: 0, y: y, role: .error)
            buffer.put("y remove  N keep (default)", x: 0, y: barY, role: .keyHint)
        case let .actual(ref, milestone, editor):
            let kpi = state.plan.kpi(ref)
            let label = kpi.flatMap { $0.milestones.indices.contains(milestone) ? $0.milestones[milestone].label : nil } ?? ""
            let target = kpi.flatMap { $0.milestones.indices.contains(milestone) ? $0.milestones[milestone].target : nil }
            let text = editor.text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")
            let check = text.isEmpty ? "empty clears it" : Double(text) == nil ? "✗ not a number" : "✓ \(text)"
            prompt(state, "\(ref) actual at \(label)\(target.map { " (target \(formatNumber($0)))" } ?? ""): ", editor, hint: "\(check) · Enter save · Esc cancel", &buffer)
        case let .checkpointName(editor):
            prompt(state, "Checkpoint name: ", editor, hint: "e.g. Board \(state.today.iso) · Enter next · Esc cancel", &buffer)
        case let .checkpointDate(name, editor):
            let valid = PlanDate(typed: editor.text).map { "✓ \($0.display)" } ?? "✗ not a date yet"
            prompt(state, "\(name), dated: ", editor, hint: "\(valid) · Enter records every status, score and actual · Esc cancel", &buffer)
        case let .triageLead(editor):
            prompt(state, "Lead: ", editor, hint: "Part of a name · Tab completes · Enter with nothing shows everyone · Esc cancel", &buffer)
        }
    }

    /// The bottom bar's items: the context's bar bindings, the four status keys as one item,
    /// and Help and Quit always kept (items before them are dropped when space runs out).
    static func barItems(for context: Context, width: Int) -> [(String, String)] {
        var items: [(String, String)] = []
        var statusKeys: [String] = []
        for binding in Bindings.bar(for: context) {
            if case .setStatus = binding.command {
                if statusKeys.isEmpty { items.append(("", "Status")) }
                statusKeys.append(binding.keys[0].label)
                continue
            }
            items.append((binding.keys[0].label, barWords(binding.help)))
        }
        if let i = items.firstIndex(where: { $0.0.isEmpty }) { items[i].0 = statusKeys.joined(separator: " ") }
        func size(_ list: [(String, String)]) -> Int { list.reduce(0) { $0 + DisplayWidth.of($1.0) + DisplayWidth.of($1.1) + 3 } }
        while size(items) > width, items.count > 2 { items.remove(at: items.count - 3) }
        return items
    }

    static func barWords(_ help: String) -> String {
        let short = help.split(separator: "(").first.map(String.init) ?? help
        return short.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "Search actions", with: "Search")
            .replacingOccurrences(of: "Help: keys, colours and glyphs", with: "Help")
            .replacingOccurrences(of: "Undo your last change", with: "Undo")
            .replacingOccurrences(of: "Edit the selected field", with: "Edit")
            .replacingOccurrences(of: "Add a progress note", with: "Note")
            .replacingOccurrences(of: "Filter by status or lead", with: "Filter")
            .replacingOccurrences(of: "Status ", with: "")
            .replacingOccurrences(of: "Edit by when", with: "By when")
    }

    /// Checks a date as it is typed: what it will be saved as, or that it is not a date yet.
    static func dateHint(_ editor: LineEditor) -> String {
        let text = editor.text.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return "empty = no date · Enter save · Esc cancel" }
        return PlanDate(typed: text).map { "✓ \($0.display) · Enter save · Esc cancel" } ?? "✗ not a date yet: 2023-03-31, 31/03/2023, 31 Mar 2023"
    }

    static func prompt(_ state: BoardState, _ label: String, _ editor: LineEditor, hint: String, _ buffer: inout ScreenBuffer) {
        let y = state.height - 2
        buffer.clear(x: 0, y: y, width: state.width, role: .input)
        let fitted = TextLayout.fit(label, state.width / 2)
        let x = buffer.put(fitted, x: 0, y: y, role: .input)
        let (text, cursor) = editor.window(width: state.width - x)
        buffer.put(text, x: x, y: y, role: .input)
        buffer.cursor = ScreenBuffer.Position(x: x + cursor, y: y)
        buffer.put(TextLayout.fit(hint, state.width - 1), x: 0, y: state.height - 1, role: .keyHint)
    }
}

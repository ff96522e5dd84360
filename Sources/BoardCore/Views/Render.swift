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
        let top = ScreenLayout.top(state, body)
        for (row, index) in body.visible(top: top, rows: rows).enumerated() {
            body.line(index).draw(into: &buffer, x: 0, y: state.headerRows + row, width: state.width)
        }
        bottom(state, &buffer)
        if body.count > rows, !state.isAsking, state.message == nil, state.top.marksMore { scrollMark(state, body: body, top: top, &buffer) }
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
        let trouble = state.serverTrouble == nil ? "" : " ⚠ SERVER NOT ANSWERING "
        let readOnly = state.readOnly && state.role == nil ? " READ-ONLY " : ""
        // Who is looking, where there is room for it beside the title.
        let room = state.width - DisplayWidth.of(trouble + readOnly + date) - 20
        let person = room > 10 ? TextLayout.fit(who(state), min(room - 3, max(8, state.width / 3))) + " · " : ""
        let right = DisplayWidth.of(trouble + readOnly + person + date)
        let left = " planboard · \(plan.header.localArea) · Accelerated Progress Plan"
        buffer.put(TextLayout.fit(left, max(0, state.width - right - 1)), x: 0, y: 0, role: .header)
        var x = buffer.put(trouble + readOnly, x: state.width - right, y: 0, role: .error)
        x = buffer.put(person, x: x, y: 0, role: .header)
        buffer.put(date, x: x, y: 0, role: .header)

        for (i, row) in Header.breadcrumbRows(state).enumerated() {
            for piece in row { buffer.put(piece.text, x: piece.x, y: 1 + i, role: piece.role) }
        }
    }

    /// Who is looking: the name, and on a shared plan the role the server gives them
    /// ("Ann Smith · editor"). A plan file has no roles to show: they are advisory there.
    static func who(_ state: BoardState) -> String {
        guard let role = state.role else { return state.user }
        // A login named for its role ("chair") would read "chair · chair".
        return state.user == role.rawValue ? "\(state.user) (role: \(role.rawValue))" : "\(state.user) · \(role.rawValue)"
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
        buffer.clear(x: 0, y: state.height - 1, width: state.width, role: .keyHint)
        switch state.overlay {
        case nil: keyBar(state, &buffer)
        case let .prompt(prompt)?:
            self.prompt(state, prompt.label, prompt.editor, hint: prompt.hint(prompt.editor.text, state), &buffer)
            refusal(state, &buffer)
        case let .confirm(confirm)?:
            question(state, confirm.question, bar: confirm.bar, &buffer)
            if state.messageIsError, let message = state.message { above(state, message, rows: 3, &buffer) }
        case let .picker(picker)?:
            self.picker(state, picker, &buffer)
            refusal(state, &buffer)
        }
    }

    /// Why what was typed was refused, over the key bar while the question stays open; a
    /// refusal too long for that line (someone else's change: who, what, when) goes above
    /// the question instead, whole, and the key bar stays.
    static func refusal(_ state: BoardState, _ buffer: inout ScreenBuffer) {
        guard state.messageIsError, let message = state.message else { return }
        if DisplayWidth.of(message) > state.width - 1 { return above(state, message, rows: 3, &buffer) }
        buffer.clear(x: 0, y: state.height - 1, width: state.width, role: .error)
        buffer.put(TextLayout.fit(message, state.width - 1), x: 0, y: state.height - 1, role: .error)
    }

    /// The message (or the screen's own status line) and the key bar.
    static func keyBar(_ state: BoardState, _ buffer: inout ScreenBuffer) {
        let y = state.height - 2
        if let message = state.message, DisplayWidth.of(message) > state.width - 1 {
            // Wrapped, never cut: an undo's message ends with what the value went back to.
            above(state, message, rows: 3, bottom: y, role: state.messageIsError ? .error : .message, &buffer)
        } else if let message = state.message {
            buffer.put(TextLayout.fit(message, state.width - 1), x: 0, y: y, role: state.messageIsError ? .error : .message)
        } else if let segments = state.top.statusLine(state) {
            var x = 0
            for segment in segments { x = buffer.put(TextLayout.fit(segment.text, state.width - x - 1), x: x, y: y, role: segment.role) }
        }
        var x = 0
        for item in barItems(for: state) {
            x = buffer.put(item.keys, x: x, y: state.height - 1, role: item.applies ? .keyLabel : .dim)
            x = buffer.put(" " + item.words + "  ", x: x, y: state.height - 1, role: item.applies ? .keyHint : .dim)
        }
    }

    /// One item of the key bar: its keys, its words, and whether it applies right now.
    struct BarItem {
        var keys: String
        var words: String
        var applies: Bool
    }

    /// The bottom bar's items: the screen's bar bindings, the status keys as one item, and
    /// Help and Quit always kept (items before them are dropped when space runs out).
    static func barItems(for state: BoardState) -> [BarItem] {
        var items: [BarItem] = []
        for binding in Bindings.bar(for: type(of: state.top)) {
            let applies = state.unmet(binding.needs) == nil
            if case .setStatus = binding.command {
                if let i = items.firstIndex(where: { $0.words == "Status" }) {
                    items[i].keys += " " + binding.keys[0].label
                } else {
                    items.append(BarItem(keys: binding.keys[0].label, words: "Status", applies: applies))
                }
                continue
            }
            items.append(BarItem(keys: binding.keys[0].label, words: binding.short ?? binding.help, applies: applies))
        }
        func size(_ list: [BarItem]) -> Int { list.reduce(0) { $0 + DisplayWidth.of($1.keys) + DisplayWidth.of($1.words) + 3 } }
        guard size(items) > state.width, items.count > 2 else { return items }
        // In order, every item that still fits: a long one left out never hides the shorter
        // ones after it (Help and Quit are always kept).
        let kept = items.suffix(2)
        var room = state.width - size(Array(kept))
        var shown: [BarItem] = []
        for item in items.dropLast(2) where size([item]) <= room {
            shown.append(item)
            room -= size([item])
        }
        return shown + kept
    }

    /// A message wrapped onto up to `rows` lines ending at row `bottom` (by default the row
    /// above the question), over the last rows of the screen's content.
    static func above(_ state: BoardState, _ message: String, rows: Int, bottom: Int? = nil, role: Role = .error, _ buffer: inout ScreenBuffer) {
        let width = state.width - 1
        var lines = TextLayout.wrap(message.replacingOccurrences(of: "\n", with: "⏎"), width: width)
        if lines.count > rows { lines = Array(lines.prefix(rows - 1)) + [TextLayout.fit(lines[(rows - 1)...].joined(separator: " "), width)] }
        let last = bottom ?? state.height - 3
        for (i, line) in lines.enumerated() {
            let y = last - (lines.count - 1) + i
            buffer.clear(x: 0, y: y, width: state.width, role: role)
            buffer.put(line, x: 0, y: y, role: role)
        }
    }

    static func question(_ state: BoardState, _ text: String, bar: String, _ buffer: inout ScreenBuffer) {
        buffer.put(TextLayout.fit(text, state.width - 1), x: 0, y: state.height - 2, role: .error)
        buffer.put(bar, x: 0, y: state.height - 1, role: .keyHint)
    }

    static func picker(_ state: BoardState, _ picker: Picker, _ buffer: inout ScreenBuffer) {
        let y = state.height - 2
        if picker.showsCursor {
            buffer.clear(x: 0, y: y, width: state.width, role: .input)
            let x = buffer.put(TextLayout.fit(picker.label, state.width - 2), x: 0, y: y, role: .input)
            buffer.cursor = ScreenBuffer.Position(x: min(x, state.width - 1), y: y)
        } else {
            buffer.put(TextLayout.fit(picker.label, state.width - 1), x: 0, y: y, role: .input)
        }
        buffer.put(picker.bar, x: 0, y: state.height - 1, role: .keyHint)
    }

    /// Checks a date as it is typed: what it will be saved as, or that it is not a date yet.
    /// `enter` says what Enter does: "save", or "next" when another question follows.
    static func dateHint(_ typed: String, enter: String = "save") -> String {
        switch TypedText.date(typed) {
        case .success(nil): "empty = no date · Enter \(enter) · Esc cancel"
        case let .success(date?): "✓ \(date.display) · Enter \(enter) · Esc cancel"
        case .failure: "✗ not a date yet: \(TypedText.dateExamples)"
        }
    }


    static func prompt(_ state: BoardState, _ label: String, _ editor: LineEditor, hint: String, _ buffer: inout ScreenBuffer) {
        let y = state.height - 2
        buffer.clear(x: 0, y: y, width: state.width, role: .input)
        let fitted = TextLayout.fit(label, state.width / 2)
        let x = buffer.put(fitted, x: 0, y: y, role: .input)
        let (text, cursor) = editor.window(width: state.width - x)
        // A value shown selected reads as selected: the first key typed replaces it.
        buffer.put(text, x: x, y: y, role: editor.isSelected ? .selection : .input)
        buffer.cursor = ScreenBuffer.Position(x: x + cursor, y: y)
        buffer.put(TextLayout.fit(hint, state.width - 1), x: 0, y: state.height - 1, role: .keyHint)
    }
}

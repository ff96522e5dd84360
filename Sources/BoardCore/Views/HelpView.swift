import PlanModel

/// The help screen: the legend first, then every binding from the same tables the keys use.
enum HelpView {
    static func body(_ state: BoardState) -> Body {
        var lines = LegendScreen.lines(state)
        lines.append(.blank)
        lines.append(Line("Keys", .heading))
        section(" Everywhere", Bindings.global, state, &lines)
        for screen in Screens.all { section(" " + screen.title, screen.bindings, state, &lines) }
        lines.append(Line(" Typing (editing a field, a reason, a note, a search)", .tableHeader))
        for (keys, help) in [("Enter", "Save"), ("Esc", "Cancel, nothing is saved"), ("← → Ctrl-← Ctrl-→", "Move by character, by word"),
                             ("Home End Ctrl-A Ctrl-E", "Start, end of the line"), ("Ctrl-K Ctrl-U Ctrl-W", "Delete to the end, to the start, the word before"),
                             ("Tab", "Complete a name from the people in the plan (leads)"),
                             ("Paste", "Taken whole, up to \(TypedText.grouped(TypedText.maximumLength)) characters a field")] {
            lines.append(row(keys, help, state.width))
        }
        lines.append(Line(" Mouse: click selects, a second click opens; the wheel scrolls.", .dim))
        return Body(lines)
    }

    private static func section(_ title: String, _ bindings: [Binding], _ state: BoardState, _ lines: inout [Line]) {
        guard !bindings.isEmpty else { return }
        lines.append(Line(title, .tableHeader))
        for binding in bindings { lines.append(row(binding.keyLabel, binding.help, state.width)) }
    }

    private static func row(_ keys: String, _ help: String, _ width: Int) -> Line {
        Line([Line.Segment("   " + TextLayout.pad(keys, 21), .keyLabel), Line.Segment(" " + TextLayout.fit(help, width - 26))])
    }
}

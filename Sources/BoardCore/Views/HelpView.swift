import PlanModel

/// The help screen: every binding, from the same table the keys use, and a legend for
/// every colour and glyph.
enum HelpView {
    static func body(_ state: BoardState) -> Body {
        let width = state.width
        var lines: [Line] = [Line("Keys", .heading)]
        for context in Context.allCases where context != .help {
            let bindings = Bindings.all.filter { $0.contexts.contains(context) }
            guard !bindings.isEmpty else { continue }
            lines.append(Line(" " + context.title, .tableHeader))
            for binding in bindings {
                lines.append(Line([Line.Segment("   " + TextLayout.pad(binding.keyLabel, 22), .keyLabel),
                                   Line.Segment(TextLayout.fit(binding.help, width - 26))]))
            }
        }
        lines.append(Line(" Typing (editing a field, a reason, a note, a search)", .tableHeader))
        for (keys, help) in [("Enter", "Save"), ("Esc", "Cancel, nothing is saved"), ("← → Ctrl-← Ctrl-→", "Move by character, by word"),
                             ("Home End Ctrl-A Ctrl-E", "Start, end of the line"), ("Ctrl-K Ctrl-U Ctrl-W", "Delete to the end, to the start, the word before"),
                             ("Tab", "Complete a name from the people in the plan (leads)")] {
            lines.append(Line([Line.Segment("   " + TextLayout.pad(keys, 22), .keyLabel), Line.Segment(TextLayout.fit(help, width - 26))]))
        }
        lines.append(Line(" Mouse: click selects, a second click opens; the wheel scrolls.", .dim))
        lines.append(.blank)
        lines.append(Line("What the colours and glyphs mean (each has a letter or glyph, so colour is never needed)", .heading))
        let statusHelp: [Status: String] = [
            .notStarted: "Not started (grey)", .red: "Red: off track; needs a reason", .amber: "Amber: at risk; needs a reason",
            .green: "Green: on track", .complete: "Complete (blue: BRAG, blue means done)"]
        for status in Status.allCases {
            lines.append(Line([Line.Segment("   " + TextLayout.pad("\(status.badge) \(status.label)", 22), .status(status)),
                               Line.Segment(statusHelp[status] ?? "")]))
        }
        lines.append(Line([Line.Segment("   " + TextLayout.pad("!31 Mar 2023", 22), .overdue), Line.Segment("Overdue: by-when passed and not complete")]))
        lines.append(Line([Line.Segment("   " + TextLayout.pad("»31 Mar 2023", 22), .dueSoon),
                           Line.Segment("Due soon: within \(state.plan.settings.dueSoonDays) days")]))
        for band in RiskBand.allCases {
            let range = band == .low ? "1–\(state.plan.settings.lowRiskMax)" : band == .medium ? "\(state.plan.settings.lowRiskMax + 1)–\(state.plan.settings.mediumRiskMax)" : "\(state.plan.settings.mediumRiskMax + 1)–25"
            lines.append(Line([Line.Segment("   " + TextLayout.pad("\(band.letter) \(band.label) risk", 22), .heat(band)),
                               Line.Segment("Risk score (likelihood × impact) \(range)")]))
        }
        for status in KPIStatus.allCases {
            lines.append(Line([Line.Segment("   " + TextLayout.pad("KPI \(status.label)", 22), .kpi(status)),
                               Line.Segment(status == .near ? "Within 10% of the milestone target" : status == .noData ? "No actual or no target yet" : "Latest actual against its milestone target")]))
        }
        lines.append(Line([Line.Segment("   " + TextLayout.pad("▲ ▼ ▶", 22), .keyLabel), Line.Segment("KPI improving, worsening, unchanged since the previous figure")]))
        lines.append(Line([Line.Segment("   " + TextLayout.pad("3b", 22), .match), Line.Segment("Matches the search")]))
        lines.append(Line([Line.Segment("   " + TextLayout.pad("^[  ⏎", 22), .escaped), Line.Segment("A control character or line break in the plan's text, shown, never acted on")]))
        return Body(lines)
    }
}

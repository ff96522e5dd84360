import PlanModel

/// The legend: what every colour, letter and glyph on the dashboard means, on its own key
/// so a board member finds it first (help shows it first too).
public struct LegendScreen: ScreenComponent {
    public static let kind = "legend"
    public static let title = "Legend: colours and glyphs"
    public static var bindings: [Binding] {
        [Binding([.char("q")], .back, "Close the legend", bar: "Close the legend")]
    }
    public static var globalBindings: [Binding] {
        [Binding([.char("K")], .push(kind), "Legend: what every colour, letter and glyph means (K for the key to a map)")]
    }
    public static func make(_ subject: String, _ board: BoardState) -> LegendScreen? { LegendScreen() }

    public var top = 0

    public func body(_ board: BoardState) -> Body { Body(Self.lines(board)) }
    public func crumb(_ board: BoardState) -> String { "Legend" }

    public mutating func opened(_ board: BoardState) { top = 0 }

    /// The legend's lines, also the start of help.
    static func lines(_ board: BoardState) -> [Line] {
        let settings = board.plan.settings
        let heading = "What the colours and glyphs mean (each has a letter or glyph, so colour is never needed)"
        var lines = TextLayout.wrap(heading, width: board.width - 1).map { Line($0, .heading) }
        lines.append(Line(" Action status", .tableHeader))
        let statusHelp: [Status: String] = [
            .notStarted: "Not started (grey)", .red: "Red: off track; needs a reason", .amber: "Amber: at risk; needs a reason",
            .green: "Green: on track", .complete: "Complete (blue: BRAG, blue means done)"]
        for status in Status.allCases { lines.append(entry("\(status.badge) \(status.label)", .status(status), statusHelp[status] ?? "")) }
        lines.append(entry("!31 Mar 2023", .overdue, "Overdue: by-when passed and not complete"))
        lines.append(entry("»31 Mar 2023", .dueSoon, "Due soon: within \(settings.dueSoonDays) days"))
        lines.append(entry("R3●●A2▲▲G4✓✓✓", .status(.amber), "An area's actions by status: each part its letter and count"))
        lines.append(entry("A▲*", .status(.amber), "An area's RAG as its SRO judged it in the latest highlight; without *, the roll-up of its actions"))
        lines.append(Line(" Risk score (likelihood × impact, 1 to 25)", .tableHeader))
        for band in RiskBand.allCases {
            let range = band == .low ? "1–\(settings.lowRiskMax)" : band == .medium ? "\(settings.lowRiskMax + 1)–\(settings.mediumRiskMax)" : "\(settings.mediumRiskMax + 1)–25"
            lines.append(entry("\(band.letter) \(band.label) risk", .heat(band), "Score \(range)"))
        }
        lines.append(entry("+1 −2", .normal, "Heatmap: risks that entered, left a cell since the checkpoint"))
        return (lines + kpiLines() + otherLines()).flatMap { wrapped($0, board.width) }
    }

    /// A legend line's meaning wrapped under itself where the screen is too narrow for it:
    /// never cut (the legend scrolls).
    private static func wrapped(_ line: Line, _ width: Int) -> [Line] {
        guard line.segments.count == 2 else { return [line] }
        let parts = TextLayout.wrap(line.segments[1].text, width: max(10, width - 26))
        guard parts.count > 1 else { return [line] }
        var first = line
        first.segments[1].text = parts[0]
        return [first] + parts.dropFirst().map { Line(String(repeating: " ", count: 25) + $0) }
    }

    private static func kpiLines() -> [Line] {
        let statusHelp: [KPIStatus: String] = [
            .onTarget: "On target: the latest actual meets its milestone target",
            .near: "Near: short of the target by 10% or less",
            .off: "Off target: short of the target by more than 10%",
            .noData: "No data: no actual or no target yet"]
        var lines = [Line(" KPIs (impact score card)", .tableHeader)]
        for status in KPIStatus.allCases { lines.append(entry(BoardViews.kpiStatusText(status), .kpi(status), statusHelp[status] ?? "")) }
        let travel: [(Travel, String)] = [(.improving, "Better than the figure before, whichever way is better for the KPI"),
                                             (.worsening, "Worse than the figure before"), (.unchanged, "The same as the figure before"),
                                             (.unknown, "Not enough figures to tell")]
        for (direction, help) in travel { lines.append(entry(direction.word, .keyLabel, "Change: \(help)")) }
        lines.append(entry("▁▂▃▄▅▆▇█", .link, "Sparkline: the KPI's actuals over time, lowest to highest"))
        return lines
    }

    private static func otherLines() -> [Line] {
        [Line(" Text", .tableHeader),
         entry("\(Line.Highlight.marker) 2 Communication", .selection, "The selected line (\(Line.Highlight.marker) marks it too where its colours stay): Enter opens it"),
         entry("3b", .match, "Matches the search"),
         entry("^[  ⏎", .escaped, "A control character or line break in the plan's text, shown, never acted on")]
    }

    private static func entry(_ sample: String, _ role: Role, _ meaning: String) -> Line {
        Line([Line.Segment("   " + TextLayout.pad(sample, 22), role), Line.Segment(meaning)])
    }
}

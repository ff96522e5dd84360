import PlanModel

/// Every decision the board has made, open first, across all meetings: who does it, by
/// when, about what (and which area), and where it stands. Enter opens the decision on its
/// meeting's agenda, where it is edited. (`planboard decision list` prints the same.)
public struct DecisionsScreen: LineScreen {
    public static let kind = "decisions"
    public static let title = "Every decision"
    public static var bindings: [Binding] {
        [Binding([.enter], .open, "Open the decision on its meeting's agenda", bar: "Open on its agenda")]
    }
    public static var globalBindings: [Binding] { [] }
    public static func make(_ subject: String, _ board: BoardState) -> DecisionsScreen? { DecisionsScreen() }

    public var top = 0
    var selected: Target?

    public func crumb(_ board: BoardState) -> String { "Every decision" }
    public mutating func opened(_ board: BoardState) { top = 0 }

    /// Open first, then done; each in meeting order, as `planboard decision list` gives them.
    static func decisions(_ plan: Plan) -> [(meeting: Meeting, decision: Decision)] {
        let all = plan.meetings.flatMap { m in m.decisions.map { (meeting: m, decision: $0) } }
        return all.filter { !$0.decision.done } + all.filter { $0.decision.done }
    }

    public func body(_ board: BoardState) -> Body {
        let plan = board.plan
        let width = board.width
        let all = Self.decisions(plan)
        var lines = [Line(TextLayout.fit("\(counted(all.count, "decision", "decisions")), \(all.filter { !$0.decision.done }.count) open · Enter opens one on its meeting's agenda", width), .dim)]
        if all.isEmpty { lines.append(Line("No decisions yet: on a meeting's agenda (M, then Enter) D records one.", .dim)) }
        for (meeting, d) in all {
            let state = d.done ? Line.Segment("✓ done ", .status(.complete), keepsRole: true) : Line.Segment("○ open ", .normal)
            var line = Line([Line.Segment(" " + TextLayout.pad(d.label, 5), .heading), state], target: .decision(d.number))
            line.segments.append(Line.Segment(TextLayout.fit(d.text, max(10, width - 15))))
            lines.append(line)
            let area = plan.area(of: d).map { "area \($0)" } ?? "no area"
            let details = [d.owner.map { "owner \($0)" } ?? "no owner", d.due.map { "due \($0.display)" } ?? "no due date",
                           d.link.map { "about \($0.display)" }, area, "at “\(meeting.name)”", d.action.map { "→ action \($0)" }].compactMap { $0 }
            lines.append(Line(TextLayout.fit("        " + details.joined(separator: " · "), width), .dim))
        }
        return Body(BoardViews.markSelected(lines, selectedLine(board, lines)))
    }

    private func selectedLine(_ board: BoardState, _ lines: [Line]) -> Target? {
        if let selected, lines.contains(where: { $0.target == selected }) { return selected }
        return lines.first { $0.target != nil }?.target
    }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        guard command == .open, case let .decision(number)? = selection(board),
              let meeting = board.plan.meetings.first(where: { $0.decisions.contains { $0.number == number } }) else { return [] }
        return [.push(ScreenID(MeetingsScreen.kind, meeting.name)), .focus(.decision(number))]
    }
}

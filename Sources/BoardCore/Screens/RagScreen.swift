import PlanModel

/// The RAG grid: a cell per action, by area, now or over time (by checkpoint).
public struct RagScreen: ScreenComponent {
    public static let kind = "rag"
    public static let title = "RAG grid"
    public static let isView = true
    public static var bindings: [Binding] {
        [Binding([.enter], .open, "Open the action", bar: "Open the action")] + Bindings.status + [Bindings.note]
            + [Binding([.char("m")], .toggleOverTime, "Switch between now and over time (by checkpoint)", bar: "Switch between now and over time")]
            + Bindings.across
    }
    public static func make(_ subject: String, _ board: BoardState) -> RagScreen? { RagScreen() }

    public var top = 0
    /// Now: the area row and the action within it.
    public var area = 0
    public var column = 0
    /// Over time: the action, by its place in the plan.
    public var overTime = false
    public var action = 0

    public func body(_ board: BoardState) -> Body { BoardViews.rag(board, self) }
    public var marksMore: Bool { false }

    public func selection(_ board: BoardState) -> Target? {
        overTime ? selectedAction(board).map { .action($0.ref) } : .area(area)
    }

    /// The action under the cursor.
    public func selectedAction(_ board: BoardState) -> Action? {
        if overTime {
            let all = board.allActions
            return all.indices.contains(action) ? all[action] : all.first
        }
        guard board.plan.areas.indices.contains(area) else { return nil }
        let actions = board.plan.areas[area].actions
        return actions.isEmpty ? nil : actions[clamp(column, 0, actions.count - 1)]
    }

    /// Moving onto a cell names its action.
    public func statusLine(_ board: BoardState) -> [Line.Segment]? {
        guard let action = selectedAction(board) else { return nil }
        return [Line.Segment("\(action.ref) ", .heading), Line.Segment(action.status.badge, .status(action.status)),
                Line.Segment(" " + action.text, .message)]
    }

    public mutating func move(_ delta: Int, _ board: BoardState) {
        if overTime {
            action = clamp(action + delta, 0, max(0, board.allActions.count - 1))
        } else if abs(delta) == 1, stepLine(delta, board) {
            return
        } else {
            area = clamp(area + (delta > 0 ? max(1, delta / 4) : min(-1, delta / 4)), 0, max(0, board.plan.areas.count - 1))
        }
    }

    /// Up and Down move a line of cells: within an area whose cells wrap onto several
    /// lines, then onto the nearest line of the next area, keeping the place along the
    /// line. So a key changes two lines of the grid rather than scrolling a whole area
    /// away. Returns false when there is no area to move into.
    mutating func stepLine(_ delta: Int, _ board: BoardState) -> Bool {
        let areas = board.plan.areas
        guard areas.indices.contains(area) else { return false }
        let perLine = BoardViews.ragPerLine(width: board.width, label: BoardViews.ragLabel(board.plan, width: board.width))
        let count = areas[area].actions.count
        let along = max(0, column) % perLine
        let line = clamp(column, 0, max(0, count - 1)) / perLine
        if delta > 0, (line + 1) * perLine < count {
            column = (line + 1) * perLine + along
        } else if delta < 0, line > 0 {
            column = (line - 1) * perLine + along
        } else {
            let next = area + delta
            guard areas.indices.contains(next) else { return true }
            let lastLine = max(0, areas[next].actions.count - 1) / perLine * perLine
            area = next
            column = (delta > 0 ? 0 : lastLine) + along
        }
        return true
    }

    public mutating func moveAcross(_ delta: Int, _ board: BoardState) {
        guard !overTime, board.plan.areas.indices.contains(area) else { return }
        column = clamp(column + delta, 0, max(0, board.plan.areas[area].actions.count - 1))
    }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        switch command {
        case .open: return selectedAction(board).map { [.push(ActionScreen.id($0.ref))] } ?? []
        case .toggleOverTime:
            overTime.toggle()
            top = 0
        default: break
        }
        return []
    }

    public mutating func click(_ target: Target, _ board: BoardState) -> [Step] {
        if case let .area(index) = target { area = index }
        return []
    }
}

extension View {
    public static let rag = View(kind: RagScreen.kind)
}

import PlanModel

/// The dashboard: each area's status bar, the KPIs, the highest risks and what changed.
public struct DashboardScreen: LineScreen {
    public static let kind = "dashboard"
    public static let title = "Dashboard"
    public static let isView = true
    public static var bindings: [Binding] { [Bindings.open] + Bindings.checkpoints }
    public static func make(_ subject: String, _ board: BoardState) -> DashboardScreen? { DashboardScreen() }

    public var top = 0
    var selected: Target?

    public func body(_ board: BoardState) -> Body { board.keptBody(id) { BoardViews.dashboard(board) }.marking(selected) }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        command == .open ? board.openLine(selection(board)) : []
    }
}

extension View {
    public static let dashboard = View(kind: DashboardScreen.kind)
}

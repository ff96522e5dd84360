import PlanModel

/// One KPI: its figures, milestones and the actions that move it.
public struct KPIScreen: LineScreen {
    public static let kind = "kpi"
    public static let title = "A KPI"
    public static var bindings: [Binding] { [Bindings.open] }
    public static func make(_ subject: String, _ board: BoardState) -> KPIScreen? {
        board.plan.kpi(subject) == nil ? nil : KPIScreen(ref: subject)
    }
    public static func id(_ ref: String) -> ScreenID { ScreenID(kind, ref) }

    public let ref: String
    public var top = 0
    var selected: Target?

    public var id: ScreenID { Self.id(ref) }
    public func crumb(_ board: BoardState) -> String { "KPI \(ref)" }
    public func body(_ board: BoardState) -> Body { KPIViews.kpi(board, ref: ref, selected: selected) }
    public func exists(in plan: Plan) -> Bool { plan.kpi(ref) != nil }
    public func selectedKPI(_ board: BoardState) -> KPI? { board.plan.kpi(ref) }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        command == .open ? board.openLine(selection(board)) : []
    }
}

import PlanModel

/// The change log since the chosen checkpoint, newest first.
public struct ChangesScreen: LineScreen {
    public static let kind = "changes"
    public static let title = "Changes since a checkpoint"
    public static var bindings: [Binding] { [Bindings.open] }
    public static func make(_ subject: String, _ board: BoardState) -> ChangesScreen? { ChangesScreen() }

    public var top = 0
    var selected: Target?

    public func crumb(_ board: BoardState) -> String { "Changes since \(board.since?.name ?? "")" }
    public func body(_ board: BoardState) -> Body { TriageViews.changes(board, selected: selected) }
    public mutating func opened(_ board: BoardState) { top = 0 }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        command == .open ? board.openLine(selection(board)) : []
    }
}

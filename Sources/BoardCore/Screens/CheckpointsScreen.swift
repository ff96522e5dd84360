import PlanModel

/// The checkpoints: record one, choose what "since" means, see what changed.
public struct CheckpointsScreen: LineScreen {
    public static let kind = "checkpoints"
    public static let title = "Checkpoints"
    public static let isView = true
    public static var bindings: [Binding] {
        [Binding([.enter], .open, "Compare with this checkpoint (what “since” means)", bar: "Compare with this checkpoint")] + Bindings.checkpoints
    }
    public static func make(_ subject: String, _ board: BoardState) -> CheckpointsScreen? { CheckpointsScreen() }

    public var top = 0
    var selected: Target?

    public func body(_ board: BoardState) -> Body { board.keptBody(id) { TriageViews.checkpoints(board) }.marking(selected ?? board.since.map { .checkpoint($0.name) }) }

    /// The selected line, else the checkpoint "since" compares with.
    public func selection(_ board: BoardState) -> Target? {
        let body = body(board)
        if let selected, body.index(of: selected) != nil { return selected }
        if let name = board.since?.name { return .checkpoint(name) }
        return body.firstSelectable.flatMap { body.line($0).target }
    }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        command == .open ? board.openLine(selection(board)) : []
    }
}

extension View {
    public static let checkpoints = View(kind: CheckpointsScreen.kind)
}

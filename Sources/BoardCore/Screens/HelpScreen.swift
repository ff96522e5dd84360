import PlanModel

/// Help: the legend, then every key from the binding tables.
public struct HelpScreen: ScreenComponent {
    public static let kind = "help"
    public static let title = "Help"
    public static var bindings: [Binding] { [Binding([.char("q")], .back, "Close help", bar: "Close help")] }
    public static func make(_ subject: String, _ board: BoardState) -> HelpScreen? { HelpScreen() }

    public var top = 0

    public func body(_ board: BoardState) -> Body { board.keptBody(id) { HelpView.body(board) } }

    public mutating func opened(_ board: BoardState) { top = 0 }
}

import PlanModel

/// The header, officers, advisers, partners and reporting lines: read and scrolled.
public struct GovernanceScreen: ScreenComponent {
    public static let kind = "governance"
    public static let title = "Governance"
    public static let isView = true
    public static var bindings: [Binding] { [Bindings.editPlan] }
    public static func make(_ subject: String, _ board: BoardState) -> GovernanceScreen? { GovernanceScreen() }

    public var top = 0

    public func body(_ board: BoardState) -> Body { DetailViews.governance(board) }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        command == .structure(.editPlan) ? [.ask(.picker(board.planFieldPicker()))] : []
    }
}

extension View {
    public static let governance = View(kind: GovernanceScreen.kind)
}

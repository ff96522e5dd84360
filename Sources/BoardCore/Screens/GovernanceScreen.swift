import PlanModel

/// The header, officers, advisers, partners and reporting lines: read and scrolled.
public struct GovernanceScreen: ScreenComponent {
    public static let kind = "governance"
    public static let title = "Governance"
    public static let isView = true
    public static var bindings: [Binding] { [] }
    public static func make(_ subject: String, _ board: BoardState) -> GovernanceScreen? { GovernanceScreen() }

    public var top = 0

    public func body(_ board: BoardState) -> Body { DetailViews.governance(board) }
}

extension View {
    public static let governance = View(kind: GovernanceScreen.kind)
}

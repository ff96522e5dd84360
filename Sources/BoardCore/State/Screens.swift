/// The registry of screens. Adding a screen is one new file and one line here; the views
/// (number keys and Tab) are the registered screens that say they are views, in this order.
public enum Screens {
    public static var all: [any ScreenComponent.Type] {
        [
            DashboardScreen.self, AreasScreen.self, RagScreen.self, HeatmapScreen.self, RegisterScreen.self,
            ScoreCardScreen.self, TriageScreen.self, CheckpointsScreen.self, GovernanceScreen.self,
            AreaScreen.self, ActionScreen.self, RiskScreen.self, KPIScreen.self, ChangesScreen.self,
            HelpScreen.self,
            LegendScreen.self,
            MeetingsScreen.self,
            DecisionsScreen.self,
        ]
    }

    /// The numbered views, in order.
    public static var views: [any ScreenComponent.Type] { all.filter { $0.isView } }

    /// The screen type of a kind.
    public static func type(_ kind: String) -> (any ScreenComponent.Type)? { all.first { $0.kind == kind } }

    /// Makes a screen afresh, or nil when its kind is unknown or its subject has gone.
    static func make(_ id: ScreenID, _ board: BoardState) -> (any ScreenComponent)? {
        type(id.kind)?.make(id.subject, board)
    }
}

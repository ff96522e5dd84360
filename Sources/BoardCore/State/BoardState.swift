import PlanModel

/// One cell of the heatmap at one stage.
public struct HeatCell: Equatable, Sendable {
    public var stage: Risk.Stage
    public var score: Score
}

/// Everything the dashboard shows, as a value. Only `update` changes it.
///
/// The board holds what every screen shares (the plan, its log, today, who is looking, the
/// size, the search and the message) and a stack of screen components, each with its own
/// state; screens that close are remembered, so coming back finds the place.
public struct BoardState: Sendable {
    public var plan: Plan {
        didSet { planVersion = memo.nextVersion() }
    }
    /// Changes whenever the plan does, so derived values know when to be made again.
    private(set) var planVersion = 0
    private(set) var memo = Memo()
    /// The change log, for each action's history.
    public var log: [ChangeRecord]
    public var today: PlanDate
    public var user: String
    public var readOnly: Bool
    /// The person's role on a shared plan, as the server enforces it; nil on a plan file,
    /// where roles are advisory and only the name is shown.
    public var role: PlanRole?
    /// Why the shared plan's server cannot be reached right now (shown in the header until
    /// it is back); nil while all is well.
    public var serverTrouble: String?
    /// Whether the plan is only its outline (each action's reference, status and by-when)
    /// while the whole plan is read: the first screen then says the changes since are being
    /// counted, as they need the whole plan.
    public var holdsOutline = false
    public var width: Int
    public var height: Int

    /// The screens, the top one on screen.
    public internal(set) var stack: [any ScreenComponent] = []
    /// Screens that have closed, by identity, so reopening one keeps its place.
    var remembered: [ScreenID: any ScreenComponent] = [:]
    /// A prompt, confirmation or picker taking the keys.
    public internal(set) var overlay: Overlay?
    public var search: String?
    /// Searches made so far, oldest first, without repeats: Up in the search prompt recalls them.
    public var searchHistory: [String] = []
    public var message: String?
    public var messageIsError = false
    /// The checkpoint "since" compares with; nil means the latest.
    public var sinceName: String?

    public init(plan: Plan, log: [ChangeRecord] = [], today: PlanDate, user: String, readOnly: Bool = false,
                role: PlanRole? = nil, width: Int = 80, height: Int = 24) {
        self.plan = plan
        planVersion = memo.nextVersion()
        self.log = log
        self.today = today
        self.user = user
        self.readOnly = readOnly
        self.role = role
        self.width = width
        self.height = height
        stack = Screens.views.prefix(1).compactMap { $0.make("", self) }
    }

    /// The same board with nothing it worked out kept: every figure and line is made again
    /// from the plan. Tests compare it with a board that kept them across changes and keys.
    public func afresh() -> BoardState {
        var copy = self
        copy.memo = Memo()
        copy.planVersion = copy.memo.nextVersion()
        return copy
    }

    /// The screen on top.
    public var top: any ScreenComponent { stack[stack.count - 1] }

    /// Which screen is on top.
    public var screen: ScreenID { top.id }

    /// Whether the keys go to a prompt, a confirmation or a picker.
    public var isAsking: Bool { overlay != nil }

    /// The top screen as a particular kind, when it is one.
    public func top<S: ScreenComponent>(_ type: S.Type) -> S? { top as? S }

    /// The checkpoint "since" compares with: the chosen one, else the last recorded
    /// meeting's (when meetings are kept), else the latest.
    public var since: Checkpoint? {
        sinceName.flatMap { plan.checkpoint(named: $0) } ?? plan.defaultSince
    }

    /// The action selected on the screen on top.
    public var currentAction: Action? { top.selectedAction(self) }
    public var currentRisk: Risk? { top.selectedRisk(self) }
    public var currentKPI: KPI? { top.selectedKPI(self) }
    public var currentArea: Area? { top.selectedArea(self) }

    /// Rows above the content: the title line, the breadcrumb, and the plan's notice
    /// where it wraps below the breadcrumb.
    public var headerRows: Int { 1 + Header.breadcrumbRows(self).count }

    /// Rows between the header and the bars.
    public var contentRows: Int { max(1, height - headerRows - 2) }
}

func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { max(low, min(high, value)) }

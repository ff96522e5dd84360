import PlanModel
import PlanStore

/// The views reached with Tab and the number keys.
public enum View: String, CaseIterable, Sendable {
    case dashboard, areas, rag, heatmap, risks, kpis, triage, checkpoints, governance

    public var title: String {
        switch self {
        case .dashboard: "Dashboard"
        case .areas: "Areas of weakness"
        case .rag: "RAG grid"
        case .heatmap: "Risk heatmap"
        case .risks: "Risk register"
        case .kpis: "Impact score card"
        case .triage: "Triage"
        case .checkpoints: "Checkpoints"
        case .governance: "Governance"
        }
    }

    /// The number key that opens it.
    public var key: Character { Character(String((View.allCases.firstIndex(of: self) ?? 0) + 1)) }
}

/// Where the person is. The top of `BoardState.stack` is on screen.
public enum Screen: Equatable, Sendable {
    case view(View)
    case area(Int)
    case action(String)
    case risk(String)
    case kpi(String)
    /// The change log since the chosen checkpoint.
    case changes
    case help

    var context: Context {
        switch self {
        case .view(.dashboard): .dashboard
        case .view(.areas): .areas
        case .view(.rag): .rag
        case .view(.heatmap): .heatmap
        case .view(.risks): .risks
        case .view(.kpis): .kpis
        case .view(.triage): .triage
        case .view(.checkpoints): .checkpoints
        case .view(.governance): .governance
        case .area: .area
        case .action: .action
        case .risk: .risk
        case .kpi: .kpi
        case .changes: .changes
        case .help: .help
        }
    }
}

/// What the keys are doing right now: moving around, or typing into something.
public enum Mode: Equatable, Sendable {
    case normal
    /// Editing one field of an action in place.
    case edit(ref: String, field: ActionField, editor: LineEditor)
    /// Asking why an action is becoming Red or Amber.
    case reason(ref: String, status: Status, editor: LineEditor)
    case note(ref: String, editor: LineEditor)
    case search(LineEditor)
    case confirmDelete(ref: String)
    /// Waiting for a filter key (status letter, l for lead, x to clear).
    case filter
    case filterLead(LineEditor)
    /// Adding an action: first its reference, then its text.
    case newActionRef(area: Int, editor: LineEditor)
    case newActionText(area: Int, ref: String, editor: LineEditor)
    /// Editing a risk's text or date field in place.
    case riskEdit(ref: String, field: RiskField, editor: LineEditor)
    /// Typing a score: likelihood then impact, one digit each.
    case score(ref: String, stage: Risk.Stage, likelihood: Int?)
    case newRiskRef(editor: LineEditor)
    case newRiskText(ref: String, editor: LineEditor)
    case confirmRemoveRisk(ref: String)
    /// Entering or correcting a KPI's actual at one milestone.
    case actual(kpi: String, milestone: Int, editor: LineEditor)
    /// Recording a checkpoint: its name, then its date.
    case checkpointName(editor: LineEditor)
    case checkpointDate(name: String, editor: LineEditor)
    /// Filtering triage to one lead.
    case triageLead(LineEditor)
}

/// One cell of the heatmap at one stage.
public struct HeatCell: Equatable, Sendable {
    public var stage: Risk.Stage
    public var score: Score
}

/// How the risk register is ordered.
public enum RiskSort: String, CaseIterable, Sendable {
    case residual, inherent, target, ref, review

    public var label: String {
        switch self {
        case .residual: "residual score"
        case .inherent: "inherent score"
        case .target: "target score"
        case .ref: "reference"
        case .review: "review date"
        }
    }
}

/// Which of an area's actions are shown.
public struct ActionFilter: Equatable, Sendable {
    public var statuses: Set<Status> = []
    public var lead: String?

    public var isActive: Bool { !statuses.isEmpty || lead != nil }

    public func admits(_ action: Action) -> Bool {
        (statuses.isEmpty || statuses.contains(action.status))
            && (lead.map { lead in action.leads.contains { $0.localizedCaseInsensitiveContains(lead) } } ?? true)
    }
}

/// Everything the dashboard shows, as a value. Only `update` changes it.
public struct BoardState: Sendable {
    public var plan: Plan {
        didSet { planVersion = memo.nextVersion() }
    }
    /// Changes whenever the plan does, so derived values know when to be made again.
    private(set) var planVersion = 0
    let memo = Memo()
    /// The change log, for each action's history.
    public var log: [ChangeRecord]
    public var today: PlanDate
    public var user: String
    public var readOnly: Bool
    public var width: Int
    public var height: Int

    public var stack: [Screen] = [.view(.dashboard)]
    public var mode: Mode = .normal
    /// Selected area (index into plan.areas) in the areas list.
    public var areaIndex = 0
    /// Selected action per area number, by reference, so a reload keeps the place.
    public var selectedAction: [Int: String] = [:]
    /// The finding the cursor is on in an area's screen, when it is above the actions.
    public var selectedFinding: String?
    /// Selected field in the action view.
    public var fieldIndex = 0
    /// First visible line per screen, for screens that scroll.
    public var scroll: [String: Int] = [:]
    public var filter = ActionFilter()
    /// Findings in full (true), one line (false), or as suits the screen (nil: in full
    /// when the screen is tall enough for them and the actions).
    public var fullFindings: Bool?
    public var search: String?
    public var message: String?
    public var messageIsError = false

    /// The checkpoint "since" compares with; nil means the latest.
    public var sinceName: String?
    /// Selected line on screens that select whole lines (dashboard, checkpoints, changes, a KPI).
    public var selectedLine: [String: Target] = [:]
    /// RAG grid: the area row and the action within it, or (over time) the action.
    public var ragArea = 0
    public var ragColumn = 0
    public var ragOverTime = false
    public var ragAction = 0
    /// Heatmap: which score, and the selected cell.
    public var heatStage: Risk.Stage = .residual
    public var heatCell = Score(likelihood: 3, impact: 3)
    /// Risk register: the selected risk, column, sort, and a heatmap cell it is narrowed to.
    public var riskRef: String?
    public var riskColumn = 0
    public var riskSort: RiskSort = .residual
    public var riskCell: HeatCell?
    /// Selected field in a risk's own screen.
    public var riskField = 0
    /// Score card: the selected KPI and milestone.
    public var kpiRef: String?
    public var kpiMilestone = 0
    /// Triage: the selected action, grouping and lead filter.
    public var triageRef: String?
    public var triageByLead = false
    public var triageLead: String?

    public init(plan: Plan, log: [ChangeRecord] = [], today: PlanDate, user: String, readOnly: Bool = false,
                width: Int = 80, height: Int = 24) {
        self.plan = plan
        planVersion = memo.nextVersion()
        self.log = log
        self.today = today
        self.user = user
        self.readOnly = readOnly
        self.width = width
        self.height = height
    }

    public var screen: Screen { stack.last ?? .view(.dashboard) }

    /// The checkpoint "since" compares with: the chosen one, else the latest.
    public var since: Checkpoint? {
        sinceName.flatMap { plan.checkpoint(named: $0) } ?? plan.checkpoints.max { $0.date < $1.date }
    }

    /// Whether the area screen shows its findings in full.
    public var showsFullFindings: Bool { fullFindings ?? (height >= 40) }

    /// The area on screen or selected.
    public var currentArea: Area? {
        switch screen {
        case let .area(number): plan.area(number: number)
        case let .action(ref): plan.area(ofAction: ref)
        default: plan.areas.indices.contains(areaIndex) ? plan.areas[areaIndex] : nil
        }
    }

    /// The actions of an area that pass the filter.
    public func visibleActions(_ area: Area) -> [Action] { area.actions.filter(filter.admits) }

    /// The action on screen or selected in the area on screen.
    public var currentAction: Action? {
        switch screen {
        case let .action(ref):
            return plan.action(ref)
        case let .area(number):
            guard selectedFinding == nil, let area = plan.area(number: number) else { return nil }
            let visible = visibleActions(area)
            return visible.first { $0.ref == selectedAction[number] } ?? visible.first
        case .view(.triage):
            let list = triage
            return list.first { $0.action.ref == triageRef }?.action ?? list.first?.action
        case .view(.rag):
            return ragSelection
        default:
            return nil
        }
    }
}

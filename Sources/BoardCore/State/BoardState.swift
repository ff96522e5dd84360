import PlanModel
import PlanStore

/// The views reached with Tab and the number keys.
public enum View: String, CaseIterable, Sendable {
    case areas, governance

    public var title: String {
        switch self {
        case .areas: "Areas of weakness"
        case .governance: "Governance"
        }
    }
}

/// Where the person is. The top of `BoardState.stack` is on screen.
public enum Screen: Equatable, Sendable {
    case view(View)
    case area(Int)
    case action(String)
    case help

    var context: Context {
        switch self {
        case .view(.areas): .areas
        case .view(.governance): .governance
        case .area: .area
        case .action: .action
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
public struct BoardState: Equatable, Sendable {
    public var plan: Plan
    /// The change log, for each action's history.
    public var log: [ChangeRecord]
    public var today: PlanDate
    public var user: String
    public var readOnly: Bool
    public var width: Int
    public var height: Int

    public var stack: [Screen] = [.view(.areas)]
    public var mode: Mode = .normal
    /// Selected area (index into plan.areas) in the areas list.
    public var areaIndex = 0
    /// Selected action per area number, by reference, so a reload keeps the place.
    public var selectedAction: [Int: String] = [:]
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

    public init(plan: Plan, log: [ChangeRecord] = [], today: PlanDate, user: String, readOnly: Bool = false,
                width: Int = 80, height: Int = 24) {
        self.plan = plan
        self.log = log
        self.today = today
        self.user = user
        self.readOnly = readOnly
        self.width = width
        self.height = height
    }

    public var screen: Screen { stack.last ?? .view(.areas) }

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
            guard let area = plan.area(number: number) else { return nil }
            let visible = visibleActions(area)
            return visible.first { $0.ref == selectedAction[number] } ?? visible.first
        default:
            return nil
        }
    }
}

import PlanModel

/// One KPI: its figures, milestones and the actions that move it.
public struct KPIScreen: LineScreen {
    public static let kind = "kpi"
    public static let title = "A KPI"
    public static var bindings: [Binding] { [Bindings.kpiOpen] + Bindings.kpiEditing + EvidenceKeys.bindings() }
    public static func make(_ subject: String, _ board: BoardState) -> KPIScreen? {
        board.plan.kpi(subject) == nil ? nil : KPIScreen(ref: subject)
    }
    public static func id(_ ref: String) -> ScreenID { ScreenID(kind, ref) }

    public let ref: String
    public var top = 0
    var selected: Target?

    public var id: ScreenID { Self.id(ref) }
    public func crumb(_ board: BoardState) -> String { "KPI \(ref)" }
    public func body(_ board: BoardState) -> Body { board.keptBody(id) { KPIViews.kpi(board, ref: ref) }.marking(selected) }
    public func exists(in plan: Plan) -> Bool { plan.kpi(ref) != nil }
    public func selectedKPI(_ board: BoardState) -> KPI? { board.plan.kpi(ref) }

    /// Opens on the first action that moves it, as before the KPI's own lines could be
    /// edited, so Enter still goes from a KPI to its actions.
    public mutating func opened(_ board: BoardState) {
        if selected == nil, let first = board.actions(movingKPI: ref).first { selected = .action(first.ref) }
    }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        guard let kpi = board.plan.kpi(ref) else { return [] }
        let line = selection(board)
        switch command {
        case .open:
            if case .action? = line { return board.openLine(line) }
            return board.kpiLineQuestion(kpi, line)
        case .structure(.editKPILine): return board.kpiLineQuestion(kpi, line)
        case .structure(.switchBetter):
            return [board.kpiFieldsEdit(ref, [(.better, .better(kpi.better == .higher ? .lower : .higher))])]
        case .structure(.addMilestone): return [.ask(.prompt(board.milestonePrompt(ref)))]
        case .structure(.removeMilestone):
            guard case let .milestone(label)? = line else { return [.say("Move onto a milestone first.")] }
            return [board.removeMilestoneEdit(ref, label)]
        case .structure(.linkAction): return [.ask(.prompt(board.linkActionsPrompt(kpi)))]
        case .structure(.unlinkAction):
            guard case let .action(action)? = line else { return [.say("Move onto a linked action first.")] }
            return [board.linkEdit(ref, [action], link: false)]
        case .structure(.removeKPI): return [.ask(.confirm(board.removeKPIConfirm(kpi, closing: true)))]
        case EvidenceKeys.addCommand, EvidenceKeys.removeCommand:
            guard case let .milestone(label)? = line, let m = kpi.milestones.firstIndex(where: { $0.label == label }) else {
                return [.say("Move onto a milestone's figure first: evidence shows where a figure came from.")]
            }
            return board.evidenceSteps(command, .figure(kpi: ref, milestone: m)) ?? []
        default: return []
        }
    }
}

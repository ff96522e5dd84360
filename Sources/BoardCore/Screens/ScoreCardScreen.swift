import PlanModel

/// The impact score card: each KPI's milestones, actual against target.
public struct ScoreCardScreen: ScreenComponent {
    public static let kind = "kpis"
    public static let title = "Impact score card"
    public static let isView = true
    public static var bindings: [Binding] {
        [Binding([.enter, .char("e")], .editField, "Enter or correct the selected actual", bar: "Enter or correct the selected actual",
                 needs: [.writable, .kpi]),
         Bindings.followLink, Bindings.addKPI, Bindings.removeKPI] + Bindings.across
    }
    public static func make(_ subject: String, _ board: BoardState) -> ScoreCardScreen? { ScoreCardScreen() }

    public var top = 0
    /// The selected KPI and milestone.
    public var ref: String?
    public var milestone = 0

    public func body(_ board: BoardState) -> Body { KPIViews.scoreCard(board, self) }
    public func selection(_ board: BoardState) -> Target? { selectedKPI(board).map { .kpi($0.ref) } }
    public func selectedKPI(_ board: BoardState) -> KPI? { board.plan.kpis.first { $0.ref == ref } ?? board.plan.kpis.first }

    public mutating func move(_ delta: Int, _ board: BoardState) {
        let kpis = board.plan.kpis
        guard !kpis.isEmpty else { return }
        let current = kpis.firstIndex { $0.ref == ref } ?? 0
        ref = kpis[clamp(current + delta, 0, kpis.count - 1)].ref
    }

    public mutating func moveAcross(_ delta: Int, _ board: BoardState) {
        milestone = clamp(milestone + delta, 0, max(0, (selectedKPI(board)?.milestones.count ?? 0) - 1))
    }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        if command == .structure(.addKPI) { return [.ask(.prompt(board.newKPIPrompt()))] }
        guard let kpi = selectedKPI(board) else {
            return [.say("No KPIs yet: press \(Bindings.key(.structure(.addKPI), on: Self.self)) to add one.")]
        }
        switch command {
        case .structure(.removeKPI): return [.ask(.confirm(board.removeKPIConfirm(kpi, closing: false)))]
        case .followLink: return [.push(KPIScreen.id(kpi.ref))]
        case .editField:
            guard kpi.milestones.indices.contains(milestone) else {
                return [.refuse("\(kpi.ref) has no milestones to record an actual against.")]
            }
            return [.ask(.prompt(board.actualPrompt(kpi, milestone: milestone)))]
        default: return []
        }
    }

    public mutating func focus(_ target: Target, _ board: BoardState) {
        if case let .kpi(ref) = target { self.ref = ref }
    }

    public mutating func click(_ target: Target, _ board: BoardState) -> [Step] {
        if selection(board) == target { return perform(.followLink, board) }
        if case let .kpi(ref) = target { self.ref = ref }
        return []
    }
}

extension View {
    public static let kpis = View(kind: ScoreCardScreen.kind)
}

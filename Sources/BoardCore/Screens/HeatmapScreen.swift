import PlanModel

/// The 5 × 5 risk heatmap at one stage, and what moved since the checkpoint.
public struct HeatmapScreen: ScreenComponent {
    public static let kind = "heatmap"
    public static let title = "Risk heatmap"
    public static let isView = true
    public static var bindings: [Binding] {
        [Binding([.enter], .open, "List the cell's risks", bar: "List the cell's risks"),
         Binding([.char("i")], .heatStage(.inherent), "Inherent scores (before mitigation)", bar: "Inherent scores"),
         Binding([.char("r")], .heatStage(.residual), "Residual scores (after mitigation)", bar: "Residual scores"),
         Binding([.char("t")], .heatStage(.target), "Target scores", bar: "Target scores")] + Bindings.across
    }
    public static func make(_ subject: String, _ board: BoardState) -> HeatmapScreen? { HeatmapScreen() }

    public var top = 0
    public var stage: Risk.Stage = .residual
    public var cell = Score(likelihood: 3, impact: 3)

    public func body(_ board: BoardState) -> Body { RiskViews.heatmap(board, self) }

    /// Up raises the likelihood (5 is at the top).
    public mutating func move(_ delta: Int, _ board: BoardState) { cell.likelihood = clamp(cell.likelihood - delta, 1, 5) }
    public mutating func moveAcross(_ delta: Int, _ board: BoardState) { cell.impact = clamp(cell.impact + delta, 1, 5) }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        switch command {
        case let .heatStage(stage): self.stage = stage
        case .open: return listCell(board)
        default: break
        }
        return []
    }

    /// Opens the register narrowed to the risks in the selected cell.
    private func listCell(_ board: BoardState) -> [Step] {
        let here = HeatCell(stage: stage, score: cell)
        let where_ = "\(stage.rawValue) likelihood \(cell.likelihood) × impact \(cell.impact)"
        guard board.plan.risks.contains(where: { $0.score(stage) == cell }) else {
            return [.say("No risk sits in that cell (\(stage.rawValue) \(cell.likelihood)×\(cell.impact)).")]
        }
        return [.push(ScreenID(RegisterScreen.kind)),
                .change(RegisterScreen.self) { register, board in
                    register.cell = here
                    register.ref = register.risks(board).first?.ref
                },
                .say("Risks at \(where_). \(Bindings.key(.clearNarrowing, on: RegisterScreen.self)) shows every risk.")]
    }
}

extension View {
    public static let heatmap = View(kind: HeatmapScreen.kind)
}

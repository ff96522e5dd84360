import PlanModel

/// One risk in full, every field edited in place.
public struct RiskScreen: FieldScreen {
    public static let kind = "risk"
    public static let title = "A risk"
    public static var bindings: [Binding] {
        [Binding([.enter, .char("e")], .editField, "Edit the selected field", bar: "Edit", needs: [.writable, .risk]),
         Bindings.followLink,
         Binding([.char("d")], .removeRisk, "Remove the risk (asks first)", needs: [.writable, .risk])]
    }
    public static func make(_ subject: String, _ board: BoardState) -> RiskScreen? {
        board.plan.risk(subject) == nil ? nil : RiskScreen(ref: subject)
    }
    public static func id(_ ref: String) -> ScreenID { ScreenID(kind, ref) }

    /// The fields it lists, in order.
    public static let fields: [RiskField] = [.ref, .risk, .owner, .raised, .inherentLikelihood, .residualLikelihood, .targetLikelihood,
                                             .mitigation, .progress, .reviewDate, .areas]

    static var fieldCount: Int { fields.count }

    public private(set) var ref: String
    public var top = 0
    public var fieldIndex = 0

    public var id: ScreenID { Self.id(ref) }
    public func crumb(_ board: BoardState) -> String { "Risk \(ref)" }
    public func body(_ board: BoardState) -> Body { RiskViews.risk(board, self) }
    public func exists(in plan: Plan) -> Bool { plan.risk(ref) != nil }
    public func selectedRisk(_ board: BoardState) -> Risk? { board.plan.risk(ref) }

    public mutating func renamed(from: Target, to: Target) {
        if case let .risk(old) = from, case let .risk(new) = to, ref == old { ref = new }
    }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        guard let risk = board.plan.risk(ref) else { return [] }
        switch command {
        case .editField: return [.ask(board.riskFieldQuestion(risk, Self.fields[clamp(fieldIndex, 0, Self.fields.count - 1)]))]
        case .removeRisk: return [.ask(.confirm(board.removeRiskConfirm(risk, closing: true)))]
        case .followLink:
            guard let number = risk.areas.first, board.plan.area(number: number) != nil else {
                return [.say("This risk is not linked to an area.")]
            }
            return [.push(AreaScreen.id(number))]
        default: return []
        }
    }
}

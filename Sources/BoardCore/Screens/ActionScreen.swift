import PlanModel

/// One action in full: every field, its notes and its history.
public struct ActionScreen: FieldScreen {
    public static let kind = "action"
    public static let title = "An action"
    public static var bindings: [Binding] {
        [Binding([.enter, .char("e")], .editField, "Edit the selected field", bar: "Edit", needs: [.writable, .action])]
            + Bindings.status + Bindings.actionEditing + [Bindings.note, Bindings.followLink, Bindings.editor, Bindings.deleteAction]
            + EvidenceKeys.bindings() + AgreementKeys.bindings
    }
    public static func make(_ subject: String, _ board: BoardState) -> ActionScreen? {
        board.plan.action(subject) == nil ? nil : ActionScreen(ref: subject)
    }
    public static func id(_ ref: String) -> ScreenID { ScreenID(kind, ref) }

    /// The fields it lists, in order.
    public static let fields: [ActionField] = [.ref, .text, .byWhen, .leads, .seniorResponsibleOfficer, .status, .kpiText, .kpis, .successCriteria]

    static var fieldCount: Int { fields.count }

    public private(set) var ref: String
    public var top = 0
    public var fieldIndex = 0

    /// The field the cursor is on.
    public var field: ActionField { Self.fields[clamp(fieldIndex, 0, Self.fields.count - 1)] }

    public var id: ScreenID { Self.id(ref) }
    public func crumb(_ board: BoardState) -> String { "Action \(ref)" }
    public func body(_ board: BoardState) -> Body { DetailViews.action(board, self) }
    public func exists(in plan: Plan) -> Bool { plan.action(ref) != nil }
    public func selectedAction(_ board: BoardState) -> Action? { board.action(ref) }
    public func selectedArea(_ board: BoardState) -> Area? { board.place(ofAction: ref).map { board.plan.areas[$0.area] } }

    public mutating func renamed(from: Target, to: Target) {
        if case let .action(old) = from, case let .action(new) = to, ref == old { ref = new }
    }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        guard let action = board.action(ref) else { return [] }
        switch command {
        case .editField where field == .status:
            let keys = [Status.red, .amber, .green, .complete, .notStarted].map { "\(Bindings.key(.setStatus($0), on: Self.self)) (\($0.label))" }
            return [.say("Press \(keys.dropLast().joined(separator: ", ")) or \(keys.last ?? "") to set \(ref)'s status.")]
        case .editField:
            return [.ask(.prompt(board.fieldPrompt(action, field)))]
        case .followLink:
            guard let kpi = action.kpis.first else {
                return [.say("This action is not linked to a KPI; press Enter on “KPIs it moves” to link one.")]
            }
            return [.push(KPIScreen.id(kpi))]
        case AgreementKeys.agreeCommand:
            return board.agreeRevisionSteps(action)
        default:
            return board.evidenceSteps(command, .action(ref)) ?? []
        }
    }
}

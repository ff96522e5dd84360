import Foundation
import PlanModel

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

/// The risk register: every risk, sorted, each field edited in place.
public struct RegisterScreen: ScreenComponent {
    public static let kind = "risks"
    public static let title = "Risk register"
    public static let isView = true
    public static var bindings: [Binding] {
        [Binding([.enter, .char("e")], .editField, "Edit the selected cell (scores: two digits)", bar: "Edit the selected cell", needs: [.writable, .risk]),
         Bindings.followLink,
         Binding([.char("+")], .addRisk, "Add a risk", bar: "Add a risk", needs: [.writable]),
         Binding([.char("S")], .sortRisks, "Sort by residual, inherent, target, reference or review date",
                 bar: "Sort by residual, inherent, target, reference or review date"),
         Binding([.char("d")], .removeRisk, "Remove the risk (asks first)", needs: [.writable, .risk]),
         Binding([.char("x")], .clearNarrowing, "Show every risk again (after a heatmap cell)")] + Bindings.across
    }
    public static func make(_ subject: String, _ board: BoardState) -> RegisterScreen? { RegisterScreen() }

    /// The columns, left to right.
    static let columns: [RiskField] = [.ref, .risk, .owner, .inherentLikelihood, .residualLikelihood, .targetLikelihood, .reviewDate, .progress]

    public var top = 0
    /// The selected risk, its column, the order, and a heatmap cell it is narrowed to.
    public var ref: String?
    public var column = 0
    public var sort: RiskSort = .residual
    public var cell: HeatCell?

    public func body(_ board: BoardState) -> Body { RiskViews.register(board, self) }
    public func selection(_ board: BoardState) -> Target? { selectedRisk(board).map { .risk($0.ref) } }

    public func selectedRisk(_ board: BoardState) -> Risk? {
        let list = risks(board)
        return list.first { $0.ref == ref } ?? list.first
    }

    /// The risks shown, in order.
    public func risks(_ board: BoardState) -> [Risk] {
        let narrowed = cell.map { "\($0.stage.rawValue)\($0.score.likelihood)\($0.score.impact)" } ?? ""
        return board.memo.value("register", board.key(sort.rawValue, narrowed)) { order(board.plan.risks) }
    }

    private func order(_ all: [Risk]) -> [Risk] {
        let risks = cell.map { cell in all.filter { $0.score(cell.stage) == cell.score } } ?? all
        let indexed = risks.enumerated()
        switch sort {
        case .ref: return risks.sorted { $0.ref.localizedStandardCompare($1.ref) == .orderedAscending }
        case .review:
            return indexed.sorted { ($0.element.reviewDate?.dayNumber ?? Int.max, $0.offset) < ($1.element.reviewDate?.dayNumber ?? Int.max, $1.offset) }.map(\.element)
        case .residual, .inherent, .target:
            let stage: Risk.Stage = sort == .residual ? .residual : sort == .inherent ? .inherent : .target
            return indexed.sorted { (-$0.element.score(stage).value, $0.offset) < (-$1.element.score(stage).value, $1.offset) }.map(\.element)
        }
    }

    public mutating func move(_ delta: Int, _ board: BoardState) {
        let list = risks(board)
        guard !list.isEmpty else { return }
        let current = list.firstIndex { $0.ref == ref } ?? 0
        ref = list[clamp(current + delta, 0, list.count - 1)].ref
    }

    public mutating func moveAcross(_ delta: Int, _ board: BoardState) { column = clamp(column + delta, 0, Self.columns.count - 1) }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        let risk = selectedRisk(board)
        switch command {
        case .editField: return risk.map { [.ask(board.riskFieldQuestion($0, Self.columns[column]))] } ?? []
        case .followLink: return risk.map { [.push(RiskScreen.id($0.ref))] } ?? []
        case .addRisk: return [.ask(.prompt(board.newRiskPrompt()))]
        case .removeRisk: return risk.map { [.ask(.confirm(board.removeRiskConfirm($0, closing: false)))] } ?? []
        case .sortRisks:
            sort = RiskSort.allCases[((RiskSort.allCases.firstIndex(of: sort) ?? 0) + 1) % RiskSort.allCases.count]
            return [.say("Risks sorted by \(sort.label).")]
        case .clearNarrowing:
            cell = nil
            return [.say("Showing every risk.")]
        default: return []
        }
    }

    public mutating func click(_ target: Target, _ board: BoardState) -> [Step] {
        if selection(board) == target { return perform(.followLink, board) }
        focus(target, board)
        return []
    }

    public mutating func focus(_ target: Target, _ board: BoardState) {
        if case let .risk(ref) = target { self.ref = ref }
    }

    public mutating func renamed(from: Target, to: Target) {
        if case let .risk(old) = from, case let .risk(new) = to, ref == old { ref = new }
    }
}

extension View {
    public static let risks = View(kind: RegisterScreen.kind)
}

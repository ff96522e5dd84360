import BoardCore
import PlanModel
import TestSupport

/// A dashboard on the illustrative sample, as of the sample's own "today", showing a view
/// (the areas of weakness unless told otherwise).
func board(_ sample: String = SamplePlans.devonIllustrative, width: Int = 80, height: Int = 24, view: View = .areas) throws -> BoardState {
    var state = BoardState(plan: try Samples.plan(sample), today: TestDates.illustrativeToday, user: "tester", width: width, height: height)
    _ = state.update(.resize(width: width, height: height))
    _ = state.update(.key(.char(view.key ?? "?")))
    return state
}

extension BoardState {
    /// Sends keys one by one, collecting every effect.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { update(.key($0)) }
    }

    /// Types text as single characters.
    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { update(.key(.char($0))) }
    }

    /// Applies the edits in effects to the plan, as the store would, and reports them saved.
    mutating func save(_ effects: [Effect]) throws {
        for effect in effects {
            guard case let .apply(edit, done, _) = effect else { continue }
            let next = try plan.applying(edit).plan
            _ = update(.saved(next, log, said: done))
        }
    }

    var text: String { Render.screen(self).lines.joined(separator: "\n") }
}

/// The one edit in a list of effects.
func onlyEdit(_ effects: [Effect]) -> Edit? {
    guard effects.count == 1, case let .apply(edit, _, _) = effects[0] else { return nil }
    return edit
}

/// The one `$EDITOR` request in a list of effects.
func editorRequest(_ effects: [Effect]) -> EditorRequest? {
    guard effects.count == 1, case let .openEditor(request) = effects[0] else { return nil }
    return request
}

/// The screens by name, as the tests say where the person is.
extension ScreenID {
    static func area(_ number: Int) -> ScreenID { AreaScreen.id(number) }
    static func action(_ ref: String) -> ScreenID { ActionScreen.id(ref) }
    static func risk(_ ref: String) -> ScreenID { RiskScreen.id(ref) }
    static func kpi(_ ref: String) -> ScreenID { KPIScreen.id(ref) }
    static let help = ScreenID(HelpScreen.kind)
    static let legend = ScreenID(LegendScreen.kind)
    static let changes = ScreenID(ChangesScreen.kind)
}

/// What the screen on top has selected, read through its component.
extension BoardState {
    var areaIndex: Int? { top(AreasScreen.self)?.cursor }
    var fieldIndex: Int? { top(ActionScreen.self)?.fieldIndex }
    var showsFullFindings: Bool { top(AreaScreen.self)?.showsFullFindings(self) ?? false }
    var selectedFinding: String? { top(AreaScreen.self)?.finding }
    var registerRisks: [Risk] { top(RegisterScreen.self)?.risks(self) ?? [] }
    var triage: [TriageItem] { top(TriageScreen.self)?.items(self) ?? [] }
    var heatStage: Risk.Stage? { top(HeatmapScreen.self)?.stage }

    func visibleActions(_ area: Area) -> [Action] { top(AreaScreen.self)?.visible(area) ?? [] }
}

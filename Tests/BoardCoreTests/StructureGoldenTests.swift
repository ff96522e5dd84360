import BoardCore
import PlanModel
import TestSupport
import XCTest

/// The screens and questions that build a plan, at 80×24 and 160×48, default and mono.
final class StructureGoldenTests: XCTestCase {
    static func empty(width: Int, height: Int, view: View) -> BoardState {
        var state = BoardState(plan: StructureUpdateTests.emptyPlan(), today: TestDates.illustrativeToday, user: "tester",
                               width: width, height: height)
        _ = state.update(.resize(width: width, height: height))
        _ = state.update(.key(.char(view.key ?? "?")))
        return state
    }

    static func screens(width: Int, height: Int) throws -> [(String, BoardState)] {
        let emptyDashboard = empty(width: width, height: height, view: .dashboard)
        let emptyAreas = empty(width: width, height: height, view: .areas)
        let emptyKPIs = empty(width: width, height: height, view: .kpis)
        var addingArea = emptyAreas
        addingArea.press(.char("A"))
        addingArea.type("EHC plans")
        var removingArea = try board(width: width, height: height)
        removingArea.press(.char("D"))
        var addingFinding = try board(width: width, height: height)
        addingFinding.press(.enter, .char("A"))
        addingFinding.type("Families are not kept informed.")
        var better = emptyKPIs
        better.press(.char("A"), .enter)
        better.type("Plans within 20 weeks")
        better.press(.enter, .enter)
        var milestone = try board(width: width, height: height, view: .kpis)
        milestone.press(.char("o"), .char("A"), .enter)
        milestone.type("31/13/2023")
        var governanceFields = empty(width: width, height: height, view: .governance)
        governanceFields.press(.char("e"))
        return [("empty-dashboard", emptyDashboard), ("empty-areas", emptyAreas), ("empty-kpis", emptyKPIs),
                ("area-add", addingArea), ("area-remove", removingArea), ("finding-add", addingFinding),
                ("kpi-add-better", better), ("milestone-add-date", milestone), ("governance-fields", governanceFields)]
    }

    func testEveryBuildingScreenMatchesItsGoldenFile() throws {
        try Golden.checkEvery { try Self.screens(width: $0, height: $1) }
    }
}

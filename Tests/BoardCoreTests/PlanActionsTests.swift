import BoardCore
import PlanModel
import TestSupport
import XCTest

/// The RAG grid over time lists every action of the plan, read through the areas rather
/// than copied out of them: it must list exactly the plan's actions, in order, and give
/// each the status a checkpoint recorded for it.
final class PlanActionsTests: XCTestCase {
    func testEveryActionInPlanOrderAcrossEmptyAreasAndEachCheckpointStatusOnItsOwnRow() {
        var plan = SyntheticPlan.make(areas: 5, actions: 300, risks: 10, kpis: 2, today: TestDates.date("2026-11-29"))
        plan.areas[0].actions = []
        plan.areas[2].actions = []
        plan.areas.append(Area(number: 99, title: "Empty at the end", weakness: ""))
        let flat = PlanActions(plan.areas)
        XCTAssertEqual(Array(flat), plan.allActions, "the same actions in the same order, empty areas stepped over")
        XCTAssertEqual(flat.count, plan.allActions.count)
        XCTAssertTrue(PlanActions([]).isEmpty)

        // A checkpoint in plan order, then the same one reversed, with an action it lacks.
        let all = plan.allActions
        let inOrder = all.dropLast().map { Checkpoint.ActionState(ref: $0.ref, status: $0.status == .red ? .green : .red) }
        for states in [inOrder, inOrder.reversed()] {
            let statuses = flat.statuses(states)
            XCTAssertEqual(statuses.count, all.count)
            let expected = Dictionary(states.map { ($0.ref, $0.status) }, uniquingKeysWith: { a, _ in a })
            for (i, action) in all.enumerated() { XCTAssertEqual(statuses[i], expected[action.ref], action.ref) }
            XCTAssertNil(statuses.last ?? .some(.red), "the action added since shows no status then")
        }
    }
}

import BoardCore
import Foundation
import PlanModel
import TestSupport
import XCTest

/// A by-when the plan wrote in words ("Termly") shows on the dashboard where the date would be.
final class ByWhenWrittenBoardTests: XCTestCase {
    func planWithAWrittenByWhen() throws -> Plan {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        let a = try XCTUnwrap(plan.areas.firstIndex { $0.actions.contains { $0.ref == "3c" } })
        let i = try XCTUnwrap(plan.areas[a].actions.firstIndex { $0.ref == "3c" })
        XCTAssertNil(plan.areas[a].actions[i].byWhen, "3c has no date in the sample")
        plan.areas[a].actions[i].byWhenWritten = "Termly"
        return plan
    }

    func testTheDashboardShowsTheWordsDimmedWhereTheDateWouldBe() throws {
        var state = BoardState(plan: try planWithAWrittenByWhen(), today: TestDates.illustrativeToday, user: "t", width: 120, height: 60)
        _ = state.update(.resize(width: 120, height: 60))
        _ = state.update(.key(.char(View.areas.key ?? "?")))
        state.press(.down, .down, .enter)
        XCTAssertEqual(state.screen, .area(3))
        let line = try XCTUnwrap(Render.screen(state).lines.first { $0.contains("3c ") && $0.contains("Training") })
        XCTAssertTrue(line.contains("Termly"), line)
    }
}

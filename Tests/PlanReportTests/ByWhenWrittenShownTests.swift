import Foundation
import PlanModel
import PlanReport
import TestSupport
import XCTest

/// A by-when the plan wrote in words ("Ongoing") is shown in the board pack where the date would be.
final class ByWhenWrittenShownTests: XCTestCase {
    func planWithAWrittenByWhen() throws -> Plan {
        var plan = try Samples.illustrativeWithMeetings()
        let a = try XCTUnwrap(plan.areas.firstIndex { $0.actions.contains { $0.ref == "3c" } })
        let i = try XCTUnwrap(plan.areas[a].actions.firstIndex { $0.ref == "3c" })
        XCTAssertNil(plan.areas[a].actions[i].byWhen, "3c has no date in the sample")
        plan.areas[a].actions[i].byWhenWritten = "Termly"
        return plan
    }

    func testThePublishedPlanSaysWhenInTheWordsThePlanUses() throws {
        let plan = try planWithAWrittenByWhen()
        let page = PublicPlan(plan: plan, log: [], today: TestDates.illustrativeToday).markdown()
        XCTAssertTrue(page.contains("Due: Termly") || page.contains("**Due:** Termly"), String(page.prefix(3000)))
    }

    func testThePackShowsTheWordsWhereTheDateWouldBe() throws {
        let pack = try BoardPack(plan: try planWithAWrittenByWhen(), meeting: nil, since: nil, area: nil, today: TestDates.illustrativeToday)
        let row = try XCTUnwrap(pack.markdown().split(separator: "\n").first { $0.hasPrefix("| **3c** |") })
        XCTAssertTrue(row.contains("| Termly |"), String(row))
        XCTAssertFalse(row.contains("Not set"), String(row))
    }
}

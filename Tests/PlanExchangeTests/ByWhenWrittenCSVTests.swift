import Foundation
import PlanExchange
import PlanModel
import TestSupport
import XCTest

/// A by-when the plan wrote in words ("Termly") is exported where the date would be.
final class ByWhenWrittenCSVTests: XCTestCase {
    func planWithAWrittenByWhen() throws -> Plan {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        let a = try XCTUnwrap(plan.areas.firstIndex { $0.actions.contains { $0.ref == "3c" } })
        let i = try XCTUnwrap(plan.areas[a].actions.firstIndex { $0.ref == "3c" })
        XCTAssertNil(plan.areas[a].actions[i].byWhen, "3c has no date in the sample")
        plan.areas[a].actions[i].byWhenWritten = "Termly"
        return plan
    }

    func testTheCSVExportWritesTheWordsInTheByWhenColumn() throws {
        let csv = PlanCSV.write(.actions, of: try planWithAWrittenByWhen())
        let row = try XCTUnwrap(csv.split(separator: "\r\n").first { $0.hasPrefix("3,3c,") })
        XCTAssertTrue(row.hasPrefix("3,3c,Training.,Termly,"), String(row))
    }
}

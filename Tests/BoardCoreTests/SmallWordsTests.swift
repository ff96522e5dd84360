import BoardCore
import Foundation
import PlanModel
import TestSupport
import XCTest

/// Words and gaps a board member reads without thinking: counts agree with their nouns,
/// columns never run into each other, and a name is not said twice.
final class SmallWordsTests: XCTestCase {
    func testANotStartedStatusKeepsAGapBeforeTheKPIColumn() throws {
        var state = try board(width: 120, height: 35, view: .areas)
        state.press(.enter)  // area 1
        let rows = state.text.split(separator: "\n").filter { $0.contains("Not started") }
        XCTAssertFalse(rows.isEmpty, state.text)
        for row in rows {
            XCTAssertNil(row.range(of: #"Not started\S"#, options: .regularExpression), "a gap after the status: \(row)")
        }
    }

    func testACountOfOneIsSingular() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        plan.areas[0].actions = [plan.areas[0].actions[0]]
        plan.areas = [plan.areas[0]]
        var state = BoardState(plan: plan, today: TestDates.illustrativeToday, user: "t", width: 80, height: 24)
        state.press(.char("1"))
        XCTAssertTrue(state.text.contains("All: 1 action ·"), state.text)
        XCTAssertFalse(state.text.contains("1 actions"), state.text)
    }

    func testALongNameInTheChangeLogIsCutWithAGapBeforeWhatTheyDid() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let change = plan.settingStatus(ofAction: "3d", to: .green, reason: nil)
        let log = [ChangeRecord(seq: 1, at: Date(timeIntervalSince1970: 1_692_000_000), user: "Cllr Ann Barrington-Smythe", kind: .edit,
                                target: nil, summary: change.summary, edit: change, inverse: nil)]
        var state = BoardState(plan: try plan.applying(change).plan, log: log, today: TestDates.illustrativeToday, user: "t", width: 80, height: 24)
        state.press(.char("8"), .char("s"))
        let row = try XCTUnwrap(state.text.split(separator: "\n").first { $0.contains("Cllr") }, state.text)
        XCTAssertTrue(row.contains("Cllr Ann B… 3d status"), "the cut name, a space, then the change: \(row)")
    }

    func testALoginNamedForItsRoleIsNotSaidTwice() throws {
        var state = try board(width: 100, height: 30, view: .dashboard)
        state.user = "chair"
        state.role = .chair
        XCTAssertTrue(state.text.contains("chair (role: chair)"), state.text)
        XCTAssertFalse(state.text.contains("chair · chair"), state.text)
        state.user = "Ann Smith"
        XCTAssertTrue(state.text.contains("Ann Smith · chair"), state.text)
    }

    func testTheKPIBaselineDateSaysEnterGoesOnWhenAnotherQuestionFollows() throws {
        var state = try board(width: 120, height: 35, view: .kpis)
        state.press(.char("A"))  // add a KPI
        state.type("K9")
        state.press(.enter)
        state.type("Tribunal appeals")
        state.press(.enter)
        state.type("appeals")
        state.press(.enter, .char("l"))
        state.type("12")
        state.press(.enter)
        let screen = state.text
        XCTAssertTrue(screen.contains("baseline date:"), screen)
        XCTAssertTrue(screen.contains("Enter next"), "the comparator is asked next: \(screen)")
        XCTAssertFalse(screen.contains("Enter save"), screen)
    }
}

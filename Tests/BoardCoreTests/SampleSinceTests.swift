import BoardCore
import PlanModel
import TestSupport
import XCTest

/// The illustrative sample's "since" is its last monthly board, so what changed since reads
/// as a month's news, not half a year's.
final class SampleSinceTests: XCTestCase {
    func testTheDashboardComparesWithTheLastMonthlyBoardAndShowsAFewRealChanges() throws {
        let state = try board(width: 120, height: 35, view: .dashboard)
        XCTAssertEqual(state.since?.name, "Board 2023-07-18")
        XCTAssertTrue(state.text.contains("Since Board 2023-07-18: 7 changes: 1 status (1 worse) · 5 KPI figures recorded · 1 risk score (1 down)"), state.text)
        let checkpoints = try board(width: 120, height: 35, view: .checkpoints)
        XCTAssertTrue(checkpoints.text.contains("1d-e status worse: G ✓ Green → A ▲ Amber"), checkpoints.text)
    }

    func testTheMonthlyBoardIsARecordedMeetingWithHighlightsAndDecisions() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let board = try XCTUnwrap(plan.meeting(named: "Board 2023-07-18"))
        XCTAssertTrue(board.isRecorded)
        XCTAssertEqual(board.highlights.map(\.area), [1, 2, 3, 4])
        XCTAssertEqual(board.decisions.map(\.number), [6, 7])
        XCTAssertEqual(plan.defaultSince?.name, "Board 2023-07-18")
    }
}

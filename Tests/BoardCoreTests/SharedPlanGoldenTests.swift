import BoardCore
import PlanModel
import TestSupport
import XCTest

/// The dashboard on a shared plan: who is looking and their role in the header, a key the
/// role may not use dimmed and saying why, and a server gone away, as golden screens.
final class SharedPlanGoldenTests: XCTestCase {
    static func area(as user: String, role: PlanRole, width: Int, height: Int) throws -> BoardState {
        var state = BoardState(plan: try Samples.plan(SamplePlans.devonIllustrative), today: TestDates.illustrativeToday, user: user,
                               readOnly: role == .viewer, role: role, width: width, height: height)
        state.press(.char("2"), .down, .down, .enter)
        return state
    }

    static func screens(width: Int, height: Int) throws -> [(String, BoardState)] {
        let editor = try area(as: "Ann Smith", role: .editor, width: width, height: height)
        var viewer = try area(as: "vic", role: .viewer, width: width, height: height)
        viewer.press(.char("g"))
        var meetings = try area(as: "Ann Smith", role: .editor, width: width, height: height)
        meetings.press(.char("M"), .char("A"))
        var away = try area(as: "Ann Smith", role: .editor, width: width, height: height)
        away.press(.char("L"), .ctrl("u"))
        away.type("Alice Jones")
        _ = away.update(.server("The PostgreSQL server at db.example:5432 is not answering; changes are NOT saved until it is back (planboard keeps trying)"))
        // Enter asks about the new person; Enter again asks for the edit to be saved; the
        // store says it was not (the loop's part).
        XCTAssertTrue(away.press(.enter).isEmpty)
        let retry = try XCTUnwrap(away.press(.enter).compactMap { effect -> Retry? in
            if case let .apply(_, _, retry) = effect { return retry }
            return nil
        }.first, "Enter on the lead prompt asks for the lead to be saved")
        _ = away.update(.notSaved(said: "The change was NOT saved: cannot reach the PostgreSQL server at db.example:5432 (connection refused)", retry: retry))
        return [("shared-editor-area", editor), ("shared-viewer-refused", viewer), ("shared-editor-meeting-refused", meetings),
                ("shared-server-away", away)]
    }

    func testTheSharedPlanScreensMatchTheirGoldenFiles() throws {
        try Golden.checkEvery { try Self.screens(width: $0, height: $1) }
    }
}

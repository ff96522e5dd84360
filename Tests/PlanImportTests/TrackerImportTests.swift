import Foundation
import PlanModel
@testable import PlanImport
import PlanStore
import TestSupport
import XCTest

/// Actions from an Excel tracker into one area of a plan.
final class TrackerImportTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    let today = TestDates.date("2023-08-15")

    func read(_ name: String, area: Int, into plan: Plan) throws -> TrackerImport.Result {
        try TrackerImport.read(url: Self.fixtures.appendingPathComponent(name), name: name, area: area, plan: plan, today: today, author: "Jackie Ross")
    }

    func testTheXLSXTrackerListsItsChangesAppliesThemAndAgainChangesNothing() throws {
        let folder = try TempFolder("tracker")
        let store = try PlanStore.create(path: folder.path("plan.sqlite"), plan: try Samples.plan(SamplePlans.devon), user: "Jackie Ross")
        let result = try read("tracker.xlsx", area: 3, into: try store.load())
        XCTAssertEqual(result.changes, [
            "Area 3 tracker, row 2: note on 3b: \"Backlog team short of two caseworkers\"",
            "Area 3 tracker, row 2: 3b byWhen: none → 2023-09-30",
            "Area 3 tracker, row 2: 3b status: not-started → amber",
            "Area 3 tracker, row 4: 3d byWhen: none → 2023-12-31",
            "Area 3 tracker, row 4: 3d status: not-started → green",
            "Area 3 tracker, row 5: 3e byWhen: none → 2023-09-30",
            "Area 3 tracker, row 5: 3e leads: Jackie Ross → Jackie Ross, Sam Patel",
            "Area 3 tracker, row 6: note on 3f: \"Two caseworker posts vacant\"",
            "Area 3 tracker, row 6: 3f status: not-started → red",
            "Area 3 tracker, row 7: 3g status: not-started → green",
            "Area 3 tracker, row 8: add action 3q \"Publish a monthly EHC timeliness dashboard.\" (Not started)",
        ])
        XCTAssertEqual(result.report.notPlaced, [])
        let before = try store.changes().count
        let after = try store.applyAll(result.edits)
        XCTAssertEqual(try store.changes().count, before + result.edits.count, "each change is its own line in the log")
        XCTAssertTrue(try store.changes().suffix(result.edits.count).allSatisfy { $0.user == "Jackie Ross" })
        XCTAssertEqual(after.action("3b")?.status, .amber)
        XCTAssertEqual(after.action("3b")?.notes.last?.text, "Backlog team short of two caseworkers")
        XCTAssertEqual(after.action("3d")?.status, .green, "green from the cell's RGB shading")
        XCTAssertEqual(after.action("3f")?.status, .red, "red from Excel's legacy palette")
        XCTAssertEqual(after.action("3g")?.status, .green, "green from the theme's accent, tinted")
        XCTAssertEqual(after.area(number: 3)?.actions.last?.ref, "3q")

        let again = try read("tracker.xlsx", area: 3, into: try store.load())
        XCTAssertEqual(again.edits, [])
    }

    func testTheCSVTrackerListsItsChangesAppliesThemAndAgainChangesNothing() throws {
        let plan = try Samples.plan(SamplePlans.devon)
        let result = try read("tracker.csv", area: 2, into: plan)
        XCTAssertEqual(result.changes, [
            "tracker.csv, row 2: note on 2a: \"Survey provider withdrew\"",
            "tracker.csv, row 2: 2a byWhen: none → 2024-01-31",
            "tracker.csv, row 2: 2a status: not-started → red",
            "tracker.csv, row 3: 2a.sc byWhen: none → 2024-02-29",
            "tracker.csv, row 3: 2a.sc leads: Social Care → Social Care, Jackie Ross",
            "tracker.csv, row 3: 2a.sc status: not-started → green",
            "tracker.csv, row 4: add action 2d \"Publish a 'you said, we did' page every quarter.\" (Amber)",
        ])
        var after = plan
        for edit in result.edits { after = try after.applying(edit).plan }
        XCTAssertEqual(after.action("2d")?.notes.map(\.text), ["First page drafted"])
        XCTAssertEqual(try read("tracker.csv", area: 2, into: after).edits, [])
    }

    func testControlCharactersInATrackerNeverReachThePlan() throws {
        let folder = try TempFolder("tracker-control")
        let path = folder.path("control.csv")
        try Data("Ref,Action,RAG\r\n2z,\"Bell\u{07} and \u{9B}[31m red\",R\r\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try TrackerImport.read(url: URL(fileURLWithPath: path), name: "control.csv", area: 2,
                                            plan: try Samples.plan(SamplePlans.devon), today: today, author: "Jackie Ross")
        var plan = try Samples.plan(SamplePlans.devon)
        for edit in result.edits { plan = try plan.applying(edit).plan }
        XCTAssertEqual(plan.action("2z")?.text, "Bell and [31m red", "the bell and the CSI are gone")
        XCTAssertEqual(plan.action("2z")?.status, .red)
    }

    func testCellReferencesBeyondExcelsWidestSheetAreIgnored() {
        XCTAssertEqual(SheetReader.column(of: "A1"), 0)
        XCTAssertEqual(SheetReader.column(of: "AA12"), 26)
        XCTAssertEqual(SheetReader.column(of: "XFD1"), 16_383)
        XCTAssertNil(SheetReader.column(of: "XFE1"))
        XCTAssertNil(SheetReader.column(of: "ZZZZZZZZ1"), "a damaged reference must not make a row billions of cells wide")
        XCTAssertNil(SheetReader.column(of: "É1"))
    }

    func testATrackerForAnAreaThePlanLacksIsRefused() throws {
        XCTAssertThrowsError(try read("tracker.csv", area: 9, into: try Samples.plan(SamplePlans.devon))) { error in
            XCTAssertEqual("\(error)", "tracker.csv cannot go into area 9: the plan has no area 9; expected one of 1, 2, 3, 4. Nothing was changed")
        }
    }
}

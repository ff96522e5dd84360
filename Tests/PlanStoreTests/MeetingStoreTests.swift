import Foundation
import GRDB
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

final class MeetingStoreTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("meeting-store") }
    override func tearDown() { folder = nil }

    func testMeetingsHighlightsAndDecisionsComeBackFromTheDatabaseUnchanged() throws {
        let plan = try Samples.illustrativeWithMeetings()
        let path = folder.path("plan.sqlite")
        _ = try PlanStore.create(path: path, plan: plan, user: "t")
        XCTAssertEqual(try PlanStore.open(path: path, user: "t").load(), plan)
    }

    func testImportingOverAPlanBringsItsMeetingsAndDropsTheOldOnes() throws {
        let path = folder.path("plan.sqlite")
        let store = try PlanStore.create(path: path, plan: try Samples.plan(SamplePlans.devon), user: "t")
        let withMeetings = try Samples.illustrativeWithMeetings()
        try store.replace(with: withMeetings)
        XCTAssertEqual(try PlanStore.open(path: path, user: "t").load().meetings, withMeetings.meetings)
        try store.replace(with: try Samples.plan(SamplePlans.devon))
        XCTAssertEqual(try PlanStore.open(path: path, user: "t").load().meetings, [], "a plan without meetings replaces them")
    }

    func testMeetingEditsSurviveAReopenAndUndoAfterARestart() throws {
        let path = folder.path("plan.sqlite")
        let store = try PlanStore.create(path: path, plan: try Samples.illustrativeWithMeetings(), user: "carol")
        let before = try store.load()
        try store.apply(.meeting(.addDecision(meeting: "Board 2023-08-22",
                                              decision: Decision(number: 8, text: "Publish the charter", owner: "Jackie Ross", link: .area(2)))))
        try store.apply(try store.load().turning(decision: 8, on: TestDates.date("2023-08-22"), author: "carol"))
        try store.apply(try store.load().recording(meeting: "Board 2023-08-22"))
        let after = try store.load()
        let reopened = try PlanStore.open(path: path, user: "carol")
        XCTAssertEqual(try reopened.load(), after)
        XCTAssertEqual(after.action("2b")?.text, "Publish the charter", "area 2's next reference")
        XCTAssertEqual(after.meeting(named: "Board 2023-08-22")?.checkpoint, "Board 2023-08-22")
        for _ in 0..<3 { _ = try reopened.undo() }
        XCTAssertEqual(try PlanStore.open(path: path, user: "carol").load(), before)
    }

    func testRenamingAMeetingKeepsItsHighlightsAndDecisionsInTheFile() throws {
        let path = folder.path("plan.sqlite")
        let store = try PlanStore.create(path: path, plan: try Samples.illustrativeWithMeetings(), user: "t")
        let seen = try XCTUnwrap(try store.load().meeting(named: "Six-month review 2023-02-14"))
        var renamed = seen.details
        renamed.name = "Six-month review"
        try store.apply(.meeting(.setMeeting(name: seen.name, from: seen.details, to: renamed)))
        let back = try PlanStore.open(path: path, user: "t").load().meeting(named: "Six-month review")
        XCTAssertEqual(back?.decisions, seen.decisions)
        XCTAssertEqual(back?.highlights, seen.highlights)
    }

    func testTheDatabaseMadeByThePreviousPlanboardOpensAndGainsMeetings() throws {
        let copy = folder.path("round1.sqlite")
        try FileManager.default.copyItem(atPath: Samples.roundOneFixture("plan.sqlite").path, toPath: copy)
        let store = try PlanStore.open(path: copy, user: "bob")
        let plan = try store.load()
        XCTAssertEqual(plan.header.localArea, "Devon Local Area")
        XCTAssertEqual(plan.meetings, [])
        XCTAssertEqual(try store.changes().count, 7, "the old change log is all there")
        let migrations = try DatabaseQueue(path: copy).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        XCTAssertTrue(migrations.contains("v2-meetings"), "\(migrations)")
        try store.apply(.meeting(.addMeeting(Meeting(name: "Board 2023-09-12", date: TestDates.date("2023-09-12")))))
        XCTAssertEqual(try PlanStore.open(path: copy, user: "bob").load().meetings.map(\.name), ["Board 2023-09-12"])
        // Its old undo history still works on the migrated file.
        XCTAssertNotNil(try store.undo())
    }

    func testTheOldDatabaseOpensReadOnlyWithoutBeingMigrated() throws {
        let copy = folder.path("round1-readonly.sqlite")
        try FileManager.default.copyItem(atPath: Samples.roundOneFixture("plan.sqlite").path, toPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
        let store = try PlanStore.open(path: copy, user: "bob")
        XCTAssertTrue(store.isReadOnly)
        XCTAssertEqual(try store.load().meetings, [])
    }
}

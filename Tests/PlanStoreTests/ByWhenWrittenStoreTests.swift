import Foundation
import GRDB
import PlanExchange
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// A by-when the plan wrote in words ("Ongoing", "TBC") kept in the SQLite file, and the
/// file made before planboard kept one.
final class ByWhenWrittenStoreTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("by-when-written") }
    override func tearDown() { folder = nil }

    static func roundFour(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/round4").appendingPathComponent(name)
    }

    func testThePlanMadeBeforeByWhensWereKeptAsWrittenOpensMigratesAndKeepsItsDataAndLog() throws {
        let copy = folder.path("round4.sqlite")
        try FileManager.default.copyItem(atPath: Self.roundFour("plan.sqlite").path, toPath: copy)
        let store = try PlanStore.open(path: copy, user: "alice")
        let plan = try store.load()
        let exported = try String(contentsOf: Self.roundFour("plan.json"), encoding: .utf8)
        XCTAssertEqual(PlanEncoding.json(plan), exported, "the plan reads back as it was exported before the migration, byte for byte")
        XCTAssertEqual(try store.changes().count, 9, "the old change log is all there")
        let migrations = try DatabaseQueue(path: copy).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        XCTAssertTrue(migrations.contains("v4-by-when-written"), "\(migrations)")

        // The migrated file keeps a written by-when through a whole-plan write and a scoped edit.
        var replaced = plan
        replaced.areas[0].actions[0].byWhen = nil
        replaced.areas[0].actions[0].byWhenWritten = "Ongoing"
        try store.replace(with: replaced, summary: "imported a plan written in words")
        let added = Action(ref: "3z", text: "Run a termly surgery.", byWhenWritten: "Termly")
        _ = try store.apply(.addAction(area: 3, index: nil, action: added))
        let reopened = try PlanStore.open(path: copy, user: "bob").load()
        XCTAssertEqual(reopened.areas[0].actions[0].byWhenWritten, "Ongoing")
        XCTAssertEqual(reopened.action("3z")?.byWhenWritten, "Termly")
        XCTAssertEqual(reopened.action("3z")?.byWhenShown(none: "no date"), "Termly")

        // Undoing the added action takes its written by-when with it.
        _ = try store.undo()
        XCTAssertNil(try PlanStore.open(path: copy, user: "bob").load().action("3z"))
        let rows = try DatabaseQueue(path: copy).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action_by_when_written") }
        XCTAssertEqual(rows, 1)
    }

    func testAWrittenByWhenTravelsThroughJSONAndIsLeftOutWhereThereIsNone() throws {
        var plan = try Samples.plan(SamplePlans.devon)
        let before = PlanEncoding.json(plan)
        XCTAssertFalse(before.contains("byWhenWritten"))
        XCTAssertEqual(PlanEncoding.json(try PlanDecoding.plan(bytes: Array(before.utf8), file: "devon.json")), before)
        plan.areas[0].actions[0].byWhen = nil
        plan.areas[0].actions[0].byWhenWritten = "As above"
        let text = PlanEncoding.json(plan)
        XCTAssertTrue(text.contains("\"byWhenWritten\": \"As above\""), text.prefix(2000).description)
        let back = try PlanDecoding.plan(bytes: Array(text.utf8), file: "plan.json")
        XCTAssertEqual(back.areas[0].actions[0].byWhenWritten, "As above")
        XCTAssertEqual(PlanEncoding.json(back), text)
    }
}

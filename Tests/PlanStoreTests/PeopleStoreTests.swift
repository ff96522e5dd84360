import Foundation
import GRDB
import PlanExchange
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// People and their (advisory) roles kept in a SQLite file, and the file made before they were.
final class PeopleStoreTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("people-store") }
    override func tearDown() { folder = nil }

    func roundTwoCopy(_ name: String) throws -> String {
        let copy = folder.path(name)
        try FileManager.default.copyItem(atPath: Samples.roundTwoFixture("plan.sqlite").path, toPath: copy)
        return copy
    }

    func migrations(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
    }

    func testThePlanMadeBeforeSQLiteKeptPeopleOpensMigratesAndKeepsItsLogAndUndo() throws {
        let copy = try roundTwoCopy("round2.sqlite")
        let store = try PlanStore.open(path: copy, user: "alice")
        let plan = try store.load()
        let exported = try String(contentsOf: Samples.roundTwoFixture("plan.json"), encoding: .utf8)
        XCTAssertEqual(PlanEncoding.json(plan), exported, "the plan reads back as it was exported before the migration, byte for byte")
        XCTAssertTrue(plan.meetings.contains { $0.name == "Board 2023-09-12" })
        XCTAssertTrue(plan.checkpoints.contains { $0.name == "Board Aug" })
        XCTAssertEqual(try store.changes().map(\.user), ["carol", "bob", "alice", "carol", "carol", "bob", "bob"], "the old change log is all there")
        XCTAssertTrue(try migrations(copy).contains("v3-people"))
        XCTAssertEqual(try store.people(), [])

        // Alice's old note on 1a is undone on the migrated file.
        let notes = try XCTUnwrap(plan.action("1a")).notes.count
        let undone = try XCTUnwrap(try store.undo())
        XCTAssertTrue(undone.undone.summary.contains("note on 1a"), undone.undone.summary)
        XCTAssertEqual(try XCTUnwrap(undone.plan.action("1a")).notes.count, notes - 1)

        try store.setPerson("carol", role: .chair, new: true)
        XCTAssertEqual(try PlanStore.open(path: copy, user: "bob").people(), [PlanPerson(name: "carol", role: .chair)])
    }

    func testThePlanMadeBeforeSQLiteKeptPeopleOpensReadOnlyWithoutBeingMigrated() throws {
        let copy = try roundTwoCopy("round2-readonly.sqlite")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
        let store = try PlanStore.open(path: copy, user: "bob")
        XCTAssertTrue(store.isReadOnly)
        XCTAssertEqual(try store.people(), [], "a file without the person table has nobody")
        XCTAssertThrowsError(try store.setPerson("bob", role: .editor, new: true)) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .readOnly)
        }
        XCTAssertFalse(try migrations(copy).contains("v3-people"), "reading does not migrate")
    }

    func testPeopleAreKeptInTheFileAndTravelWithACopy() throws {
        let path = folder.path("plan.sqlite")
        let store = try PlanStore.create(path: path, plan: try Samples.illustrativeWithMeetings(), user: "jackie")
        try store.setPerson("vic", role: .viewer, new: true)
        try store.setPerson("ed", role: .viewer, new: true)
        try store.setPerson("ed", role: .editor, new: false)
        XCTAssertThrowsError(try store.setPerson("ed", role: .chair, new: true)) { error in
            XCTAssertTrue("\(error)".contains("ed is already in"), "\(error)")
        }
        XCTAssertThrowsError(try store.setPerson("nobody", role: .chair, new: false)) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .notFound)
        }
        XCTAssertThrowsError(try store.setPerson("", role: .chair, new: true))
        let people = [PlanPerson(name: "ed", role: .editor), PlanPerson(name: "vic", role: .viewer)]
        XCTAssertEqual(try PlanStore.open(path: path, user: "t").people(), people, "by name, with the last role given")

        let history = try store.history()
        XCTAssertEqual(history.people, people)
        let copy = folder.path("copy.sqlite")
        try PlanStore.create(path: copy, history: history)
        XCTAssertEqual(try PlanStore.open(path: copy, user: "t").people(), people)
    }
}

import Foundation
import GRDB
import PlanExchange
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// Several people on one plan: undo names what it acts on and never tramples another's edit.
final class SeveralPeopleTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("people") }
    override func tearDown() { folder = nil }

    func store(_ user: String) throws -> PlanStore {
        let path = folder.path("plan.sqlite")
        if !FileManager.default.fileExists(atPath: path) {
            _ = try PlanStore.create(path: path, plan: try Samples.plan(SamplePlans.devonIllustrative), user: "setup",
                                     at: Date(timeIntervalSince1970: 1_600_000_000))
        }
        return try PlanStore.open(path: path, user: user)
    }

    func note(_ text: String, by user: String) -> Note { Note(date: TestDates.date("2026-11-29"), author: user, text: text) }

    func addNote(_ text: String, by user: String) throws {
        try store(user).apply(.addNote(ref: "3b", index: nil, note: note(text, by: user)))
    }

    func texts() throws -> [String] { try store("x").load().action("3b")?.notes.map(\.text) ?? [] }

    func testUndoingYourNoteRemovesYoursWhateverOthersAddedOrUndidSince() throws {
        let before = try store("x").load().action("3b")?.notes.map(\.text) ?? []
        try addNote("BOB NOTE", by: "bob")
        try addNote("alice NOTE", by: "alice")
        try addNote("carol NOTE", by: "carol")
        XCTAssertNotNil(try store("bob").undo())
        let (_, undone) = try XCTUnwrap(try store("alice").undo())
        XCTAssertEqual(undone.summary, "note on 3b: alice NOTE")
        XCTAssertEqual(try texts(), before + ["carol NOTE"], "alice's note is gone and carol's is kept")
        XCTAssertNotNil(try store("alice").redo())
        XCTAssertEqual(try texts().sorted(), (before + ["alice NOTE", "carol NOTE"]).sorted(), "redo puts alice's note back, once")
    }

    func testUndoThatWouldWipeSomeoneElsesLeadIsRefusedNamingThem() throws {
        let t0 = Date(timeIntervalSince1970: 1_764_424_920)  // 2025-11-29 14:02 UTC
        let alice = try store("alice")
        try alice.apply(try alice.load().setting(.leads, ofAction: "3b", to: .names(["Jackie Ross"])), at: t0)
        let bob = try store("bob")
        try bob.apply(try bob.load().setting(.leads, ofAction: "3b", to: .names(["Sam Lee"])), at: t0.addingTimeInterval(60))
        let file = try dump()
        XCTAssertThrowsError(try store("alice").undo()) { error in
            let error = error as? StoreError
            XCTAssertEqual(error?.kind, .conflict)
            XCTAssertEqual(error?.message, "3b lead was changed by bob at \(ConflictMessage.localTime(t0.addingTimeInterval(60))) to Sam Lee; your undo was not applied")
        }
        XCTAssertEqual(try dump(), file, "nothing was written")
        XCTAssertEqual(try store("x").load().action("3b")?.leads, ["Sam Lee"])
    }

    func testUndoIsRefusedWhenSomeoneElseSetTheSameValueSince() throws {
        for (user, lead) in [("alice", "Jackie Ross"), ("bob", "Sam Lee"), ("carol", "Jackie Ross")] {
            let store = try store(user)
            try store.apply(try store.load().setting(.leads, ofAction: "3b", to: .names([lead])))
        }
        XCTAssertThrowsError(try store("alice").undo()) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .conflict)
            XCTAssertTrue((error as? StoreError)?.message.hasPrefix("3b lead was changed by carol at ") ?? false, "\(error)")
        }
        XCTAssertEqual(try store("x").load().action("3b")?.leads, ["Jackie Ross"], "carol's lead stands")
        XCTAssertNotNil(try store("carol").undo(), "carol can still undo her own")
    }

    func testAnEditMadeOnAValueSomeoneHasChangedSinceIsRefused() throws {
        let seen = try store("alice").load()
        let bob = try store("bob")
        try bob.apply(try bob.load().setting(.text, ofAction: "3d", to: .text("Bob's wording")))
        XCTAssertThrowsError(try store("alice").apply(seen.setting(.text, ofAction: "3d", to: .text("Alice's wording")))) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .conflict)
            XCTAssertTrue((error as? StoreError)?.message.hasPrefix("3d text was changed by bob at ") ?? false, "\(error)")
            XCTAssertTrue((error as? StoreError)?.message.hasSuffix("to “Bob's wording”; your change was not applied") ?? false, "\(error)")
        }
        XCTAssertEqual(try store("x").load().action("3d")?.text, "Bob's wording")
    }

    func testUndoingAnActionSomeoneHasEditedSinceIsRefused() throws {
        let alice = try store("alice")
        try alice.apply(.addAction(area: 4, index: nil, action: Action(ref: "4a", text: "Publish the pathway")))
        try addNote("Draft shared", by: "bob")
        let bob = try store("bob")
        try bob.apply(.addNote(ref: "4a", index: nil, note: note("Sent to the forum", by: "bob")))
        XCTAssertThrowsError(try store("alice").undo()) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .conflict)
            XCTAssertTrue((error as? StoreError)?.message.hasPrefix("action 4a was changed by bob at ") ?? false, "\(error)")
        }
        XCTAssertNotNil(try store("x").load().action("4a"), "bob's work on 4a is kept")
    }

    func testRedoingANoteSomeoneRemovedMeanwhileDoesNotDuplicateIt() throws {
        try addNote("alice NOTE", by: "alice")
        XCTAssertNotNil(try store("alice").undo())
        XCTAssertNotNil(try store("alice").redo())
        XCTAssertEqual(try texts().filter { $0 == "alice NOTE" }.count, 1)
    }

    // MARK: Plans made by the version before

    var round1: URL { Samples.repositoryRoot.appendingPathComponent("Tests/Fixtures/round1") }

    func oldDatabase() throws -> String {
        let path = folder.path("old.sqlite")
        try FileManager.default.copyItem(atPath: round1.appendingPathComponent("plan.sqlite").path, toPath: path)
        return path
    }

    func dump() throws -> [String] {
        try DatabaseQueue(path: folder.path("plan.sqlite")).read { db in
            try ["plan", "area", "action", "note", "risk", "kpi", "milestone", "checkpoint", "change"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table): \($0)" }
            }
        }
    }

    func testADatabaseFromTheVersionBeforeOpensWithNoteIdsAndItsOldLogStillUndoes() throws {
        let path = try oldDatabase()
        let bob = try PlanStore.open(path: path, user: "bob")
        let plan = try bob.load()
        let notes = try XCTUnwrap(plan.action("3b")).notes
        XCTAssertEqual(Set(notes.map(\.id)).count, notes.count, "every note has its own id")
        XCTAssertEqual(try bob.changes().count, 7, "the old log reads")
        let exported = try PlanDecoding.plan(contentsOf: round1.appendingPathComponent("plan.json"), name: "plan.json")
        XCTAssertEqual(plan, exported, "the database and its old export hold the same plan, ids and all")

        // bob's by-when, undone in the old log, redoes and undoes again.
        XCTAssertEqual(try XCTUnwrap(try bob.redo()).plan.action("1a")?.byWhen?.iso, "2027-03-31")
        XCTAssertEqual(try XCTUnwrap(try bob.undo()).plan.action("1a")?.byWhen?.iso, "2023-03-31")
        // Then his note: undo removes that note by identity.
        let (afterBob, undone) = try XCTUnwrap(try bob.undo())
        XCTAssertEqual(undone.summary, "note on 3b: BOB NOTE")
        XCTAssertEqual(afterBob.action("3b")?.notes.map(\.text), notes.map(\.text).filter { $0 != "BOB NOTE" })
        // alice's lead, then her status with its reason, undo in turn.
        let alice = try PlanStore.open(path: path, user: "alice")
        XCTAssertEqual(try XCTUnwrap(try alice.undo()).undone.summary, "action 3b leads → Jackie Ross")
        let (afterAlice, _) = try XCTUnwrap(try alice.undo())
        XCTAssertFalse(afterAlice.action("3b")?.notes.contains { $0.text == "Short of two staff" } ?? true)
        // carol's checkpoint.
        XCTAssertNil(try XCTUnwrap(try PlanStore.open(path: path, user: "carol").undo()).plan.checkpoint(named: "Board 2026-11-01"))
        XCTAssertEqual(try bob.integrityCheck(), "ok")
    }

    func testAJSONFileFromTheVersionBeforeImports() throws {
        let url = round1.appendingPathComponent("plan.json")
        let plan = try PlanDecoding.plan(contentsOf: url, name: "plan.json")
        let store = try PlanStore.create(path: folder.path("imported.sqlite"), plan: plan, user: "t")
        XCTAssertEqual(try store.load(), plan)
        XCTAssertEqual(PlanEncoding.json(plan), try String(contentsOf: url, encoding: .utf8), "written back byte for byte")
    }
}

import Foundation
import GRDB
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// What only the SQLite file does: its damaged, foreign, newer, locked and read-only forms,
/// durability, and "exactly as it was" down to the rows. What every backend does (round
/// trips, saving, undo, the log, imports) is in `StoreContractTests`, which runs on SQLite too.
final class StoreTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("store") }
    override func tearDown() { folder = nil }

    func newStore(_ sample: String = SamplePlans.devonIllustrative, user: String = "jackie") throws -> PlanStore {
        try PlanStore.create(path: folder.path("plan.sqlite"), plan: try Samples.plan(sample), user: user,
                             at: Date(timeIntervalSince1970: 1_600_000_000))
    }

    func reopen(user: String = "jackie") throws -> PlanStore { try PlanStore.open(path: folder.path("plan.sqlite"), user: user) }

    /// Every row of every table, for "exactly as it was" comparisons.
    func dump(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { "\(table): \($0)" }.sorted()
            }
        }
    }

    func testACheckpointRecordsEveryStatusScoreAndActual() throws {
        let store = try newStore()
        let plan = try store.recordCheckpoint(name: "Board Sep", date: TestDates.date("2023-09-12"))
        let checkpoint = try XCTUnwrap(try reopen().load().checkpoint(named: "Board Sep"))
        XCTAssertEqual(checkpoint.actions.count, plan.allActions.count)
        XCTAssertEqual(checkpoint.risks.count, plan.risks.count)
        XCTAssertEqual(checkpoint.kpis.map(\.actuals), plan.kpis.map { $0.milestones.map(\.actual) })
        XCTAssertThrowsError(try store.recordCheckpoint(name: "Board Sep", date: TestDates.date("2023-09-13"))) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .refused)
        }
    }

    func testARefusedEditOrImportLeavesTheFileExactlyAsItWas() throws {
        let store = try newStore()
        let before = try dump(folder.path("plan.sqlite"))
        let quiet = try XCTUnwrap(try store.load().allActions.first { $0.notes.isEmpty }).ref
        let plan = try store.load()
        XCTAssertThrowsError(try store.apply(.batch([plan.setting(.text, ofAction: quiet, to: .text("half")),
                                                     plan.setting(.status, ofAction: quiet, to: .status(.amber))]))) { error in
            XCTAssertEqual((error as? StoreError)?.message, "action \(quiet) cannot be Amber without a reason: add a progress note saying why")
        }
        var bad = try store.load()
        bad.areas[0].actions[1].ref = bad.areas[0].actions[0].ref
        XCTAssertThrowsError(try store.replace(with: bad)) { error in XCTAssertEqual((error as? StoreError)?.kind, .refused) }
        XCTAssertEqual(try dump(folder.path("plan.sqlite")), before)
    }

    // MARK: Files that are not good plans

    func openError(_ path: String, timeout: TimeInterval = 1) -> StoreError? {
        do {
            _ = try PlanStore.open(path: path, user: "t", busyTimeout: timeout).load()
            return nil
        } catch { return error as? StoreError }
    }

    func testAMissingFileSaysSo() {
        let path = folder.path("none.sqlite")
        XCTAssertEqual(openError(path), StoreError(.notFound, "\(path) does not exist; expected a planboard plan file"))
    }

    func testATextFileIsNotAPlanAndIsLeftAlone() throws {
        let path = folder.path("notes.txt")
        try Data("meeting notes\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(openError(path)?.message,
                       "\(path) is not a planboard plan (it is not a SQLite database); expected a file planboard created. To load a JSON plan use `planboard import`")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "meeting notes\n")
        let empty = folder.path("empty.sqlite")
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        XCTAssertEqual(openError(empty)?.kind, .notAPlan)
    }

    func testAnotherProgramsDatabaseIsNotAPlanAndIsLeftAlone() throws {
        let path = folder.path("other.sqlite")
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER)") }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(openError(path)?.message,
                       "\(path) is a SQLite database but not a planboard plan (it has no plan tables); expected a file planboard created. Give another path with --db")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes)
    }

    func testAFileFromANewerPlanboardIsRefused() throws {
        _ = try newStore()
        let path = folder.path("plan.sqlite")
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        XCTAssertEqual(openError(path)?.kind, .newerVersion)
        XCTAssertEqual(openError(path)?.message,
                       "\(path) was written by a newer planboard (its schema has changes this version does not know); update planboard to open it")
    }

    func testADamagedFileSaysItIsDamaged() throws {
        let store = try newStore()
        for i in 0..<40 { try store.apply(.addNote(ref: "3b", index: nil, note: Note(date: TestDates.date("2023-01-01"), author: "x", text: String(repeating: "long note \(i) ", count: 40)))) }
        let path = folder.path("plan.sqlite")
        _ = try store.integrityCheck()
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096 * 6))
        try handle.close()
        let error = openError(path)
        XCTAssertEqual(error?.kind, .corrupt, "\(String(describing: error))")
        XCTAssertTrue(error?.message.hasPrefix("\(path) is damaged") ?? false, "\(String(describing: error))")
    }

    func testAReadOnlyFileOpensForReadingAndRefusesWrites() throws {
        let plan = try newStore().load()
        let path = folder.path("plan.sqlite")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let store = try reopen()
        XCTAssertTrue(store.isReadOnly)
        XCTAssertEqual(try store.load(), plan)
        XCTAssertThrowsError(try store.apply(try store.load().setting(.text, ofAction: "3b", to: .text("x")))) { error in
            XCTAssertEqual(error as? StoreError, StoreError(.readOnly, "\(path) is read-only, so it was opened for reading only; nothing was changed. Make the file writable to change the plan"))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    }

    func testAFileLockedByAnotherWriterSaysSoAfterWaiting() throws {
        _ = try newStore()
        let path = folder.path("plan.sqlite")
        let store = try PlanStore.open(path: path, user: "t", busyTimeout: 0.2)
        var config = Configuration()
        config.busyMode = .immediateError
        let other = try DatabaseQueue(path: path, configuration: config)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            XCTAssertThrowsError(try store.apply(try store.load().setting(.text, ofAction: "3b", to: .text("x")))) { error in
                XCTAssertEqual(error as? StoreError, StoreError(.locked, "\(path) is locked by another program that is writing to it; waited 0.2 s. Try again when it has finished"))
            }
            try db.execute(sql: "ROLLBACK")
        }
        XCTAssertNoThrow(try store.apply(try store.load().setting(.text, ofAction: "3b", to: .text("x"))), "works once the lock is released")
    }

    /// Opening reads: a dashboard started while a long batch is writing opens at once and
    /// shows the plan as last committed, rather than waiting for the batch and failing.
    func testOpeningDoesNotWaitForAnotherProgramsWrite() throws {
        let plan = try newStore().load()
        let path = folder.path("plan.sqlite")
        var config = Configuration()
        config.busyMode = .immediateError
        let other = try DatabaseQueue(path: path, configuration: config)
        var opened: Result<Plan, any Error>?
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            opened = Result { try PlanStore.open(path: path, user: "t", busyTimeout: 0.2).load() }
            try db.execute(sql: "ROLLBACK")
        }
        XCTAssertEqual(try opened?.get(), plan, "opened and read while the other program holds the write lock")
    }

    func testWritesAreDurableAndTheFileIsWAL() throws {
        _ = try newStore()
        // A file that left WAL mode (another tool changed it) is put back in it on opening.
        let other = try DatabaseQueue(path: folder.path("plan.sqlite"))
        try other.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
        try other.close()
        _ = try PlanStore.open(path: folder.path("plan.sqlite"), user: "t")
        let queue = try DatabaseQueue(path: folder.path("plan.sqlite"))
        try queue.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try Int32.fetchOne(db, sql: "PRAGMA application_id"), Schema.applicationID)
        }
    }
}

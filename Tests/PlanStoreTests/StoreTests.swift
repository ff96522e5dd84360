import Foundation
import GRDB
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

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

    func testEverySamplePlanComesBackFromTheDatabaseUnchanged() throws {
        for sample in SamplePlans.all {
            let path = folder.path("\(sample).sqlite")
            _ = try PlanStore.create(path: path, plan: try Samples.plan(sample), user: "t")
            XCTAssertEqual(try PlanStore.open(path: path, user: "t").load(), try Samples.plan(sample), sample)
        }
    }

    func testAnEditIsInTheFileAsSoonAsApplyReturns() throws {
        let store = try newStore()
        let note = Note(date: TestDates.date("2023-08-16"), author: "jackie", text: "Two caseworkers started")
        try store.apply(try store.load().settingStatus(ofAction: "3b", to: .red, reason: note))
        try store.apply(try store.load().setting(.byWhen, ofAction: "3b", to: .date(TestDates.date("2023-12-31"))))
        let reread = try reopen().load().action("3b")
        XCTAssertEqual(reread?.status, .red)
        XCTAssertEqual(reread?.notes.last, note)
        XCTAssertEqual(reread?.byWhen?.iso, "2023-12-31")
    }

    func testEveryKindOfEditSurvivesAReopen() throws {
        let store = try newStore()
        var expected = try store.load()
        let s = Score(likelihood: 2, impact: 3)
        let edits: [Edit] = [
            .addAction(area: 4, index: 0, action: Action(ref: "4a", text: "Publish the neurodiversity pathway", byWhen: TestDates.date("2023-10-31"), leads: ["Health"])),
            .setAction(ref: "3b", field: .ref, from: .text("3b"), to: .text("3b.i")),
            .setAction(ref: "3b.i", field: .leads, from: .names(try XCTUnwrap(expected.action("3b")).leads), to: .names(["Jackie Ross", "New Lead"])),
            .removeAction(ref: "1a", action: try XCTUnwrap(expected.action("1a"))),
            .addNote(ref: "4a", index: nil, note: Note(date: TestDates.date("2023-08-20"), author: "h", text: "Draft shared")),
            expected.setting(.residualLikelihood, ofRisk: "R1", to: .level(2)),
            .addRisk(index: 0, risk: Risk(ref: "R11", risk: "New risk", inherent: s, residual: s, target: s, areas: [4])),
            .removeRisk(ref: "R2", risk: try XCTUnwrap(expected.risk("R2"))),
            expected.settingActual(kpi: "K3", milestone: 2, to: 38),
            .addCheckpoint(Checkpoint(name: "Board Sep", date: TestDates.date("2023-09-12"), of: expected), index: nil),
        ]
        for edit in edits {
            expected = try expected.applying(edit).plan
            XCTAssertEqual(try store.apply(edit), expected, edit.summary)
        }
        XCTAssertEqual(try reopen().load(), expected)
    }

    func testUndoAndRedoWorkAfterARestartAndOnlyForTheirOwnUser() throws {
        let original = try newStore().load()
        try reopen(user: "jackie").apply(try reopen(user: "jackie").load().setting(.text, ofAction: "3d", to: .text("Changed by Jackie")))
        try reopen(user: "sam").apply(try reopen(user: "sam").load().setting(.text, ofAction: "3e", to: .text("Changed by Sam")))

        let (afterUndo, undone) = try XCTUnwrap(try reopen(user: "jackie").undo())
        XCTAssertEqual(undone.user, "jackie")
        XCTAssertEqual(afterUndo.action("3d")?.text, original.action("3d")?.text, "Jackie's change is undone")
        XCTAssertEqual(afterUndo.action("3e")?.text, "Changed by Sam", "Sam's change stays")
        XCTAssertNil(try reopen(user: "jackie").undo(), "nothing more of Jackie's to undo")

        let (afterRedo, _) = try XCTUnwrap(try reopen(user: "jackie").redo())
        XCTAssertEqual(afterRedo.action("3d")?.text, "Changed by Jackie")
        XCTAssertNil(try reopen(user: "jackie").redo())
        XCTAssertEqual(try reopen().changes().map(\.kind), [.import, .edit, .edit, .undo, .redo])
    }

    func testANewEditClearsWhatCouldBeRedone() throws {
        let store = try newStore()
        try store.apply(try store.load().setting(.text, ofAction: "3d", to: .text("one")))
        _ = try store.undo()
        try store.apply(try store.load().setting(.text, ofAction: "3e", to: .text("two")))
        XCTAssertNil(try store.redo())
    }

    func testTheChangeLogListsChangesSinceATimeOrACheckpoint() throws {
        let store = try newStore()
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        try store.apply(try store.load().setting(.text, ofAction: "3d", to: .text("before")), at: t0)
        try store.recordCheckpoint(name: "Board 1", date: TestDates.date("2023-11-14"), at: t0.addingTimeInterval(60))
        try store.apply(try store.load().settingStatus(ofAction: "3e", to: .green, reason: nil), at: t0.addingTimeInterval(120))
        try store.apply(try store.load().settingActual(kpi: "K1", milestone: 0, to: 700), at: t0.addingTimeInterval(180))

        let since = try store.changes(sinceCheckpoint: "Board 1")
        XCTAssertEqual(since.map(\.summary), ["3e status Green → Green", "K1 3-month actual 1350 → 700"])
        XCTAssertEqual(try store.changes(since: t0.addingTimeInterval(100)).count, 2)
        XCTAssertEqual(since.first?.user, "jackie")
        XCTAssertThrowsError(try store.changes(sinceCheckpoint: "Nope")) { error in
            XCTAssertEqual((error as? StoreError)?.message,
                           "there is no checkpoint called \"Nope\"; expected one of: Board 2022-11-15, Six-month review 2023-02-14, Board 1")
        }
        // A checkpoint that came in the file counts from the start of its date: the import
        // (dated 2020) is before it, the four changes (dated 2023) after.
        XCTAssertEqual(try store.changes(sinceCheckpoint: "Board 2022-11-15").map(\.kind), [.edit, .edit, .edit, .edit])
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

    func testImportReplacesThePlanAndIsLogged() throws {
        let store = try newStore()
        try store.replace(with: try Samples.plan(SamplePlans.fictional), summary: "imported fictional")
        XCTAssertEqual(try reopen().load(), try Samples.plan(SamplePlans.fictional))
        XCTAssertEqual(try store.changes().last?.summary, "imported fictional")
        XCTAssertNil(try store.undo(), "an import clears the undo history")
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

    func testWritesAreDurableAndTheFileIsWAL() throws {
        _ = try newStore()
        let queue = try DatabaseQueue(path: folder.path("plan.sqlite"))
        try queue.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try Int32.fetchOne(db, sql: "PRAGMA application_id"), Schema.applicationID)
        }
    }
}

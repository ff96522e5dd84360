import Foundation
import PlanModel
import PlanStore
@testable import PlanStorePostgres
import TestSupport
import XCTest

/// What every store backend must do, written once against the `PlanStoring` contract and
/// run against each backend by the subclasses at the bottom (one per backend).
protocol StoreContract: XCTestCase {
    /// A new store holding `plan`, imported at `time`, opened as `user`.
    func makeStore(_ plan: Plan, user: String, at time: Date) throws -> any PlanStoring
    /// The same plan opened again, as `user` (another process, another machine).
    func reopen(user: String) throws -> any PlanStoring
    /// Whether the log's times are the server's own (a shared plan), not those the caller gives.
    var serverTimesChanges: Bool { get }
}

extension StoreContract {
    var created: Date { Date(timeIntervalSince1970: 1_600_000_000) }

    func newStore(_ sample: String = SamplePlans.devonIllustrative, user: String = "jackie") throws -> any PlanStoring {
        try makeStore(try Samples.plan(sample), user: user, at: created)
    }

    func checkEverySamplePlanComesBackUnchanged() throws {
        for sample in SamplePlans.all {
            _ = try makeStore(try Samples.plan(sample), user: "jackie", at: created)
            XCTAssertEqual(try reopen(user: "jackie").load(), try Samples.plan(sample), sample)
        }
    }

    func checkAnEditIsSavedWhenApplyReturnsAndMovesTheVersion() throws {
        let store = try newStore()
        let before = try store.version()
        let note = Note(date: TestDates.date("2023-08-16"), author: "jackie", text: "Two caseworkers started")
        try store.apply(try store.load().settingStatus(ofAction: "3b", to: .red, reason: note))
        try store.apply(try store.load().setting(.byWhen, ofAction: "3b", to: .date(TestDates.date("2023-12-31"))))
        let other = try reopen(user: "sam")
        XCTAssertEqual(try other.version(), before + 2)
        let reread = try other.load().action("3b")
        XCTAssertEqual(reread?.status, .red)
        XCTAssertEqual(reread?.notes.last, note)
        XCTAssertEqual(reread?.byWhen?.iso, "2023-12-31")
        XCTAssertEqual(try other.changes().last?.user, "jackie", "the change is signed by who made it")
    }

    func checkEveryKindOfEditSurvivesAReopen() throws {
        let store = try newStore()
        var expected = try store.load()
        let s = Score(likelihood: 2, impact: 3)
        let pathway = Evidence(title: "Pathway draft", date: TestDates.date("2023-08-20"), location: "https://intranet.example/pathway.pdf",
                               shows: "The draft pathway went to the board", addedBy: "h")
        let audit = Evidence(title: "SENCO audit", date: TestDates.date("2023-09-01"), location: "S:/SEND/Audit 2023.xlsx", addedBy: "h")
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
            .evidence(.add(.action("4a"), index: nil, item: pathway)),
            .evidence(.add(.action("4a"), index: 0, item: audit)),
            .evidence(.remove(.action("4a"), item: pathway)),
            .evidence(.add(.figure(kpi: "K3", milestone: 2), index: nil, item: audit)),
        ]
        for edit in edits {
            expected = try expected.applying(edit).plan
            XCTAssertEqual(try store.apply(edit), expected, edit.summary)
        }
        // The plan agreed, then an agreed date moved with its reason, then a meeting's attendance recorded.
        for make in [{ (p: Plan) in p.agreeing(on: TestDates.date("2023-01-16"), with: ["Jo Adviser (DfE)"]) },
                     { (p: Plan) in p.changingRecord(of: p.meetings.last?.name ?? "") { $0.attendance = [Attendee(name: "Jackie Ross")] }
                         ?? .batch([]) },
                     { (p: Plan) in p.revisingByWhen(of: "4a", to: TestDates.date("2023-12-31"), reason: "Consultation extended", by: "h", on: TestDates.date("2023-09-01")) }] {
            let edit = make(expected)
            expected = try expected.applying(edit).plan
            XCTAssertEqual(try store.apply(edit), expected, edit.summary)
        }
        XCTAssertEqual(try reopen(user: "jackie").load(), expected)
    }

    func checkAnEditAppliesToThePlanAsAnotherProcessLeftIt() throws {
        let jackie = try newStore()
        let sam = try reopen(user: "sam")
        _ = try sam.load()
        try jackie.apply(try jackie.load().setting(.text, ofAction: "3d", to: .text("Jackie's words")))
        let after = try sam.apply(try sam.load().setting(.text, ofAction: "3e", to: .text("Sam's words")))
        XCTAssertEqual(after.action("3d")?.text, "Jackie's words", "Sam's store saw Jackie's change before applying its own")
        XCTAssertEqual(try jackie.load().action("3e")?.text, "Sam's words")
    }

    func checkUndoAndRedoWorkAfterARestartAndOnlyForTheirOwnUser() throws {
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
        XCTAssertEqual(try reopen(user: "jackie").changes().map(\.kind), [.import, .edit, .edit, .undo, .redo])
    }

    func checkANewEditClearsWhatCouldBeRedone() throws {
        let store = try newStore()
        try store.apply(try store.load().setting(.text, ofAction: "3d", to: .text("one")))
        _ = try store.undo()
        try store.apply(try store.load().setting(.text, ofAction: "3e", to: .text("two")))
        XCTAssertNil(try store.redo())
    }

    func checkTheChangeLogListsChangesSinceATimeOrACheckpoint() throws {
        let store = try newStore()
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        try store.apply(try store.load().setting(.text, ofAction: "3d", to: .text("before")), at: t0)
        try store.recordCheckpoint(name: "Board 1", date: TestDates.date("2023-11-14"), at: t0.addingTimeInterval(60))
        try store.apply(try store.load().settingStatus(ofAction: "3e", to: .green, reason: nil), at: t0.addingTimeInterval(120))
        try store.apply(try store.load().settingActual(kpi: "K1", milestone: 0, to: 700), at: t0.addingTimeInterval(180))

        let since = try store.changes(sinceCheckpoint: "Board 1")
        XCTAssertEqual(since.map(\.summary), ["3e status Green → Green", "K1 3-month actual 1350 → 700"])
        XCTAssertEqual(since.first?.user, "jackie")
        if serverTimesChanges {
            // The server signs each line with its own clock, whatever time the caller names.
            let first = try XCTUnwrap(since.first?.at)
            XCTAssertLessThan(abs(first.timeIntervalSinceNow), 300, "the server's time of the change, not the caller's")
            XCTAssertEqual(try store.changes(since: first).count, 2)
            XCTAssertEqual(try reopen(user: "sam").changes(since: first).first?.at, first, "the time is kept to the millisecond")
        } else {
            XCTAssertEqual(try store.changes(since: t0.addingTimeInterval(100)).count, 2)
            XCTAssertEqual(since.first?.at, t0.addingTimeInterval(120), "the time is kept to the millisecond")
        }
        XCTAssertThrowsError(try store.changes(sinceCheckpoint: "Nope")) { error in
            XCTAssertEqual((error as? StoreError)?.message,
                           "there is no checkpoint called \"Nope\"; expected one of: Board 2022-11-15, Six-month review 2023-02-14, Board 2023-07-18, Board 1")
        }
        // The plan was imported after the sample's own checkpoint was recorded: on a server
        // its import is timed by the server's clock, so it is among the changes since.
        XCTAssertEqual(try store.changes(sinceCheckpoint: "Board 2022-11-15").map(\.kind),
                       (serverTimesChanges ? [.import] : []) + [.edit, .edit, .edit, .edit])
        let all = try store.changes()
        XCTAssertEqual(try store.changes(afterSeq: all[2].seq).map(\.seq), all.dropFirst(3).map(\.seq))
    }

    func checkACheckpointRecordsEveryStatusScoreAndActual() throws {
        let store = try newStore()
        let plan = try store.recordCheckpoint(name: "Board Sep", date: TestDates.date("2023-09-12"))
        let checkpoint = try XCTUnwrap(try reopen(user: "jackie").load().checkpoint(named: "Board Sep"))
        XCTAssertEqual(checkpoint.actions.count, plan.allActions.count)
        XCTAssertEqual(checkpoint.kpis.map(\.actuals), plan.kpis.map { $0.milestones.map(\.actual) })
        XCTAssertThrowsError(try store.recordCheckpoint(name: "Board Sep", date: TestDates.date("2023-09-13"))) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .refused)
        }
    }

    func checkARefusedEditOrImportChangesNothing() throws {
        let store = try newStore()
        let plan = try store.load()
        let version = try store.version()
        let log = try store.changes()
        let quiet = try XCTUnwrap(plan.allActions.first { $0.notes.isEmpty }).ref
        XCTAssertThrowsError(try store.apply(.batch([plan.setting(.text, ofAction: quiet, to: .text("half")),
                                                     plan.setting(.status, ofAction: quiet, to: .status(.amber))]))) { error in
            XCTAssertEqual((error as? StoreError)?.message, "action \(quiet) cannot be Amber without a reason: add a progress note saying why")
        }
        var bad = plan
        bad.areas[0].actions[1].ref = bad.areas[0].actions[0].ref
        XCTAssertThrowsError(try store.replace(with: bad)) { error in XCTAssertEqual((error as? StoreError)?.kind, .refused) }
        let other = try reopen(user: "jackie")
        XCTAssertEqual(try other.load(), plan)
        XCTAssertEqual(try other.version(), version)
        XCTAssertEqual(try other.changes(), log)
    }

    func checkAnEditOnAValueSomeoneElseChangedSinceIsRefusedNamingThemAndTheirValueKept() throws {
        let jackie = try newStore()
        let sam = try reopen(user: "sam")
        let seenBySam = try sam.load()
        try jackie.apply(try jackie.load().setting(.text, ofAction: "3d", to: .text("Jackie's wording")))
        let version = try sam.version()
        XCTAssertThrowsError(try sam.apply(seenBySam.setting(.text, ofAction: "3d", to: .text("Sam's wording")))) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .conflict)
            XCTAssertTrue((error as? StoreError)?.message.hasPrefix("3d text was changed by jackie at ") ?? false, "\(error)")
            XCTAssertTrue((error as? StoreError)?.message.hasSuffix("to “Jackie's wording”; your change was not applied") ?? false, "\(error)")
        }
        XCTAssertEqual(try reopen(user: "sam").load().action("3d")?.text, "Jackie's wording", "the newer value is kept")
        XCTAssertEqual(try sam.version(), version, "nothing was written")
        // An undo that would trample a later edit is refused the same way.
        try sam.apply(try sam.load().setting(.text, ofAction: "3d", to: .text("Sam's wording")))
        XCTAssertThrowsError(try jackie.undo()) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .conflict)
            XCTAssertTrue((error as? StoreError)?.message.hasPrefix("3d text was changed by sam at ") ?? false, "\(error)")
            XCTAssertTrue((error as? StoreError)?.message.hasSuffix("your undo was not applied") ?? false, "\(error)")
        }
        XCTAssertEqual(try reopen(user: "jackie").load().action("3d")?.text, "Sam's wording")
    }

    func checkImportReplacesThePlanAndIsLogged() throws {
        let store = try newStore()
        try store.replace(with: try Samples.plan(SamplePlans.fictional), summary: "imported fictional")
        XCTAssertEqual(try reopen(user: "jackie").load(), try Samples.plan(SamplePlans.fictional))
        XCTAssertEqual(try store.changes().last?.summary, "imported fictional")
        XCTAssertNil(try store.undo(), "an import clears the undo history")
    }
}

final class SQLiteStoreContractTests: XCTestCase, StoreContract {
    var serverTimesChanges: Bool { false }
    var folder: TempFolder!
    override func setUpWithError() throws { folder = try TempFolder("contract") }
    override func tearDown() { folder = nil }

    var file: String { folder.path("plan.sqlite") }

    func makeStore(_ plan: Plan, user: String, at time: Date) throws -> any PlanStoring {
        try? FileManager.default.removeItem(atPath: file)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        return try PlanStore.create(path: file, plan: plan, user: user, at: time)
    }

    func reopen(user: String) throws -> any PlanStoring { try PlanStore.open(path: file, user: user) }

    func testEverySamplePlanComesBackUnchanged() throws { try checkEverySamplePlanComesBackUnchanged() }
    func testAnEditIsSavedWhenApplyReturnsAndMovesTheVersion() throws { try checkAnEditIsSavedWhenApplyReturnsAndMovesTheVersion() }
    func testEveryKindOfEditSurvivesAReopen() throws { try checkEveryKindOfEditSurvivesAReopen() }
    func testAnEditAppliesToThePlanAsAnotherProcessLeftIt() throws { try checkAnEditAppliesToThePlanAsAnotherProcessLeftIt() }
    func testUndoAndRedoWorkAfterARestartAndOnlyForTheirOwnUser() throws { try checkUndoAndRedoWorkAfterARestartAndOnlyForTheirOwnUser() }
    func testANewEditClearsWhatCouldBeRedone() throws { try checkANewEditClearsWhatCouldBeRedone() }
    func testTheChangeLogListsChangesSinceATimeOrACheckpoint() throws { try checkTheChangeLogListsChangesSinceATimeOrACheckpoint() }
    func testACheckpointRecordsEveryStatusScoreAndActual() throws { try checkACheckpointRecordsEveryStatusScoreAndActual() }
    func testARefusedEditOrImportChangesNothing() throws { try checkARefusedEditOrImportChangesNothing() }
    func testImportReplacesThePlanAndIsLogged() throws { try checkImportReplacesThePlanAndIsLogged() }
    func testAnEditOnAValueSomeoneElseChangedSinceIsRefusedNamingThemAndTheirValueKept() throws {
        try checkAnEditOnAValueSomeoneElseChangedSinceIsRefusedNamingThemAndTheirValueKept()
    }
}

final class PostgresStoreContractTests: XCTestCase, StoreContract {
    var serverTimesChanges: Bool { true }
    var cluster: PostgresCluster?
    var database: String?

    func makeStore(_ plan: Plan, user: String, at time: Date) throws -> any PlanStoring {
        let (cluster, database) = try PostgresTestServer.newPlan(plan)
        self.cluster = cluster
        self.database = database
        return try reopen(user: user)
    }

    func reopen(user: String) throws -> any PlanStoring {
        guard let cluster, let database else { throw XCTSkip("no plan made yet") }
        return try PostgresTestServer.open(cluster, database, user: user)
    }

    func testEverySamplePlanComesBackUnchanged() throws { try checkEverySamplePlanComesBackUnchanged() }
    func testAnEditIsSavedWhenApplyReturnsAndMovesTheVersion() throws { try checkAnEditIsSavedWhenApplyReturnsAndMovesTheVersion() }
    func testEveryKindOfEditSurvivesAReopen() throws { try checkEveryKindOfEditSurvivesAReopen() }
    func testAnEditAppliesToThePlanAsAnotherProcessLeftIt() throws { try checkAnEditAppliesToThePlanAsAnotherProcessLeftIt() }
    func testUndoAndRedoWorkAfterARestartAndOnlyForTheirOwnUser() throws { try checkUndoAndRedoWorkAfterARestartAndOnlyForTheirOwnUser() }
    func testANewEditClearsWhatCouldBeRedone() throws { try checkANewEditClearsWhatCouldBeRedone() }
    func testTheChangeLogListsChangesSinceATimeOrACheckpoint() throws { try checkTheChangeLogListsChangesSinceATimeOrACheckpoint() }
    func testACheckpointRecordsEveryStatusScoreAndActual() throws { try checkACheckpointRecordsEveryStatusScoreAndActual() }
    func testARefusedEditOrImportChangesNothing() throws { try checkARefusedEditOrImportChangesNothing() }
    func testImportReplacesThePlanAndIsLogged() throws { try checkImportReplacesThePlanAndIsLogged() }
    func testAnEditOnAValueSomeoneElseChangedSinceIsRefusedNamingThemAndTheirValueKept() throws {
        try checkAnEditOnAValueSomeoneElseChangedSinceIsRefusedNamingThemAndTheirValueKept()
    }
}

import Foundation
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// The outline is what the dashboard's first screen and `summary` read instead of the whole
/// plan: every action's reference, status and by-when, and everything else whole. Reading
/// less must never mean reading something different.
final class OutlineTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("outline") }
    override func tearDown() { folder = nil }

    func testTheOutlineIsTheWholePlanWithEachActionCutDownToReferenceStatusAndByWhen() throws {
        let today = TestDates.date("2026-11-29")
        let plans = [try Samples.plan(SamplePlans.devonIllustrative), try Samples.plan(SamplePlans.devon),
                     SyntheticPlan.make(areas: 5, actions: 1_500, risks: 150, kpis: 6, today: today)]
        for (n, plan) in plans.enumerated() {
            let store = try PlanStore.create(path: folder.path("plan\(n).sqlite"), plan: plan, user: "tester")
            // Edits in the log too, and a checkpoint recorded here rather than imported.
            let first = try XCTUnwrap(plan.allActions.first)
            try store.apply(plan.settingStatus(ofAction: first.ref, to: first.status == .complete ? .green : .complete, reason: nil))
            try store.recordCheckpoint(name: "Outline test", date: today)
            let whole = try store.load()
            let outline = try store.outline()
            XCTAssertEqual(outline, PlanOutline.of(whole), "plan \(n): the checkpoints named and dated")
            XCTAssertEqual(try store.outline(checkpoints: .whole), PlanOutline.of(whole, wholeCheckpoints: true),
                           "plan \(n): the checkpoints whole when asked for (summary counts since one)")
            XCTAssertEqual(outline.allActions.count, whole.allActions.count, "plan \(n): no action is left out")
            XCTAssertTrue(outline.allActions.allSatisfy { $0.text.isEmpty && $0.notes.isEmpty && $0.leads.isEmpty }, "plan \(n): only the outline")
            XCTAssertFalse(whole.checkpoints.isEmpty, "plan \(n)")
        }
    }

    /// `summary` counts the changes since a checkpoint on the outline with only the actions
    /// the log touched since read whole: it must count exactly what the whole plan counts.
    func testCountingOnTheOutlineWithTheTouchedActionsWholeCountsWhatTheWholePlanCounts() throws {
        let today = TestDates.date("2026-11-29")
        let plan = SyntheticPlan.make(areas: 4, actions: 300, risks: 20, kpis: 3, today: today)
        let store = try PlanStore.create(path: folder.path("count.sqlite"), plan: plan, user: "tester")
        try store.recordCheckpoint(name: "Board", date: today)
        let actions = plan.allActions
        let (a, b, c, d, e) = (actions[3], actions[40], actions[120], actions[200], actions[260])
        let note = Note(id: "n1", date: today, author: "ann", text: "Chased the lead")
        let edits: [Edit] = [
            .setAction(ref: a.ref, field: .leads, from: .names(a.leads), to: .names(["New lead"])),
            .setAction(ref: b.ref, field: .text, from: .text(b.text), to: .text("Rewritten")),
            .addNote(ref: c.ref, index: nil, note: note),
            .setAction(ref: d.ref, field: .status, from: .status(d.status), to: .status(d.status == .complete ? .green : .complete)),
            .removeAction(ref: e.ref, action: e),
            .addAction(area: plan.areas[1].number, index: 0, action: Action(ref: "9.new", text: "Added since", status: .green)),
            .setAction(ref: a.ref, field: .ref, from: .text(a.ref), to: .text(a.ref + "x")),
            .removeNote(ref: c.ref, note: note),
        ]
        for edit in edits { try store.apply(edit) }
        _ = try store.undo()
        let whole = try store.load()
        // As summary reads it: the outline with its checkpoints named, and just the one counted from whole.
        let checkpoint = try XCTUnwrap(try store.checkpoint(named: "Board"))
        XCTAssertEqual(checkpoint, whole.checkpoint(named: "Board"), "the one checkpoint, read alone, is what the whole plan holds")
        XCTAssertNil(try store.checkpoint(named: "No such"))
        let recent = try store.changes().since(checkpoint)
        let counted = try store.planForCounting(recent, outline: try store.outline())
        XCTAssertTrue(counted.allActions.contains { $0.text.isEmpty }, "an outline, not the whole plan")
        XCTAssertEqual(counted.allActions.count, whole.allActions.count)
        let expected = SinceSummary(then: whole.asItWas(at: checkpoint, log: recent), now: whole)
        XCTAssertEqual(SinceSummary(then: counted.asItWas(at: checkpoint, log: recent), now: counted), expected)
        let kinds = Set(expected.items.map(\.kind))
        for kind: SinceSummary.Kind in [.actionEdited, .noteAdded, .actionRemoved, .actionAdded] {
            XCTAssertTrue(kinds.contains(kind), "\(kind) is among the changes counted: \(expected.items)")
        }
    }

    func testTheOldDatabaseHasTheSameOutlineWhetherMigratedOrOpenedForReading() throws {
        let copy = folder.path("round1.sqlite")
        try FileManager.default.copyItem(atPath: Samples.roundOneFixture("plan.sqlite").path, toPath: copy)
        let reading = try PlanStore.open(path: copy, user: "bob", forReading: true)
        let before = try reading.outline()
        XCTAssertEqual(before, PlanOutline.of(try reading.load()))
        XCTAssertEqual(before.header.localArea, "Devon Local Area")
        let migrated = try PlanStore.open(path: copy, user: "bob")
        XCTAssertEqual(try migrated.outline(), before, "the migration changes nothing the outline shows")
    }

    func testTheWholePlanAndLogAreReadTogetherAtTheirLogPosition() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let path = folder.path("plan.sqlite")
        let store = try PlanStore.create(path: path, plan: plan, user: "tester")
        let first = try XCTUnwrap(plan.allActions.first)
        try store.apply(plan.settingStatus(ofAction: first.ref, to: first.status == .complete ? .green : .complete, reason: nil))
        let other = try PlanStore.open(path: path, user: "other", forReading: true)
        let read = try other.loadWithLog()
        XCTAssertEqual(read.plan, try store.load())
        XCTAssertEqual(read.log, try store.changes())
        XCTAssertEqual(read.version, try store.version())
        XCTAssertEqual(read.log.last?.seq, read.version)
    }
}

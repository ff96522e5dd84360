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
            XCTAssertEqual(outline, PlanOutline.of(whole), "plan \(n)")
            XCTAssertEqual(outline.allActions.count, whole.allActions.count, "plan \(n): no action is left out")
            XCTAssertTrue(outline.allActions.allSatisfy { $0.text.isEmpty && $0.notes.isEmpty && $0.leads.isEmpty }, "plan \(n): only the outline")
            XCTAssertFalse(whole.checkpoints.isEmpty, "plan \(n)")
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

import BoardCore
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// The dashboard draws its first screen from the plan's outline (each action's reference,
/// status and by-when) while the whole plan is read on another thread. That screen must be
/// the one the whole plan gives, cell for cell and role for role, or the person would see it
/// change under them when the whole plan arrives; only the count of changes since the last
/// meeting, which needs the whole plan, says it is being counted.
final class OutlineScreenTests: XCTestCase {
    func firstScreen(_ plan: Plan, log: [ChangeRecord], today: PlanDate, width: Int, height: Int, outline: Bool = true) -> ScreenBuffer {
        var state = BoardState(plan: plan, log: log, today: today, user: "tester", width: width, height: height)
        state.holdsOutline = outline
        _ = state.update(.resize(width: width, height: height))
        return Render.screen(state)
    }

    func testTheFirstScreenFromTheOutlineIsTheFirstScreenOfTheWholePlan() throws {
        let folder = try TempFolder("outline-screen")
        let today = TestDates.date("2026-11-29")
        let cases: [(Plan, PlanDate)] = [
            (try Samples.plan(SamplePlans.devonIllustrative), TestDates.illustrativeToday),
            (try Samples.plan(SamplePlans.fictional), TestDates.illustrativeToday),
            (SyntheticPlan.make(areas: 7, actions: 2_000, risks: 200, kpis: 8, today: today), today),
        ]
        for (n, (plan, day)) in cases.enumerated() {
            let store = try PlanStore.create(path: folder.path("plan\(n).sqlite"), plan: plan, user: "tester")
            // A checkpoint recorded here, then changes after it, so "since" counts from the log.
            try store.recordCheckpoint(name: "Board \(n)", date: day)
            for action in plan.allActions.prefix(3) {
                try store.apply(try store.load().settingStatus(ofAction: action.ref, to: action.status == .complete ? .green : .complete, reason: nil))
            }
            let log = try store.changes()
            let whole = try store.load()
            let outline = try store.outline()
            XCTAssertNotEqual(outline, whole, "plan \(n): the outline leaves the actions' text out")
            for (width, height) in [(80, 24), (120, 40), (200, 60)] {
                let fromOutline = firstScreen(outline, log: log, today: day, width: width, height: height)
                let fromWhole = firstScreen(whole, log: log, today: day, width: width, height: height)
                XCTAssertEqual(fromOutline.lines, fromWhole.lines, "plan \(n) at \(width)×\(height)")
                XCTAssertEqual(fromOutline, fromWhole, "plan \(n) at \(width)×\(height): roles and styles too")
                // When the whole plan is in, only the since line changes: from "counting" to its count.
                let counted = firstScreen(whole, log: log, today: day, width: width, height: height, outline: false)
                let changedRows = (0..<height).filter { fromWhole.lines[$0] != counted.lines[$0] }
                // (Below the fold on a small screen, nothing changes at all.) The count may wrap
                // onto rows that were blank below it; nothing above it moves.
                XCTAssertEqual(changedRows.isEmpty, !counted.lines.contains { $0.hasPrefix(" Since") }, "plan \(n) at \(width)×\(height)")
                if let first = changedRows.first {
                    XCTAssertTrue(fromWhole.lines[first].contains("counting the changes…") && counted.lines[first].contains(" change"),
                                  "\(changedRows.map { fromWhole.lines[$0] + " → " + counted.lines[$0] })")
                    XCTAssertEqual(changedRows, Array(first..<(first + changedRows.count)), "one block, the since line and its continuation")
                    XCTAssertTrue(changedRows.dropFirst().allSatisfy { fromWhole.lines[$0].trimmingCharacters(in: .whitespaces).isEmpty },
                                  "the continuation takes rows that were blank: \(changedRows.map { fromWhole.lines[$0] })")
                }
            }
        }
    }
}

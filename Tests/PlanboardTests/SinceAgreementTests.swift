import BoardCore
import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// The dashboard, the changes screen, `planboard summary` and the board pack give one
/// account of what changed since the last checkpoint.
final class SinceAgreementTests: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }

    func run(_ args: String...) throws -> PlanboardBinary.Result {
        let result = try PlanboardBinary.run(args + ["--db", db], environment: ["PLANBOARD_TODAY": "2023-01-10", "USER": "tester"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    func testTheDashboardTheChangesScreenSummaryAndThePackAgree() throws {
        folder = try TempFolder("since")
        _ = try run("import", try Samples.url(SamplePlans.devon).path)
        let plan = try PlanStore.open(path: db, user: "check").load()
        let fresh = try XCTUnwrap(plan.allActions.first { $0.status == .notStarted }, "the sample has an action not started")
        let moving = try XCTUnwrap(plan.allActions.first { $0.ref != fresh.ref && $0.status != .complete })
        _ = try run("set", moving.ref, "--by-when", "2022-12-31")
        _ = try run("checkpoint", "Board Jan")
        _ = try run("set", fresh.ref, "--status", "green")
        _ = try run("set", moving.ref, "--by-when", "2027-03-31")
        _ = try run("set", moving.ref, "--note", "Waiting for the new system")

        let summary = try run("summary").stdout
        let section = try XCTUnwrap(summary.components(separatedBy: "\nSince Board Jan").last, summary)
        XCTAssertTrue(section.hasPrefix(" (10 Jan 2023): 3 changes\n"), section)
        let phrases = section.split(separator: "\n").dropFirst().filter { $0.hasPrefix("  ") && !$0.hasPrefix("    ") && !$0.contains("By-whens") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(phrases, ["1 status (1 started)", "1 by-when moved (1 later)", "1 note added"])
        XCTAssertTrue(section.contains("\(moving.ref) by-when later: 31 Dec 2022 → 31 Mar 2027"), section)

        let pack = try run("report", "--format", "md").stdout
        XCTAssertTrue(pack.contains("3 changes: " + phrases.joined(separator: "; ") + "."), "the board pack counts the same:\n\(pack)")

        let store = try PlanStore.open(path: db, user: "check")
        var state = BoardState(plan: try store.load(), log: try store.changes(), today: TestDates.illustrativeToday, user: "tester", width: 200, height: 60)
        _ = state.update(.resize(width: 200, height: 60))
        _ = state.update(.key(.char("1")))
        let dashboard = Render.screen(state).lines.joined(separator: "\n")
        XCTAssertTrue(dashboard.contains("3 changes: " + phrases.joined(separator: " · ")), dashboard)

        _ = state.update(.key(.char("s")))
        let changes = Render.screen(state).lines.joined(separator: "\n")
        XCTAssertTrue(changes.contains("Since Board Jan (10 Jan 2023): 3 changes"), changes)
        for phrase in phrases { XCTAssertTrue(changes.contains("  " + phrase), "\(phrase) on the changes screen:\n\(changes)") }
        XCTAssertTrue(changes.contains("\(moving.ref) by-when later: 31 Dec 2022 → 31 Mar 2027"), changes)
    }
}

import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// The board views in a real terminal (tmux): what a board member does in a meeting.
final class BoardEndToEndTests: TerminalTestCase {
    func open(width: Int = 80, height: Int = 24) throws -> TmuxSession {
        let command = "unset NO_COLOR PLANBOARD_DB; \(EndToEndTests.quoted(PlanboardBinary.url.path)) --db \(EndToEndTests.quoted(db)) --user board"
        let session = try TmuxSession(width: width, height: height, command: command,
                                      environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "board"])
        sessions.append(session)
        XCTAssertTrue(session.waitFor("Highest residual risks"), "the dashboard is the first screen:\n\(session.screen)")
        return session
    }

    /// The count shown in a heatmap cell: row L`likelihood`, column I`impact`.
    static func heatCount(_ lines: [String], likelihood: Int, impact: Int) -> Int? {
        guard let row = lines.first(where: { $0.hasPrefix("  L\(likelihood) ") }) else { return nil }
        let cells = Array(row.dropFirst(6))
        let start = (impact - 1) * 8
        guard cells.count >= start + 8 else { return nil }
        let text = String(cells[start..<start + 8]).trimmingCharacters(in: CharacterSet(charactersIn: " []"))
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        return parts[1] == "·" ? 0 : Int(parts[1])
    }

    func testRaisingAResidualLikelihoodMovesTheHeatmapCounts() throws {
        let session = try open()
        session.send("4")
        XCTAssertTrue(session.waitFor("Showing"), session.screen)
        let before = session.capture()
        let from = try XCTUnwrap(Self.heatCount(before, likelihood: 4, impact: 4), "the L4 I4 cell:\n\(session.screen)")
        let to = try XCTUnwrap(Self.heatCount(before, likelihood: 5, impact: 4), "the L5 I4 cell:\n\(session.screen)")

        // In the register, R1 (residual 4 × 4) is first; raise its residual likelihood to 5.
        session.send("5")
        XCTAssertTrue(session.waitFor("sorted by residual score"), session.screen)
        session.send("Right", "Right", "Right", "Right", "Enter")
        XCTAssertTrue(session.waitFor("R1 residual score: type the likelihood"), session.screen)
        session.type("54")
        XCTAssertTrue(session.waitFor("R1 residual score is now 5 × 4 = 20"), session.screen)

        session.send("4")
        XCTAssertTrue(session.waitUntil { lines in
            Self.heatCount(lines, likelihood: 4, impact: 4) == from - 1 && Self.heatCount(lines, likelihood: 5, impact: 4) == to + 1
        }, "one risk left L4×I4 and entered L5×I4:\n\(session.screen)")
        XCTAssertEqual(try PlanStore.open(path: db, user: "t").load().risk("R1")?.residual, Score(likelihood: 5, impact: 4))
    }

    func testRecordACheckpointChangeTwoStatusesAndFindBothUnderSince() throws {
        let session = try open()
        session.send("C", "C-u")
        session.type("Board Sep")
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Board Sep, dated:"), session.screen)
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Recorded checkpoint “Board Sep”"), session.screen)

        // Two status changes, from triage: the first two actions on the list.
        session.send("7")
        XCTAssertTrue(session.waitFor("actions need attention"), session.screen)
        session.send("g")
        XCTAssertTrue(session.waitFor("is now Green"), session.screen)
        session.send("Down", "c")
        XCTAssertTrue(session.waitFor("is now Complete"), session.screen)

        session.send("1")
        XCTAssertTrue(session.waitFor("Since Board Sep"), session.screen)
        XCTAssertTrue(session.waitFor("2 statuses"), "the dashboard counts both:\n\(session.screen)")
        session.send("s")
        XCTAssertTrue(session.waitFor("The change log: 2 entries since Board Sep"), session.screen)
        let lines = session.capture()
        XCTAssertEqual(lines.filter { $0.contains("board") && $0.contains(" status ") && $0.contains(" → ") }.count, 2, session.screen)

        session.send("8")
        XCTAssertTrue(session.waitFor("What changed since Board Sep"), session.screen)
        XCTAssertTrue(session.waitUntil { $0.filter { $0.contains("→ G ✓ Green") || $0.contains("→ C ■ Complete") }.count >= 2 }, session.screen)
    }

    func testTwoDashboardsOnOneFileSeeEachOthersChangesWithinASecond() throws {
        let first = try open()
        let second = try open()
        second.send("6")
        XCTAssertTrue(second.waitFor("Each milestone shows actual / target"), second.screen)
        XCTAssertTrue(second.waitUntil { $0.contains { $0.hasPrefix("K3 ") && $0.contains("— / 30%") } }, second.screen)

        first.send("6", "Down", "Down", "Right", "Right", "Enter")
        XCTAssertTrue(first.waitFor("K3 actual at 12 months"), first.screen)
        first.type("41")
        first.send("Enter")
        XCTAssertTrue(first.waitFor("K3 actual at 12 months: 41."), first.screen)
        XCTAssertTrue(second.waitUntil(timeout: 1.5) { $0.contains { $0.hasPrefix("K3 ") && $0.contains("41% / 30%") } },
                      "the other dashboard shows the new actual within a second:\n\(second.screen)")
    }
}

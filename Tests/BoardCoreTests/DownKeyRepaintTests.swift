import BoardCore
import PlanModel
import TestSupport
import XCTest

/// A Down key moves the selection and repaints only what a person needs to see
/// move, the old and new row's highlight (or heatmap cell) and the detail that changed. What
/// the terminal is sent follows from the cells that differ between the two screens.
final class DownKeyRepaintTests: XCTestCase {
    /// The rows of the screen's body with a selected cell, by their text.
    private func selectedRows(_ buffer: ScreenBuffer) -> [String] {
        (2..<buffer.height - 2).filter { buffer.roleLines[$0].contains("#") }.map { buffer.lines[$0] }
    }

    /// Where the selection is on a row: its first and last selected column.
    private func selectedColumns(_ buffer: ScreenBuffer, row: String) throws -> ClosedRange<Int> {
        let y = try XCTUnwrap(buffer.lines.firstIndex(of: row))
        let roles = Array(buffer.roleLines[y])
        let first = try XCTUnwrap(roles.firstIndex(of: "#"))
        let last = try XCTUnwrap(roles.lastIndex(of: "#"))
        return first...last
    }

    func testADownOnTheDashboardMovesTheMarkerAndHighlightToTheNextAreasName() throws {
        var state = try board(view: .dashboard)
        let before = Render.screen(state)
        XCTAssertEqual(selectedRows(before).count, 1)
        XCTAssertTrue(selectedRows(before)[0].hasPrefix("▸ 1 Strategic plans"), selectedRows(before)[0])
        state.press(.down)
        let after = Render.screen(state)
        let rows = selectedRows(after)
        XCTAssertEqual(rows.count, 1, after.lines.joined(separator: "\n"))
        let row = rows[0]
        XCTAssertTrue(row.hasPrefix("▸ 2 Communication with families"), "▸ shows the selection without colour: \(row)")
        XCTAssertTrue(after.lines.contains { $0.hasPrefix("  1 Strategic plans") }, "area 1 loses its marker")
        // The number and title are highlighted; the bar keeps its status colours and the counts theirs.
        let columns = try selectedColumns(after, row: row)
        XCTAssertEqual(columns.lowerBound, 0)
        let y = try XCTUnwrap(after.lines.firstIndex(of: row))
        let barStart = try XCTUnwrap(row.range(of: "R1A1G1")).lowerBound.utf16Offset(in: row)
        let ragStart = try XCTUnwrap(row.range(of: "R● ")).lowerBound.utf16Offset(in: row)
        XCTAssertEqual(columns.upperBound, ragStart - 1, "the highlight ends where the area's RAG begins")
        XCTAssertEqual(String(Array(after.roleLines[y])[ragStart..<ragStart + 2]), "rr", "the RAG keeps its Red")
        XCTAssertEqual(String(Array(after.roleLines[y])[barStart..<barStart + 6]), "rraagg", "the bar keeps Red, Amber and Green")
    }

    func testADownOnTheHeatmapMovesTheBracketedCellAndItsRisks() throws {
        var state = try board(view: .heatmap)
        state.press(.right)  // likelihood 3 × impact 4: M 3
        let before = Render.screen(state)
        XCTAssertEqual(selectedRows(before).filter { $0.hasPrefix("  L") }.count, 1, "one line of the cell lights up")
        state.press(.down)
        let after = Render.screen(state)
        let rows = selectedRows(after).filter { $0.hasPrefix("  L") }
        XCTAssertEqual(rows.count, 1, after.lines.joined(separator: "\n"))
        XCTAssertTrue(rows[0].hasPrefix("  L2 ") && rows[0].contains("[M ·"), "likelihood 2 × impact 4 is bracketed: \(rows[0])")
        XCTAssertFalse(after.lines.contains { $0.hasPrefix("  L3 ") && $0.contains("[") }, "likelihood 3 is no longer bracketed")
        XCTAssertTrue(after.text.contains("Likelihood 2 × impact 4 = 8"), after.text)
        XCTAssertTrue(before.text.contains("R2  The backlog of 1600"), "likelihood 3 × impact 4 lists R2, R4 and R7: \(before.text)")
        XCTAssertTrue(after.text.contains("Risks here: none"), "the side says what the new cell holds: \(after.text)")
    }

    func testTheHeatmapListsACellsRisksWithTheirTextInOneColumn() throws {
        let plan = SyntheticPlan.make(areas: 3, actions: 300, risks: 120, kpis: 2, seed: 1, today: TestDates.illustrativeToday)
        var state = BoardState(plan: plan, today: TestDates.illustrativeToday, user: "tester", width: 80, height: 24)
        _ = state.update(.resize(width: 80, height: 24))
        state.press(.char("4"))
        let listed = Render.screen(state).lines.compactMap { line -> Int? in
            guard let r = line.range(of: " R[0-9]+ +Generated", options: .regularExpression) else { return nil }
            return line[r].range(of: "Generated").map { line.distance(from: line.startIndex, to: $0.lowerBound) }
        }
        XCTAssertGreaterThan(listed.count, 1, Render.screen(state).lines.joined(separator: "\n"))
        XCTAssertEqual(Set(listed).count, 1, "R7 and R113's text start in the same column: \(listed)")
    }

    func testADownOnTheScoreCardMovesTheHighlightToTheNextKPIsReferenceAndName() throws {
        var state = try board(view: .kpis)
        state.press(.down)
        let after = Render.screen(state)
        let rows = selectedRows(after).filter { $0.hasPrefix("K") }  // the header marks the chosen milestone's column
        XCTAssertEqual(rows.count, 1, after.lines.joined(separator: "\n"))
        XCTAssertTrue(rows[0].hasPrefix("K2 "), rows[0])
        let columns = try selectedColumns(after, row: rows[0])
        let header = try XCTUnwrap(after.lines.first { $0.hasPrefix("Ref ") })
        let baseline = try XCTUnwrap(header.range(of: "Baseline")).lowerBound.utf16Offset(in: header)
        XCTAssertEqual(columns, 0...(baseline - 1), "the reference and name light up, not the figures or the trend")
        let y = try XCTUnwrap(after.lines.firstIndex(of: rows[0]))
        XCTAssertTrue(after.roleLines[y].contains("i"), "the chosen milestone's actual is marked for Enter")
        XCTAssertTrue(after.roleLines[y].contains("KKKKKKKllll"), "the change and the trend keep their own roles: \(after.roleLines[y])")
    }

    func testADownOnTheCheckpointsMovesTheHighlightToTheNextCheckpointsName() throws {
        var state = try board(view: .checkpoints)
        XCTAssertTrue(selectedRows(Render.screen(state)).first?.hasPrefix("▶ Board 2023-07-18") ?? false)
        state.press(.down, .down)
        let after = Render.screen(state)
        let rows = selectedRows(after)
        XCTAssertEqual(rows.count, 1, after.lines.joined(separator: "\n"))
        XCTAssertTrue(rows[0].hasPrefix("  Board 2022-11-15"), rows[0])
        let columns = try selectedColumns(after, row: rows[0])
        let date = try XCTUnwrap(rows[0].range(of: "15 Nov 2022")).lowerBound.utf16Offset(in: rows[0])
        XCTAssertEqual(columns, 0...(date - 1), "the name lights up; the date and what changed keep their roles")
        XCTAssertTrue(after.lines.contains { $0.hasPrefix("▶ Board 2023-07-18") }, "▶ still marks what “since” compares with")
    }
}

/// The cells a Down changes in the dashboard, heatmap, score card and checkpoints: a budget
/// of the screen, not a timing. Whole rows repainted in two colours, as they once were, take
/// more. (A list that scrolls changes many cells the terminal moves in one go, so the views
/// that scroll are measured by `scripts/bench` in bytes instead.)
final class DownKeyCellBudgetTests: XCTestCase {
    static let budget = 80

    private func changedCells(_ state: BoardState) -> Int {
        var moved = state
        let before = Render.screen(moved)
        moved.press(.down)
        return zip(before.cells, Render.screen(moved).cells).filter { $0.0 != $0.1 }.count
    }

    private func check(_ plan: Plan, _ name: String) {
        var start = BoardState(plan: plan, today: TestDates.illustrativeToday, user: "tester", width: 80, height: 24)
        _ = start.update(.resize(width: 80, height: 24))
        for view in "1468" {
            var state = start
            state.press(.char(view))
            let cells = changedCells(state)
            XCTAssertGreaterThan(cells, 0, "a Down moves something in view \(view) on \(name)")
            XCTAssertLessThanOrEqual(cells, Self.budget, "view \(view) on \(name): a Down changes \(cells) cells")
        }
    }

    func testADownChangesFewCellsOnTheDashboardHeatmapScoreCardAndCheckpointsOfTheSample() throws {
        check(try Samples.plan(SamplePlans.devonIllustrative), "the sample")
    }

    func testADownChangesFewCellsOnTheDashboardHeatmapScoreCardAndCheckpointsOfAGeneratedPlan() {
        check(SyntheticPlan.make(areas: 13, actions: 2_000, risks: 200, kpis: 24, seed: 1, today: TestDates.illustrativeToday), "a generated plan")
    }
}

extension ScreenBuffer {
    var text: String { lines.joined(separator: "\n") }
}

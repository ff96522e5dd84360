import Foundation
import PlanModel
@testable import PlanImport
import TestSupport
import XCTest

/// Every import report accounts for every paragraph and every row of the file: each is
/// placed, not placed or skipped, and says so with its place.
final class ReportAccountingTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    let today = TestDates.date("2023-08-15")

    /// Whether a place ("table 3, row 4", "table 3, rows 1–2", "paragraph 9") names `target`
    /// (a paragraph, or a table's row).
    static func covers(_ place: String, paragraph: Int) -> Bool { place == "paragraph \(paragraph)" }

    static func covers(_ place: String, table: Int, row: Int) -> Bool {
        if place == "table \(table), row \(row)" { return true }
        let prefix = "table \(table), rows "
        guard place.hasPrefix(prefix) else { return false }
        let bounds = place.dropFirst(prefix.count).split(separator: "–").compactMap { Int($0) }
        return bounds.count == 2 && (bounds[0]...bounds[1]).contains(row)
    }

    func testEveryParagraphAndRowOfEveryCommittedWordPlanIsPlacedNotPlacedOrSkipped() throws {
        for name in ["devon-app.docx", "northmoor-shuffled.docx", "riverton-app.docx", "riverton-governance-table.docx"] {
            let url = Self.fixtures.appendingPathComponent(name)
            let result = try PlanDocumentReader.read(url: url, name: name, today: today, author: "t")
            let report = result.report
            let places = (report.placed + report.notPlaced + report.skipped).map(\.place)
            let file = try OfficeFile(url: url, name: name, expecting: .word)
            let document = try WordDocument.parse(try XCTUnwrap(try file.part("word/document.xml")), file: name)
            var missing: [String] = []
            for block in document.blocks {
                switch block {
                case let .paragraph(p):
                    guard !p.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                    if !places.contains(where: { Self.covers($0, paragraph: p.number) }) { missing.append("paragraph \(p.number): \(p.text.prefix(40))") }
                case let .table(t):
                    // A table not placed as a whole accounts for all its rows.
                    if report.notPlaced.contains(where: { $0.place == "table \(t.number)" }) { continue }
                    let grid = TableGrid(t)
                    for (r, row) in grid.rows.enumerated() where row.contains(where: { !$0.trimmed.isEmpty && !$0.merged }) {
                        if !places.contains(where: { Self.covers($0, table: t.number, row: r + 1) }) {
                            missing.append("table \(t.number), row \(r + 1): \(row.map(\.trimmed).joined(separator: " | ").prefix(60))")
                        }
                    }
                }
            }
            XCTAssertEqual(missing, [], "\(name): the report says nothing of these:\n\(report.text)")
        }
    }

    func testEveryRowOfEveryCommittedTrackerIsPlacedNotPlacedOrSkipped() throws {
        let plan = try Samples.plan(SamplePlans.devon)
        for (name, area) in [("tracker.xlsx", 3), ("tracker.csv", 2), ("council-tracker.csv", 3)] {
            let url = Self.fixtures.appendingPathComponent(name)
            let result = try TrackerImport.read(url: url, name: name, area: area, plan: plan, today: today, author: "t")
            let report = result.report
            let places = Set((report.placed + report.notPlaced + report.skipped).map(\.place))
            let sheet = name.hasSuffix(".csv") ? try Sheet.csv(url: url, name: name) : try Sheet.xlsx(url: url, name: name)
            let missing = sheet.rows.filter { row in
                row.cells.contains { !$0.trimmed.isEmpty } && !places.contains("\(sheet.name), row \(row.number)")
            }.map(\.number)
            XCTAssertEqual(missing, [], "\(name): the report says nothing of these rows:\n\(report.text)")
        }
    }
}

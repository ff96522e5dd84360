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

    /// Every fixture committed beside this file, each either read (a Word plan or a tracker)
    /// or refused as a whole with a reason naming it: a new fixture cannot be left out.
    static func committed() throws -> (word: [String], trackers: [String]) {
        var word: [String] = []
        var trackers: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted() {
            let url = fixtures.appendingPathComponent(name)
            let isTracker = ["csv", "xlsx"].contains(url.pathExtension)
            do {
                if isTracker {
                    _ = try TrackerImport.read(url: url, name: name, area: area(of: name), plan: try Samples.plan(SamplePlans.devon),
                                               today: TestDates.date("2023-08-15"), author: "t")
                    trackers.append(name)
                } else {
                    _ = try PlanDocumentReader.read(url: url, name: name, today: TestDates.date("2023-08-15"), author: "t")
                    word.append(name)
                }
            } catch let error as ImportError {
                XCTAssertEqual(error.file, name)
                XCTAssertTrue(error.message.lowercased().contains("nothing was changed"), "\(name) is refused without saying nothing was changed: \(error)")
            }
        }
        return (word, trackers)
    }

    static func area(of tracker: String) -> Int { tracker == "tracker.csv" ? 2 : 3 }

    func testEveryCommittedFixtureIsReadOrRefusedWithAReason() throws {
        let (word, trackers) = try Self.committed()
        XCTAssertEqual(word, ["devon-app.docx", "northmoor-shuffled.docx", "one-line-11mb.docx", "riverton-app.docx", "riverton-governance-table.docx"])
        XCTAssertEqual(trackers, ["council-tracker.csv", "one-line-11mb.xlsx", "tracker.csv", "tracker.xlsx", "xfd-2k.xlsx"])
    }

    func testEveryParagraphAndRowOfEveryCommittedWordPlanIsPlacedNotPlacedOrSkipped() throws {
        for name in try Self.committed().word {
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
            XCTAssertEqual(missing, [], "\(name): the report says nothing of these:\n\(report.text.prefix(5000))")
            XCTAssertFalse(report.placed.isEmpty && report.notPlaced.isEmpty, "\(name): the report says what was placed and what was not")
        }
    }

    func testEveryRowOfEveryCommittedTrackerIsPlacedNotPlacedOrSkipped() throws {
        let plan = try Samples.plan(SamplePlans.devon)
        for name in try Self.committed().trackers {
            let url = Self.fixtures.appendingPathComponent(name)
            let result = try TrackerImport.read(url: url, name: name, area: Self.area(of: name), plan: plan, today: today, author: "t")
            let report = result.report
            let lines = report.placed + report.notPlaced + report.skipped
            let places = Set(lines.map(\.place))
            let sheet = try Sheet.read(url: url, name: name)
            // A column reported as a whole (cells under no header) accounts for its cells.
            let wholeColumns = Set(lines.map(\.place).filter { $0.hasPrefix("\(sheet.name), column ") })
            let missing = sheet.rows.filter { row in
                guard !places.contains("\(sheet.name), row \(row.number)") else { return false }
                return row.entries.contains { entry in
                    !entry.cell.trimmed.isEmpty && !wholeColumns.contains("\(sheet.name), column \(SheetReader.columnName(entry.column))")
                }
            }.map(\.number)
            XCTAssertEqual(missing, [], "\(name): the report says nothing of these rows:\n\(report.text.prefix(5000))")
        }
    }
}

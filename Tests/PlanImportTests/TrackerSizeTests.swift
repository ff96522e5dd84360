import Foundation
import PlanModel
@testable import PlanImport
import TestSupport
import XCTest

/// Trackers whose size or shape once broke the reader (scripts/make-council-fixtures.py).
/// How fast and how small is measured in docs/BENCHMARKS.md, not here.
final class TrackerSizeTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func sheet(_ name: String) throws -> Sheet {
        let url = Self.fixtures.appendingPathComponent(name)
        return try Sheet.read(url: url, name: name)
    }

    func testASheetWrittenOnOneLineOfElevenMegabytesIsReadWhole() throws {
        let read = try sheet("one-line-11mb.xlsx")
        XCTAssertEqual(read.rows.count, 33_001)
        XCTAssertEqual(read.rows.last?.cells.map(\.text), ["3t32999", "Action 32999 of the tracker, written out at the length councils write them.",
                                                           "Jackie Ross", "31/03/2025", "Green"])
    }

    func testCellsFarToTheRightCostOneCellEachAndAreReportedByTheirColumn() throws {
        let read = try sheet("xfd-2k.xlsx")
        XCTAssertEqual(read.rows.dropFirst().map(\.entries.count), Array(repeating: 1, count: 2_000), "one cell kept per row, not 16,384")
        XCTAssertEqual(read.rows[1].entries.first?.column, 16_383)
        let result = try TrackerImport.read(url: Self.fixtures.appendingPathComponent("xfd-2k.xlsx"), name: "xfd-2k.xlsx", area: 3,
                                            plan: try Samples.plan(SamplePlans.devon), today: TestDates.date("2023-08-15"), author: "t")
        XCTAssertEqual(result.edits, [])
        XCTAssertEqual(result.report.notPlaced.map(\.description),
                       ["Tracker, column XFD: 2000 cells in rows 2–2001 under no header; not placed. Give the column a header, or add it to the tracker's table"])
    }

    func testACellOverTheLongestTextIsRefusedNamingItsPlace() {
        for name in ["long-cell.csv", "long-cell.xlsx"] {
            XCTAssertThrowsError(try sheet(name)) { error in
                let place = name.hasSuffix(".csv") ? "row 2, column B" : "row 2, column B"
                XCTAssertTrue("\(error)".hasPrefix("\(name) has a cell of 200000 characters at \(place); expected at most 100000 characters in one cell. Nothing was changed"), "\(error)")
            }
        }
    }

    func testAWorksheetThatIsNotWellFormedIsStillCalledDamaged() throws {
        let scan = XMLScan()
        for bad in ["<a><b></a>", "<a>", "<a x=1/>", "<a>&nope;</a>", "<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", "<a/><b/>"] {
            XCTAssertThrowsError(try scan.scan(Array(bad.utf8), start: { _, _ in }, end: { _ in }, text: { _, _ in }), bad)
        }
        var texts: [String] = []
        try scan.scan(Array("<?xml version=\"1.0\"?><x:a q='1'><!-- c --><b>&lt;&#65;&#x42;&amp;</b><![CDATA[<c>]]></x:a>".utf8),
                      start: { _, _ in }, end: { _ in }, text: { text, _ in texts.append(text ?? "") })
        XCTAssertEqual(texts, ["<AB&", "<c>"])
    }
}

/// A Word plan whose document is one line of more than 10 MB, as Word writes it.
final class WordSizeTests: XCTestCase {
    func testAWordDocumentOnOneLineOfElevenMegabytesIsReadNotCalledDamaged() throws {
        let url = TrackerSizeTests.fixtures.appendingPathComponent("one-line-11mb.docx")
        let result = try PlanDocumentReader.read(url: url, name: "one-line-11mb.docx", today: TestDates.date("2023-08-15"), author: "t")
        XCTAssertEqual(result.plan.area(number: 1)?.actions.count, 15)
        XCTAssertTrue(result.report.notPlaced.contains { $0.place == "paragraph 1" && $0.what.hasPrefix("text before the plan's parts, \"xxxx") }, result.report.text.prefix(2000).description)
    }
}

extension WordSizeTests {
    func testAWordTextLongerThanPlanboardCanKeepIsRefusedAsSoonAsItIsSeen() throws {
        let xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
            + String(repeating: "word ", count: 100_000) + "</w:t></w:r></w:p></w:body></w:document>"
        XCTAssertThrowsError(try WordDocument.parse(Data(xml.utf8), file: "big.docx")) { error in
            XCTAssertEqual("\(error)", "big.docx has a text of more than 100000 characters in one piece (500000 bytes); expected at most 100000 characters in any paragraph or cell. Nothing was changed")
        }
    }
}

import Foundation
import PlanModel
@testable import PlanImport
import TestSupport
import XCTest

/// Reading a plan written in the Word template.
final class WordImportTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    let today = TestDates.date("2023-08-15")

    func read(_ name: String) throws -> PlanDocumentReader.Result {
        try PlanDocumentReader.read(url: Self.fixtures.appendingPathComponent(name), name: name, today: today, author: "tester")
    }

    func refusal(_ name: String) -> String? {
        do {
            _ = try read(name)
            return nil
        } catch {
            return "\(error)"
        }
    }

    func testTheDevonDocumentGivesEveryAreaFindingAndActionOfTheTranscriptionWordForWord() throws {
        let devon = try Samples.plan(SamplePlans.devon)
        let result = try read("devon-app.docx")
        let plan = result.plan
        XCTAssertEqual(plan.areas.map(\.number), devon.areas.map(\.number))
        for (got, want) in zip(plan.areas, devon.areas) {
            XCTAssertEqual(got.weakness, want.weakness, "area \(want.number) weakness")
            XCTAssertEqual(got.findingsSource, want.findingsSource, "area \(want.number) source line")
            XCTAssertEqual(got.findings, want.findings, "area \(want.number) findings")
            // The document's two unlettered rows after 2a are lettered on in sequence (2b, 2c):
            // a reader of the table cannot know what the transcription knows, that they continue
            // 2a for social care and health (2a.sc, 2a.h). 2a's lead cell, "Jackie Ross 0-25,
            // EPS, Inclusion", is read as the transcription holds it: the person and three teams.
            let read = ["2b": "2a.sc", "2c": "2a.h"]
            XCTAssertEqual(got.actions.map { read[$0.ref] ?? $0.ref }, want.actions.map(\.ref), "area \(want.number) references")
            for (action, expected) in zip(got.actions, want.actions) {
                // The links to K1–K6 are the transcriber's reading of the KPI text; the seed's
                // score card is empty, so the document has no KPIs to link to.
                var wanted = expected
                wanted.kpis = []
                if read.values.contains(expected.ref) { wanted.ref = action.ref }
                XCTAssertEqual(action, wanted, "action \(expected.ref)")
            }
        }
        XCTAssertEqual(plan.header.localArea, devon.header.localArea)
        XCTAssertEqual(plan.header.title, devon.header.title)
        XCTAssertEqual(plan.header.inspectionStart, devon.header.inspectionStart)
        XCTAssertEqual(plan.header.inspectionEnd, devon.header.inspectionEnd)
        XCTAssertNil(plan.header.revisitReportDate)
        XCTAssertEqual(plan.header.accountableOfficers, devon.header.accountableOfficers)
        XCTAssertEqual(plan.governance.narrative, devon.governance.narrative)
        XCTAssertEqual(plan.governance.partners, devon.governance.partners)
        XCTAssertEqual(plan.risks, [])
        XCTAssertEqual(Validator().problems(in: plan), [])
        XCTAssertEqual(result.report.notPlaced, [], "the Devon document should be placed in full:\n\(result.report.text)")
        XCTAssertTrue(result.report.skipped.contains { $0.place == "paragraph 7" && $0.what.contains("lead-in to the partners list") })
    }

    func testShuffledColumnsAMergedHeaderASplitRowAndShadedRAGCellsAreRead() throws {
        let result = try read("northmoor-shuffled.docx")
        let plan = result.plan
        let area = try XCTUnwrap(plan.area(number: 1))
        XCTAssertEqual(area.actions.map(\.ref), ["1a", "1b", "1c", "1d", "1e"])
        // RAG by shading only.
        XCTAssertEqual(area.actions.map(\.status), [.green, .red, .amber, .complete, .amber])
        // The lead merged down three rows belongs to each of them.
        XCTAssertEqual(area.actions.prefix(3).map(\.leads), [["Sam Patel"], ["Sam Patel"], ["Sam Patel"]])
        // Columns found by their words under the merged header, in their shuffled order.
        XCTAssertEqual(area.actions[0].byWhen, TestDates.date("2024-03-31"))
        XCTAssertEqual(area.actions[2].byWhen, TestDates.date("2024-06-30"))
        XCTAssertEqual(area.actions[3].byWhen, TestDates.date("2025-03-31"), "March 2025 is the end of March")
        XCTAssertEqual(area.actions[0].kpiText, "Waits under 18 weeks")
        // The Update column is the reason for Red.
        XCTAssertEqual(area.actions[1].notes.map(\.text), ["Recruitment slower than planned"])
        // Amber with no reason gets a note saying so.
        XCTAssertEqual(area.actions[2].notes.map(\.text), ["Amber in northmoor-shuffled.docx; the document gives no reason."])
        // The row split across the page break is one action.
        XCTAssertEqual(area.actions[4].text, "Agree a graduated offer for children waiting, with schools and the parent carer forum, and publish it.")
        XCTAssertEqual(area.actions[4].kpiText, "Offer agreed by schools and the forum")
        XCTAssertTrue(result.report.placed.contains { $0.place == "table 3, row 3" && $0.what.contains("joined to 1e") })

        let second = try XCTUnwrap(plan.area(number: 2))
        XCTAssertEqual(second.actions.map(\.ref), ["2a", "2b"])
        XCTAssertEqual(second.actions.map(\.status), [.green, .amber])
        XCTAssertEqual(second.actions[1].leads, ["Chris Wong", "Jo Lee"])

        XCTAssertEqual(plan.header.accountableOfficers.map(\.name), ["Priya Shah", "Tom Reed"])
        XCTAssertEqual(plan.header.advisers, [Person(name: "Alex Moore", role: "SEND Adviser", organisation: "DfE")])
        XCTAssertEqual(plan.header.inspectionStart, TestDates.date("2024-03-04"))
        XCTAssertEqual(plan.governance.partners.count, 3)
        XCTAssertEqual(plan.governance.reportingLines, [
            ReportingLine(from: "SEND Partnership Board", to: "Health and Wellbeing Board", kind: .accountability, frequency: "Twice a year"),
            ReportingLine(from: "SEND Partnership Board", to: "ICB Board", kind: .information, frequency: "Quarterly"),
        ])

        XCTAssertEqual(plan.risks.map(\.ref), ["R1", "R2"])
        XCTAssertEqual(plan.risks[0].inherent, Score(likelihood: 4, impact: 4))
        XCTAssertEqual(plan.risks[0].residual, Score(likelihood: 3, impact: 4))
        XCTAssertEqual(plan.risks[0].target, Score(likelihood: 2, impact: 3))
        XCTAssertEqual(plan.risks[1].areas, [1, 2])

        XCTAssertEqual(plan.kpis.map(\.ref), ["K1", "K2"])
        XCTAssertEqual(plan.kpis[0].better, .lower)
        XCTAssertEqual(plan.kpis[1].unit, "%")
        XCTAssertEqual(plan.kpis[1].comparator, Comparator(label: "England average", value: 50.3))
        XCTAssertEqual(plan.kpis[1].milestones.map(\.label), ["3 months", "6 months", "12 months"])
        XCTAssertEqual(plan.kpis[1].milestones.map(\.target), [40, 55, 70])
        XCTAssertEqual(Validator().problems(in: plan), [])

        // What could not be placed is named by table and row.
        XCTAssertEqual(result.report.notPlaced.map(\.place), ["table 5"])
        XCTAssertTrue(result.report.notPlaced[0].what.contains("Budget line | Cost centre"))
        // A by-when in words is kept as written, not dropped.
        XCTAssertEqual(plan.action("1e")?.byWhenWritten, "Ongoing")
        XCTAssertTrue(result.report.placed.contains { $0.place == "table 2, row 7" && $0.what.contains("\"Ongoing\" is not a date: kept as written") })
    }

    func testBadDocumentsAreRefusedWithAMessageNamingTheFile() {
        XCTAssertEqual(refusal("not-a-zip.docx"), "not-a-zip.docx is not a Word document saved as .docx: it does not start like one (a .docx or .xlsx is a zip archive); nothing was changed")
        XCTAssertEqual(refusal("zip-not-word.docx"), "zip-not-word.docx is a zip archive but not a Word document (it has no word/document.xml); expected a plan saved by Word as .docx. Nothing was changed")
        XCTAssertEqual(refusal("no-table.docx"), "no-table.docx is a Word document, but planboard found no part of an Accelerated Progress Plan in it: no table with headers it knows (Action / By when / Responsible officer / RAG / KPI, a risk register, an impact score card) and no \"Area of weakness\" heading; nothing was changed. Expected a plan written in the APP template")
        XCTAssertEqual(refusal("encrypted.docx"), "encrypted.docx is encrypted with a password (an Office \"encrypted package\"), so planboard cannot read it; nothing was changed. Open it in Word, remove the password (File › Info › Protect › Encrypt with Password, clear it), save, and import that copy")
        XCTAssertEqual(refusal("old-format.doc"), "old-format.doc is an older Office 97–2003 file (.doc or .xls), not a Word document saved as .docx; nothing was changed. Open it and save it as .docx (Word Document), then import that")
        XCTAssertEqual(refusal("cut-short.docx"), "cut-short.docx is damaged: its document text is not well-formed XML (it breaks off or is malformed near line 2); expected a document saved by Word. Nothing was changed")
        XCTAssertEqual(refusal("tracker.xlsx"), "tracker.xlsx is an Excel workbook, not a Word document; nothing was changed. To add actions from a tracker use `planboard import tracker.xlsx --area N`")
    }

    func testColumnsAreRecognisedInAnyOrderAndWording() throws {
        let headers = ["RAG rating", "Deadline", "Lead officer", "What we will do", "Measure of impact", "Ref", "Senior responsible officer"]
        let (kind, roles) = try XCTUnwrap(ColumnMatcher.recognise(headers))
        XCTAssertEqual(kind, .actions)
        XCTAssertEqual(roles, [0: .status, 1: .byWhen, 2: .lead, 3: .action, 4: .kpiText, 5: .ref, 6: .sro])
        XCTAssertEqual(ColumnMatcher.recognise(["Action", "Due date", "Owner", "Status"])?.roles, [0: .action, 1: .byWhen, 2: .lead, 3: .status])
        XCTAssertNil(ColumnMatcher.recognise(["Budget line", "Cost centre"]))
    }

    func testStatusesFromWordsLettersAndShading() {
        let words: [Status?] = ["R", "amber", "Green", "Completed", "Blue", "Not started", "on track"].map { CellValues.status($0) }
        let expectedWords: [Status?] = [.red, .amber, .green, .complete, .complete, .notStarted, .green]
        XCTAssertEqual(words, expectedWords)
        let fills: [Status?] = ["FF0000", "C00000", "FFC000", "FFFF00", "00B050", "92D050", "0070C0", "00B0F0", "A6A6A6"].map { CellValues.status(fill: $0) }
        let expectedFills: [Status?] = [.red, .red, .amber, .amber, .green, .green, .complete, .complete, .notStarted]
        XCTAssertEqual(fills, expectedFills)
        XCTAssertNil(CellValues.status(fill: "FFFFFF"))
    }

    func testDatesInTheFormsPeopleWriteThemAndExcelSerials() {
        XCTAssertEqual(CellValues.date("31/03/2023")?.date, TestDates.date("2023-03-31"))
        XCTAssertEqual(CellValues.date("2023-03-31")?.date, TestDates.date("2023-03-31"))
        XCTAssertEqual(CellValues.date("31 Mar 2023")?.date, TestDates.date("2023-03-31"))
        XCTAssertEqual(CellValues.date("31st March 2023")?.date, TestDates.date("2023-03-31"))
        XCTAssertEqual(CellValues.date("Feb 2024")?.date, TestDates.date("2024-02-29"))
        XCTAssertEqual(CellValues.date("45199", serial: true)?.date, TestDates.date("2023-09-30"))
        XCTAssertNil(CellValues.date("Ongoing"))
        XCTAssertNil(CellValues.date("45199"), "a number is a date only from an Excel cell")
        XCTAssertEqual(Interpreter.dateRange("23-25t May 2022")?.0, TestDates.date("2022-05-23"))
        XCTAssertEqual(Interpreter.dateRange("23-25t May 2022")?.1, TestDates.date("2022-05-25"))
    }

    func testWordsOwnListNumberingIsReadAsTheLabelsWordShows() {
        var numbering = Numbering()
        numbering.abstract["1"] = [0: Numbering.Level(format: "lowerLetter", text: "%1)", start: 1),
                                   1: Numbering.Level(format: "lowerRoman", text: "%2.", start: 1)]
        numbering.lists["7"] = ("1", [:])
        XCTAssertEqual(numbering.label(list: "7", level: 0), "a)")
        XCTAssertEqual(numbering.label(list: "7", level: 0), "b)")
        XCTAssertEqual(numbering.label(list: "7", level: 1), "i.")
        XCTAssertEqual(numbering.label(list: "7", level: 1), "ii.")
        XCTAssertEqual(numbering.label(list: "7", level: 0), "c)")
        XCTAssertEqual(numbering.label(list: "7", level: 1), "i.", "a deeper level starts again under each new item")
        XCTAssertFalse(numbering.isBullet(list: "7", level: 0))
    }

    func testATableIsLaidOnItsGridWithSpansMergesAndSkippedColumns() {
        var table = WordDocument.Table()
        func cell(_ text: String, span: Int = 1, merge: WordDocument.Cell.Merge = .none) -> WordDocument.Cell {
            WordDocument.Cell(paragraphs: [text], span: span, merge: merge)
        }
        table.rows = [
            WordDocument.Row(cells: [cell("Action"), cell("Who and when", span: 2)]),
            WordDocument.Row(cells: [cell("a) First"), cell("Sam", merge: .restart), cell("March 2024")]),
            WordDocument.Row(cells: [cell("b) Second"), cell("", merge: .continue), cell("April 2024")]),
            WordDocument.Row(cells: [cell("May 2024")], gridBefore: 2),
        ]
        let grid = TableGrid(table)
        XCTAssertEqual(grid.columns, 3)
        XCTAssertEqual(grid.rows[0].map(\.text), ["Action", "Who and when", ""])
        XCTAssertEqual(TableGrid.headerTexts(grid.rows, 1), ["Action", "Who and when", "Who and when"])
        XCTAssertEqual(grid.rows[2].map(\.text), ["b) Second", "Sam", "April 2024"], "a vertical merge carries the value down")
        XCTAssertTrue(grid.rows[2][1].merged)
        XCTAssertEqual(grid.rows[3].map(\.text), ["", "", "May 2024"], "gridBefore skips columns")
    }

    func testActionLabelsAsPlansWriteThem() {
        XCTAssertEqual(ActionLabel.parse("d) and e) Local area arrangements"), ActionLabel(kind: .letters("d", "e"), rest: "Local area arrangements"))
        XCTAssertEqual(ActionLabel.parse("a)-Robust performance"), ActionLabel(kind: .letters("a", "a"), rest: "Robust performance"))
        XCTAssertEqual(ActionLabel.parse("iii. Processes."), ActionLabel(kind: .roman("iii"), rest: "Processes."))
        XCTAssertNil(ActionLabel.parse("Across the local area"))
        XCTAssertNil(ActionLabel.parse("Also. Not a label"))
    }
}

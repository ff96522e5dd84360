import Foundation
import PlanModel
@testable import PlanImport
import TestSupport
import XCTest

/// Plans and trackers laid out as councils write them (scripts/make-council-fixtures.py).
final class CouncilLayoutTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    let today = TestDates.date("2023-08-15")

    func read(_ name: String) throws -> PlanDocumentReader.Result {
        try PlanDocumentReader.read(url: Self.fixtures.appendingPathComponent(name), name: name, today: today, author: "tester")
    }

    /// The fixture's by-whens as written, with the date each should be read as (nil: kept as written).
    static let dates: [(String, String?)] = [
        ("End of March 2023", "2023-03-31"), ("End of Jan 2023", "2023-01-31"), ("Q2 2023/24", "2023-09-30"),
        ("Q4 2022/23", "2023-03-31"), ("Summer term 2023", "2023-07-31"), ("Spring 2023", "2023-03-31"),
        ("Autumn 2022", "2022-12-31"), ("2023", "2023-12-31"), ("w/c 3 Oct 2022", "2022-10-07"),
        ("01.04.23", "2023-04-01"), ("30/06/23", "2023-06-30"),
        ("Ongoing", nil), ("TBC", nil), ("As above", nil), ("Termly", nil),
    ]

    func testByWhensWrittenAsCouncilsWriteThemAreReadAsDatesOrKeptAsWritten() throws {
        let result = try read("riverton-app.docx")
        let actions = try XCTUnwrap(result.plan.area(number: 1)).actions
        XCTAssertEqual(actions.count, Self.dates.count, result.report.text)
        for (action, (written, iso)) in zip(actions, Self.dates) {
            if let iso {
                XCTAssertEqual(action.byWhen?.iso, iso, "\(action.ref) \"\(written)\"")
                XCTAssertNil(action.byWhenWritten, "\(action.ref) \"\(written)\"")
            } else {
                XCTAssertNil(action.byWhen, "\(action.ref) \"\(written)\"")
                XCTAssertEqual(action.byWhenWritten, written, "\(action.ref) is kept as written")
                XCTAssertEqual(action.byWhenShown(none: "Not set"), written)
            }
        }
        let text = result.report.text
        XCTAssertFalse(text.contains("is not a date; expected"), "no by-when is dropped:\n\(text)")
        XCTAssertTrue(text.contains("1l by when \"Ongoing\" is not a date: kept as written"), text)
        XCTAssertTrue(text.contains("read \"Q2 2023/24\" as the end of quarter 2 of the financial year 2023/24, 30 Sep 2023"), text)
        XCTAssertTrue(text.contains("read \"Summer term 2023\" as the end of the summer term, 31 Jul 2023"), text)
    }

    func testTheSchoolYearNamedDecidesTheTermsDateAndTwoDigitYearsAreThisCentury() {
        XCTAssertEqual(CellValues.date("Spring term 2023/24")?.date?.iso, "2024-03-31")
        XCTAssertEqual(CellValues.date("Autumn term 2023/24")?.date?.iso, "2023-12-31")
        XCTAssertEqual(CellValues.date("Summer 2023-24")?.date?.iso, "2024-07-31")
        XCTAssertEqual(CellValues.date("Q1 2024/25")?.date?.iso, "2024-06-30")
        XCTAssertEqual(CellValues.date("Q3 23/24")?.date?.iso, "2023-12-31")
        XCTAssertEqual(CellValues.date("2023/24")?.date?.iso, "2024-03-31")
        XCTAssertEqual(CellValues.date("By end of Sept 2023")?.date?.iso, "2023-09-30")
        XCTAssertEqual(CellValues.date("3 Oct 22")?.date?.iso, "2022-10-03")
        XCTAssertEqual(CellValues.date("31/03/2024")?.note, nil, "a plain date needs no word in the report")
        XCTAssertNil(CellValues.date("Ongoing"))
        XCTAssertNil(CellValues.date("31.02.23"), "no such day")
    }

    func testATrackersNewActionKeepsAWrittenByWhenAndAnExistingOneIsToldItWasNotChanged() throws {
        var plan = try Samples.plan(SamplePlans.devon)
        // 3q is new; 3b is in the plan.
        let url = folder().appendingPathComponent("words.csv")
        try "Ref,Action,By when\r\n3q,Publish a dashboard.,Termly\r\n3b,,TBC\r\n".write(to: url, atomically: true, encoding: .utf8)
        let result = try TrackerImport.read(url: url, name: "words.csv", area: 3, plan: plan, today: today, author: "t")
        for edit in result.edits { plan = try plan.applying(edit).plan }
        XCTAssertEqual(plan.action("3q")?.byWhenWritten, "Termly")
        XCTAssertEqual(plan.action("3b")?.byWhenWritten, nil)
        XCTAssertTrue(result.report.notPlaced.contains { $0.what.contains("3b by when \"TBC\" is not a date; 3b keeps") }, result.report.text)
    }

    // MARK: Columns

    func testAGroupHeadingOverTwoHeaderRowsLeavesEachColumnItsOwnWords() throws {
        let result = try read("riverton-app.docx")
        let actions = try XCTUnwrap(result.plan.area(number: 1)).actions
        // "Timescale and ownership" is merged over "Target date" and "Lead officer": every lead is read.
        XCTAssertEqual(actions.dropFirst().map(\.leads), (1..<Self.dates.count).map { i in
            ["Officer \(String("abcdefghijklmnopqrstuvwxyz".map { $0 }[i]).uppercased())"]
        }, result.report.text)
        XCTAssertFalse(result.report.text.contains("Timescale and ownership Lead officer"), result.report.text)
    }

    func tracker(_ name: String, columns: [String] = []) throws -> TrackerImport.Result {
        try TrackerImport.read(url: Self.fixtures.appendingPathComponent(name), name: name, area: 3,
                               plan: try Samples.plan(SamplePlans.devon), today: today, author: "t",
                               columns: try ColumnChoices.parse(columns))
    }

    func testATrackerHeadedInACouncilsOwnWordsIsReadAndItsUnknownColumnSaysHowToUseIt() throws {
        let result = try tracker("council-tracker.csv")
        var plan = try Samples.plan(SamplePlans.devon)
        for edit in result.edits { plan = try plan.applying(edit).plan }
        let q = try XCTUnwrap(plan.action("3q"), result.report.text)
        XCTAssertEqual(q.text, "Publish a monthly EHC timeliness dashboard.")
        XCTAssertEqual(q.leads, ["Jackie Ross"])
        XCTAssertEqual(q.byWhen?.iso, "2024-03-31")
        XCTAssertEqual(q.status, .amber)
        XCTAssertEqual(q.notes.map(\.text), ["Draft built"])
        XCTAssertEqual(plan.action("3r")?.byWhenWritten, "Termly")
        let budget = try XCTUnwrap(result.report.notPlaced.first { $0.place.hasSuffix("column G") }, result.report.text)
        XCTAssertTrue(budget.what.contains("\"Budget code\" is not one planboard knows"), budget.what)
        XCTAssertTrue(budget.what.contains("--column \"Budget code=FIELD\", FIELD one of action, ref, by-when, lead, sro, status, kpi, success-criteria, progress or ignore"), budget.what)
    }

    func testColumnOptionsSayWhatAColumnHoldsOrLeaveItOut() throws {
        let ignored = try tracker("council-tracker.csv", columns: ["Budget code=ignore"])
        XCTAssertEqual(ignored.report.notPlaced, [], ignored.report.text)
        XCTAssertTrue(ignored.report.skipped.contains { $0.what.contains("\"Budget code\", left out as --column said") })

        // The budget code read as the SRO, and the owner column left out.
        let chosen = try tracker("council-tracker.csv", columns: ["Budget code=sro", "owner(s) = ignore"])
        var plan = try Samples.plan(SamplePlans.devon)
        for edit in chosen.edits { plan = try plan.applying(edit).plan }
        XCTAssertEqual(plan.action("3q")?.seniorResponsibleOfficer, "CC-100")
        XCTAssertEqual(plan.action("3q")?.leads, [])

        let unmatched = try tracker("council-tracker.csv", columns: ["Cost centre=ignore"])
        XCTAssertTrue(unmatched.report.notPlaced.contains { $0.place == "--column" && $0.what.contains("no column headed \"Cost centre\"") })

        XCTAssertThrowsError(try ColumnChoices.parse(["Budget code"])) { error in
            XCTAssertEqual("\(error)", "--column \"Budget code\" has no \"=\"; expected HEADER=FIELD, e.g. --column \"Description=action\", with FIELD one of action, ref, by-when, lead, sro, status, kpi, success-criteria, progress or ignore")
        }
        XCTAssertThrowsError(try ColumnChoices.parse(["Budget code=money"])) { error in
            XCTAssertTrue("\(error)".contains("\"money\" is not a field planboard has"), "\(error)")
        }
    }

    func testAWordTablesUnknownColumnCanBeGivenAFieldWithColumn() throws {
        // Northmoor's score-card-free table "Budget line | Cost centre" is not an actions table;
        // Riverton's "RAG" column is read, and choosing "RAG=ignore" leaves every status unset.
        let url = Self.fixtures.appendingPathComponent("riverton-app.docx")
        let result = try PlanDocumentReader.read(url: url, name: "riverton-app.docx", today: today, author: "t",
                                                 columns: try ColumnChoices.parse(["RAG=ignore"]))
        XCTAssertEqual(result.plan.area(number: 1)?.actions.map(\.status).allSatisfy { $0 == .notStarted }, true)
        XCTAssertTrue(result.report.skipped.contains { $0.what.contains("\"RAG\", left out as --column said") }, result.report.text)
    }

    // MARK: Rows

    func testARowCarriedOverAPageBreakJoinsTheRowBeforeWhateverItsFirstLetterAndIsPutToThePerson() throws {
        let result = try read("riverton-app.docx")
        let area = try XCTUnwrap(result.plan.area(number: 2))
        XCTAssertEqual(area.actions.map(\.ref), ["2a", "2b", "2p.i", "2p.ii", "2q"], result.report.text)
        XCTAssertEqual(area.actions[1].text, "Train every caseworker in writing provision that is specific and Quantified, with the help of the parent carer forum.")
        XCTAssertEqual(area.actions[1].leads, ["Jo Lee"])
        let joined = try XCTUnwrap(result.report.check.first { $0.place == "table 4, row 2" }, result.report.text)
        XCTAssertTrue(joined.what.contains("is read as the rest of 2b, carried over the page break"), joined.what)
        // An unlabelled row with nothing of its own, not after a break: a new action, with both readings given.
        let either = try XCTUnwrap(result.report.check.first { $0.place == "table 4, row 5" }, result.report.text)
        XCTAssertTrue(either.what.hasPrefix("2q \"Report the results to the Board.\" is read as a new action"), either.what)
        XCTAssertTrue(either.what.contains("may instead be the rest of 2p.ii"), either.what)
        XCTAssertTrue(result.report.text.contains("Check these (2)"), result.report.text)
    }

    func testTheReportNamesEachActionByTheReferenceItIsSavedWith() throws {
        for name in ["riverton-app.docx", "devon-app.docx", "northmoor-shuffled.docx"] {
            let result = try read(name)
            let saved = Set(result.plan.allActions.map(\.ref))
            for line in result.report.placed + result.report.notPlaced + result.report.check {
                guard let word = line.what.split(separator: " ").first, let first = word.first, first.isNumber,
                      word.dropFirst().first?.isLetter == true else { continue }
                XCTAssertTrue(saved.contains(String(word)), "\(name): \(line) names \(word), which is not saved; saved: \(saved.sorted())")
            }
        }
        let result = try read("riverton-app.docx")
        XCTAssertTrue(result.report.placed.contains { $0.description == "table 4, row 3: 2p.i by when: read \"End of June 2023\" as the end of that month, 30 Jun 2023" },
                      result.report.text)
    }

    // MARK: People, governance, title

    func testALeadsCellNamingAPersonAndTeamsIsSplitAndOfficersStayWhole() throws {
        let result = try read("riverton-app.docx")
        XCTAssertEqual(result.plan.action("1a")?.leads, ["Jackie Ross", "0-25", "EPS", "Inclusion"])
        var report = ImportReport()
        XCTAssertEqual(ActionRowReader.leads("Sam Patel, Head of SEND", ref: "1a", place: "p", report: &report), ["Sam Patel, Head of SEND"])
        XCTAssertEqual(ActionRowReader.leads("Ann Lowe, Director of Children's Services, Riverton Council", ref: "1a", place: "p", report: &report),
                       ["Ann Lowe, Director of Children's Services, Riverton Council"])
    }

    func testAGovernanceSectionUnderCouncilsOwnHeadingOrInAOneCellTableFillsTheNarrativeAndPartners() throws {
        for name in ["riverton-app.docx", "riverton-governance-table.docx"] {
            let result = try read(name)
            XCTAssertEqual(result.plan.governance.narrative, """
                The Riverton SEND Improvement Board oversees this plan and meets every six weeks.

                The Board reports to the Health and Wellbeing Board twice a year.
                """, "\(name)\n\(result.report.text)")
            XCTAssertEqual(result.plan.governance.partners, ["Riverton Council", "Riverton and District ICB", "Riverton Parent Carer Forum"], name)
            XCTAssertFalse(result.report.notPlaced.contains { $0.what.contains("Riverton") }, "\(name)\n\(result.report.text)")
        }
    }

    func testATitleMergedAcrossTheHeaderTablesFirstRowIsThePlansTitle() throws {
        let result = try read("riverton-app.docx")
        XCTAssertEqual(result.plan.header.title, "Accelerated Progress Plan – Riverton Local Area")
        XCTAssertTrue(result.report.placed.contains { $0.description == "table 1, row 1: the plan's title" }, result.report.text)
        XCTAssertEqual(result.report.notPlaced, [], result.report.text)
    }

    func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("council-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

import Foundation
import PlanModel
@testable import PlanExchange
import TestSupport
import XCTest

final class RoundTripTests: XCTestCase {
    func testWritingEachSampleReproducesItsFileByteForByte() throws {
        for sample in SamplePlans.all {
            let bytes = try Samples.bytes(sample)
            XCTAssertEqual(Data(PlanEncoding.json(try Samples.plan(sample)).utf8), bytes, sample)
        }
    }

    func testExportThenImportIsIdentityForAwkwardText() throws {
        var plan = try Samples.plan(SamplePlans.fictional)
        let awkward = ["", " leading and trailing ", "quote \" and backslash \\ and slash /", "line\nbreak\tand tab",
                       "£ – ’ “ ” é 中文 👩‍👩‍👧", "{\"looks\": [\"like json\"]}", "=SUM(A1:A9)"]
        for (i, text) in awkward.enumerated() {
            plan.areas[0].actions[0].notes.append(Note(date: PlanDate(dayNumber: 19_500 + i), author: "t", text: text.isEmpty ? "x" : text))
            plan.areas[0].actions[0].successCriteria = text
        }
        plan.kpis[0].milestones[0].actual = 12.345
        plan.kpis[0].milestones[1].actual = -0.5
        plan.kpis[0].milestones[2].actual = 999_999_999_999_999  // the largest figure kept exactly
        let json = PlanEncoding.json(plan)
        let back = try PlanDecoding.plan(bytes: Array(json.utf8), file: "awkward.json")
        XCTAssertEqual(back, plan)
        XCTAssertEqual(PlanEncoding.json(back), json, "writing is stable")
    }

    func testTheWriterUsesTheDocumentedCanonicalForm() {
        let out = JSONWriter.write(.object([("b", .number(1600)), ("a", .array([])), ("c", .object([])),
                                           ("d", .string("£\u{1}\n")), ("e", .number(95.5)), ("f", .null)]))
        XCTAssertEqual(out, "{\n  \"b\": 1600,\n  \"a\": [],\n  \"c\": {},\n  \"d\": \"£\\u0001\\n\",\n  \"e\": 95.5,\n  \"f\": null\n}\n")
    }

    func testCSVQuotesWhatNeedsQuotingAndDefusesFormulas() {
        let csv = CSVWriter.write(header: ["A", "B"], rows: [
            [.text("plain"), .text("comma, here")],
            [.text("say \"hi\""), .text("two\nlines")],
            [.text("=HYPERLINK(\"x\")"), .number(58)],
            [.text("-5 looks like a formula"), .number(nil)],
        ])
        XCTAssertEqual(csv, "\u{FEFF}A,B\r\nplain,\"comma, here\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n\"'=HYPERLINK(\"\"x\"\")\",58\r\n'-5 looks like a formula,\r\n")
    }

    func testCSVTablesHaveOneRowPerItem() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        func rows(_ table: PlanCSV.Table) -> Int { PlanCSV.write(table, of: plan).components(separatedBy: "\r\n").count - 2 }
        XCTAssertEqual(rows(.risks), plan.risks.count)
        XCTAssertEqual(rows(.kpis), plan.kpis.count)
        XCTAssertTrue(PlanCSV.write(.risks, of: plan).contains("Residual score,Residual band"))
    }
}

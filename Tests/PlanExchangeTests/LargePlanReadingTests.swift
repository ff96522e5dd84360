import Foundation
import XCTest
@testable import PlanExchange
import PlanModel

/// Reading a large plan takes shortcuts: fields are found among each object's own members,
/// a value's path is made only to report a problem with it, plain ASCII text is checked
/// byte by byte. These pin down that a generated plan still reads back as it was written,
/// and that a problem deep inside one still names its file, place, what was found and
/// what was expected.
final class LargePlanReadingTests: XCTestCase {
    let today = PlanDate(iso: "2023-08-15")!

    func generated() -> Plan {
        SyntheticPlan.make(areas: 7, actions: 2_000, risks: 200, kpis: 12, today: today)
    }

    /// The file's problem when `plan` is written and read back, with the place of `needle`
    /// (the first byte of the value it starts) in the written text.
    func readBack(_ plan: Plan, finding needle: String) throws -> (error: PlanFileError, line: Int, column: Int) {
        let text = PlanEncoding.json(plan)
        let bytes = Array(text.utf8)
        let found = try XCTUnwrap(text.range(of: needle), "the written plan holds \(needle)")
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: found.lowerBound)
        let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = bytes[..<offset].filter { $0 == 0x0A }.count + 1
        do throws(PlanFileError) {
            _ = try PlanDecoding.plan(bytes: bytes, file: "big.json")
            XCTFail("a plan with \(needle) was accepted")
            throw PlanFileError(file: "big.json", problems: [])
        } catch {
            return (error, line, offset - lineStart + 1)
        }
    }

    func testAGeneratedPlanReadsBackAsTheSamePlan() throws {
        let plan = generated()
        XCTAssertGreaterThan(plan.checkpoints.count, 0, "the generated plan has checkpoints to read")
        XCTAssertTrue(plan.allActions.contains { !$0.notes.isEmpty }, "and notes")
        let read = try PlanDecoding.plan(bytes: Array(PlanEncoding.json(plan).utf8), file: "generated.json")
        XCTAssertEqual(read, plan)
    }

    func testAControlCharacterInANoteDeepInTheFileNamesItsFullPathLineAndColumn() throws {
        var plan = generated()
        let (a, i) = (3, 150)
        XCTAssertGreaterThan(plan.areas[a].actions.count, i)
        plan.areas[a].actions[i].notes.append(Note(date: today, author: "Ann", text: "rang the bell\u{7}"))
        let (error, line, column) = try readBack(plan, finding: "\"rang the bell\\u0007\"")
        let n = plan.areas[a].actions[i].notes.count - 1
        XCTAssertEqual(error.problems, [Problem(path: "areas[3].actions[150].notes[\(n)].text",
                                                message: "contains the control character U+0007; expected plain text (newlines and tabs are allowed)",
                                                line: line, column: column)])
        XCTAssertTrue(error.description.hasPrefix("big.json: 1 problem; nothing was imported."), error.description)
    }

    func testAControlCharacterInACheckpointsActionStateNamesItsPlaceInTheCheckpoint() throws {
        var plan = generated()
        let k = 1_234
        plan.checkpoints[1].actions[k].ref = "odd\u{1}ref"
        let (error, line, column) = try readBack(plan, finding: "\"odd\\u0001ref\"")
        XCTAssertEqual(error.problems, [Problem(path: "checkpoints[1].actions[\(k)].ref",
                                                message: "contains the control character U+0001; expected plain text (newlines and tabs are allowed)",
                                                line: line, column: column)])
    }

    func testAReferenceUsedTwiceFarApartNamesBothPlaces() throws {
        var plan = generated()
        plan.areas[5].actions[40].ref = plan.areas[1].actions[7].ref
        let ref = plan.areas[1].actions[7].ref
        XCTAssertEqual(Validator().problems(in: plan).map(\.description),
                       ["areas[5].actions[40].ref: \"\(ref)\" is used twice (also areas[1].actions[7]); expected each reference once"])
    }

    func testAKeyRepeatedInAnObjectOfManyKeysIsRefusedWhereItRepeats() {
        // Past a dozen keys the parser keeps a set of them; a repeat is refused either way.
        let keys = (1...20).map { "\"k\($0)\": \($0)" }.joined(separator: ",\n")
        let text = "{\n\(keys),\n\"k17\": 0\n}"
        XCTAssertThrowsError(try JSONParser.parse(Array(text.utf8))) { error in
            XCTAssertEqual(error as? JSONSyntaxError,
                           JSONSyntaxError(message: "the key \"k17\" appears twice in one object; expected each key once", line: 22, column: 1))
        }
        let fewer = "{\"a\": 1, \"b\": 2, \"a\": 3}"
        XCTAssertThrowsError(try JSONParser.parse(Array(fewer.utf8))) { error in
            XCTAssertEqual((error as? JSONSyntaxError)?.message, "the key \"a\" appears twice in one object; expected each key once")
        }
    }

    func testTextChecksFindEveryKindOfControlCharacterAndBlankText() {
        XCTAssertNil(Validator.textIssue("plain text\nwith a line break\tand a tab, £ and “quotes”"))
        for (text, code) in [("a\u{7}b", "0007"), ("delete\u{7F}", "007F"), ("£ and \u{85}", "0085"), ("\u{1B}[31m", "001B")] {
            XCTAssertEqual(Validator.textIssue(text),
                           "contains the control character U+\(code); expected plain text (newlines and tabs are allowed)", text)
        }
        XCTAssertEqual(Validator.textIssue(String(repeating: "a", count: Validator.maxTextLength + 1)),
                       "is \(Validator.maxTextLength + 1) characters long; expected at most \(Validator.maxTextLength)")
        XCTAssertNil(Validator.textIssue(String(repeating: "é", count: Validator.maxTextLength)), "characters are counted, not bytes")

        var plan = generated()
        plan.areas[0].actions[0].text = "\u{A0}\u{2003} "
        plan.areas[0].actions[1].ref = "1\u{A0}x"
        let problems = Validator().problems(in: plan).map(\.description)
        XCTAssertEqual(problems, ["areas[0].actions[0].text: is empty; expected some text",
                                  "areas[0].actions[1].ref: \"1\u{A0}x\" contains a space; expected a reference such as 3b"])
    }
}

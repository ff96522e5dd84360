import Foundation
import TestSupport
import XCTest

/// `planboard agreement`: the plan agreed, a date moved with its reason, the move agreed.
final class AgreementCLITests: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }

    override func setUpWithError() throws { folder = try TempFolder("agreement-cli") }
    override func tearDown() { folder = nil }

    @discardableResult
    func planboard(_ args: String..., expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> PlanboardBinary.Result {
        let result = try PlanboardBinary.run(args + ["--db", db], environment: ["PLANBOARD_TODAY": "2023-04-01", "USER": "tester"])
        XCTAssertEqual(result.status, status, "planboard \(args.joined(separator: " ")): \(result.stderr)", file: file, line: line)
        return result
    }

    func testAMovedAgreedDateIsProposedUntilAChairRecordsItsAgreement() throws {
        _ = try PlanboardBinary.run(["import", try Samples.url(SamplePlans.fictional).path, "--db", db], environment: ["USER": "tester"])
        let early = try planboard("agreement", "move", "1a", "--to", "2023-06-30", "--reason", "Slipped", expect: 1)
        XCTAssertTrue(early.stderr.contains("the plan has not been agreed yet"), early.stderr)

        // The illustrative sample was agreed on 16 Aug 2022; re-agreed now, a new baseline from which nothing has moved.
        _ = try PlanboardBinary.run(["import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", db, "--replace"], environment: ["USER": "tester"])
        XCTAssertTrue(try planboard("agreement", "list", "--unagreed").stdout.hasPrefix("3o: agreed 31 May 2023 → revised 31 Jul 2023 (proposed, not yet agreed)"))
        let agreed = try planboard("agreement", "plan", "--date", "2023-02-14", "--with", "Jo Adviser (DfE)", "--note", "re-agreed at the 6-month review")
        XCTAssertTrue(agreed.stdout.hasPrefix("Plan agreed on 14 Feb 2023 with Jo Adviser (DfE): baseline 2"), agreed.stdout)
        XCTAssertTrue(agreed.stdout.contains("The earlier baseline is kept."), agreed.stdout)
        XCTAssertEqual(try planboard("agreement", "list", "--unagreed").stdout, "No unagreed changes of date.\n")

        let noReason = try planboard("agreement", "move", "3b", "--to", "2023-06-30", "--reason", " ", expect: 1)
        XCTAssertTrue(noReason.stderr.contains("needs a reason"), noReason.stderr)
        let moved = try planboard("agreement", "move", "3b", "--to", "2023-06-30", "--reason", "Recruitment slipped")
        XCTAssertTrue(moved.stdout.hasPrefix("3b: agreed 31 Mar 2023 → revised 30 Jun 2023 (proposed, not yet agreed)."), moved.stdout)
        XCTAssertEqual(try planboard("agreement", "list", "--unagreed").stdout,
                       "3b: agreed 31 Mar 2023 → revised 30 Jun 2023 (proposed, not yet agreed) – Recruitment slipped\n")
        let approved = try planboard("agreement", "approve", "3b", "--by", "the DfE adviser", "--on", "2023-04-12")
        XCTAssertEqual(approved.stdout, "3b: agreed 31 Mar 2023 → revised 30 Jun 2023 (agreed 12 Apr 2023).\n")
        XCTAssertEqual(try planboard("agreement", "list", "--unagreed").stdout, "No unagreed changes of date.\n")
        let list = try planboard("agreement", "list").stdout
        XCTAssertTrue(list.hasPrefix("Baseline 1: agreed 16 Aug 2022 with Sam Patel (Department for Education), Ruth Hale (NHS England) (agreed with the DfE and NHS England advisers)\nBaseline 2: agreed 14 Feb 2023"), list)
        let again = try planboard("agreement", "approve", "3b", "--by", "x", expect: 1)
        XCTAssertTrue(again.stderr.contains("3b has no proposed revision"), again.stderr)
        XCTAssertTrue(try planboard("undo").stdout.contains("Undid: 3b revised by-when 30 Jun 2023 agreed on 12 Apr 2023"))
    }
}

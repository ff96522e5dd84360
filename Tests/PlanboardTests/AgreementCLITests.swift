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
        _ = try PlanboardBinary.run(["import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", db], environment: ["USER": "tester"])
        let early = try planboard("agreement", "move", "3b", "--to", "2023-06-30", "--reason", "Slipped", expect: 1)
        XCTAssertTrue(early.stderr.contains("the plan has not been agreed yet"), early.stderr)
        let agreed = try planboard("agreement", "plan", "--date", "2023-01-16", "--with", "Jo Adviser (DfE)")
        XCTAssertTrue(agreed.stdout.hasPrefix("Plan agreed on 16 Jan 2023 with Jo Adviser (DfE): baseline 1"), agreed.stdout)
        let noReason = try planboard("agreement", "move", "3b", "--to", "2023-06-30", "--reason", " ", expect: 1)
        XCTAssertTrue(noReason.stderr.contains("needs a reason"), noReason.stderr)
        let moved = try planboard("agreement", "move", "3b", "--to", "2023-06-30", "--reason", "Recruitment slipped")
        XCTAssertTrue(moved.stdout.hasPrefix("3b: agreed 31 Mar 2023 → revised 30 Jun 2023 (proposed, not yet agreed)."), moved.stdout)
        XCTAssertEqual(try planboard("agreement", "list", "--unagreed").stdout,
                       "3b: agreed 31 Mar 2023 → revised 30 Jun 2023 (proposed, not yet agreed) – Recruitment slipped\n")
        let approved = try planboard("agreement", "approve", "3b", "--by", "the DfE adviser at the 6-month review", "--on", "2023-04-12")
        XCTAssertEqual(approved.stdout, "3b: agreed 31 Mar 2023 → revised 30 Jun 2023 (agreed 12 Apr 2023).\n")
        XCTAssertEqual(try planboard("agreement", "list", "--unagreed").stdout, "No unagreed changes of date.\n")
        let again = try planboard("agreement", "approve", "3b", "--by", "x", expect: 1)
        XCTAssertTrue(again.stderr.contains("3b has no proposed revision"), again.stderr)
        XCTAssertTrue(try planboard("undo").stdout.contains("Undid: 3b revised by-when 30 Jun 2023 agreed on 12 Apr 2023"))
    }
}

import Foundation
import TestSupport
import XCTest

/// `planboard evidence`: what an adviser asks for, added, listed, found missing and removed.
final class EvidenceCLITests: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }

    override func setUpWithError() throws { folder = try TempFolder("evidence-cli") }
    override func tearDown() { folder = nil }

    @discardableResult
    func planboard(_ args: String..., expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> PlanboardBinary.Result {
        let result = try PlanboardBinary.run(args + ["--db", db], environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "tester"])
        XCTAssertEqual(result.status, status, "planboard \(args.joined(separator: " ")): \(result.stderr)", file: file, line: line)
        return result
    }

    func testEvidenceIsAddedListedFoundMissingAndRemovedEachAsOneUndoableChange() throws {
        _ = try PlanboardBinary.run(["import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", db], environment: ["USER": "tester"])
        let missingBefore = try planboard("evidence", "list", "--missing", "--area", "3").stdout
        XCTAssertTrue(missingBefore.contains("action 3i (Complete)"), missingBefore)

        let added = try planboard("evidence", "add", "3i", "--title", "EHC roadmap", "--link", "https://intranet.example/roadmap.pdf",
                                  "--shows", "The simplified pathway, published", "--date", "2023-04-03")
        XCTAssertTrue(added.stdout.hasPrefix("Added evidence e"), added.stdout)
        try planboard("evidence", "add", "K5", "--milestone", "6 months", "--title", "QA report", "--link", "S:/SEND/ehc-timeliness.xlsx")

        let listed = try planboard("evidence", "list", "--area", "3").stdout
        XCTAssertTrue(listed.contains("action 3i (Complete)"), listed)
        XCTAssertTrue(listed.contains("2023-04-03  EHC roadmap  <https://intranet.example/roadmap.pdf>  shows: The simplified pathway, published  (added by tester)"), listed)
        XCTAssertTrue(listed.contains("K5 at 6 months: 71%"), listed)
        let missing = try planboard("evidence", "list", "--missing", "--area", "3").stdout
        XCTAssertFalse(missing.contains("action 3i "), "3i has evidence now: \(missing)")
        XCTAssertFalse(missing.contains("K5 at 6 months"), missing)

        let log = try planboard("log").stdout
        XCTAssertTrue(log.contains("\ttester\tedit\tevidence on action 3i: “EHC roadmap”"), log)
        XCTAssertTrue(log.contains("evidence on K5 at 6 months: “QA report”"), log)

        let id = try XCTUnwrap(added.stdout.split(separator: " ").dropFirst(2).first).description
        let wrong = try planboard("evidence", "remove", "3i", "e0000000000", expect: 1)
        XCTAssertTrue(wrong.stderr.contains("action 3i has no evidence e0000000000; expected one of \(id)"), wrong.stderr)
        let bad = try planboard("evidence", "add", "3i", "--title", "", "--link", "x", expect: 1)
        XCTAssertTrue(bad.stderr.contains("evidence needs a title"), bad.stderr)
        try planboard("evidence", "remove", "3i", id)
        XCTAssertTrue(try planboard("evidence", "list", "--missing").stdout.contains("action 3i (Complete)"))
        XCTAssertTrue(try planboard("undo").stdout.contains("Undid: removed evidence from action 3i"))
        XCTAssertFalse(try planboard("evidence", "list", "--missing").stdout.contains("action 3i (Complete)"), "the undo put it back")
    }
}

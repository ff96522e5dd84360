import Foundation
import PlanExchange
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// The agreed plan and its revised dates: kept in a file made before they existed, in the
/// JSON, and read as a board member reads them.
final class AgreementStoreTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("agreement") }
    override func tearDown() { folder = nil }

    func day(_ iso: String) -> PlanDate { TestDates.date(iso) }

    func testAnOldFileIsAgreedItsDatesRevisedAndAgreedAndReAgreedKeepingTheOldBaseline() throws {
        let path = folder.path("old.sqlite")
        try FileManager.default.copyItem(atPath: Samples.repositoryRoot.appendingPathComponent("Tests/Fixtures/round4/plan.sqlite").path, toPath: path)
        let carol = try PlanStore.open(path: path, user: "carol")
        var plan = try carol.load()
        let agreedDate = try XCTUnwrap(plan.action("3b")).byWhen
        plan = try carol.apply(plan.agreeing(on: day("2023-01-16"), with: ["Jo Adviser (DfE)", "Sam Adviser (NHS England)"]))
        XCTAssertNil(plan.dateStanding(of: try XCTUnwrap(plan.action("3b")))?.words, "nothing has moved yet")

        plan = try carol.apply(plan.revisingByWhen(of: "3b", to: day("2027-06-30"), reason: "Recruitment slipped", by: "bob", on: day("2023-04-01")))
        var standing = try XCTUnwrap(plan.dateStanding(of: try XCTUnwrap(plan.action("3b"))))
        XCTAssertEqual(standing.words, "agreed \(agreedDate?.display ?? "no date") → revised 30 Jun 2027 (proposed, not yet agreed)")
        XCTAssertEqual(plan.unagreedMoves.map(\.action.ref), ["3b"])

        let proposed = try XCTUnwrap(plan.action("3b")?.revisions.last)
        var agreed = proposed
        agreed.agreedBy = "the DfE adviser at the 6-month review"
        agreed.agreedOn = day("2023-04-12")
        plan = try carol.apply(.agreement(.setRevision(ref: "3b", from: proposed, to: agreed)))
        standing = try XCTUnwrap(plan.dateStanding(of: try XCTUnwrap(plan.action("3b"))))
        XCTAssertEqual(standing.words, "agreed \(agreedDate?.display ?? "no date") → revised 30 Jun 2027 (agreed 12 Apr 2023)")
        XCTAssertTrue(plan.unagreedMoves.isEmpty)
        // A second chair agreeing the same proposal meanwhile is refused: it is no longer proposed.
        XCTAssertThrowsError(try carol.apply(.agreement(.setRevision(ref: "3b", from: proposed, to: agreed))))

        let reopened = try PlanStore.open(path: path, user: "bob").load()
        XCTAssertEqual(reopened, plan, "the agreement and the revision are kept in the file")
        let json = PlanEncoding.json(plan)
        XCTAssertEqual(try PlanDecoding.plan(bytes: Array(json.utf8), file: "plan.json"), plan, "and in the JSON")

        // Re-agreed after the review: a new baseline from which 3b has not moved; the old one is kept.
        plan = try carol.apply(plan.agreeing(on: day("2023-07-20"), with: ["Jo Adviser (DfE)"], note: "re-agreed after the 6-month review"))
        XCTAssertEqual(plan.header.agreements.count, 2)
        XCTAssertEqual(plan.header.agreements[0].byWhen.first { $0.ref == "3b" }?.byWhen, agreedDate, "the old baseline is kept")
        XCTAssertNil(plan.dateStanding(of: try XCTUnwrap(plan.action("3b")))?.words)
        XCTAssertThrowsError(try carol.apply(plan.agreeing(on: day("2023-07-01"), with: [])), "an agreement older than the last is refused")

        // Undone newest first, back to the file as it came.
        for _ in 0..<4 { _ = try XCTUnwrap(try carol.undo()) }
        let back = try carol.load()
        XCTAssertTrue(back.header.agreements.isEmpty)
        XCTAssertEqual(back.action("3b")?.revisions, [])
        XCTAssertEqual(back.action("3b")?.byWhen, agreedDate)
        XCTAssertEqual(try carol.integrityCheck(), "ok")
    }
}

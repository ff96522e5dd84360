import Foundation
import PlanModel
@testable import PlanReport
import TestSupport
import XCTest

/// The progress review with DfE and NHS England, as a council would send it.
final class ProgressReviewTests: XCTestCase {
    let today = TestDates.illustrativeToday

    func review(_ period: ProgressReview.Period = .months(6), plan: Plan? = nil) throws -> ProgressReview {
        try ProgressReview(plan: plan ?? Samples.plan(SamplePlans.devonIllustrative), period: period, today: today)
    }

    func testTheMarkdownReviewOfTheIllustrativeSampleMatchesItsGoldenFile() throws {
        let text = try review().markdown()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/devon-illustrative-review-6.md")
        if ProcessInfo.processInfo.environment["PLANBOARD_RECORD_GOLDEN"] != nil {
            try Data(text.utf8).write(to: url)
        }
        XCTAssertEqual(text, try String(contentsOf: url, encoding: .utf8), "re-record with PLANBOARD_RECORD_GOLDEN=1 and read the diff")
    }

    func testSixMonthsRunFromThePlansAgreementAndTheReviewMeetingIsTheOneHeldThen() throws {
        let r = try review()
        XCTAssertEqual(r.from.iso, "2022-08-16")
        XCTAssertEqual(r.to.iso, "2023-02-16")
        XCTAssertEqual(r.meeting?.name, "Six-month review 2023-02-14")
        XCTAssertEqual(r.reviewDate.iso, "2023-02-14")
        XCTAssertEqual(try review(.months(12)).to.iso, "2023-08-16")
        XCTAssertEqual(ProgressReview.adding(months: 1, to: try XCTUnwrap(PlanDate(iso: "2023-01-31"))).iso, "2023-02-28", "the month's last day")
        let dates = try review(.dates(TestDates.date("2023-01-01"), TestDates.date("2023-06-30")))
        XCTAssertEqual(dates.title, "Progress review: 1 Jan 2023 to 30 Jun 2023")
    }

    func testTheReviewShowsRevisedDatesWithTheirAgreementEvidenceAndWhatIsMissing() throws {
        let text = try review().markdown()
        XCTAssertTrue(text.contains("**1b:** agreed 31 Dec 2022 → revised 31 Jan 2023 (agreed 14 Feb 2023)"))
        XCTAssertTrue(text.contains("**3o:** agreed 31 May 2023 → revised 31 Jul 2023 (proposed, not yet agreed)"))
        XCTAssertTrue(text.contains("**Action 3o:** Agree the change of date"), "the proposed move is asked of the advisers")
        XCTAssertTrue(text.contains("| Action 3d | **EHC pathway roadmap** | 16 Dec 2022 | https://www.devon.example/send/ehc-roadmap |"))
        XCTAssertTrue(text.contains("**Without evidence yet:** action 3i;"), "a complete action without evidence is named")
        XCTAssertFalse(text.contains("K1 at 12 months;"), "a 12-month figure is not asked for at 6 months")
        XCTAssertTrue(text.contains("| **K4** EHC plans issued on time | 31% | 40% | 36% ✗ not met | 50% | 47% ✗ not met |"), "the score card as the template lays it out")
        XCTAssertTrue(text.contains("**DfE and NHS England advisers:** Sam Patel, SEND Adviser, Department for Education"))
    }

    func testTheHTMLIsOneWellFormedPageWithAChartAndItsWordsPerKPI() throws {
        let r = try review()
        let html = r.html()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        let tree = try HTMLNode.parse(html)
        XCTAssertEqual(tree.all("h1").count, 1, "one title heading")
        XCTAssertFalse(html.contains("<script"), "no script")
        for kpi in r.plan.kpis { XCTAssertTrue(html.contains("\(kpi.ref) \(kpi.name)")) }
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, r.plan.kpis.count, "a chart per KPI")
    }

    func testAPlanNotYetAgreedHasNoSixMonthsButAPeriodStillWorks() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        plan.header.agreements = []
        XCTAssertThrowsError(try review(plan: plan)) { error in
            XCTAssertTrue("\(error)".contains("the plan has not been agreed yet"), "\(error)")
        }
        let text = try review(.dates(TestDates.date("2022-08-16"), TestDates.date("2023-02-16")), plan: plan).markdown()
        XCTAssertTrue(text.contains("**Plan agreed:** Not recorded in planboard"))
        XCTAssertThrowsError(try review(.dates(TestDates.date("2023-02-16"), TestDates.date("2022-08-16"))))
    }
}

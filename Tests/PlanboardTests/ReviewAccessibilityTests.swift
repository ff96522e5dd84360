import Foundation
import TestSupport
import XCTest

/// The progress review, like the board pack, passes axe-core's WCAG 2.2 AA rules in a real
/// browser with no violations, for every sample plan.
final class ReviewAccessibilityTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("axe-review") }
    override func tearDown() { folder = nil }

    func testTheReviewOfEverySampleHasNoWCAG22AAViolationInABrowser() throws {
        let files = try SamplePlans.all.map { sample in
            let db = folder.path("\(sample).sqlite")
            let imported = try PlanboardBinary.run(["import", try Samples.url(sample).path, "--db", db])
            XCTAssertEqual(imported.status, 0, imported.stderr)
            let out = folder.path(sample.replacingOccurrences(of: ".json", with: "-review.html"))
            // A plan agreed in planboard is reviewed at 6 months; the others over a period.
            let period = sample == SamplePlans.devonIllustrative ? ["--at", "6"] : ["--period", "2022-08-16..2023-02-16"]
            let report = try PlanboardBinary.run(["report", "--kind", "review"] + period + ["--db", db, "-o", out],
                                                 environment: ["PLANBOARD_TODAY": SamplePlans.illustrativeStoryDay])
            XCTAssertEqual(report.status, 0, report.stderr)
            return out
        }
        let shots = try TestOutput.folder("accessibility").appendingPathComponent("review-1280.png").path
        let result = try AxeCheck.run(files, width: 1280, screenshot: shots)
        try AccessibilityTests.passes(result)
        for file in files {
            XCTAssertTrue(result.report.contains("\(file): 0 violations"), result.report)
        }
    }
}

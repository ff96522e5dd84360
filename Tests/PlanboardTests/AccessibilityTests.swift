import Foundation
import TestSupport
import XCTest

/// What planboard writes for people to read passes axe-core's WCAG 2.2 AA rules in a real
/// browser (headless Chromium), with no violations: checked on every sample plan.
final class AccessibilityTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("axe") }
    override func tearDown() { folder = nil }

    /// The board pack of each sample, written by `planboard report`, as a board member opens it.
    func packs() throws -> [String] {
        try SamplePlans.all.map { sample in
            let db = folder.path("\(sample).sqlite")
            let imported = try PlanboardBinary.run(["import", try Samples.url(sample).path, "--db", db])
            XCTAssertEqual(imported.status, 0, imported.stderr)
            let out = folder.path(sample.replacingOccurrences(of: ".json", with: "-pack.html"))
            let report = try PlanboardBinary.run(["report", "--db", db, "-o", out],
                                                 environment: ["PLANBOARD_TODAY": SamplePlans.illustrativeStoryDay])
            XCTAssertEqual(report.status, 0, report.stderr)
            return out
        }
    }

    /// The check needs chromium, chromedriver, selenium and axe-core: a failure in CI (which
    /// installs them through scripts/setup), a skip on a machine without them.
    static func passes(_ result: AxeCheck.Result, file: StaticString = #filePath, line: UInt = #line) throws {
        if result.couldNotRun {
            if ProcessInfo.processInfo.environment["CI"] != nil {
                XCTFail("the accessibility check could not run: \(result.problem)", file: file, line: line)
                return
            }
            throw XCTSkip("the accessibility check cannot run here (scripts/setup installs what it needs): \(result.problem)")
        }
        XCTAssertEqual(result.status, 0, "axe-core found violations or sideways scrolling:\n\(result.report)\(result.problem)",
                       file: file, line: line)
    }

    func testTheBoardPackOfEverySampleHasNoWCAG22AAViolationInABrowser() throws {
        let files = try packs()
        let shots = try TestOutput.folder("accessibility").appendingPathComponent("board-pack-1280.png").path
        let result = try AxeCheck.run(files, width: 1280, screenshot: shots)
        try Self.passes(result)
        for file in files {
            XCTAssertTrue(result.report.contains("\(file): 0 violations"), result.report)
        }
    }

    /// The harness itself: a page with known faults is refused, each fault named.
    func testTheCheckNamesEachViolationOfAFaultyPage() throws {
        let bad = folder.path("faulty.html")
        try Data("<html><body><img src=\"x.png\"><div style=\"width:2000px\">wide</div></body></html>".utf8)
            .write(to: URL(fileURLWithPath: bad))
        let result = try AxeCheck.run([bad], width: 375)
        if result.couldNotRun { try Self.passes(result); return }
        XCTAssertEqual(result.status, 1, result.report + result.problem)
        for rule in ["image-alt", "html-has-lang", "document-title"] {
            XCTAssertTrue(result.report.contains("\(bad): \(rule) ("), "\(rule) not named in:\n\(result.report)")
        }
        XCTAssertTrue(result.report.contains("scrolls sideways at 375 px"), result.report)
    }
}

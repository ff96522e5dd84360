import BoardCore
import PlanModel
import TestSupport
import XCTest

/// The plan's notice (an illustrative sample says what is invented) is read whole where the
/// screen has rows for it, beside the breadcrumb and onward onto header rows of its own.
final class HeaderNoticeTests: XCTestCase {
    func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    func testOnALargeScreenTheWholeNoticeShowsUnderTheTitleWithTheBreadcrumbFirst() throws {
        let state = try board(width: 160, height: 48, view: .dashboard)
        let notice = try XCTUnwrap(state.plan.header.notice)
        let lines = Render.screen(state).lines
        XCTAssertTrue(lines[1].hasPrefix(" Dashboard  ⚑ Illustrative sample:"), lines[1])
        XCTAssertTrue(words(lines[1...3].joined(separator: " ")).contains(words(notice)), lines[1...3].joined(separator: "\n"))
        XCTAssertEqual(state.headerRows, 4, "the title line, the breadcrumb and two rows of notice")
        XCTAssertTrue(lines[4].contains("Areas of weakness"), "the content starts below the notice")
    }

    func testOnASmallScreenTheNoticeTakesOneFurtherRowAndTheDashboardStillShowsWhatChangedSince() throws {
        let state = try board(width: 80, height: 24, view: .dashboard)
        let screen = Render.screen(state)
        XCTAssertEqual(state.headerRows, 3)
        XCTAssertEqual(state.contentRows, 19)
        XCTAssertTrue(screen.lines[2].trimmingCharacters(in: .whitespaces).hasSuffix("…"), "the rest of the notice is marked as cut: \(screen.lines[2])")
        XCTAssertTrue(screen.roleLines[2].contains("!"), "the further row is the notice")
        XCTAssertTrue(state.text.contains(" Since Board 2023-07-18: 7 changes"), state.text)
        XCTAssertFalse(state.text.contains("more"), "the dashboard fits: \(state.text)")
    }

    func testANoticeThatFitsBesideTheBreadcrumbTakesNoFurtherRow() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        plan.header.notice = "Illustrative sample"
        var state = BoardState(plan: plan, today: TestDates.illustrativeToday, user: "t", width: 80, height: 24)
        state.press(.char("1"))
        XCTAssertEqual(state.headerRows, 2)
        XCTAssertTrue(Render.screen(state).lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("⚑ Illustrative sample"))
    }
}

import BoardCore
import PlanModel
import TestSupport
import XCTest

/// Evidence added and removed in the dashboard: on an action's screen, on a KPI's figure
/// and on an area's highlight in a meeting's agenda, each as one edit built from what the
/// person saw.
final class EvidenceScreenTests: XCTestCase {
    func expected(_ title: String, _ location: String, _ shows: String) -> Evidence {
        Evidence(title: title, date: TestDates.illustrativeToday, location: location, shows: shows, addedBy: "tester")
    }

    func testEvidenceIsAddedOnAnActionsScreenListedAndRemovedByItsNumber() throws {
        var state = try board(width: 100, height: 60)
        state.press(.down, .down, .enter, .down, .down, .down, .enter)
        XCTAssertEqual(state.screen, .action("3b"))
        XCTAssertTrue(state.text.contains("Evidence (0)"))
        XCTAssertTrue(state.text.contains("None yet. Press v to add where to find it"))
        state.press(.char("v"))
        XCTAssertTrue(state.text.contains("Evidence on action 3b, title:"))
        XCTAssertEqual(state.press(.enter), [], "a title is needed")
        XCTAssertTrue(state.message?.contains("Type what the evidence is called") ?? false)
        state.type("Backlog tracker")
        state.press(.enter)
        state.type("https://intranet.example/backlog")
        state.press(.enter)
        state.type("Reviews cleared each week")
        let add = state.press(.enter)
        let item = expected("Backlog tracker", "https://intranet.example/backlog", "Reviews cleared each week")
        XCTAssertEqual(onlyEdit(add), .evidence(.add(.action("3b"), index: nil, item: item)))
        try state.save(add)
        XCTAssertTrue(state.text.contains("Evidence (1)"))
        XCTAssertTrue(state.text.contains("1. Backlog tracker (\(TestDates.illustrativeToday.display)) – Reviews cleared each week"))
        XCTAssertTrue(state.text.contains("https://intranet.example/backlog · added by tester"))

        state.press(.char("V"))
        state.type("2")
        XCTAssertEqual(state.press(.enter), [], "there is no second item")
        state.press(.escape, .char("V"))
        state.type("1")
        XCTAssertEqual(onlyEdit(state.press(.enter)), .evidence(.remove(.action("3b"), item: item)))
    }

    func testEvidenceOnAKPIGoesOnTheSelectedFigure() throws {
        var state = try board(view: .kpis)
        state.press(.char("o"))
        XCTAssertEqual(state.screen, .kpi("K1"))
        state.press(.char("v"))
        XCTAssertTrue(state.message?.contains("Move onto a milestone's figure first") ?? false, state.message ?? "")
        state.press(.up)
        XCTAssertEqual(state.top.selection(state), .milestone("12 months"))
        state.press(.char("v"))
        state.type("Tracker extract")
        state.press(.enter)
        state.type("S:/SEND/K1.xlsx")
        state.press(.enter)
        let add = state.press(.enter)
        XCTAssertEqual(onlyEdit(add), .evidence(.add(.figure(kpi: "K1", milestone: 2), index: nil, item: expected("Tracker extract", "S:/SEND/K1.xlsx", ""))))
        try state.save(add)
        XCTAssertTrue(state.text.contains("1. Tracker extract ("), state.text)
    }

    func testEvidenceOnAHighlightIsAddedFromTheAgenda() throws {
        var state = BoardState(plan: try Samples.illustrativeWithMeetings(), today: TestDates.illustrativeToday, user: "tester", width: 100, height: 80)
        _ = state.update(.resize(width: 100, height: 80))
        state.press(.char("M"), .char("v"))
        XCTAssertTrue(state.message?.contains("Select a line of an area's highlight report") ?? false, "not on the list: \(state.message ?? "")")
        state.press(.enter)
        let meeting = try XCTUnwrap(state.plan.meetings.last { !$0.isRecorded })
        let area = 1
        XCTAssertNotNil(meeting.highlight(area: area), "the agenda opens on area 1's highlight")
        state.press(.char("v"))
        state.type("Parent survey")
        state.press(.enter)
        state.type("https://example.org/survey")
        state.press(.enter)
        let add = state.press(.enter)
        XCTAssertEqual(onlyEdit(add), .evidence(.add(.highlight(meeting: meeting.name, area: area), index: nil,
                                                     item: expected("Parent survey", "https://example.org/survey", ""))))
        try state.save(add)
        XCTAssertTrue(state.text.contains("1. Parent survey ("))
    }
}

import BoardCore
import PlanModel
import TestSupport
import XCTest

/// A meeting recorded as a board secretary records it, on its agenda: attendance, a minute
/// per area, matters arising raised and closed, each one edit from what was on screen.
final class MinutesScreenTests: XCTestCase {
    func agenda() throws -> BoardState {
        var state = BoardState(plan: try Samples.illustrativeWithMeetings(), today: TestDates.illustrativeToday, user: "tester", width: 120, height: 60)
        _ = state.update(.resize(width: 120, height: 60))
        state.press(.char("M"), .enter)  // the latest meeting, drafted
        return state
    }

    func testTheSecretaryRecordsAttendanceAMinuteAndMattersArisingOnTheAgenda() throws {
        var state = try agenda()
        let m = try XCTUnwrap(state.plan.meetings.last)
        XCTAssertTrue(state.text.contains("Present (0): not recorded (P records it)"))
        XCTAssertTrue(state.text.contains("M3 ○ open  Share the SEN2 timeliness return"), "carried from the six-month review")

        state.press(.char("P"))
        state.type("Jackie Ross, Sam Patel")
        state.press(.enter)
        state.type("Jane Milligan")
        let attendance = state.press(.enter)
        XCTAssertEqual(onlyEdit(attendance), .record(.setRecord(meeting: m.name, from: m.record, to: MeetingRecord(attendance: [
            Attendee(name: "Jackie Ross"), Attendee(name: "Sam Patel"), Attendee(name: "Jane Milligan", present: false)]))))
        try state.save(attendance)
        XCTAssertTrue(state.text.contains("Present (2): Jackie Ross, Sam Patel"))
        XCTAssertTrue(state.text.contains("Apologies (1): Jane Milligan"))

        // The first line of area 1 is selected: its minute.
        state.press(.char("I"))
        state.type("Cabinet agreed the pay recommendations.")
        try state.save(state.press(.enter))
        XCTAssertEqual(state.plan.meeting(named: m.name)?.record.minute("Area 1")?.text, "Cabinet agreed the pay recommendations.")
        XCTAssertTrue(state.text.contains("Minute        Cabinet agreed the pay recommendations."))

        state.press(.char("J"))
        state.type("Bring the recruitment plan")
        try state.save(state.press(.enter))
        XCTAssertTrue(state.text.contains("M5 raised here  Bring the recruitment plan"))

        state.press(.char("X"))
        state.type("m3")
        let close = state.press(.enter)
        guard case let .record(.setRecord(raisedAt, _, to))? = onlyEdit(close) else { return XCTFail("closing is a record edit") }
        XCTAssertEqual(raisedAt, "Six-month review 2023-02-14", "the matter is closed where it was raised")
        XCTAssertEqual(to.mattersArising.first { $0.number == 3 }?.closedAt, m.name)
        try state.save(close)
        XCTAssertTrue(state.text.contains("M3 ■ closed"))
    }
}

import BoardCore
import PlanModel
import TestSupport
import XCTest

/// The Meetings view: the list, a meeting as its agenda, highlights and decisions edited
/// through `update`, and the keys that need a writable plan.
final class MeetingsScreenTests: XCTestCase {
    /// A dashboard on the illustrative sample with its invented meetings.
    func meetingsBoard(width: Int = 80, height: Int = 24, readOnly: Bool = false) throws -> BoardState {
        var state = BoardState(plan: try Samples.illustrativeWithMeetings(), today: TestDates.illustrativeToday, user: "tester",
                               readOnly: readOnly, width: width, height: height)
        _ = state.update(.resize(width: width, height: height))
        return state
    }

    /// The agenda of the latest (drafted) meeting, the first in the list; `previous` opens
    /// the recorded one before it, which has decisions.
    func agenda(width: Int = 80, height: Int = 24, readOnly: Bool = false, previous: Bool = false) throws -> BoardState {
        var state = try meetingsBoard(width: width, height: height, readOnly: readOnly)
        state.press(.char("M"))
        if previous { state.press(.down) }
        state.press(.enter)
        return state
    }

    var recorded: Meeting {
        get throws {
            let plan = try Samples.illustrativeWithMeetings()
            return try XCTUnwrap(plan.meetings.last { $0.isRecorded })
        }
    }

    var drafted: Meeting {
        get throws {
            let plan = try Samples.illustrativeWithMeetings()
            return try XCTUnwrap(plan.meetings.last { !$0.isRecorded })
        }
    }

    func testTheListAndTheAgendaMatchTheirGoldenFiles() throws {
        for theme in ["default", "mono"] {
            let style = try Golden.theme(theme)
            for (width, height) in [(80, 24), (160, 48)] {
                var list = try meetingsBoard(width: width, height: height)
                list.press(.char("2"), .char("M"), .down)
                Golden.check(list, theme: style, name: "meetings-\(width)x\(height)-\(theme)")
                var agenda = try agenda(width: width, height: height, previous: true)
                agenda.press(.down, .down)
                Golden.check(agenda, theme: style, name: "meeting-agenda-\(width)x\(height)-\(theme)")
                var decision = agenda
                decision.press(.char("D"))
                decision.type("Ask the DfE adviser to review")
                Golden.check(decision, theme: style, name: "meeting-decision-entry-\(width)x\(height)-\(theme)")
            }
        }
    }

    func testMOpensTheListFromAnywhereWithEveryMeetingAndItsState() throws {
        var state = try meetingsBoard()
        state.press(.char("4"), .char("M"))
        XCTAssertEqual(state.screen, ScreenID(MeetingsScreen.kind))
        let plan = state.plan
        for m in plan.meetings {
            XCTAssertTrue(state.text.contains(m.name), "\(m.name) is listed")
        }
        XCTAssertTrue(state.text.contains("✓ recorded"))
        XCTAssertTrue(state.text.contains("✎ drafted"))
        state.press(.escape)
        XCTAssertEqual(state.screen, ScreenID(HeatmapScreen.kind), "Esc goes back to where M was pressed")
    }

    func testEnterOpensTheMeetingAsItsAgendaWithHighlightsThenDecisions() throws {
        let state = try agenda(width: 160, height: 200)
        let m = try drafted
        XCTAssertEqual(state.screen, ScreenID(MeetingsScreen.kind, m.name))
        let text = state.text
        for area in state.plan.areas { XCTAssertTrue(text.contains("Area \(area.number): "), "area \(area.number) is on the agenda") }
        for h in m.highlights where !h.progress.isEmpty {
            XCTAssertTrue(text.contains(String(h.progress.prefix(30))), "area \(h.area)'s progress is shown")
        }
        let decisions = try XCTUnwrap(text.range(of: "Decisions ("))
        let lastArea = try XCTUnwrap(text.range(of: "Area \(state.plan.areas.count): "))
        XCTAssertLessThan(lastArea.lowerBound, decisions.lowerBound, "decisions follow the highlights")
        for d in m.decisions { XCTAssertTrue(text.contains(d.label), "\(d.label) is listed") }
    }

    func testADecisionIsRecordedInAFewKeysAndSkippedPromptsLeaveItsFieldsEmpty() throws {
        var state = try agenda()
        let m = try drafted
        let number = state.plan.nextDecisionNumber
        state.press(.char("D"))
        state.type("Fund two more caseworkers")
        state.press(.enter)
        XCTAssertTrue(state.text.contains("D\(number) owner:"), state.text)
        state.press(.enter)
        XCTAssertTrue(state.text.contains("D\(number) due:"), state.text)
        state.type("31/10/2023")
        state.press(.enter)
        XCTAssertTrue(state.text.contains("D\(number) about: 1"), "the link starts as the area on screen")
        state.press(.ctrl("u"))
        state.type("3")
        let effects = state.press(.enter)
        let edit = try XCTUnwrap(onlyEdit(effects))
        guard case let .meeting(.addDecision(meeting, decision)) = edit else { return XCTFail("expected a new decision, got \(edit)") }
        XCTAssertEqual(meeting, m.name)
        XCTAssertEqual(decision.text, "Fund two more caseworkers")
        XCTAssertNil(decision.owner)
        XCTAssertEqual(decision.due, PlanDate(iso: "2023-10-31"))
        XCTAssertEqual(decision.link, .area(3))
        try state.save(effects)
        XCTAssertTrue(state.text.contains("Recorded D\(number)"), state.text)
        XCTAssertEqual(state.plan.meeting(named: m.name)?.decisions.last?.text, "Fund two more caseworkers")
    }

    func testTheDashboardOpensAgainOnTheDecisionOrHighlightLineItWasLeftOn() throws {
        var state = try agenda(width: 160, height: 200, previous: true)
        let m = try recorded
        let d = try XCTUnwrap(m.decisions.first)
        state.press(.end)
        while state.top.selection(state) != .decision(d.number) { state.press(.up) }
        var again = try board(width: 160, height: 200, view: .dashboard)
        again.plan = state.plan
        again.restore(state.place)
        XCTAssertEqual(again.screen, state.screen, "the same meeting's agenda")
        XCTAssertEqual(again.top.selection(again), .decision(d.number), "the same decision, by its number")

        state.press(.home, .down, .down, .down, .down)
        guard case .highlight? = state.top.selection(state) else { return XCTFail("on a highlight line: \(String(describing: state.top.selection(state)))") }
        again.restore(state.place)
        XCTAssertEqual(again.top.selection(again), state.top.selection(state), "the same line of the same area's highlight")
    }

    func testADecisionIsMarkedDoneReopenedAndTurnedIntoAnAction() throws {
        var state = try agenda(width: 160, height: 200, previous: true)
        let m = try recorded
        let d = try XCTUnwrap(m.decisions.first { $0.action == nil && !$0.done && state.plan.area(of: $0) != nil })
        state.press(.end)
        while state.top.selection(state) != .decision(d.number) { state.press(.up) }
        try state.save(state.press(.char("x")))
        XCTAssertEqual(state.plan.decision(d.number)?.decision.done, true)
        try state.save(state.press(.char("x")))
        XCTAssertEqual(state.plan.decision(d.number)?.decision.done, false)
        try state.save(state.press(.char("T")))
        let made = try XCTUnwrap(state.plan.decision(d.number)?.decision.action)
        XCTAssertEqual(state.plan.area(ofAction: made)?.number, state.plan.area(of: d))
        XCTAssertTrue(state.text.contains("→ action \(made)"), state.text)
    }

    func testAJudgementOtherThanTheRollupAsksWhyAndSavesTheReason() throws {
        var state = try agenda()
        let area = try XCTUnwrap(state.plan.areas.first)
        let rollup = state.plan.rollupStatus(ofArea: area.number)
        let other: Status = rollup == .green ? .red : .green
        let key: Character = other == .green ? "g" : "r"
        XCTAssertTrue(state.press(.char(key)).isEmpty, "a different judgement asks first")
        XCTAssertTrue(state.isAsking)
        XCTAssertTrue(state.text.contains("why?"), state.text)
        state.type("Judged on the board's evidence")
        let effects = state.press(.enter)
        try state.save(effects)
        let h = try XCTUnwrap(state.plan.meeting(named: try drafted.name)?.highlight(area: area.number))
        XCTAssertEqual(h.rag, other)
        XCTAssertEqual(h.reason, "Judged on the board's evidence")
        try state.save(state.press(.char("=")))
        XCTAssertNil(state.plan.meeting(named: try drafted.name)?.highlight(area: area.number)?.rag, "= follows the roll-up again")
    }

    func testAHighlightFieldIsEditedInPlaceAndLongTextGoesToTheEditor() throws {
        var state = try agenda()
        let m = try drafted
        state.press(.down, .down)
        state.press(.enter)
        XCTAssertTrue(state.text.contains("Area 1 progress:"), state.text)
        state.press(.ctrl("u"))
        state.type("Pay review commissioned")
        try state.save(state.press(.enter))
        XCTAssertEqual(state.plan.meeting(named: m.name)?.highlight(area: 1)?.progress, "Pay review commissioned")

        let effects = state.press(.char("E"))
        let request = try XCTUnwrap(editorRequest(effects), "expected $EDITOR, got \(effects)")
        XCTAssertEqual(request.text, "Pay review commissioned")
        XCTAssertEqual(request.what, "area 1 progress at “\(m.name)”")
        try state.save(state.update(.editorReturned(request, text: "Line one\nLine two")))
        XCTAssertEqual(state.plan.meeting(named: m.name)?.highlight(area: 1)?.progress, "Line one\nLine two")
        _ = state.update(.editorReturned(request, text: nil))
        XCTAssertEqual(state.message, "No change.")
    }

    func testAMeetingIsAddedAndRecordedAndSinceThenMeansIt() throws {
        var state = try meetingsBoard()
        state.press(.char("M"), .char("A"), .ctrl("u"))
        state.type("Board 2023-08-15")
        state.press(.enter)
        try state.save(state.press(.enter))
        let added = try XCTUnwrap(state.plan.meeting(named: "Board 2023-08-15"))
        XCTAssertFalse(added.isRecorded)
        XCTAssertEqual(state.top.selection(state), .meeting("Board 2023-08-15"))
        try state.save(state.press(.char("R")))
        XCTAssertEqual(state.plan.meeting(named: "Board 2023-08-15")?.checkpoint, "Board 2023-08-15")
        XCTAssertEqual(state.since?.name, "Board 2023-08-15", "since means the meeting just recorded")
    }

    func testSinceDefaultsToTheLastRecordedMeetingNotALaterCheckpoint() throws {
        var state = try meetingsBoard()
        let lastMeeting = try XCTUnwrap(state.plan.meetings.last { $0.isRecorded }?.checkpoint)
        state.plan = try state.plan.applying(.addCheckpoint(Checkpoint(name: "ad hoc", date: PlanDate(iso: "2023-08-14") ?? state.today, of: state.plan), index: nil)).plan
        XCTAssertEqual(state.since?.name, lastMeeting)
        state.sinceName = "ad hoc"
        XCTAssertEqual(state.since?.name, "ad hoc", "chosen otherwise, since follows the choice")
    }

    func testWWritesThePackForTheMeetingOnScreen() throws {
        var state = try agenda()
        let effects = state.press(.char("W"))
        XCTAssertEqual(effects, [.writePack(meeting: try drafted.name, since: nil)])
        _ = state.update(.said("Wrote the board pack to /tmp/x.html."))
        XCTAssertTrue(state.text.contains("Wrote the board pack to /tmp/x.html."))
    }

    func testKeysThatChangeThePlanAreRefusedWhenReadOnlyAndSayWhy() throws {
        var state = try agenda(readOnly: true)
        for key: Character in ["D", "x", "T", "r", "R", "E"] {
            XCTAssertTrue(state.press(.char(key)).isEmpty)
            XCTAssertFalse(state.isAsking)
            XCTAssertTrue(state.messageIsError)
            XCTAssertTrue(state.message?.contains("read-only") ?? false, state.message ?? "")
        }
        XCTAssertEqual(state.press(.char("W")).count, 1, "writing the pack does not change the plan")
    }
}

extension MeetingsScreenTests {
    func testAMeetingWhoseNameHoldsAColonOpensAsItsAgenda() throws {
        var state = try meetingsBoard()
        state.plan = try state.plan.applying(.meeting(.addMeeting(Meeting(name: "Board: special", date: PlanDate(iso: "2023-12-01") ?? state.today)))).plan
        state.press(.char("M"), .enter)
        XCTAssertEqual(state.screen, ScreenID(MeetingsScreen.kind, "Board: special"))
    }

    func testTheDecisionsSectionIsReachedEvenWithNoDecisionsAndEachSaysWhoWhenAndWhichArea() throws {
        var state = try agenda(width: 120, height: 35)
        let meeting = try drafted
        XCTAssertTrue(meeting.decisions.isEmpty, "the drafted meeting has no decisions yet")
        state.press(.end)
        XCTAssertTrue(state.text.contains("  None yet."), "the last stop shows what is below it:\n\(state.text)")
        XCTAssertFalse(state.text.contains("↓"), state.text)
        var recordedAgenda = try agenda(width: 120, height: 35, previous: true)
        recordedAgenda.press(.end)
        let text = recordedAgenda.text
        for decision in try recorded.decisions.suffix(1) {
            XCTAssertTrue(text.contains(decision.owner.map { "owner \($0)" } ?? "no owner"), text)
            XCTAssertTrue(text.contains(decision.due.map { "due \($0.display)" } ?? "no due date"), text)
        }
    }

    func testEveryDecisionIsListedOpenFirstAndEnterOpensItOnItsAgenda() throws {
        var state = try meetingsBoard(width: 120, height: 35)
        state.press(.char("M"), .char("B"))
        XCTAssertEqual(state.screen.kind, "decisions", state.text)
        let all = state.plan.meetings.flatMap { m in m.decisions.map { (m, $0) } }
        XCTAssertFalse(all.isEmpty)
        let text = state.text
        let rows = text.split(separator: "\n").filter { $0.contains("○ open") || $0.contains("✓ done") }
        XCTAssertEqual(rows.count, min(all.count, rows.count))
        let firstDone = rows.firstIndex { $0.contains("✓ done") } ?? rows.count
        XCTAssertFalse(rows[firstDone...].contains { $0.contains("○ open") }, "open first:\n\(text)")
        let first = try XCTUnwrap(all.first { !$0.1.done } ?? all.first)
        XCTAssertTrue(text.contains(first.1.owner.map { "owner \($0)" } ?? "no owner"), text)
        XCTAssertTrue(text.contains("at “\(first.0.name)”"), text)
        state.press(.enter)
        XCTAssertEqual(state.screen, ScreenID("meetings", first.0.name), "Enter opens its meeting's agenda")
        XCTAssertTrue(Render.screen(state).lines.contains { $0.contains(first.1.label) }, state.text)
    }
}

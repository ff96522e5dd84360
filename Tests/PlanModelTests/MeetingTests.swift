import PlanModel
import TestSupport
import XCTest

final class MeetingTests: XCTestCase {
    private func plan() throws -> Plan { try Samples.illustrativeWithMeetings() }

    private func apply(_ edit: Edit, to plan: Plan) throws -> Plan {
        let (next, inverse) = try plan.applying(edit)
        let (back, _) = try next.applying(inverse)
        XCTAssertEqual(back, plan, "undoing \(edit.summary) gives the plan back")
        return next
    }

    func testTheIllustrativeMeetingsAreAValidPartOfTheSample() throws {
        let plan = try plan()
        XCTAssertEqual(Validator().problems(in: plan), [])
        XCTAssertEqual(plan.meetings.map(\.name), ["Board 2022-11-15", "Six-month review 2023-02-14", "Board 2023-07-18", "Board 2023-08-22"])
        XCTAssertEqual(plan.meetings.filter(\.isRecorded).map(\.checkpoint), plan.checkpoints.map(\.name))
        XCTAssertEqual(plan.meetings.map { $0.highlights.map(\.area) }, [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]])
        XCTAssertEqual(plan.decisions.map(\.decision.label), ["D1", "D2", "D3", "D4", "D5", "D6", "D7"])
        XCTAssertTrue(plan.header.notice?.contains("board meetings, highlight reports and decisions") ?? false)
    }

    func testEveryMeetingEditUndoesExactly() throws {
        var p = try plan()
        p = try apply(.meeting(.addMeeting(Meeting(name: "Board 2023-10-10", date: TestDates.date("2023-10-10")))), to: p)
        XCTAssertEqual(p.meetings.last?.name, "Board 2023-10-10", "meetings stay in date order")
        p = try apply(.meeting(.setHighlight(meeting: "Board 2023-10-10", area: 2, from: nil,
                                             to: Highlight(area: 2, progress: "Charter published"))), to: p)
        let decision = Decision(number: p.nextDecisionNumber, text: "Publish the charter", owner: "Jackie Ross", link: .area(2))
        XCTAssertEqual(decision.number, 8)
        p = try apply(.meeting(.addDecision(meeting: "Board 2023-10-10", decision: decision)), to: p)
        var done = decision
        done.done = true
        p = try apply(.meeting(.setDecision(meeting: "Board 2023-10-10", from: decision, to: done)), to: p)
        let details = try XCTUnwrap(p.meeting(named: "Board 2023-10-10")).details
        var renamed = details
        renamed.name = "Board 2023-10-12"
        renamed.date = TestDates.date("2023-10-12")
        p = try apply(.meeting(.setMeeting(name: details.name, from: details, to: renamed)), to: p)
        XCTAssertEqual(p.meeting(named: "Board 2023-10-12")?.decisions, [done], "a renamed meeting keeps its decisions")
        p = try apply(.meeting(.removeDecision(meeting: "Board 2023-10-12", decision: done)), to: p)
        let meeting = try XCTUnwrap(p.meeting(named: "Board 2023-10-12"))
        p = try apply(.meeting(.removeMeeting(meeting)), to: p)
        XCTAssertNil(p.meeting(named: "Board 2023-10-12"))
    }

    func testAnEditCarryingAnOutOfDateValueIsRefusedAndChangesNothing() throws {
        let p = try plan()
        let meeting = "Board 2023-08-22"
        let seen = try XCTUnwrap(p.meeting(named: meeting)?.highlight(area: 1))
        var mine = seen
        mine.progress = "Mine"
        var theirs = seen
        theirs.progress = "Theirs"
        let (after, _) = try p.applying(.meeting(.setHighlight(meeting: meeting, area: 1, from: seen, to: theirs)))
        XCTAssertThrowsError(try after.applying(.meeting(.setHighlight(meeting: meeting, area: 1, from: seen, to: mine)))) { error in
            // A conflict the store names who made: what, and what it is now.
            XCTAssertEqual((error as? EditError)?.conflict?.target, .highlight(meeting: meeting, area: 1))
            XCTAssertEqual("\(error)", "the area 1 highlight for “Board 2023-08-22” has changed since you saw it (its progress is now “Theirs”); nothing was changed")
        }
        let d4 = try XCTUnwrap(after.decision(4)?.decision)
        var stale = d4
        stale.text = "Something else"
        XCTAssertThrowsError(try after.applying(.meeting(.removeDecision(meeting: "Six-month review 2023-02-14", decision: stale))))
        XCTAssertThrowsError(try after.applying(.meeting(.addDecision(meeting: meeting, decision: Decision(number: 4, text: "Again")))),
                             "a decision number is never used twice")
    }

    func testAJudgementThatDiffersFromTheRollUpNeedsAReason() throws {
        let p = try plan()
        XCTAssertEqual(p.rollupStatus(ofArea: 1), .red)
        let meeting = "Board 2023-08-22"
        let seen = p.meeting(named: meeting)?.highlight(area: 1)
        var green = try XCTUnwrap(seen)
        green.rag = .green
        XCTAssertThrowsError(try p.applying(.meeting(.setHighlight(meeting: meeting, area: 1, from: seen, to: green)))) { error in
            XCTAssertEqual("\(error)", "area 1 rolls up to Red; judging it Green needs a reason: say why")
        }
        green.reason = "The red action is recruitment only"
        XCTAssertNoThrow(try p.applying(.meeting(.setHighlight(meeting: meeting, area: 1, from: seen, to: green))))
        var asRollup = try XCTUnwrap(seen)
        asRollup.rag = .red
        XCTAssertNoThrow(try p.applying(.meeting(.setHighlight(meeting: meeting, area: 1, from: seen, to: asRollup))),
                         "agreeing with the roll-up needs no reason")
    }

    func testRecordingAMeetingKeepsItsHighlightsAsWrittenWhenActionsChangeLater() throws {
        var p = try plan()
        let name = "Board 2023-08-22"
        XCTAssertNil(p.meeting(named: name)?.highlight(area: 1)?.rag, "drafted: follows the roll-up")
        p = try apply(try p.recording(meeting: name), to: p)
        let recorded = try XCTUnwrap(p.meeting(named: name))
        XCTAssertEqual(recorded.checkpoint, name)
        XCTAssertNotNil(p.checkpoint(named: name))
        XCTAssertEqual(recorded.highlight(area: 1)?.rag, .red, "the roll-up of the day is written in")
        XCTAssertEqual(recorded.byWhen.count, p.allActions.count)
        // Area 1's red action goes green afterwards: the meeting's record does not move.
        p = try apply(p.setting(.status, ofAction: "1b", to: .status(.green)), to: p)
        XCTAssertEqual(p.meeting(named: name)?.highlight(area: 1)?.rag, .red)
        XCTAssertThrowsError(try p.recording(meeting: name), "a meeting is recorded once")
        let fixed = try XCTUnwrap(p.meeting(named: name)?.highlight(area: 1))
        var following = fixed
        following.rag = nil
        XCTAssertThrowsError(try p.applying(.meeting(.setHighlight(meeting: name, area: 1, from: fixed, to: following))),
                             "a recorded highlight does not go back to following the roll-up")
    }

    func testDatesMovedSinceAMeetingAreTheByWhensThatDiffer() throws {
        var p = try plan()
        let six = try XCTUnwrap(p.meeting(named: "Six-month review 2023-02-14"))
        XCTAssertEqual(p.datesMoved(since: six).map(\.ref), ["1d-e", "3n", "3o", "3p.i"])
        XCTAssertEqual(p.datesMoved(since: six).first { $0.ref == "3o" }?.days, 61)
        p = try apply(p.setting(.byWhen, ofAction: "3b", to: .date(TestDates.date("2023-12-29"))), to: p)
        XCTAssertEqual(p.datesMoved(since: six).map(\.ref), ["1d-e", "3b", "3n", "3o", "3p.i"])
    }

    func testADecisionBecomesAnActionInItsAreaInOneStep() throws {
        var p = try plan()
        // D3 is about risk R3, whose first area is 4.
        let edit = try p.turning(decision: 3, on: TestDates.date("2023-08-15"), author: "carol")
        p = try apply(edit, to: p)
        // Area 4 has no actions yet: the decision becomes its first, 4a (not "D3").
        let action = try XCTUnwrap(p.action("4a"))
        XCTAssertEqual(p.area(ofAction: "4a")?.number, 4)
        XCTAssertEqual(action.leads, ["Jane Milligan"])
        XCTAssertEqual(action.byWhen, TestDates.date("2023-04-30"))
        XCTAssertEqual(action.notes.first?.text, "From decision D3 of Six-month review 2023-02-14 (14 Feb 2023).")
        XCTAssertEqual(p.decision(3)?.decision.action, "4a")
        XCTAssertEqual(p.nextActionRef(inArea: 3), "3q", "after 3p.ii comes 3q")
        XCTAssertEqual(p.nextActionRef(inArea: 2), "2b", "after 2a, 2a.sc and 2a.h comes 2b")
        XCTAssertThrowsError(try p.turning(decision: 3, on: TestDates.date("2023-08-15"), author: "carol"))
        // A decision linked to an action lands in that action's area.
        p = try apply(try p.turning(decision: 2, intoAction: "1g", on: TestDates.date("2023-08-15"), author: "carol"), to: p)
        XCTAssertEqual(p.area(ofAction: "1g")?.number, 1)
    }

    func testTheValidatorFindsDuplicateNamesAndNumbers() throws {
        var p = try plan()
        p.meetings[1].name = p.meetings[0].name
        p.meetings[2].decisions = [Decision(number: 1, text: "again")]
        p.meetings[2].checkpoint = "No such checkpoint"
        let problems = Validator().problems(in: p).map(\.description)
        XCTAssertTrue(problems.contains("meetings[1].name: \"Board 2022-11-15\" is used twice; expected each meeting name once"), "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("meetings[2].decisions[0].number: 1 is used twice") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("meetings[2].checkpoint: names checkpoint \"No such checkpoint\"") }, "\(problems)")
    }
}

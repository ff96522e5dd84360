import BoardCore
import Foundation
import PlanModel
import TestSupport
import XCTest

/// Words and gaps a board member reads without thinking: counts agree with their nouns,
/// columns never run into each other, and a name is not said twice.
final class SmallWordsTests: XCTestCase {
    func testANotStartedStatusKeepsAGapBeforeTheKPIColumn() throws {
        var state = try board(width: 120, height: 35, view: .areas)
        state.press(.enter)  // area 1
        let rows = state.text.split(separator: "\n").filter { $0.contains("Not started") }
        XCTAssertFalse(rows.isEmpty, state.text)
        for row in rows {
            XCTAssertNil(row.range(of: #"Not started\S"#, options: .regularExpression), "a gap after the status: \(row)")
        }
    }

    func testACountOfOneIsSingular() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        plan.areas[0].actions = [plan.areas[0].actions[0]]
        plan.areas = [plan.areas[0]]
        var state = BoardState(plan: plan, today: TestDates.illustrativeToday, user: "t", width: 80, height: 24)
        state.press(.char("1"))
        XCTAssertTrue(state.text.contains("All: 1 action ·"), state.text)
        XCTAssertFalse(state.text.contains("1 actions"), state.text)
    }

    func testALongNameInTheChangeLogIsCutWithAGapBeforeWhatTheyDid() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let change = plan.settingStatus(ofAction: "3d", to: .green, reason: nil)
        let log = [ChangeRecord(seq: 1, at: Date(timeIntervalSince1970: 1_692_000_000), user: "Cllr Ann Barrington-Smythe", kind: .edit,
                                target: nil, summary: change.summary, edit: change, inverse: nil)]
        var state = BoardState(plan: try plan.applying(change).plan, log: log, today: TestDates.illustrativeToday, user: "t", width: 80, height: 24)
        state.press(.char("8"), .char("s"))
        let row = try XCTUnwrap(state.text.split(separator: "\n").first { $0.contains("Cllr") }, state.text)
        XCTAssertTrue(row.contains("Cllr Ann B… 3d status"), "the cut name, a space, then the change: \(row)")
    }

    func testALoginNamedForItsRoleIsNotSaidTwice() throws {
        var state = try board(width: 100, height: 30, view: .dashboard)
        state.user = "chair"
        state.role = .chair
        XCTAssertTrue(state.text.contains("chair (role: chair)"), state.text)
        XCTAssertFalse(state.text.contains("chair · chair"), state.text)
        state.user = "Ann Smith"
        XCTAssertTrue(state.text.contains("Ann Smith · chair"), state.text)
    }

    func testTheKPIBaselineDateSaysEnterGoesOnWhenAnotherQuestionFollows() throws {
        var state = try board(width: 120, height: 35, view: .kpis)
        state.press(.char("A"))  // add a KPI
        state.type("K9")
        state.press(.enter)
        state.type("Tribunal appeals")
        state.press(.enter)
        state.type("appeals")
        state.press(.enter, .char("l"))
        state.type("12")
        state.press(.enter)
        let screen = state.text
        XCTAssertTrue(screen.contains("baseline date:"), screen)
        XCTAssertTrue(screen.contains("Enter next"), "the comparator is asked next: \(screen)")
        XCTAssertFalse(screen.contains("Enter save"), screen)
    }

    func testEachAreasRAGIsOnTheDashboardAndTheAreasViewMarkedWhenJudged() throws {
        let dashboard = try board(width: 120, height: 40, view: .dashboard)
        let plan = dashboard.plan
        for area in plan.areas {
            let rag = plan.rag(ofArea: area.number)
            let row = try XCTUnwrap(dashboard.text.split(separator: "\n").first { $0.contains(area.title) }, dashboard.text)
            let cell = rag.status.map { "\($0.letter)\($0.glyph)\(rag.isJudged ? "*" : " ")" } ?? "–"
            XCTAssertTrue(row.contains(cell), "area \(area.number): \(cell) in \(row)")
        }
        XCTAssertTrue(plan.areas.contains { plan.rag(ofArea: $0.number).isJudged }, "the sample has a judged area")
        XCTAssertTrue(dashboard.text.contains("* the SRO’s judgement in the area’s latest highlight"), "said what * means: \(dashboard.text)")
        var areas = try board(width: 80, height: 24, view: .areas)
        areas.press(.down, .down)  // area 3
        XCTAssertTrue(areas.text.contains("Area 3 RAG: \(plan.rag(ofArea: 3).status?.label ?? "") (the SRO’s judgement at"), areas.text)
    }
}

/// A lead typed in the dashboard is checked as the command line checks it.
final class NewLeadTests: XCTestCase {
    func testANearOrNewNameIsAskedAboutOnceThenAdded() throws {
        var state = try board(view: .areas)
        state.press(.down, .down, .enter)  // area 3, on 3a.i
        let ref = try XCTUnwrap(state.currentAction?.ref)
        state.press(.char("L"))
        state.type("Jackie Ros")
        XCTAssertTrue(state.press(.enter).isEmpty, "nothing is saved on the first Enter")
        XCTAssertEqual(state.message, "“Jackie Ros” is not in the plan: did you mean “Jackie Ross”? Enter again adds “Jackie Ros” as a new person; Tab completes a name; Esc cancels.")
        XCTAssertNotNil(state.overlay, "the question is still open, with what was typed")

        // A slip, mended with Tab, is saved at once.
        state.press(.end, .backspace, .backspace, .backspace)
        state.type("Ro")
        state.press(.tab)
        let mended = state.press(.enter)
        guard case let .apply(edit, _, _)? = mended.first else { return XCTFail("the lead is saved: \(mended)") }
        XCTAssertEqual(edit, .setAction(ref: ref, field: .leads, from: .names(try XCTUnwrap(state.plan.action(ref)).leads), to: .names(["Jackie Ross"])))

        // A new person is added when Enter is pressed again.
        state.press(.char("L"))
        state.type("Sam Okafor")
        XCTAssertTrue(state.press(.enter).isEmpty)
        XCTAssertEqual(state.message, "“Sam Okafor” is not in the plan. Enter again adds “Sam Okafor” as a new person; Tab completes a name; Esc cancels.")
        let added = state.press(.enter)
        guard case let .apply(second, _, _)? = added.first else { return XCTFail("the new person is saved on the second Enter: \(added)") }
        XCTAssertEqual(second, .setAction(ref: ref, field: .leads, from: .names(try XCTUnwrap(state.plan.action(ref)).leads), to: .names(["Sam Okafor"])))
    }
}

/// A project lead's own actions, one key away.
final class MyActionsTests: XCTestCase {
    func testMShowsMyActionsWhenMyNameGivesALead() throws {
        var state = try board(width: 120, height: 35, view: .triage)
        state.user = "jackie"
        XCTAssertEqual(state.plan.leadName(forUser: "jackie"), "Jackie Ross", "a first name names the one lead it fits")
        XCTAssertEqual(state.plan.leadName(forUser: "JackieRoss"), "Jackie Ross")
        XCTAssertNil(state.plan.leadName(forUser: "tester"))
        state.press(.char("m"))
        XCTAssertEqual(state.message, "Showing your actions (Jackie Ross) that need attention. m again shows everyone's.")
        let rows = state.triage.map(\.action)
        XCTAssertFalse(rows.isEmpty)
        XCTAssertTrue(rows.allSatisfy { $0.leads.contains("Jackie Ross") }, "\(rows.map(\.ref))")
        state.press(.char("m"))
        XCTAssertEqual(state.message, "Showing every lead.")

        state.press(.char("f"))
        XCTAssertTrue(state.text.contains("Lead: Jackie Ross"), "f offers me first: \(state.text)")
        state.press(.escape)

        state.user = "tester"
        state.press(.char("m"))
        XCTAssertEqual(state.message, "tester is not a lead in the plan, so there are no actions of yours to show; f shows one lead's actions.")
    }
}

/// E on an action's screen opens $EDITOR on what is most likely meant.
final class EditorKeyTests: XCTestCase {
    func testEOnAShortFieldEditsTheActionsText() throws {
        var state = try board(view: .areas)
        state.press(.down, .down, .enter, .enter)  // area 3, its first action's screen
        let action = try XCTUnwrap(state.currentAction)
        state.press(.down, .down, .down)  // a short field (by-when, lead or status)
        let effects = state.press(.char("E"))
        let request = try XCTUnwrap(editorRequest(effects), "\(effects) \(state.message ?? "")")
        XCTAssertEqual(request.what, "\(action.ref) action")
        XCTAssertEqual(request.text, action.text)
    }
}

/// A long message is wrapped above the key bar, never cut: the end of an undo's message says
/// what the value went back to.
final class LongMessageTests: XCTestCase {
    func testAnUndosMessageKeepsWhatTheValueWentBackTo() throws {
        var state = try board(width: 80, height: 24, view: .areas)
        let said = "Undid: 3c.ii text “Reduce bureaucracy – simplify paperwork, cut the forms from five to two” → “Reduce bureaucracy” (back to “Reduce bureaucracy – simplify paperwork”)"
        _ = state.update(.saved(state.plan, state.log, said: said))
        let screen = state.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(screen.contains("(back to “Reduce bureaucracy – simplify paperwork”)"), state.text)
    }
}

/// A change of yours that someone else then changed is not quietly gone: you are told.
final class OverruledTests: XCTestCase {
    func testSomeoneChangingWhatYouChangedLastIsSaid() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        let mine = plan.settingStatus(ofAction: "3d", to: .green, reason: nil)
        plan = try plan.applying(mine).plan
        let at = Date(timeIntervalSince1970: 1_692_000_000)
        let log = [ChangeRecord(seq: 1, at: at, user: "tester", kind: .edit, target: nil, summary: mine.summary, edit: mine, inverse: nil)]
        var state = BoardState(plan: plan, log: log, today: TestDates.illustrativeToday, user: "tester", width: 100, height: 30)
        let theirs = plan.settingStatus(ofAction: "3d", to: .amber, reason: Note(date: TestDates.illustrativeToday, author: "Jackie", text: "Not yet"))
        let next = try plan.applying(theirs).plan
        let their = ChangeRecord(seq: 2, at: at.addingTimeInterval(120), user: "jackie", kind: .edit, target: nil,
                                 summary: theirs.summary(in: next), edit: theirs, inverse: nil)
        _ = state.update(.planChanged(next, log + [their]))
        let said = try XCTUnwrap(state.message)
        XCTAssertTrue(said.hasPrefix("jackie: note on 3d: Not yet; 3d status Green → Amber at "), said)
        XCTAssertTrue(said.hasSuffix(", over your change"), said)

        // A change to something else is not a notice.
        let other = next.settingStatus(ofAction: "1a", to: .green, reason: nil)
        let record = ChangeRecord(seq: 3, at: at.addingTimeInterval(240), user: "jackie", kind: .edit, target: nil, summary: other.summary, edit: other, inverse: nil)
        state.message = nil
        _ = state.update(.planChanged(try next.applying(other).plan, log + [their, record]))
        XCTAssertNil(state.message)
    }
}

/// At 80 columns nothing a person needs is cut where the screen has rows for it.
final class NarrowScreenTests: XCTestCase {
    func testTheRegisterShowsTheSelectedRiskInFullAndTheLegendWraps() throws {
        let register = try board(width: 80, height: 24, view: .risks)
        let risk = try XCTUnwrap(register.currentRisk)
        let flat = register.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(flat.contains("\(risk.ref): \(risk.risk)"), register.text)

        var legend = try board(width: 80, height: 24, view: .dashboard)
        legend.press(.char("K"))
        let lines = Render.screen(legend).lines.dropFirst(3).dropLast(2)
        XCTAssertFalse(lines.contains { $0.contains("…") && !$0.contains("↓") }, "wrapped, not cut:\n\(lines.joined(separator: "\n"))")
    }
}

import BoardCore
import BoardLoop
import Foundation
import PlanModel
import TestSupport
import XCTest

/// Text from `$EDITOR` while someone else changes the same field: the editor double makes
/// the other change while "open", then returns the person's text.
@MainActor
private struct EditorWhileSomeoneElseChanges: LongTextEditor {
    let meanwhile: @MainActor () throws -> Void
    let typed: String

    func edit(_ text: String, on terminal: any BoardTerminal) -> String? {
        XCTAssertNoThrow(try meanwhile())
        return typed
    }
}

/// Opens area 3 and returns the selected action.
@MainActor
private func openArea3(_ h: Harness, _ loop: DashboardLoop) throws -> Action {
    h.terminal.press(.char("2"), .down, .down, .enter)
    h.drain(loop)
    return try XCTUnwrap(loop.state.currentAction)
}

@MainActor
private func promptText(_ loop: DashboardLoop) -> String? {
    guard case let .prompt(prompt)? = loop.state.overlay else { return nil }
    return prompt.editor.text
}

/// Two people on one plan: an edit made from what the dashboard showed is refused when
/// someone else changed it since, the newer value is shown with who changed it and when,
/// and what was typed comes back so one more Enter applies it over theirs, knowingly.
final class ConflictTests: XCTestCase {
    func withHarness(_ body: @MainActor (Harness) throws -> Void) throws {
        try MainActor.assumeIsolated { try body(try Harness()) }
    }

    func testALeadChangedElsewhereWhileThePromptIsOpenIsNotOverwrittenAndTheTypedTextComesBack() throws {
        try withHarness { h in
            let loop = try h.loop()
            let action = try openArea3(h, loop)
            h.terminal.press(.char("L"), .ctrl("u"))
            h.terminal.type("Alice Jones")
            h.drain(loop)
            XCTAssertEqual(promptText(loop), "Alice Jones")

            // bob changes the lead in another dashboard; the poll brings it in behind the prompt.
            try h.source.changeElsewhere(.set(.leads, of: action, to: .names(["Bob Smith"])), by: "bob")
            h.clock.advance(milliseconds: 400)
            loop.step()
            XCTAssertEqual(promptText(loop), "Alice Jones", "the live refresh keeps the prompt and what is typed")

            // Alice Jones is not in the plan: asked once, nothing saved yet.
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertTrue(h.terminal.screen.contains("“Alice Jones” is not in the plan."), h.terminal.screen)
            XCTAssertEqual(h.source.log.count, 1)
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.action(action.ref)?.leads, ["Bob Smith"], "bob's lead is not overwritten")
            XCTAssertEqual(h.source.log.count, 1, "nothing of the refused edit was written")
            XCTAssertEqual(promptText(loop), "Alice Jones", "the prompt is back with the typed text")
            let screen = h.terminal.screen
            XCTAssertTrue(screen.contains("\(action.ref) lead was changed by bob at 14:00 on 15 Aug 2023 to Bob Smith"), screen)
            XCTAssertTrue(screen.contains("Yours is kept: Enter applies it over theirs"), screen)
            XCTAssertEqual(loop.state.plan.action(action.ref)?.leads, ["Bob Smith"], "the dashboard holds the newer value")

            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertFalse(loop.state.isAsking)
            XCTAssertEqual(h.source.plan.action(action.ref)?.leads, ["Alice Jones"], "the second Enter applies it")
            XCTAssertEqual(h.source.log.last?.edit, .setAction(ref: action.ref, field: .leads, from: .names(["Bob Smith"]), to: .names(["Alice Jones"])),
                           "knowingly: the edit replaces bob's lead, the value now seen")
            XCTAssertEqual(h.source.log.map(\.user), ["bob", "tester"], "both changes are in the log")
            XCTAssertTrue(h.terminal.screen.contains("Saved lead(s) of \(action.ref): Alice Jones."), h.terminal.screen)
        }
    }

    func testAnEditBuiltBeforeTheRefreshCarriesWhatWasSeenEvenWithoutAPoll() throws {
        try withHarness { h in
            let loop = try h.loop()
            let action = try openArea3(h, loop)
            h.terminal.press(.char("w"), .ctrl("u"))
            h.terminal.type("2024-01-31")
            h.drain(loop)
            try h.source.changeElsewhere(.set(.byWhen, of: action, to: .date(PlanDate(iso: "2023-12-01"))), by: "carol")
            // The plan is agreed: moving an agreed date asks why before it is saved.
            h.terminal.press(.enter)
            h.terminal.type("Slipped")
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.action(action.ref)?.byWhen, PlanDate(iso: "2023-12-01"), "carol's date stands")
            XCTAssertTrue(h.terminal.screen.contains("by-when was changed by carol"), h.terminal.screen)
            XCTAssertEqual(promptText(loop), "2024-01-31")
            h.terminal.press(.enter)
            h.terminal.type("Slipped")
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.action(action.ref)?.byWhen, PlanDate(iso: "2024-01-31"))
        }
    }

    func testARedReasonIsKeptWhenTheStatusChangedElsewhere() throws {
        try withHarness { h in
            let loop = try h.loop()
            let action = try openArea3(h, loop)
            h.terminal.press(.char("r"))
            h.terminal.type("Recruitment paused")
            h.drain(loop)
            try h.source.changeElsewhere(h.source.plan.settingStatus(ofAction: action.ref, to: .complete, reason: nil), by: "bob")
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.action(action.ref)?.status, .complete)
            XCTAssertFalse(h.source.plan.action(action.ref)?.notes.contains { $0.text == "Recruitment paused" } ?? true, "no half of it is saved")
            XCTAssertTrue(h.terminal.screen.contains("status was changed by bob"), h.terminal.screen)
            XCTAssertEqual(promptText(loop), "Recruitment paused")
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.action(action.ref)?.status, .red)
            XCTAssertEqual(h.source.plan.action(action.ref)?.notes.last?.text, "Recruitment paused")
        }
    }

    func testAOneKeyStatusCarriesTheRowAsShownAndPressingAgainApplies() throws {
        try withHarness { h in
            let loop = try h.loop()
            let action = try openArea3(h, loop)
            try h.source.changeElsewhere(.set(.leads, of: action, to: .names(["Sam Lee"])), by: "sam")
            try h.source.changeElsewhere(h.source.plan.settingStatus(ofAction: action.ref, to: .complete, reason: nil), by: "sam")
            h.terminal.press(.char("g"))
            h.drain(loop)
            XCTAssertEqual(h.source.plan.action(action.ref)?.status, .complete, "sam's status stands")
            XCTAssertTrue(h.terminal.screen.contains("status was changed by sam"), h.terminal.screen)
            XCTAssertFalse(loop.state.isAsking)
            XCTAssertEqual(loop.state.plan.action(action.ref)?.status, .complete, "the screen shows the newer status")
            h.terminal.press(.char("g"))
            h.drain(loop)
            XCTAssertEqual(h.source.plan.action(action.ref)?.status, .green)
        }
    }

    func testEditorTextIsKeptWhenTheFieldChangedElsewhereAndEnterAppliesIt() throws {
        try withHarness { h in
            let source = h.source
            var ref = ""
            let editor = EditorWhileSomeoneElseChanges(meanwhile: {
                guard let action = source.plan.action(ref) else { return XCTFail("no action \(ref)") }
                try source.changeElsewhere(.set(.text, of: action, to: .text("Bob's wording")), by: "bob")
            }, typed: "My long rewrite")
            let loop = try h.loop(editor: editor)
            ref = try openArea3(h, loop).ref
            h.terminal.press(.char("E"))
            h.drain(loop)
            XCTAssertEqual(h.source.plan.action(ref)?.text, "Bob's wording")
            XCTAssertTrue(h.terminal.screen.contains("text was changed by bob"), h.terminal.screen)
            XCTAssertTrue(h.terminal.screen.contains("is kept: apply it over the newer one?"), h.terminal.screen)
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.action(ref)?.text, "My long rewrite")
            XCTAssertEqual(h.source.log.last?.edit, .setAction(ref: ref, field: .text, from: .text("Bob's wording"), to: .text("My long rewrite")))
        }
    }

    func testADeleteRefusedBecauseSomeoneChangedTheActionAsksAgainAboutTheNewerOne() throws {
        try withHarness { h in
            let loop = try h.loop()
            let action = try openArea3(h, loop)
            h.terminal.press(.char("d"))
            h.drain(loop)
            try h.source.changeElsewhere(.set(.leads, of: action, to: .names(["Sam Lee"])), by: "sam")
            h.terminal.press(.char("y"))
            h.drain(loop)
            XCTAssertNotNil(h.source.plan.action(action.ref), "not deleted")
            XCTAssertTrue(h.terminal.screen.contains("was changed by sam"), h.terminal.screen)
            guard case .confirm? = loop.state.overlay else { return XCTFail("the delete is asked again") }
            h.terminal.press(.char("y"))
            h.drain(loop)
            XCTAssertNil(h.source.plan.action(action.ref), "deleted as it is now")
        }
    }

    func testAnUndoThatWouldTrampleAnotherPersonsChangeIsRefusedAndNotReportedAsUndone() throws {
        try withHarness { h in
            let loop = try h.loop()
            let action = try openArea3(h, loop)
            h.terminal.press(.char("L"), .ctrl("u"))
            h.terminal.type("Alice Jones")
            h.terminal.press(.enter, .enter)  // a new person: Enter again adds her
            h.drain(loop)
            let mine = try XCTUnwrap(h.source.plan.action(action.ref))
            try h.source.changeElsewhere(.set(.leads, of: mine, to: .names(["Bob Smith"])), by: "bob")
            h.terminal.press(.char("u"))
            h.drain(loop)
            XCTAssertEqual(h.source.plan.action(action.ref)?.leads, ["Bob Smith"], "bob's lead stands")
            let screen = h.terminal.screen
            XCTAssertTrue(screen.contains("lead was changed by bob"), screen)
            XCTAssertTrue(screen.contains("your undo"), screen)
            XCTAssertTrue(screen.contains("was not applied."), screen)
            XCTAssertFalse(screen.contains("Undid"), screen)
            XCTAssertEqual(loop.state.plan.action(action.ref)?.leads, ["Bob Smith"], "the screen shows bob's lead")
        }
    }

    func testAKPIActualRecordedElsewhereIsNotOverwrittenAndTheTypedFigureComesBack() throws {
        try withHarness { h in
            let loop = try h.loop()
            h.terminal.press(.char("6"))
            h.drain(loop)
            let kpi = try XCTUnwrap(loop.state.currentKPI)
            h.terminal.press(.enter, .ctrl("u"))
            h.terminal.type("61")
            h.drain(loop)
            try h.source.changeElsewhere(.setActual(kpi: kpi.ref, milestone: 0, from: kpi.milestones[0].actual, to: 58), by: "carol")
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.kpi(kpi.ref)?.milestones[0].actual, 58, "carol's figure stands")
            XCTAssertTrue(h.terminal.screen.contains("was changed by carol"), h.terminal.screen)
            XCTAssertEqual(promptText(loop), "61")
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.kpi(kpi.ref)?.milestones[0].actual, 61)
            XCTAssertEqual(h.source.log.last?.edit, .setActual(kpi: kpi.ref, milestone: 0, from: 58, to: 61))
        }
    }

    func testARiskOwnerAndScoreChangedElsewhereAreNotOverwritten() throws {
        try withHarness { h in
            let loop = try h.loop()
            h.terminal.press(.char("5"), .right, .right, .enter, .ctrl("u"))
            h.terminal.type("Priya Shah")
            h.drain(loop)
            let risk = try XCTUnwrap(loop.state.currentRisk)
            try h.source.changeElsewhere(.set(.owner, of: risk, to: .text("Dan Cole")), by: "dan")
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.risk(risk.ref)?.owner, "Dan Cole")
            XCTAssertTrue(h.terminal.screen.contains("owner was changed by dan"), h.terminal.screen)
            XCTAssertEqual(promptText(loop), "Priya Shah")
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.risk(risk.ref)?.owner, "Priya Shah")

            // The residual score, two digits, while dan rescores it.
            h.terminal.press(.right, .right)
            h.drain(loop)
            let seen = try XCTUnwrap(h.source.plan.risk(risk.ref))
            h.terminal.press(.enter, .char("2"))
            h.drain(loop)
            try h.source.changeElsewhere(.set(.residualImpact, of: seen, to: .level(seen.residual.impact == 5 ? 4 : 5)), by: "dan")
            h.terminal.press(.char("3"))
            h.drain(loop)
            XCTAssertTrue(h.terminal.screen.contains("was changed by dan"), h.terminal.screen)
            XCTAssertTrue(h.terminal.screen.contains("apply yours, 2 × 3, over the newer one?"), h.terminal.screen)
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.risk(risk.ref)?.residual, Score(likelihood: 2, impact: 3))
        }
    }
}

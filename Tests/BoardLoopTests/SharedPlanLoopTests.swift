import BoardCore
import BoardLoop
import Foundation
import PlanModel
import TestSupport
import XCTest

/// The dashboard on a shared plan, with a source that stands in for the PostgreSQL store:
/// changes arrive when the server tells of them (no polling), the header names the person
/// and their role, and a server that goes away mid-session loses no edit and no typing.
final class SharedPlanLoopTests: XCTestCase {
    func withHarness(_ body: @MainActor (Harness) throws -> Void) throws {
        try MainActor.assumeIsolated { try body(try Harness()) }
    }

    @MainActor
    static func row(_ ref: String, _ h: Harness) -> String {
        String(h.terminal.screen.split(separator: "\n").first { $0.hasPrefix("\(ref) ") } ?? "")
    }

    /// The screen as one line with single spaces: a message wrapped over rows reads whole.
    @MainActor
    static func flat(_ h: Harness) -> String {
        h.terminal.screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @MainActor
    static func promptText(_ loop: DashboardLoop) -> String? {
        guard case let .prompt(prompt)? = loop.state.overlay else { return nil }
        return prompt.editor.text
    }

    /// A dashboard on a shared plan (told of changes, never polling), open on area 3.
    @MainActor
    static func sharedPlanInArea3(_ h: Harness) throws -> DashboardLoop {
        h.source.tellsOfChanges = true
        let loop = try h.loop()
        h.terminal.press(.char("2"), .down, .down, .enter)
        h.drain(loop)
        return loop
    }

    func testAChangeTheServerToldOfShowsOnTheNextTurnAndNothingIsPolledMeanwhile() throws {
        try withHarness { h in
            let loop = try Self.sharedPlanInArea3(h)
            let reads = h.source.versionReads
            for _ in 0..<10 {
                h.clock.advance(milliseconds: 300)
                loop.step()
            }
            XCTAssertEqual(h.source.versionReads, reads, "with no notice from the server the loop asks it nothing")

            try h.source.changeElsewhere(h.source.plan.settingStatus(ofAction: "3d", to: .green, reason: nil))
            loop.step()
            XCTAssertTrue(Self.row("3d", h).contains("G ✓ Green"), "on screen at the next turn, with no time passing:\n\(h.terminal.screen)")
            XCTAssertEqual(loop.state.screen, AreaScreen.id(3), "the place is kept")
        }
    }

    func testKeysKeepAnsweringWhileAChangeIsOnItsWayAndItSaysSavingThenSaved() throws {
        try withHarness { h in
            let loop = try Self.sharedPlanInArea3(h)
            h.source.savesInBackground = true
            h.terminal.press(.down)
            h.drain(loop)
            let selected = String(Self.flat(h))
            h.terminal.press(.char("g"))
            h.drain(loop)
            XCTAssertTrue(loop.isSaving)
            XCTAssertTrue(Self.flat(h).contains("Saving…"), "the status line says it is not saved yet:\n\(h.terminal.screen)")
            XCTAssertFalse(Self.flat(h).contains("Saved status"), h.terminal.screen)
            // Keys answer while the server has not: the selection moves, a view opens.
            h.terminal.press(.down, .down)
            h.drain(loop)
            XCTAssertNotEqual(Self.flat(h), selected, "the selection moved while saving")
            XCTAssertTrue(loop.isSaving, "and the change is still on its way")
            h.source.saveGate.signal()
            loop.awaitSave()
            XCTAssertFalse(loop.isSaving)
            XCTAssertTrue(Self.flat(h).contains("3a.ii is now Green."), "then it says saved:\n\(h.terminal.screen)")
        }
    }

    func testAChangeMadeWhileAnotherIsOnItsWayWaitsForItAndBothAreSavedInOrder() throws {
        try withHarness { h in
            let loop = try Self.sharedPlanInArea3(h)
            h.source.savesInBackground = true
            let before = h.source.log.count
            h.terminal.press(.down, .char("g"), .down, .char("-"))
            h.drain(loop)
            XCTAssertEqual(h.source.log.count, before + 1, "the second waits for the first's answer")
            XCTAssertTrue(Self.flat(h).contains("Saving…"), h.terminal.screen)
            h.source.saveGate.signal()
            loop.awaitSave()
            XCTAssertTrue(loop.isSaving, "then goes")
            h.source.saveGate.signal()
            loop.awaitSave()
            XCTAssertEqual(h.source.log.count, before + 2)
            XCTAssertEqual(h.source.log.suffix(2).map { $0.summary.contains("Green") }, [true, false])
            XCTAssertEqual(h.source.log.suffix(2).map { $0.summary.contains("Not started") }, [false, true])
        }
    }

    func testAChangeTheServerDidNotSaveIsTakenOffTheScreenAndItsQuestionComesBack() throws {
        try withHarness { h in
            let loop = try Self.sharedPlanInArea3(h)
            h.source.savesInBackground = true
            let row = Self.row("3b", h)
            h.terminal.press(.char("L"))
            h.drain(loop)
            h.terminal.press(.ctrl("u"))
            h.terminal.type("Alice Jones")
            h.source.serverAway = true
            h.terminal.press(.enter, .enter)  // Alice Jones is new to the plan: Enter again adds her
            h.drain(loop)
            h.source.saveGate.signal()
            loop.awaitSave()
            XCTAssertTrue(Self.flat(h).contains("NOT saved"), h.terminal.screen)
            XCTAssertEqual(Self.promptText(loop), "Alice Jones", "the question is back with what was typed")
            h.source.serverAway = false
            h.terminal.press(.escape)
            h.drain(loop)
            XCTAssertEqual(Self.row("3b", h), row, "the lead shown while saving is gone: it was not saved")
        }
    }

    func testAChangeToldOfWhenItCouldNotBeReadIsReadAtTheNextPoll() throws {
        try withHarness { h in
            let loop = try Self.sharedPlanInArea3(h)
            h.source.failingReads = 1
            try h.source.changeElsewhere(h.source.plan.settingStatus(ofAction: "3d", to: .green, reason: nil))
            loop.step()
            XCTAssertFalse(Self.row("3d", h).contains("G ✓ Green"), "the read failed, so the change is not there yet")
            h.clock.advance(milliseconds: 300)
            loop.step()
            XCTAssertTrue(Self.row("3d", h).contains("G ✓ Green"), "the notice was used up, yet the next poll reads the change:\n\(h.terminal.screen)")
        }
    }

    func testAPlanFileIsStillPolledAtTheInterval() throws {
        try withHarness { h in
            let loop = try h.loop()
            let reads = h.source.versionReads
            h.clock.advance(milliseconds: 300)
            loop.step()
            XCTAssertEqual(h.source.versionReads, reads + 1, "a file has no notice: its version is checked every 300 ms")
        }
    }

    func testTheHeaderNamesThePersonAndTheirRoleOnASharedPlanAndOnlyTheNameOnAFile() throws {
        try withHarness { h in
            _ = try h.loop()
            XCTAssertTrue(h.terminal.screen.split(separator: "\n")[0].hasSuffix("tester · 15 Aug 2023 "), h.terminal.screen)
        }
        try withHarness { h in
            h.source.role = .editor
            _ = try h.loop()
            XCTAssertTrue(h.terminal.screen.split(separator: "\n")[0].hasSuffix("tester · editor · 15 Aug 2023 "), h.terminal.screen)
        }
    }

    func testAViewersStatusKeySaysWhyAndChangesNothing() throws {
        try withHarness { h in
            h.source.role = .viewer
            h.source.isReadOnly = true
            let loop = try h.loop()
            h.terminal.press(.char("2"), .down, .down, .enter, .char("g"))
            h.drain(loop)
            XCTAssertEqual(h.source.log.count, 0, "nothing was written")
            let screen = Self.flat(h)
            XCTAssertTrue(screen.contains("You are a viewer on this shared plan: board members read, they do not change it."), h.terminal.screen)
        }
    }

    func testAnEditorsCheckpointKeySaysOnlyAChairMayAndAsksNothing() throws {
        try withHarness { h in
            h.source.role = .editor
            let loop = try h.loop()
            h.terminal.press(.char("C"))
            h.drain(loop)
            XCTAssertNil(loop.state.overlay, "no question is asked")
            XCTAssertTrue(Self.flat(h).contains("You are an editor on this shared plan"), h.terminal.screen)
        }
    }

    func testAnEditorRecordsKPIActualsButTheKPIsOwnKeysSayOnlyAChairMay() throws {
        try withHarness { h in
            h.source.role = .editor
            let loop = try h.loop()
            // The score card: adding or removing a KPI is a chair's.
            h.terminal.press(.char("6"), .char("A"))
            h.drain(loop)
            XCTAssertNil(loop.state.overlay, "no question is asked")
            XCTAssertTrue(Self.flat(h).contains("KPI actuals and risks; KPIs, meetings, areas and the rest are a chair's"),
                          h.terminal.screen)
            h.terminal.press(.char("D"))
            h.drain(loop)
            XCTAssertNil(loop.state.overlay, "removing asks nothing either")
            // Recording an actual is an editor's: its question is asked.
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertNotNil(loop.state.overlay, "the actual is asked for:\n\(h.terminal.screen)")
        }
    }

    func testWhenTheServerGoesAwayTheTypedLeadIsKeptTheEditSaysNotSavedAndEnterSavesItOnceItIsBack() throws {
        try withHarness { h in
            h.source.tellsOfChanges = true
            h.source.role = .editor
            let loop = try h.loop()
            h.terminal.press(.char("2"), .down, .down, .enter)
            h.drain(loop)
            let action = try XCTUnwrap(loop.state.currentAction)
            h.terminal.press(.char("L"), .ctrl("u"))
            h.terminal.type("Alice Jones")
            h.drain(loop)

            h.source.serverAway = true
            loop.step()
            XCTAssertTrue(h.terminal.screen.split(separator: "\n")[0].contains("⚠ SERVER NOT ANSWERING"), h.terminal.screen)
            XCTAssertEqual(Self.promptText(loop), "Alice Jones", "going away does not touch the prompt")

            h.terminal.press(.enter, .enter)  // Alice Jones is new to the plan: Enter again adds her
            h.drain(loop)
            let said = Self.flat(h)
            XCTAssertTrue(said.contains("The change was NOT saved"), h.terminal.screen)
            XCTAssertTrue(said.contains("Your text is kept: press Enter to try again"), h.terminal.screen)
            XCTAssertEqual(Self.promptText(loop), "Alice Jones", "the prompt is back with the text")
            XCTAssertEqual(h.source.plan.action(action.ref)?.leads, action.leads, "nothing was saved")

            // Someone else's change made meanwhile comes in when the server is back.
            try h.source.changeElsewhere(h.source.plan.settingStatus(ofAction: "3d", to: .green, reason: nil))
            loop.step()
            XCTAssertFalse(Self.row("3d", h).contains("G ✓ Green"), "not heard while the server is away")
            h.source.serverAway = false
            loop.step()
            XCTAssertFalse(h.terminal.screen.split(separator: "\n")[0].contains("SERVER NOT ANSWERING"), h.terminal.screen)
            XCTAssertEqual(loop.state.plan.action("3d")?.status, .green, "caught up")
            XCTAssertEqual(Self.promptText(loop), "Alice Jones")

            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.action(action.ref)?.leads, ["Alice Jones"], "saved once the server is back")
            XCTAssertTrue(h.terminal.screen.contains("Saved lead(s) of \(action.ref): Alice Jones."), h.terminal.screen)
        }
    }
}

import BoardCore
import BoardLoop
import Foundation
import PlanModel
import TestSupport
import XCTest

/// A dashboard loop on an in-memory terminal, a clock moved by hand and a plan in memory.
@MainActor
final class Harness {
    let source: MemoryPlanSource
    let terminal = MemoryTerminal(width: 80, height: 24)
    let clock = ManualClock(today: TestDates.illustrativeToday)

    init() throws {
        source = MemoryPlanSource(plan: try Samples.plan(SamplePlans.devonIllustrative))
    }

    func loop(editor: any LongTextEditor = ExternalEditor(environment: ["EDITOR": "false"]), stop: @escaping () -> Void = {}) throws -> DashboardLoop {
        let loop = try DashboardLoop(source: source, terminal: terminal, clock: clock, editor: editor, today: TestDates.illustrativeToday, stopProcess: stop)
        loop.start()
        return loop
    }

    /// Runs the loop until the queued input is used up.
    func drain(_ loop: DashboardLoop) {
        while !terminal.input.isEmpty { XCTAssertTrue(loop.step()) }
    }
}

/// The dashboard loop itself: live refresh, resize, the `$EDITOR` round trip, suspend and
/// resume, pastes, on an in-memory terminal.
final class DashboardLoopTests: XCTestCase {
    /// XCTest on Linux runs tests on the main thread; the loop lives on the main actor.
    func withHarness(_ body: @MainActor (Harness) throws -> Void) throws {
        try MainActor.assumeIsolated { try body(try Harness()) }
    }

    func testTheFirstFrameFillsTheTerminalAndQKeysQuit() throws {
        try withHarness { h in
            let loop = try h.loop()
            XCTAssertEqual(h.terminal.frames.count, 1)
            XCTAssertEqual(h.terminal.frames[0].width, 80)
            XCTAssertTrue(h.terminal.screen.contains("Highest residual risks"), h.terminal.screen)
            h.terminal.press(.char("q"))
            XCTAssertFalse(loop.step(), "q ends the loop")
        }
    }

    func testAChangeMadeElsewhereShowsAtTheNextPollAndNotBefore() throws {
        try withHarness { h in
            let loop = try h.loop()
            h.terminal.press(.char("2"), .down, .down, .enter)
            h.drain(loop)
            XCTAssertNotEqual(h.source.plan.action("3d")?.status, .green)
            try h.source.changeElsewhere(h.source.plan.settingStatus(ofAction: "3d", to: .green, reason: nil))
            let frames = h.terminal.frames.count
            h.clock.advance(milliseconds: 100)
            loop.step()
            XCTAssertEqual(h.terminal.frames.count, frames, "nothing is drawn before the poll is due")
            h.clock.advance(milliseconds: 250)
            loop.step()
            XCTAssertEqual(h.terminal.frames.count, frames + 1, "the poll found the change and drew it")
            let row = h.terminal.screen.split(separator: "\n").first { $0.hasPrefix("3d ") } ?? ""
            XCTAssertTrue(row.contains("G ✓ Green"), "3d shows Green without a key being pressed:\n\(h.terminal.screen)")
            XCTAssertEqual(loop.state.screen, AreaScreen.id(3), "the place is kept")
        }
    }

    func testTheDateTurningAtMidnightIsNoticedAtThePoll() throws {
        try withHarness { h in
            let loop = try h.loop()
            h.clock.date = TestDates.illustrativeToday.adding(days: 1)
            h.clock.advance(milliseconds: 300)
            loop.step()
            XCTAssertTrue(h.terminal.screen.split(separator: "\n")[0].hasSuffix("16 Aug 2023 "), h.terminal.screen)
        }
    }

    func testResizeRedrawsTheWholeScreenAtTheNewSize() throws {
        try withHarness { h in
            let loop = try h.loop()
            h.terminal.resize(width: 120, height: 40)
            loop.step()
            XCTAssertEqual(h.terminal.frames.last?.width, 120)
            XCTAssertEqual(h.terminal.frames.last?.height, 40)
            h.terminal.resize(width: 30, height: 10)
            loop.step()
            XCTAssertTrue(h.terminal.screen.contains("planboard needs a terminal at"), h.terminal.screen)
        }
    }

    func testEditingLongTextInAScriptedEditorSavesItAndGivesTheTerminalBack() throws {
        try withHarness { h in
            let folder = try TempFolder("editor")
            let script = folder.url.appendingPathComponent("editor.sh")
            try Data("#!/bin/sh\nprintf '%s' ' – revised by the board' >> \"$1\"\n".utf8).write(to: script)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
            let loop = try h.loop(editor: ExternalEditor(environment: ["EDITOR": script.path, "PATH": "/usr/bin:/bin"]))
            h.terminal.press(.char("2"), .down, .down, .enter, .char("E"))
            h.drain(loop)
            XCTAssertEqual(h.terminal.suspensions, 1, "the terminal was handed to the editor once and taken back")
            XCTAssertEqual(h.source.plan.action("3a.i")?.text, "Increase capacity in the team – including EP capacity. – revised by the board")
            XCTAssertTrue(h.terminal.screen.contains("Saved action of 3a.i"), h.terminal.screen)
            XCTAssertEqual(h.source.log.last?.user, "tester", "the change is signed")
        }
    }

    func testAnEditorThatFailsChangesNothing() throws {
        try withHarness { h in
            let loop = try h.loop(editor: ExternalEditor(environment: ["EDITOR": "false", "PATH": "/usr/bin:/bin"]))
            h.terminal.press(.char("2"), .down, .down, .enter, .char("E"))
            h.drain(loop)
            XCTAssertEqual(h.terminal.suspensions, 1)
            XCTAssertTrue(h.source.log.isEmpty, "nothing was saved")
            XCTAssertTrue(h.terminal.screen.contains("No change."), h.terminal.screen)
        }
    }

    func testCtrlZHandsTheTerminalOverStopsAndRedrawsOnResume() throws {
        try withHarness { h in
            var stopped = 0
            let loop = try h.loop(stop: { stopped += 1 })
            let frames = h.terminal.frames.count
            h.terminal.suspendSignal = true
            loop.step()
            XCTAssertEqual(stopped, 1, "the process was stopped once")
            XCTAssertEqual(h.terminal.suspensions, 1, "with the terminal handed over")
            XCTAssertEqual(h.terminal.frames.count, frames + 1, "and the screen drawn again on resume")
            loop.step()
            XCTAssertEqual(h.terminal.frames.count, frames + 1, "nothing more to draw")
            h.terminal.quitSignal = true
            XCTAssertFalse(loop.step(), "a quit signal ends the loop")
        }
    }

    func testAFailedSaveIsShownAndTheLoopGoesOn() throws {
        try withHarness { h in
            h.source.isReadOnly = false
            let loop = try h.loop()
            h.terminal.press(.char("u"))
            h.drain(loop)
            XCTAssertTrue(h.terminal.screen.contains("Nothing of yours to undo."), h.terminal.screen)
            h.terminal.press(.char("2"), .down, .down, .enter, .char("g"), .char("u"))
            h.drain(loop)
            let before = try XCTUnwrap(try Samples.plan(SamplePlans.devonIllustrative).action("3a.i")).status
            XCTAssertEqual(h.source.plan.action("3a.i")?.status, before, "undone")
            XCTAssertTrue(h.terminal.screen.contains("Undid: 3a.i status \(before.label) → Green (back to \(before.label))"),
                          "the undo says what it undid in words: \(h.terminal.screen)")
        }
    }

    func testAPasteIsTakenWholeAndAnOversizedOneIsRefusedAtOnce() throws {
        try withHarness { h in
            let loop = try h.loop()
            h.terminal.press(.char("2"), .down, .down, .enter, .char("p"))
            h.terminal.input.append(.key(.paste("Agreed with health – £40k")))
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertEqual(h.source.plan.action("3a.i")?.notes.last?.text, "Agreed with health – £40k")
            h.terminal.press(.char("p"))
            h.terminal.input.append(.key(.paste(String(repeating: "x", count: 1_048_576))))
            h.drain(loop)
            XCTAssertTrue(h.terminal.screen.contains("That is 1,048,576 characters; a field holds at most"), h.terminal.screen)
            XCTAssertTrue(loop.state.isAsking, "the note stays open, empty, to try again")
        }
    }
}

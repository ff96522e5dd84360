import BoardCore
import BoardLoop
import Foundation
import PlanModel
import PlanReport
import TestSupport
import XCTest

/// A pack writer that makes the real HTML pack (PlanReport) and keeps it in memory.
@MainActor
final class MemoryPackWriter: PackWriter {
    private(set) var written: [String: String] = [:]

    func writePack(_ plan: Plan, log: [ChangeRecord], meeting: String, since: String?, today: PlanDate) throws -> String {
        let pack = try BoardPack(plan: plan, meeting: meeting, since: since, today: today)
        let place = "memory:board-pack-\(meeting).html"
        written[place] = pack.html()
        return place
    }
}

/// The Meetings view through the loop: what the dashboard records reaches the store and
/// the next board pack; highlight text round-trips through `$EDITOR`.
final class MeetingLoopTests: XCTestCase {
    func withLoop(editor environment: [String: String] = ["EDITOR": "false"],
                  _ body: @MainActor (DashboardLoop, MemoryTerminal, MemoryPlanSource, MemoryPackWriter) throws -> Void) throws {
        try MainActor.assumeIsolated {
            let source = MemoryPlanSource(plan: try Samples.illustrativeWithMeetings())
            let terminal = MemoryTerminal(width: 80, height: 24)
            let writer = MemoryPackWriter()
            let loop = try DashboardLoop(source: source, terminal: terminal, clock: ManualClock(today: TestDates.illustrativeToday),
                                         editor: ExternalEditor(environment: environment), today: TestDates.illustrativeToday, packWriter: writer)
            loop.start()
            try body(loop, terminal, source, writer)
        }
    }


    func testADecisionRecordedInTheDashboardAppearsInTheNextPack() throws {
        try withLoop { loop, terminal, source, writer in
            let meeting = try XCTUnwrap(source.plan.meetings.last)
            let number = source.plan.nextDecisionNumber
            terminal.press(.char("M"), .enter, .char("D"))
            terminal.type("Commission a review of <transport> & travel")
            terminal.press(.enter, .enter, .enter, .enter)
            runQueuedInput(loop, terminal)
            let recorded = try XCTUnwrap(source.plan.meeting(named: meeting.name)?.decisions.first { $0.number == number })
            XCTAssertEqual(recorded.link, .area(1), "the link defaulted to the area selected on the agenda")
            XCTAssertEqual(source.log.last?.user, "tester", "the change is signed")

            terminal.press(.char("W"))
            runQueuedInput(loop, terminal)
            let place = "memory:board-pack-\(meeting.name).html"
            let html = try XCTUnwrap(writer.written[place], "the pack was written")
            XCTAssertTrue(html.contains("Commission a review of &lt;transport&gt; &amp; travel"), "the decision is in the pack, escaped")
            XCTAssertTrue(html.contains("D\(number)"))
            XCTAssertTrue(terminal.screen.contains("Wrote the board pack"), terminal.screen)
        }
    }

    func testADecisionTurnedIntoAnActionAppearsInItsAreaInThePack() throws {
        try withLoop { loop, terminal, source, writer in
            let meeting = try XCTUnwrap(source.plan.meetings.last)
            terminal.press(.char("M"), .enter, .down, .char("D"))
            terminal.type("Publish the transport offer")
            terminal.press(.enter, .enter, .enter, .enter, .end, .char("T"), .char("W"))
            runQueuedInput(loop, terminal)
            let made = try XCTUnwrap(source.plan.meeting(named: meeting.name)?.decisions.last?.action)
            XCTAssertEqual(source.plan.area(ofAction: made)?.number, 1)
            let html = try XCTUnwrap(writer.written.values.first)
            XCTAssertTrue(html.contains(made), "the new action \(made) is in its area's table")
        }
    }

    func testAHighlightChangedElsewhereWhileItsQuestionIsOpenIsNotOverwrittenAndTheTypedTextComesBack() throws {
        try MainActor.assumeIsolated {
            let source = MemoryPlanSource(plan: try Samples.illustrativeWithMeetings())
            source.tellsOfChanges = true
            let terminal = MemoryTerminal(width: 80, height: 24)
            let loop = try DashboardLoop(source: source, terminal: terminal, clock: ManualClock(today: TestDates.illustrativeToday),
                                         editor: ExternalEditor(environment: ["EDITOR": "false"]), today: TestDates.illustrativeToday)
            loop.start()
            let meeting = try XCTUnwrap(source.plan.meetings.last)
            terminal.press(.char("M"), .enter, .down, .down, .enter)
            runQueuedInput(loop, terminal)
            XCTAssertTrue(terminal.screen.contains("Area 1 progress:"), terminal.screen)
            /// The chair changes area 1's highlight from the command line while the question
            /// is open; then the person types over the question and presses Enter.
            @MainActor func meanwhile(_ change: (inout Highlight) -> Void, thenType typed: String) throws {
                let before = source.plan.meeting(named: meeting.name)?.highlight(area: 1)
                var theirs = before ?? Highlight(area: 1)
                change(&theirs)
                try source.changeElsewhere(.meeting(.setHighlight(meeting: meeting.name, area: 1, from: before, to: theirs)), by: "jackie")
                loop.step()
                terminal.press(.ctrl("u"))
                terminal.type(typed)
                terminal.press(.enter)
                runQueuedInput(loop, terminal)
            }
            try meanwhile({ $0.progress = "Pay review agreed" }, thenType: "Backlog halved")
            XCTAssertEqual(source.plan.meeting(named: meeting.name)?.highlight(area: 1)?.progress, "Pay review agreed", "theirs is kept")
            let screen = terminal.screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertTrue(screen.contains("was changed by jackie at"), terminal.screen)
            guard case let .prompt(prompt)? = loop.state.overlay else { return XCTFail("the question is back:\n\(terminal.screen)") }
            XCTAssertEqual(prompt.editor.text, "Backlog halved", "with what was typed")
            // Enter now applies it, knowing theirs.
            terminal.press(.enter)
            runQueuedInput(loop, terminal)
            XCTAssertEqual(source.plan.meeting(named: meeting.name)?.highlight(area: 1)?.progress, "Backlog halved")
            // Another field of the same highlight changed elsewhere is no conflict: both are kept.
            terminal.press(.up, .enter)
            runQueuedInput(loop, terminal)
            try meanwhile({ $0.nextSteps = "Recruit two EPs" }, thenType: "Why it is Amber")
            XCTAssertEqual(source.plan.meeting(named: meeting.name)?.highlight(area: 1)?.reason, "Why it is Amber")
            XCTAssertEqual(source.plan.meeting(named: meeting.name)?.highlight(area: 1)?.nextSteps, "Recruit two EPs")
        }
    }

    func testAHighlightEditedInTheEditorIsSaved() throws {
        let folder = try TempFolder("editor")
        let script = folder.url.appendingPathComponent("editor.sh")
        try Data("#!/bin/sh\nprintf '%s' 'Written in the editor' > \"$1\"\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        try withLoop(editor: ["EDITOR": script.path, "PATH": "/usr/bin:/bin"]) { loop, terminal, source, _ in
            let meeting = try XCTUnwrap(source.plan.meetings.last)
            terminal.press(.char("M"), .enter, .down, .down, .char("E"))
            runQueuedInput(loop, terminal)
            XCTAssertEqual(terminal.suspensions, 1)
            XCTAssertEqual(source.plan.meeting(named: meeting.name)?.highlight(area: 1)?.progress, "Written in the editor")
            XCTAssertTrue(terminal.screen.contains("Saved area 1 progress"), terminal.screen)
        }
    }
}

/// Runs the loop until the queued input is used up.
@MainActor
func runQueuedInput(_ loop: DashboardLoop, _ terminal: MemoryTerminal) {
    while !terminal.input.isEmpty { XCTAssertTrue(loop.step()) }
}

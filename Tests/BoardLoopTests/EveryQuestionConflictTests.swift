import BoardCore
import BoardLoop
import Foundation
import PlanModel
import TestSupport
import XCTest

/// Every question in the dashboard builds its edit from the plan as it stood when the
/// question opened, so a change someone else saved meanwhile is refused (who, what, when),
/// never overwritten; the question comes back holding what was typed, and one more Enter
/// applies it over theirs, knowingly. Checked here on the questions that are not an
/// action's, a risk's or a KPI figure's: the plan's structure, a meeting's record and a
/// decision's owner.
final class EveryQuestionConflictTests: XCTestCase {
    @MainActor
    private final class Two {
        let source: MemoryPlanSource
        let terminal = MemoryTerminal(width: 120, height: 35)
        let clock = ManualClock(today: TestDates.illustrativeToday)
        let loop: DashboardLoop

        init(editor: (MemoryPlanSource) -> any LongTextEditor = { _ in ExternalEditor(environment: ["EDITOR": "false"]) }) throws {
            source = MemoryPlanSource(plan: try Samples.illustrativeWithMeetings())
            loop = try DashboardLoop(source: source, terminal: terminal, clock: clock, editor: editor(source), today: TestDates.illustrativeToday)
            loop.start()
        }

        func keys(_ keys: Key...) {
            for key in keys { terminal.press(key) }
            run()
        }

        func type(_ text: String) {
            terminal.type(text)
            run()
        }

        func run() { while !terminal.input.isEmpty { XCTAssertTrue(loop.step()) } }

        /// Someone else saves `edit`; the dashboard's poll brings it in behind the open question.
        func meanwhile(_ edit: Edit) throws {
            try source.changeElsewhere(edit, by: "bob")
            clock.advance(milliseconds: 400)
            loop.step()
        }

        var typed: String? {
            guard case let .prompt(prompt)? = loop.state.overlay else { return nil }
            return prompt.editor.text
        }
    }

    private func withTwo(_ body: @MainActor (Two) throws -> Void) throws {
        try MainActor.assumeIsolated { try body(try Two()) }
    }

    /// `$EDITOR` that, while "open", lets bob change the text, then returns the person's.
    @MainActor
    private struct EditorWhileBobChanges: LongTextEditor {
        let source: MemoryPlanSource
        let bob: @MainActor (Plan) throws -> Edit
        let typed: String

        func edit(_ text: String, on terminal: any BoardTerminal) -> String? {
            XCTAssertNoThrow(try source.changeElsewhere(try bob(source.plan), by: "bob"))
            return typed
        }
    }

    func testAnAreaStatementChangedElsewhereWhileInTheEditorIsRefusedAndTheEditedTextIsOfferedAgain() throws {
        try MainActor.assumeIsolated {
            let two = try Two { source in
                EditorWhileBobChanges(source: source, bob: { plan in .structure(try XCTUnwrap(plan.setting(.weakness, ofArea: 1, to: "Bob's statement"))) },
                                      typed: "Our statement\nover two lines\n")
            }
            two.keys(.char("2"), .char("S"))
            XCTAssertEqual(two.source.plan.area(number: 1)?.weakness, "Bob's statement", "bob's text is not overwritten")
            let said = two.loop.state.message ?? ""
            XCTAssertTrue(said.contains("Area 1 weakness was changed by bob at 14:00 on 15 Aug 2023"), said)
            XCTAssertTrue(two.terminal.screen.contains("Your text for area 1 weakness as written is kept: apply it over the newer one?"), two.terminal.screen)
            two.keys(.enter)
            XCTAssertEqual(two.source.plan.area(number: 1)?.weakness, "Our statement\nover two lines", "Enter applies it over bob's, knowingly")
            XCTAssertEqual(two.source.log.suffix(2).map(\.user), ["bob", "tester"])
        }
    }

    /// The first Enter is refused naming bob; the typed text is back; the second Enter applies it.
    @MainActor
    private static func refusedThenApplied(_ two: Two, typed text: String, check: (Plan) -> String?, file: StaticString = #filePath, line: UInt = #line) {
        let theirs = check(two.source.plan)
        two.keys(.enter)
        XCTAssertEqual(check(two.source.plan), theirs, "bob's change is not overwritten", file: file, line: line)
        XCTAssertEqual(two.typed, text, "the question is back holding the typed text", file: file, line: line)
        let said = two.loop.state.message ?? ""
        XCTAssertTrue(said.contains("was changed by bob at 14:00 on 15 Aug 2023"), "who changed it and when is said: \(said)", file: file, line: line)
        XCTAssertTrue(said.contains("Yours is kept: Enter applies it over theirs"), said, file: file, line: line)
        two.keys(.enter)
        XCTAssertFalse(two.loop.state.isAsking, two.terminal.screen, file: file, line: line)
        XCTAssertEqual(check(two.source.plan), text, "the second Enter applies it, knowingly", file: file, line: line)
        XCTAssertEqual(two.source.log.suffix(2).map(\.user), ["bob", "tester"], "both changes are in the log", file: file, line: line)
    }

    func testAnAreaTitleChangedElsewhereWhileItsPromptIsOpenIsRefusedAndTheTypedTitleComesBack() throws {
        try withTwo { two in
            two.keys(.char("2"), .char("T"))
            two.type("Joint commissioning")
            let seen = two.source.plan
            try two.meanwhile(.structure(try XCTUnwrap(seen.setting(.title, ofArea: 1, to: "Bob's title"))))
            Self.refusedThenApplied(two, typed: "Joint commissioning") { $0.area(number: 1)?.title }
        }
    }

    func testAMinuteChangedElsewhereWhileItsPromptIsOpenIsRefusedAndTheTypedMinuteComesBack() throws {
        try withTwo { two in
            two.keys(.char("M"), .enter)
            let meeting = try XCTUnwrap(two.loop.state.plan.meeting(named: two.loop.state.screen.subject))
            two.keys(.char("I"))
            XCTAssertNotNil(two.typed, "the minute's question is open")
            let item = "Area 1"
            two.type("Board noted the slippage")
            var theirs = meeting.record
            theirs.minutes.removeAll { $0.item == item }
            theirs.minutes.append(Minute(item: item, text: "Bob's minute"))
            try two.meanwhile(.record(.setRecord(meeting: meeting.name, from: meeting.record, to: theirs)))
            Self.refusedThenApplied(two, typed: "Board noted the slippage") { $0.meeting(named: meeting.name)?.record.minute(item)?.text }
        }
    }

    func testADecisionsOwnerChangedElsewhereWhileItsPromptIsOpenIsRefusedAndTheTypedOwnerComesBack() throws {
        try withTwo { two in
            // The latest meeting with decisions: the list shows the newest first.
            let meetings = Array(two.loop.state.plan.meetings.reversed())
            let place = try XCTUnwrap(meetings.firstIndex { !$0.decisions.isEmpty }, "the sample has a meeting with decisions")
            let meeting = meetings[place]
            two.keys(.char("M"))
            for _ in 0..<place { two.keys(.down) }
            two.keys(.enter)
            XCTAssertEqual(two.loop.state.screen.subject, meeting.name)
            let decision = try XCTUnwrap(meeting.decisions.last)
            two.keys(.char(">"))
            two.keys(.char("O"), .ctrl("u"))
            two.type("Dana Priest")
            var theirs = decision
            theirs.owner = "Bob Smith"
            try two.meanwhile(.meeting(.setDecision(meeting: meeting.name, from: decision, to: theirs)))
            Self.refusedThenApplied(two, typed: "Dana Priest") { plan in
                plan.meeting(named: meeting.name)?.decisions.first { $0.number == decision.number }?.owner
            }
        }
    }
}

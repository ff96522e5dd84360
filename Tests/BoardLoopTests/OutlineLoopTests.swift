import BoardCore
import BoardLoop
import Foundation
import PlanModel
import TestSupport
import XCTest

/// The loop draws the first screen from the plan's outline, takes the whole plan from the
/// other thread when it is ready, and makes any key wait for it, so no key ever acts on the
/// outline (whose actions have no text, leads or notes).
final class OutlineLoopTests: XCTestCase {
    func withHarness(_ body: @MainActor (Harness) throws -> Void) throws {
        try MainActor.assumeIsolated { try body(try Harness()) }
    }

    func testTheFirstFrameFromTheOutlineIsTheFrameOfTheWholePlan() throws {
        try withHarness { h in
            _ = try h.loop()
            let whole = h.terminal.frames
            h.source.firstOutline = PlanOutline.of(h.source.plan)
            let other = MemoryTerminal(width: 80, height: 24)
            let loop = try DashboardLoop(source: h.source, terminal: other, clock: h.clock,
                                         editor: ExternalEditor(environment: ["EDITOR": "false"]), today: TestDates.illustrativeToday)
            loop.start()
            XCTAssertTrue(loop.isLoading, "the whole plan is still on its way")
            // The same frame, but for the count of changes since, which needs the whole plan.
            XCTAssertEqual(other.frames.count, whole.count)
            let first = try XCTUnwrap(other.frames.first), fromWhole = try XCTUnwrap(whole.first)
            let differing = (0..<first.height).filter { first.lines[$0] != fromWhole.lines[$0] }
            XCTAssertEqual(differing.map { first.lines[$0].contains("counting the changes…") }, h.source.plan.defaultSince == nil ? [] : [true],
                           other.screen)
        }
    }

    func testAKeyPressedBeforeTheWholePlanArrivesWaitsForItAndActsOnIt() throws {
        try withHarness { h in
            h.source.firstOutline = PlanOutline.of(h.source.plan)
            let loop = try h.loop()
            XCTAssertEqual(loop.state.plan.action("1a")?.text, "", "the first screen holds only the outline")
            // Into the first area: its actions' text is shown.
            h.terminal.press(.enter)
            h.drain(loop)
            XCTAssertFalse(loop.isLoading)
            let action = try XCTUnwrap(h.source.plan.areas.first?.actions.first)
            XCTAssertEqual(loop.state.plan, h.source.plan, "the whole plan replaced the outline")
            XCTAssertTrue(h.terminal.screen.contains(String(action.text.prefix(20))), h.terminal.screen)
        }
    }

    func testWhenTheOtherThreadCannotReadThePlanTheLoopReadsItItself() throws {
        try withHarness { h in
            h.source.firstOutline = PlanOutline.of(h.source.plan)
            h.source.backgroundReadFails = true
            let loop = try h.loop()
            h.terminal.press(.char("2"))
            h.drain(loop)
            XCTAssertFalse(loop.isLoading)
            XCTAssertEqual(loop.state.plan, h.source.plan)
            XCTAssertFalse(loop.state.messageIsError, loop.state.message ?? "")
        }
    }

    func testAChangeMadeElsewhereWhileLoadingIsInThePlanThatArrives() throws {
        try withHarness { h in
            h.source.firstOutline = PlanOutline.of(h.source.plan)
            let loop = try h.loop()
            // The other thread read the plan before this change; the next poll brings it.
            let now: Status = h.source.plan.action("1a")?.status == .complete ? .green : .complete
            try h.source.changeElsewhere(h.source.plan.settingStatus(ofAction: "1a", to: now, reason: nil))
            h.terminal.press(.char("2"))
            h.drain(loop)
            h.clock.advance(milliseconds: 400)
            loop.step()
            XCTAssertEqual(loop.state.plan.action("1a")?.status, now)
            XCTAssertEqual(loop.state.plan, h.source.plan)
        }
    }
}

import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// Undo among several people holds for the plan's structure and its meetings too: an undo
/// that would wipe a later change by someone else is refused, naming them.
final class StructureUndoTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("structure-undo") }
    override func tearDown() { folder = nil }

    func store(_ user: String) throws -> PlanStore {
        let path = folder.path("plan.sqlite")
        if !FileManager.default.fileExists(atPath: path) {
            _ = try PlanStore.create(path: path, plan: try Samples.plan(SamplePlans.devonIllustrative), user: "setup")
        }
        return try PlanStore.open(path: path, user: user)
    }

    func retitle(area: Int, to title: String, by user: String) throws {
        let db = try store(user)
        let plan = try db.load()
        let old = try XCTUnwrap(plan.areas.first { $0.number == area }).title
        try db.apply(.structure(.setArea(number: area, field: .title, from: old, to: title)))
    }

    func title(_ area: Int) throws -> String? { try store("x").load().areas.first { $0.number == area }?.title }

    func testUndoingATitleSomeoneRetitledSinceIsRefusedAndTheirTitleStays() throws {
        try retitle(area: 2, to: "Alice's title", by: "alice")
        try retitle(area: 2, to: "Bob's title", by: "bob")
        XCTAssertThrowsError(try store("alice").undo()) { error in
            XCTAssertTrue("\(error)".contains("bob"), "the refusal names who changed it since: \(error)")
        }
        XCTAssertEqual(try title(2), "Bob's title")
    }

    func testUndoingYourOwnTitleWhenOthersChangedOtherAreasWorks() throws {
        let before = try title(2)
        try retitle(area: 2, to: "Alice's title", by: "alice")
        try retitle(area: 3, to: "Bob's title", by: "bob")
        XCTAssertNotNil(try store("alice").undo())
        XCTAssertEqual(try title(2), before)
        XCTAssertEqual(try title(3), "Bob's title")
    }

    func testUndoingADecisionSomeoneMarkedDoneSinceIsRefused() throws {
        let alice = try store("alice")
        let plan = try alice.load()
        let meeting = Meeting(name: "Board 2023-09-12", date: TestDates.date("2023-09-12"))
        try alice.apply(.meeting(.addMeeting(meeting)))
        let decision = Decision(number: (plan.meetings.flatMap(\.decisions).map(\.number).max() ?? 0) + 1,
                                text: "Fund two caseworkers", owner: "Jackie Ross", due: nil, done: false, link: nil)
        try alice.apply(.meeting(.addDecision(meeting: meeting.name, decision: decision)))
        var done = decision
        done.done = true
        try store("bob").apply(.meeting(.setDecision(meeting: meeting.name, from: decision, to: done)))
        XCTAssertThrowsError(try store("alice").undo()) { error in
            XCTAssertTrue("\(error)".contains("bob"), "the refusal names who changed it since: \(error)")
        }
        XCTAssertEqual(try store("x").load().decision(decision.number)?.decision.done, true)
    }
}

import Foundation
import PlanExchange
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// Attendance, minutes and matters arising: kept in a file made before they existed, one
/// undoable change each, refused when someone changed the record meanwhile.
final class MeetingRecordStoreTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("minutes") }
    override func tearDown() { folder = nil }

    func testAnOldFileTakesAttendanceMinutesAndMattersArisingAndKeepsThem() throws {
        let path = folder.path("old.sqlite")
        try FileManager.default.copyItem(atPath: Samples.repositoryRoot.appendingPathComponent("Tests/Fixtures/round4/plan.sqlite").path, toPath: path)
        let carol = try PlanStore.open(path: path, user: "carol")
        var plan = try carol.load()
        let name = "Board 2026-11-10"
        let number = plan.nextMatterNumber
        let edit = try XCTUnwrap(plan.changingRecord(of: name) { record in
            record.attendance = [Attendee(name: "Jackie Ross", role: "Head of SEND"), Attendee(name: "Jane Milligan", present: false)]
            record.minutes = [Minute(item: "Area 3", text: "The board noted the backlog halved.")]
            record.mattersArising = [MatterArising(number: number, text: "Report EP recruitment", owner: "Jackie Ross")]
        })
        plan = try carol.apply(edit)
        XCTAssertEqual(try PlanStore.open(path: path, user: "bob").load(), plan, "kept in the file")
        XCTAssertEqual(try carol.changes().last?.summary, "record of “\(name)”: attendance, minutes, matters arising")

        // A second person's change made on the record as it was is refused, not merged over.
        let stale = Edit.record(.setRecord(meeting: name, from: MeetingRecord(), to: MeetingRecord(attendance: [Attendee(name: "Someone")])))
        XCTAssertThrowsError(try carol.apply(stale))
        // A number already used is refused.
        let clash = try XCTUnwrap(plan.changingRecord(of: plan.meetings[0].name) { $0.mattersArising = [MatterArising(number: number, text: "Again")] })
        XCTAssertThrowsError(try carol.apply(clash)) { XCTAssertTrue("\($0)".contains("M\(number) is already recorded"), "\($0)") }

        let json = PlanEncoding.json(plan)
        XCTAssertEqual(try PlanDecoding.plan(bytes: Array(json.utf8), file: "plan.json"), plan, "and in the JSON")
        _ = try XCTUnwrap(try carol.undo())
        XCTAssertTrue(try carol.load().meeting(named: name)?.record.isEmpty ?? false, "undone")
        XCTAssertEqual(try carol.integrityCheck(), "ok")
    }

    func testAMatterIsCarriedToLaterAgendasUntilClosed() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let next = try XCTUnwrap(plan.meeting(named: "Board 2023-08-22"))
        XCTAssertEqual(plan.mattersCarried(to: next).map(\.matter.label), ["M3", "M4"], "M1 and M2 were closed before it")
        let review = try XCTUnwrap(plan.meeting(named: "Six-month review 2023-02-14"))
        XCTAssertEqual(plan.mattersCarried(to: review).map(\.matter.label), ["M1"], "shown, closed, at the meeting that closed it")
        let monthly = try XCTUnwrap(plan.meeting(named: "Board 2023-07-18"))
        XCTAssertEqual(plan.mattersCarried(to: monthly).map(\.matter.label), ["M2", "M3"], "M2 closed there, M3 carried")
        XCTAssertEqual(plan.lastMinutedMeeting(before: next)?.name, monthly.name)
    }
}

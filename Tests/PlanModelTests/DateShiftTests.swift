import PlanModel
import TestSupport
import XCTest

/// The illustrative sample, opened years after its story, must read as it did on the day.
final class DateShiftTests: XCTestCase {
    func testMovingTheStoryToTodayKeepsWhatIsLateAndWhatIsDueSoon() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let storyDay = TestDates.illustrativeToday
        let today = TestDates.date("2026-11-29")
        let moved = plan.settingStory(asAt: storyDay, to: today)
        for (before, after) in zip(plan.allActions, moved.allActions) {
            let was = before.flags(today: storyDay, settings: plan.settings)
            let now = after.flags(today: today, settings: moved.settings)
            XCTAssertEqual(was.overdue, now.overdue, "\(before.ref) overdue")
            XCTAssertEqual(was.dueSoon, now.dueSoon, "\(before.ref) due soon")
            XCTAssertEqual(before.byWhen.map { storyDay.dayNumber - $0.dayNumber },
                           after.byWhen.map { today.dayNumber - $0.dayNumber }, "\(before.ref) days late or early")
        }
        XCTAssertTrue(moved.allActions.contains { !$0.flags(today: today, settings: moved.settings).overdue && $0.isOpen },
                      "open actions not yet late, as in the story")
        XCTAssertEqual(Validator().problems(in: moved).map(\.description), [])
    }

    func testCheckpointsMoveWithTheirNamesAndTheNoticeSaysSo() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let moved = plan.settingStory(asAt: TestDates.date("2023-08-15"), to: TestDates.date("2026-11-29"))
        let days = TestDates.date("2026-11-29").dayNumber - TestDates.date("2023-08-15").dayNumber
        for (before, after) in zip(plan.checkpoints, moved.checkpoints) {
            XCTAssertEqual(after.date, before.date.adding(days: days))
            XCTAssertTrue(after.name.contains(after.date.iso), "\(after.name) names its new date")
            XCTAssertFalse(after.name.contains(before.date.iso))
        }
        XCTAssertEqual(moved.header.inspectionStart, plan.header.inspectionStart, "the inspection is a fact, not story")
        let notice = try XCTUnwrap(moved.header.notice)
        XCTAssertTrue(notice.contains("moved forward \(days) days"), notice)
        XCTAssertTrue(notice.contains("15 Aug 2023") && notice.contains("29 Nov 2026"), notice)
    }

    func testMeetingsMoveWithTheirDecisionsAndRecordedByWhens() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        XCTAssertFalse(plan.meetings.isEmpty, "the illustrative sample has its board meetings")
        let today = TestDates.date("2026-11-29")
        let days = today.dayNumber - TestDates.illustrativeToday.dayNumber
        let moved = plan.settingStory(asAt: TestDates.illustrativeToday, to: today)
        XCTAssertEqual(moved.meetings.count, plan.meetings.count)
        for (before, after) in zip(plan.meetings, moved.meetings) {
            XCTAssertEqual(after.date, before.date.adding(days: days), before.name)
            XCTAssertTrue(after.name.contains(after.date.iso), "\(after.name) names its new date")
            XCTAssertFalse(after.name.contains(before.date.iso), after.name)
            if let checkpoint = after.checkpoint {
                XCTAssertNotNil(moved.checkpoint(named: checkpoint), "\(after.name) still records an existing checkpoint")
            }
            for (was, now) in zip(before.byWhen, after.byWhen) {
                XCTAssertEqual(now.byWhen, was.byWhen?.adding(days: days), "\(after.name): \(was.ref)'s recorded by-when")
            }
            for (was, now) in zip(before.decisions, after.decisions) {
                XCTAssertEqual(now.due, was.due?.adding(days: days), "\(after.name): decision \(was.number)")
            }
        }
        XCTAssertEqual(Validator().problems(in: moved).map(\.description), [])
    }

    func testOnTheStoryDayNothingMoves() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        XCTAssertEqual(plan.settingStory(asAt: TestDates.illustrativeToday, to: TestDates.illustrativeToday), plan)
    }
}

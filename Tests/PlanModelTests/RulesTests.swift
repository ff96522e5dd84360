import PlanModel
import TestSupport
import XCTest

final class RulesTests: XCTestCase {
    let settings = Settings()

    func action(_ byWhen: String?, _ status: Status) -> Action {
        Action(ref: "1a", text: "x", byWhen: byWhen.map(TestDate.d), status: status,
               notes: status.needsReason ? [Note(date: TestDate.d("2023-01-01"), author: "a", text: "why")] : [])
    }

    func testOverdueMeansPastByWhenAndNotComplete() {
        let today = TestDate.d("2023-03-15")
        XCTAssertTrue(action("2023-03-14", .green).flags(today: today, settings: settings).overdue)
        XCTAssertFalse(action("2023-03-15", .green).flags(today: today, settings: settings).overdue, "due today is not yet overdue")
        XCTAssertFalse(action("2023-03-14", .complete).flags(today: today, settings: settings).overdue, "complete is never overdue")
        XCTAssertFalse(action(nil, .red).flags(today: today, settings: settings).overdue, "no by-when, never overdue")
    }

    func testDueSoonIsWithinTheWindowAndNotOverdue() {
        let today = TestDate.d("2023-03-15")
        XCTAssertTrue(action("2023-03-15", .amber).flags(today: today, settings: settings).dueSoon)
        XCTAssertTrue(action("2023-03-29", .amber).flags(today: today, settings: settings).dueSoon, "14 days ahead")
        XCTAssertFalse(action("2023-03-30", .amber).flags(today: today, settings: settings).dueSoon, "15 days ahead")
        XCTAssertFalse(action("2023-03-14", .amber).flags(today: today, settings: settings).dueSoon, "overdue is not due soon")
        XCTAssertFalse(action("2023-03-20", .complete).flags(today: today, settings: settings).dueSoon)
        XCTAssertTrue(action("2023-04-10", .green).flags(today: today, settings: Settings(dueSoonDays: 30)).dueSoon,
                      "the window is the plan's setting")
    }

    func testAreaRollupCountsStatusesAndFlagsAndNamesTheWorst() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let today = TestSupport.TestDates.illustrativeToday
        for area in plan.areas {
            let rollup = plan.rollup(of: area, today: today)
            XCTAssertEqual(rollup.total, area.actions.count)
            for status in Status.allCases {
                XCTAssertEqual(rollup.count(status), area.actions.filter { $0.status == status }.count)
            }
            let overdue = area.actions.filter { ($0.byWhen.map { $0 < today } ?? false) && $0.status != .complete }.count
            XCTAssertEqual(rollup.overdue, overdue)
            if area.actions.contains(where: { $0.status == .red }) { XCTAssertEqual(rollup.worst, .red) }
            if area.actions.isEmpty { XCTAssertNil(rollup.worst) }
        }
        let mixed = AreaRollup(actions: [action(nil, .green), action(nil, .amber), action(nil, .complete)], today: today, settings: settings)
        XCTAssertEqual(mixed.worst, .amber)
        let done = AreaRollup(actions: [action(nil, .complete)], today: today, settings: settings)
        XCTAssertEqual(done.worst, .complete)
    }

    func testRiskBandsFollowTheDefaultsAndThePlansOwnSetting() {
        XCTAssertEqual((1...25).map { settings.band(for: $0) }.filter { $0 == .low }.count, 4)
        XCTAssertEqual(settings.band(for: 4), .low)
        XCTAssertEqual(settings.band(for: 5), .medium)
        XCTAssertEqual(settings.band(for: 12), .medium)
        XCTAssertEqual(settings.band(for: 15), .high)
        XCTAssertEqual(settings.band(for: 25), .high)
        let strict = Settings(lowRiskMax: 3, mediumRiskMax: 9)
        XCTAssertEqual(strict.band(for: 4), .medium)
        XCTAssertEqual(strict.band(for: 10), .high)
        XCTAssertEqual(Score(likelihood: 4, impact: 5).value, 20)
    }

    func testRisksByResidualPutTheHighestFirstAndKeepRegisterOrderOnTies() {
        func risk(_ ref: String, _ l: Int, _ i: Int) -> Risk {
            let s = Score(likelihood: l, impact: i)
            return Risk(ref: ref, risk: "r", inherent: s, residual: s, target: s)
        }
        var plan = Plan(header: Header(localArea: "X", title: ""), governance: Governance(), areas: [])
        plan.risks = [risk("R1", 2, 2), risk("R2", 4, 4), risk("R3", 2, 2), risk("R4", 5, 5)]
        XCTAssertEqual(plan.risksByResidual.map(\.ref), ["R4", "R2", "R1", "R3"])
    }

    func kpi(_ better: Better, baseline: Double?, _ points: [(Double?, Double?)]) -> KPI {
        KPI(ref: "K1", name: "k", unit: "%", better: better, baseline: baseline.map { Measure(value: $0) },
            milestones: points.enumerated().map { Milestone(label: "m\($0.offset)", target: $0.element.0, actual: $0.element.1) })
    }

    func testKPIStatusComparesTheLatestActualWithItsTarget() {
        XCTAssertEqual(kpi(.higher, baseline: 40, [(50, 52)]).status, .onTarget)
        XCTAssertEqual(kpi(.higher, baseline: 40, [(50, 46)]).status, .near, "within 10% below")
        XCTAssertEqual(kpi(.higher, baseline: 40, [(50, 44)]).status, .off)
        XCTAssertEqual(kpi(.lower, baseline: 2000, [(1500, 1400)]).status, .onTarget)
        XCTAssertEqual(kpi(.lower, baseline: 2000, [(1500, 1640)]).status, .near, "within 10% above")
        XCTAssertEqual(kpi(.lower, baseline: 2000, [(1500, 1700)]).status, .off)
        XCTAssertEqual(kpi(.higher, baseline: 40, [(50, nil)]).status, .noData)
        XCTAssertEqual(kpi(.higher, baseline: 40, [(nil, 45)]).status, .noData, "no target to compare with")
        XCTAssertEqual(kpi(.higher, baseline: 40, [(50, 30), (60, nil)]).status, .off, "latest actual is the first milestone's")
    }

    func testDirectionOfTravelRespectsWhichWayIsBetter() {
        XCTAssertEqual(kpi(.higher, baseline: 40, [(50, 45)]).travel, .improving, "against the baseline")
        XCTAssertEqual(kpi(.lower, baseline: 40, [(30, 45)]).travel, .worsening)
        XCTAssertEqual(kpi(.lower, baseline: 1600, [(nil, 1200), (nil, 900)]).travel, .improving)
        XCTAssertEqual(kpi(.higher, baseline: nil, [(nil, 50), (nil, 50)]).travel, .unchanged)
        XCTAssertEqual(kpi(.higher, baseline: nil, [(nil, 50)]).travel, .unknown)
        // K1 (lower is better) falling is said "better", never with an arrow that reads "up".
        let falling = kpi(.lower, baseline: 1600, [(nil, 1200), (nil, 900)])
        XCTAssertEqual(falling.travel.word, "better")
        XCTAssertEqual(kpi(.lower, baseline: 40, [(30, 45)]).travel.word, "worse")
        for travel in Travel.allCases {
            XCTAssertFalse(travel.word.contains { "↗↘↑↓→←▲▼".contains($0) }, "\(travel): words, not arrows")
        }
        XCTAssertEqual(kpi(.higher, baseline: 40, [(nil, 45), (nil, nil)]).series, [40, 45])
    }

    func testChangesSinceACheckpointListStatusesScoresAndActuals() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        let checkpoint = Checkpoint(name: "now", date: TestDate.d("2023-08-15"), of: plan)
        XCTAssertEqual(plan.changes(since: checkpoint), [])
        let (index, first) = try XCTUnwrap(plan.allActions.enumerated().first { $0.element.status != .amber })
        let ref = first.ref
        plan = try plan.applying(plan.settingStatus(ofAction: ref, to: .amber, reason: Note(date: TestDate.d("2023-08-16"), author: "t", text: "slipping"))).plan
        plan = try plan.applying(plan.setting(.residualLikelihood, ofRisk: "R1", to: .level(1))).plan
        plan = try plan.applying(plan.settingActual(kpi: "K1", milestone: 0, to: 1234)).plan
        let changes = plan.changes(since: checkpoint)
        XCTAssertEqual(changes.count, 3)
        XCTAssertTrue(changes.contains(.status(ref: ref, from: checkpoint.actions[index].status, to: .amber)))
        XCTAssertTrue(changes.contains { if case .score(ref: "R1", stage: .residual, _, _) = $0 { true } else { false } })
        XCTAssertTrue(changes.contains { if case .actual(ref: "K1", milestone: 0, _, to: 1234) = $0 { true } else { false } })
    }

    func testTheIllustrativeCheckpointsDifferFromNow() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        XCTAssertEqual(plan.checkpoints.count, 3)
        for checkpoint in plan.checkpoints {
            XCTAssertFalse(plan.changes(since: checkpoint).isEmpty, "\(checkpoint.name) should show what changed since")
        }
    }
}

import Foundation
import PlanModel
import XCTest

/// One "since" that counts every kind of change, adds up, and lists moved dates.
final class SinceSummaryTests: XCTestCase {
    func day(_ iso: String) throws -> PlanDate { try XCTUnwrap(PlanDate(iso: iso)) }

    func plan() throws -> Plan {
        let actions = [
            Action(ref: "3a", text: "Start the panel", status: .notStarted),
            Action(ref: "3b", text: "Train staff", leads: ["Jackie Ross"], status: .green),
            Action(ref: "3q", text: "Audit plans", byWhen: try day("2022-12-31"), status: .amber),
        ]
        return Plan(header: Header(localArea: "Devon", title: "APP"), governance: Governance(),
                    areas: [Area(number: 3, title: "EHC plans", weakness: "Quality", actions: actions)],
                    risks: [Risk(ref: "R9", risk: "Staffing", inherent: Score(likelihood: 4, impact: 4),
                                 residual: Score(likelihood: 3, impact: 3), target: Score(likelihood: 2, impact: 2))],
                    kpis: [KPI(ref: "K3", name: "Plans on time", unit: "%", better: .higher,
                               milestones: [Milestone(label: "3 months"), Milestone(label: "12 months", target: 60)])])
    }

    /// Applies edits as the store would, logging each with its inverse after a checkpoint.
    func logged(_ plan: Plan, _ edits: [Edit]) throws -> (now: Plan, log: [ChangeRecord], checkpoint: Checkpoint) {
        let checkpoint = Checkpoint(name: "Board Jan", date: try day("2023-01-10"), of: plan)
        var (now, inverse) = try plan.applying(.addCheckpoint(checkpoint, index: nil))
        var log = [ChangeRecord(seq: 1, at: Date(), user: "ann", kind: .edit, target: nil, summary: "", edit: .addCheckpoint(checkpoint, index: nil), inverse: inverse)]
        for edit in edits {
            (now, inverse) = try now.applying(edit)
            log.append(ChangeRecord(seq: Int64(log.count + 1), at: Date(), user: "ann", kind: .edit, target: nil, summary: edit.summary, edit: edit, inverse: inverse))
        }
        return (now, log, checkpoint)
    }

    func mixedStream(_ before: Plan) throws -> [Edit] {
        [
            before.settingStatus(ofAction: "3a", to: .green, reason: nil),
            before.settingStatus(ofAction: "3b", to: .red, reason: Note(date: try day("2023-02-01"), author: "ann", text: "No staff")),
            .addAction(area: 3, index: nil, action: Action(ref: "3r", text: "New action")),
            before.setting(.byWhen, ofAction: "3q", to: .date(try day("2027-03-31"))),
            before.setting(.leads, ofAction: "3q", to: .names(["Priya Shah"])),
            before.setting(.residualLikelihood, ofRisk: "R9", to: .level(4)),
            before.settingActual(kpi: "K3", milestone: 1, to: 38),
        ]
    }

    func testEveryKindIsCountedOnceAndThePartsAddUpToTheTotal() throws {
        let before = try plan()
        let (now, log, checkpoint) = try logged(before, try mixedStream(before))
        let summary = SinceSummary(then: now.asItWas(at: checkpoint, log: Array(log.dropFirst())), now: now)

        XCTAssertEqual(summary.count(.started), 1, "Not started → Green is started, not lost between better and worse")
        XCTAssertEqual(summary.count(.worse), 1, "Green → Red")
        XCTAssertEqual(summary.count(.actionAdded), 1, "the new action counts")
        XCTAssertEqual(summary.count(.later), 1)
        XCTAssertEqual(summary.count(.leads), 1)
        XCTAssertEqual(summary.count(.noteAdded), 1, "the reason for Red is a note")
        XCTAssertEqual(summary.count(.riskUp), 1, "residual 3×3 → 4×3")
        XCTAssertEqual(summary.count(.actual), 1)
        XCTAssertEqual(summary.total, 8)
        XCTAssertEqual(SinceSummary.Group.all.reduce(0) { $0 + summary.count($1) }, summary.total, "the groups add up to the total")
        XCTAssertEqual(summary.line, "8 changes: 2 statuses (1 started, 1 worse) · 1 action added · 1 by-when moved (1 later) · 1 lead changed · 1 KPI figure recorded · 1 risk score (1 up) · 1 note added")
    }

    func testAByWhenMovedFromDecember2022ToMarch2027IsListedWithItsDates() throws {
        let before = try plan()
        let (now, log, checkpoint) = try logged(before, try mixedStream(before))
        let summary = SinceSummary(then: now.asItWas(at: checkpoint, log: Array(log.dropFirst())), now: now)
        XCTAssertEqual(summary.movedDates.map(SinceSummary.words), ["3q by-when later: 31 Dec 2022 → 31 Mar 2027"])
    }

    func testACheckpointFromAFileWithNoLogIsComparedOnWhatItHolds() throws {
        let before = try plan()
        let (now, _, checkpoint) = try logged(before, try mixedStream(before))
        let meeting = Meeting(name: "Board Jan", date: checkpoint.date, checkpoint: checkpoint.name, byWhen: before.allActions.map { ActionDate(ref: $0.ref, byWhen: $0.byWhen) })
        var withMeeting = now
        withMeeting.meetings = [meeting]
        let summary = SinceSummary(then: withMeeting.asItWas(at: checkpoint, log: []), now: withMeeting)
        XCTAssertEqual(summary.count(.started) + summary.count(.worse), 2, "statuses come from the checkpoint")
        XCTAssertEqual(summary.count(.actionAdded), 1, "an action the checkpoint does not list was added since")
        XCTAssertEqual(summary.count(.riskUp), 1)
        XCTAssertEqual(summary.count(.actual), 1)
        XCTAssertEqual(summary.movedDates.map(\.ref), ["3q"], "the meeting recorded the by-whens")
    }

    func testStatusMovesReadAsStartedBetterWorseOrSideways() {
        XCTAssertEqual(SinceSummary.kind(from: .notStarted, to: .green), .started)
        XCTAssertEqual(SinceSummary.kind(from: .notStarted, to: .complete), .better)
        XCTAssertEqual(SinceSummary.kind(from: .red, to: .amber), .better)
        XCTAssertEqual(SinceSummary.kind(from: .green, to: .red), .worse)
        XCTAssertEqual(SinceSummary.kind(from: .complete, to: .green), .worse)
        XCTAssertEqual(SinceSummary.kind(from: .amber, to: .notStarted), .sideways)
    }
}

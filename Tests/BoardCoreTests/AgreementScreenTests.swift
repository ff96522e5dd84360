import BoardCore
import PlanModel
import TestSupport
import XCTest

/// Once the plan is agreed, moving an action's by-when asks why and shows both dates, the
/// triage lists the move until a chair records it agreed.
final class AgreementScreenTests: XCTestCase {
    /// The sample as it would be before its agreement and revisions.
    func unagreed() throws -> Plan {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        plan.header.agreements = []
        for a in plan.areas.indices { for i in plan.areas[a].actions.indices { plan.areas[a].actions[i].revisions = [] } }
        return plan
    }

    func agreedBoard() throws -> BoardState {
        var plan = try unagreed()
        plan = try plan.applying(plan.agreeing(on: TestDates.date("2023-01-16"), with: ["Jo Adviser (DfE)"])).plan
        var state = BoardState(plan: plan, today: TestDates.illustrativeToday, user: "tester", width: 120, height: 50)
        _ = state.update(.resize(width: 120, height: 50))
        _ = state.update(.key(.char(View.areas.key ?? "?")))
        return state
    }

    func testMovingAnAgreedDateAsksWhyShowsBothDatesAndIsTriagedUntilAgreed() throws {
        var state = try agreedBoard()
        state.press(.down, .down, .enter, .down, .down, .down, .enter)
        XCTAssertEqual(state.screen, .action("3b"))
        let agreed = try XCTUnwrap(state.plan.action("3b")?.byWhen)
        state.press(.char("w"), .ctrl("u"))
        state.type("2027-06-30")
        XCTAssertEqual(state.press(.enter), [], "the move asks why first")
        XCTAssertTrue(state.text.contains("Why does 3b move from \(agreed.display)?"), state.text)
        // What a reason does is said whole on a small screen too.
        _ = state.update(.resize(width: 80, height: 24))
        XCTAssertTrue(state.text.contains("The agreed date moves only when a chair agrees · Enter save · Esc cancel"), state.text)
        _ = state.update(.resize(width: 120, height: 50))
        state.type("Recruitment slipped")
        let move = state.press(.enter)
        let revision = DateRevision(baseline: 1, from: agreed, to: TestDates.date("2027-06-30"), reason: "Recruitment slipped",
                                    proposedBy: "tester", proposedOn: TestDates.illustrativeToday)
        XCTAssertEqual(onlyEdit(move), .batch([.setAction(ref: "3b", field: .byWhen, from: .date(agreed), to: .date(TestDates.date("2027-06-30"))),
                                              .agreement(.addRevision(ref: "3b", revision: revision))]))
        try state.save(move)
        XCTAssertTrue(state.text.contains("⚑ agreed \(agreed.display) → revised 30 Jun 2027 (proposed, not yet agreed)"), state.text)

        var triage = state
        triage.press(.char(View.triage.key ?? "?"))
        XCTAssertTrue(triage.triage.contains { $0.action.ref == "3b" && $0.unagreedMove }, "the triage lists the unagreed move")
        XCTAssertTrue(triage.text.contains("⚑moved"))

        state.press(.char("Y"))
        state.type("the DfE adviser at the 6-month review")
        let agree = state.press(.enter)
        var agreedRevision = revision
        agreedRevision.agreedBy = "the DfE adviser at the 6-month review"
        agreedRevision.agreedOn = TestDates.illustrativeToday
        XCTAssertEqual(onlyEdit(agree), .agreement(.setRevision(ref: "3b", from: revision, to: agreedRevision)))
        try state.save(agree)
        XCTAssertTrue(state.text.contains("✓ agreed \(agreed.display) → revised 30 Jun 2027 (agreed \(TestDates.illustrativeToday.display))"), state.text)
        state.press(.char(View.triage.key ?? "?"))
        XCTAssertFalse(state.triage.contains { $0.action.ref == "3b" && $0.unagreedMove }, "agreed, it leaves the triage")
    }

    func testBeforeThePlanIsAgreedADateMovesWithoutAQuestion() throws {
        var state = BoardState(plan: try unagreed(), today: TestDates.illustrativeToday, user: "tester", width: 120, height: 50)
        _ = state.update(.resize(width: 120, height: 50))
        _ = state.update(.key(.char(View.areas.key ?? "?")))
        state.press(.down, .down, .enter, .down, .down, .down, .enter, .char("w"), .ctrl("u"))
        state.type("2027-06-30")
        XCTAssertEqual(onlyEdit(state.press(.enter)), state.plan.setting(.byWhen, ofAction: "3b", to: .date(TestDates.date("2027-06-30"))))
    }
}

extension BoardState {
    /// The plan as it was before it was agreed, so a by-when moves without a question
    /// (tests of typing dates; the agreed plan's question is tested above).
    mutating func forgetAgreement() {
        var plan = self.plan
        plan.header.agreements = []
        _ = update(.planChanged(plan, []))
    }
}

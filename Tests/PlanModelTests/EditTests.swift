import PlanModel
import TestSupport
import XCTest

/// Makes edits of every kind against a plan, valid or not.
struct EditMaker {
    var rng: SeededRandom

    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &rng)] }

    mutating func edit(for plan: Plan) -> Edit? {
        let refs = plan.allActions.map(\.ref)
        let day = PlanDate(dayNumber: 19_000 + Int.random(in: 0..<1000, using: &rng))
        let note = Note(date: day, author: "tester", text: "note \(Int.random(in: 0..<1000, using: &rng)) – £5 ‘ok’")
        switch Int.random(in: 0..<15, using: &rng) {
        case 0:
            guard let ref = pick(refs), let status = pick(Status.allCases) else { return nil }
            return plan.settingStatus(ofAction: ref, to: status, reason: status.needsReason ? note : nil)
        case 1:
            guard let ref = pick(refs) else { return nil }
            return plan.setting(.byWhen, ofAction: ref, to: .date(Bool.random(using: &rng) ? day : nil))
        case 2:
            guard let ref = pick(refs), let person = pick(plan.people + ["New Lead"]) else { return nil }
            return plan.setting(.leads, ofAction: ref, to: .names([person]))
        case 3:
            guard let ref = pick(refs) else { return nil }
            return plan.setting(.text, ofAction: ref, to: .text("Rewritten – ‘quoted’ £ 中文"))
        case 4:
            guard let ref = pick(refs) else { return nil }
            return plan.setting(.ref, ofAction: ref, to: .text(ref + "x"))
        case 5:
            guard let ref = pick(refs) else { return nil }
            return .addNote(ref: ref, index: nil, note: note)
        case 6:
            guard let ref = pick(refs), let action = plan.action(ref), let note = pick(action.notes) else { return nil }
            return .removeNote(ref: ref, note: note)
        case 7:
            guard let area = pick(plan.areas) else { return nil }
            let index = Int.random(in: 0...area.actions.count, using: &rng)
            return .addAction(area: area.number, index: index, action: Action(ref: "\(area.number)new\(Int.random(in: 0..<99, using: &rng))", text: "A new action", byWhen: day, leads: ["Someone"]))
        case 8:
            guard let ref = pick(refs) else { return nil }
            return plan.removing(action: ref)
        case 9:
            guard let risk = pick(plan.risks), let field = pick([RiskField.inherentLikelihood, .residualImpact, .targetLikelihood, .residualLikelihood]) else { return nil }
            return .set(field, of: risk, to: .level(Int.random(in: 0...6, using: &rng)))
        case 10:
            guard let risk = pick(plan.risks) else { return nil }
            return .set(.owner, of: risk, to: .text("Owner \(Int.random(in: 0..<9, using: &rng))"))
        case 11:
            let s = Score(likelihood: 3, impact: 4)
            return .addRisk(index: nil, risk: Risk(ref: "RN\(Int.random(in: 0..<99, using: &rng))", risk: "A new risk", inherent: s, residual: s, target: s, areas: [1]))
        case 12:
            guard let risk = pick(plan.risks) else { return nil }
            return .removeRisk(ref: risk.ref, risk: risk)
        case 13:
            guard let kpi = pick(plan.kpis), !kpi.milestones.isEmpty else { return nil }
            return plan.settingActual(kpi: kpi.ref, milestone: Int.random(in: 0..<kpi.milestones.count, using: &rng),
                                      to: Bool.random(using: &rng) ? Double(Int.random(in: 0..<2000, using: &rng)) : nil)
        default:
            return .addCheckpoint(Checkpoint(name: "C\(Int.random(in: 0..<50, using: &rng))", date: day, of: plan), index: nil)
        }
    }
}

final class EditTests: XCTestCase {
    func testEveryEditFollowedByItsInverseGivesBackThePlan() throws {
        for sample in SamplePlans.all {
            let original = try Samples.plan(sample)
            var maker = EditMaker(rng: SeededRandom(state: 42))
            var applied = 0
            for _ in 0..<600 {
                guard let edit = maker.edit(for: original) else { continue }
                guard let (changed, inverse) = try? original.applying(edit) else { continue }
                applied += 1
                let restored = try changed.applying(inverse).plan
                XCTAssertEqual(restored, original, "\(sample): \(edit.summary) then its inverse")
            }
            XCTAssertGreaterThan(applied, 200, "the generator should exercise many valid edits")
        }
    }

    func testASequenceOfEditsUndoneInReverseGivesBackThePlan() throws {
        let original = try Samples.plan(SamplePlans.fictional)
        var maker = EditMaker(rng: SeededRandom(state: 7))
        var plan = original
        var inverses: [Edit] = []
        for _ in 0..<400 {
            guard let edit = maker.edit(for: plan), let (next, inverse) = try? plan.applying(edit) else { continue }
            plan = next
            inverses.append(inverse)
        }
        XCTAssertGreaterThan(inverses.count, 100)
        XCTAssertNotEqual(plan, original)
        for inverse in inverses.reversed() { plan = try plan.applying(inverse).plan }
        XCTAssertEqual(plan, original)
    }

    func testRedAndAmberNeedAReason() throws {
        let plan = try Samples.plan(SamplePlans.devon)
        XCTAssertThrowsError(try plan.applying(plan.setting(.status, ofAction: "3b", to: .status(.red)))) { error in
            XCTAssertEqual((error as? EditError)?.message, "action 3b cannot be Red without a reason: add a progress note saying why")
        }
        let reason = Note(date: TestDate.d("2022-10-01"), author: "Jackie Ross", text: "Caseworker vacancies")
        let after = try plan.applying(plan.settingStatus(ofAction: "3b", to: .red, reason: reason)).plan
        XCTAssertEqual(after.action("3b")?.status, .red)
        XCTAssertEqual(after.action("3b")?.notes.last, reason)
        XCTAssertNoThrow(try plan.applying(plan.setting(.status, ofAction: "3b", to: .status(.green))), "green needs no reason")
    }

    func testEditsThatWouldBreakARuleAreRefusedWithTheReason() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        func message(_ edit: Edit) -> String? {
            do { _ = try plan.applying(edit); return nil } catch { return (error as? EditError)?.message }
        }
        XCTAssertEqual(message(plan.setting(.text, ofAction: "9z", to: .text("x"))), "there is no action 9z")
        XCTAssertEqual(message(plan.setting(.ref, ofAction: "3b", to: .text("3d"))), "action reference 3d is already used; expected a new reference")
        XCTAssertEqual(message(plan.setting(.byWhen, ofAction: "3b", to: .text("soon"))), "byWhen takes a date, not \"soon\"")
        XCTAssertEqual(message(plan.setting(.residualImpact, ofRisk: "R1", to: .level(6))), "residualImpact must be 1 to 5, not 6")
        XCTAssertEqual(message(plan.setting(.kpis, ofAction: "3b", to: .names(["K99"]))),
                       "areas[2].actions[3].kpis[0] links to KPI \"K99\", which is not on the score card; expected one of K1, K2, K3, K4, K5, K6")
        XCTAssertEqual(message(plan.settingActual(kpi: "K1", milestone: 7, to: 1)), "KPI K1 has 3 milestones; there is no milestone 8")
        XCTAssertEqual(message(.addAction(area: 9, index: nil, action: Action(ref: "9a", text: "x"))), "there is no area of weakness 9")
    }

    func testARefusedEditLeavesThePlanAsItWas() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let copy = plan
        _ = try? plan.applying(.batch([plan.setting(.text, ofAction: "3b", to: .text("changed")),
                                       plan.setting(.text, ofAction: "nope", to: .text("x"))]))
        XCTAssertEqual(plan, copy, "a batch stands or falls together and the original value is untouched")
    }

    func testEditsRoundTripThroughTheirLogForm() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        var maker = EditMaker(rng: SeededRandom(state: 3))
        for _ in 0..<200 {
            guard let edit = maker.edit(for: plan) else { continue }
            let data = try JSONEncoder().encode(edit)
            XCTAssertEqual(try JSONDecoder().decode(Edit.self, from: data), edit)
        }
    }
}

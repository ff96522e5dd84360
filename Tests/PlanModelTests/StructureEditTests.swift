import PlanModel
import TestSupport
import XCTest

/// Structure edits: header, governance, areas, findings, KPIs and milestones, each with its
/// inverse, named by identity and refused when the plan no longer holds what the person saw.
final class StructureEditTests: XCTestCase {
    func apply(_ plan: Plan, _ edit: StructureEdit) throws -> (plan: Plan, inverse: Edit) {
        try plan.applying(.structure(edit))
    }

    /// Every kind of structure edit, made against a sample plan as a person would see it.
    func edits(for plan: Plan) -> [StructureEdit] {
        let area = plan.areas[1]
        let kpi = plan.kpis[0]
        let milestone = kpi.milestones[0]
        return [
            .setPlanField(field: .localArea, from: .text(plan.header.localArea), to: .text("Renamed Local Area")),
            .setPlanField(field: .revisitReportDate, from: .date(plan.header.revisitReportDate), to: .date(TestDates.date("2024-01-31"))),
            .setPlanField(field: .advisers, from: .people(plan.header.advisers), to: .people(plan.header.advisers + [Person(name: "A. Adviser", role: "SEND Adviser", organisation: "DfE")])),
            .setPlanField(field: .narrative, from: .text(plan.governance.narrative), to: .text("A new narrative.")),
            .setPlanField(field: .partners, from: .names(plan.governance.partners), to: .names(["One partner"])),
            .setPlanField(field: .reportingLines, from: .lines(plan.governance.reportingLines), to: .lines([])),
            .addArea(Area(number: 9, title: "Short breaks", weakness: "Families cannot find short breaks."), before: plan.areas[0].number, risks: []),
            .setArea(number: area.number, field: .title, from: area.title, to: "New title"),
            .setArea(number: area.number, field: .weakness, from: area.weakness, to: "New weakness"),
            .moveArea(number: area.number, from: 1, to: plan.areas.count - 1),
            .removeArea(area, risks: plan.areaLinks(area.number)),
            .addFinding(area: area.number, letter: "a", text: "A new first finding."),
            .setFinding(area: area.number, letter: area.findings[0].letter, from: area.findings[0].text, to: "Changed."),
            .moveFinding(area: area.number, letter: area.findings[0].letter, text: area.findings[0].text, to: area.findings[area.findings.count - 1].letter),
            .removeFinding(area: area.number, letter: area.findings[1].letter, text: area.findings[1].text),
            .addKPI(KPI(ref: "K99", name: "New measure", unit: "%", better: .higher), before: kpi.ref, links: []),
            .setKPI(ref: kpi.ref, field: .better, from: .better(kpi.better), to: .better(kpi.better == .higher ? .lower : .higher)),
            .setKPI(ref: kpi.ref, field: .baseline, from: .measure(kpi.baseline), to: .measure(Measure(value: 7, date: TestDates.date("2023-01-31")))),
            .setKPI(ref: kpi.ref, field: .comparator, from: .comparator(kpi.comparator), to: .comparator(Comparator(label: "England average", value: 12.5))),
            .removeKPI(kpi, links: plan.kpiLinks(kpi.ref)),
            .addMilestone(kpi: kpi.ref, milestone: Milestone(label: "18 months", date: TestDates.date("2024-06-30"), target: 3), before: nil),
            .setMilestone(kpi: kpi.ref, label: milestone.label, field: .target, from: .number(milestone.target), to: .number(42)),
            .setMilestone(kpi: kpi.ref, label: milestone.label, field: .label, from: .text(milestone.label), to: .text("Quarter 1")),
            .removeMilestone(kpi: kpi.ref, milestone: milestone),
        ]
    }

    func testEveryStructureEditFollowedByItsInverseGivesBackThePlan() throws {
        for sample in [SamplePlans.devonIllustrative, SamplePlans.fictional] {
            let original = try Samples.plan(sample)
            for edit in edits(for: original) {
                let (changed, inverse) = try apply(original, edit)
                XCTAssertNotEqual(changed, original, "\(sample): \(edit.summary) changed nothing")
                XCTAssertEqual(try changed.applying(inverse).plan, original, "\(sample): \(edit.summary) then its inverse")
                // And the inverse's inverse is the edit again: redo works.
                let (_, redo) = try changed.applying(inverse)
                XCTAssertEqual(try original.applying(redo).plan, changed, "\(sample): redo of \(edit.summary)")
            }
        }
    }

    func testEditsSurviveTheChangeLogsJSON() throws {
        let plan = try Samples.plan(SamplePlans.fictional)
        for edit in edits(for: plan) {
            let data = try JSONEncoder().encode(Edit.structure(edit))
            XCTAssertEqual(try JSONDecoder().decode(Edit.self, from: data), .structure(edit))
        }
    }

    func testASetIsRefusedWhenThePlanNoLongerHoldsWhatThePersonSaw() throws {
        let plan = try Samples.plan(SamplePlans.devon)
        let stale = StructureEdit.setArea(number: 3, field: .title, from: "A title someone else replaced", to: "Mine")
        XCTAssertThrowsError(try apply(plan, stale)) { error in
            XCTAssertTrue("\(error)".contains("area 3 title is now “EHC plan timeliness and quality”"), "\(error)")
            XCTAssertTrue("\(error)".contains("nothing was changed"), "\(error)")
            XCTAssertEqual((error as? EditError)?.conflict?.target, .structure(["area", "3", "title"]),
                           "a conflict on the part it sets, so the stores say who changed it and the question comes back")
        }
        let staleHeader = StructureEdit.setPlanField(field: .localArea, from: .text("Cornwall"), to: .text("Mine"))
        XCTAssertThrowsError(try apply(plan, staleHeader))
    }

    func testRemovingAnAreaTakesItsActionsAndNotesAndUnlinksItsRisksAndUndoPutsThemBack() throws {
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let area = try XCTUnwrap(plan.area(number: 3))
        let links = plan.areaLinks(3)
        XCTAssertFalse(links.isEmpty, "the illustrative sample links risks to area 3")
        let notes = area.actions.reduce(0) { $0 + $1.notes.count }
        let edit = StructureEdit.removeArea(area, risks: links)
        XCTAssertEqual(edit.summary, "removed area 3 (\(area.actions.count) actions, \(notes) notes, \(links.count) risk links)")
        let (after, inverse) = try apply(plan, edit)
        XCTAssertNil(after.area(number: 3))
        XCTAssertNil(after.action("3b"))
        XCTAssertTrue(after.risks.allSatisfy { !$0.areas.contains(3) })
        XCTAssertEqual(try after.applying(inverse).plan, plan)
    }

    func testARemovalIsRefusedWhenTheAreaChangedSinceThePersonLooked() throws {
        let plan = try Samples.plan(SamplePlans.devon)
        var seen = try XCTUnwrap(plan.area(number: 4))
        seen.title = "What the person saw before someone renamed it"
        XCTAssertThrowsError(try apply(plan, .removeArea(seen, risks: []))) { error in
            XCTAssertTrue("\(error)".contains("area 4 has changed since you looked at it; nothing was removed"), "\(error)")
        }
    }

    func testFindingsStayLetteredInSequence() throws {
        let plan = try Samples.plan(SamplePlans.devon)
        let a = try apply(plan, .addFinding(area: 2, letter: "a", text: "A new first finding.")).plan
        let findings = try XCTUnwrap(a.area(number: 2)).findings
        XCTAssertEqual(findings.map(\.letter), ["a", "b", "c", "d", "e", "f", "g"])
        XCTAssertEqual(findings[0].text, "A new first finding.")
        XCTAssertEqual(findings[1].text, plan.area(number: 2)?.findings[0].text)

        let moved = try apply(plan, .moveFinding(area: 2, letter: "f", text: plan.area(number: 2)?.findings[5].text ?? "", to: "a")).plan
        XCTAssertEqual(moved.area(number: 2)?.findings.map(\.letter), ["a", "b", "c", "d", "e", "f"])
        XCTAssertEqual(moved.area(number: 2)?.findings[0].text, plan.area(number: 2)?.findings[5].text)

        let removed = try apply(plan, .removeFinding(area: 2, letter: "a", text: plan.area(number: 2)?.findings[0].text ?? "")).plan
        XCTAssertEqual(removed.area(number: 2)?.findings.map(\.letter), ["a", "b", "c", "d", "e"])

        // A finding named by a letter whose text is not what the person saw is refused.
        XCTAssertThrowsError(try apply(plan, .removeFinding(area: 2, letter: "a", text: "Some other finding")))
        XCTAssertEqual(findingLetter(at: 26), "aa")
        XCTAssertEqual(findingIndex(of: "aa"), 26)
    }

    func testRemovingAKPIUnlinksTheActionsThatMoveItAndUndoRelinksThem() throws {
        let plan = try Samples.plan(SamplePlans.devon)
        let links = plan.kpiLinks("K1")
        XCTAssertEqual(links.map(\.action), ["3b", "3c.i"])
        let (after, inverse) = try apply(plan, .removeKPI(try XCTUnwrap(plan.kpi("K1")), links: links))
        XCTAssertNil(after.kpi("K1"))
        XCTAssertEqual(after.action("3b")?.kpis, [])
        XCTAssertTrue(Validator().problems(in: after).isEmpty)
        XCTAssertEqual(try after.applying(inverse).plan, plan)
    }

    func testMilestonesAreNamedByLabelAndLabelsStayUnique() throws {
        let plan = try Samples.plan(SamplePlans.devon)
        XCTAssertThrowsError(try apply(plan, .addMilestone(kpi: "K1", milestone: Milestone(label: "3 months"), before: nil))) { error in
            XCTAssertTrue("\(error)".contains("already has a milestone \"3 months\""), "\(error)")
        }
        let added = try apply(plan, .addMilestone(kpi: "K1", milestone: Milestone(label: "1 month", target: 1500), before: "3 months")).plan
        XCTAssertEqual(added.kpi("K1")?.milestones.map(\.label), ["1 month", "3 months", "6 months", "12 months"])
    }

    func testAnEmptyPlanIsValid() {
        let plan = Plan(header: Header(localArea: "Northmoor Local Area", title: ""), governance: Governance(), areas: [])
        XCTAssertEqual(Validator().problems(in: plan), [])
    }

    func testAnAreaWithAnEmptyTitleIsRefused() throws {
        let plan = Plan(header: Header(localArea: "Northmoor Local Area", title: ""), governance: Governance(), areas: [])
        XCTAssertThrowsError(try apply(plan, .addArea(Area(number: 1, title: "", weakness: "Something."), before: nil, risks: [])))
    }
}

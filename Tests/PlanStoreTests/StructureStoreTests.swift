import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// Structure edits through the store: each is saved in the file, comes back on reopening, and
/// undo takes each back, after a restart too.
final class StructureStoreTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("structure-store") }
    override func tearDown() { folder = nil }

    /// A deterministic sequence of structure edits, each made against the plan as it then is.
    func nextEdit(_ plan: Plan, step: Int) -> StructureEdit? {
        let areas = plan.areas
        switch step % 12 {
        case 0: return .addArea(Area(number: 100 + step, title: "Area \(step)", weakness: "Weakness \(step)."), before: areas.first?.number, risks: [])
        case 1:
            guard let area = areas.last else { return nil }
            return .setArea(number: area.number, field: .weakness, from: area.weakness, to: "Reworded \(step).")
        case 2:
            guard areas.count > 1, let area = areas.first else { return nil }
            return .moveArea(number: area.number, from: 0, to: areas.count - 1)
        case 3:
            guard let area = areas.first else { return nil }
            return .addFinding(area: area.number, letter: "a", text: "Finding \(step).")
        case 4:
            guard let area = areas.first(where: { $0.findings.count > 1 }) else { return nil }
            let f = area.findings[0]
            return .moveFinding(area: area.number, letter: f.letter, text: f.text, to: area.findings[area.findings.count - 1].letter)
        case 5:
            guard let area = areas.first(where: { !$0.findings.isEmpty }) else { return nil }
            let f = area.findings[area.findings.count - 1]
            return .removeFinding(area: area.number, letter: f.letter, text: f.text)
        case 6: return .addKPI(KPI(ref: "KS\(step)", name: "Measure \(step)", unit: "%", better: .lower), before: nil, links: [])
        case 7:
            guard let kpi = plan.kpis.last else { return nil }
            return .addMilestone(kpi: kpi.ref, milestone: Milestone(label: "Step \(step)", date: PlanDate(dayNumber: 19_000 + step), target: Double(step)), before: kpi.milestones.first?.label)
        case 8:
            guard let kpi = plan.kpis.first else { return nil }
            return .removeKPI(kpi, links: plan.kpiLinks(kpi.ref))
        case 9: return .setPlanField(field: .partners, from: .names(plan.governance.partners), to: .names(plan.governance.partners + ["Partner \(step)"]))
        case 10: return .setPlanField(field: .inspectionStart, from: .date(plan.header.inspectionStart), to: .date(PlanDate(dayNumber: 19_100 + step)))
        default:
            guard areas.count > 2, let area = areas.dropFirst().first else { return nil }
            return .removeArea(area, risks: plan.areaLinks(area.number))
        }
    }

    func testStructureEditsAreSavedComeBackOnReopeningAndUndoTakesEachBack() throws {
        let path = folder.path("plan.sqlite")
        let original = try Samples.plan(SamplePlans.devonIllustrative)
        var store = try PlanStore.create(path: path, plan: original, user: "chair")
        var applied = 0
        var expected = original
        for step in 0..<36 {
            guard let edit = nextEdit(expected, step: step) else { continue }
            expected = try store.apply(.structure(edit))
            applied += 1
            if step % 9 == 0 {
                store = try PlanStore.open(path: path, user: "chair")
                XCTAssertEqual(try store.load(), expected, "after \(edit.summary), reopened")
            }
        }
        XCTAssertGreaterThan(applied, 30)
        XCTAssertEqual(try PlanStore.open(path: path, user: "chair").load(), expected)
        store = try PlanStore.open(path: path, user: "chair")
        for _ in 0..<applied { XCTAssertNotNil(try store.undo()) }
        XCTAssertEqual(try PlanStore.open(path: path, user: "chair").load(), original)
    }

    func testATrackerImportIsAllOrNothingWithALogLinePerChange() throws {
        let path = folder.path("plan.sqlite")
        let store = try PlanStore.create(path: path, plan: try Samples.plan(SamplePlans.devon), user: "jackie")
        let before = try store.load()
        let good = before.setting(.byWhen, ofAction: "3b", to: .date(PlanDate(iso: "2023-09-30")))
        let bad = Edit.setAction(ref: "3zz", field: .byWhen, from: .date(nil), to: .date(nil))
        XCTAssertThrowsError(try store.applyAll([good, bad]))
        XCTAssertEqual(try store.load(), before, "nothing saved when one edit fails")
        let count = try store.changes().count
        try store.applyAll([good, before.setting(.leads, ofAction: "3d", to: .names(["Sam Patel"]))])
        XCTAssertEqual(try store.changes().count, count + 2)
        XCTAssertEqual(try PlanStore.open(path: path, user: "jackie").load().action("3d")?.leads, ["Sam Patel"])
    }
}

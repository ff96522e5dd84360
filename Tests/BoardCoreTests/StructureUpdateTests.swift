import BoardCore
import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// Building the plan in the dashboard: every view of an empty plan says what to do next,
/// each structure key asks its questions and makes one edit, and each edit undoes through
/// the store.
final class StructureUpdateTests: XCTestCase {
    static func emptyPlan() -> Plan {
        Plan(header: Header(localArea: "Northmoor", title: ""), governance: Governance(), areas: [])
    }

    func emptyBoard(width: Int = 80, height: Int = 24, view: View = .areas, readOnly: Bool = false) -> BoardState {
        var state = BoardState(plan: Self.emptyPlan(), today: TestDates.illustrativeToday, user: "tester", readOnly: readOnly,
                               width: width, height: height)
        _ = state.update(.resize(width: width, height: height))
        _ = state.update(.key(.char(view.key ?? "?")))
        return state
    }

    /// Answers the prompt on screen: clears it, types, Enter; returns the effects.
    @discardableResult
    func answer(_ state: inout BoardState, _ text: String) -> [Effect] {
        state.press(.ctrl("u"))
        state.type(text)
        return state.press(.enter)
    }

    func testEveryViewOfAnEmptyPlanSaysWhatToDoNext() {
        XCTAssertTrue(emptyBoard(view: .dashboard).text.contains("No areas yet: press 2, then A to add one."))
        XCTAssertTrue(emptyBoard(view: .dashboard).text.contains("No KPIs yet: press 6, then A to add one."))
        XCTAssertTrue(emptyBoard(view: .dashboard).text.contains("No risks yet: press 5, then + to add one."))
        XCTAssertTrue(emptyBoard(view: .areas).text.contains("No areas yet: press A to add one"))
        XCTAssertTrue(emptyBoard(view: .kpis).text.contains("No KPIs yet: press A to add one."))
        XCTAssertTrue(emptyBoard(view: .governance).text.contains("Press e to edit any of these"))
        var areas = emptyBoard(view: .areas)
        areas.press(.enter)
        XCTAssertEqual(areas.message, "No areas yet: press A to add one.")
    }

    func testBuildingKeysSayWhyOnAReadOnlyPlan() {
        for (view, key) in [(View.areas, Key.char("A")), (.kpis, .char("A")), (.governance, .char("e"))] {
            var state = emptyBoard(view: view, readOnly: true)
            XCTAssertEqual(state.press(key), [])
            XCTAssertTrue(state.message?.contains("read-only") ?? false, "\(key.label) on \(view.title): \(state.message ?? "")")
            XCTAssertNil(state.overlay)
        }
    }

    func testAddingAnAreaAsksItsTitleThenTheWeakness() throws {
        var state = emptyBoard()
        state.press(.char("A"))
        XCTAssertTrue(state.text.contains("New area 1, short title:"))
        XCTAssertEqual(answer(&state, "  "), [], "a blank title is refused")
        XCTAssertTrue(state.message?.contains("short title") ?? false)
        answer(&state, "EHC plans")
        let effects = answer(&state, "Plans are late.")
        XCTAssertEqual(onlyEdit(effects), .structure(.addArea(Area(number: 1, title: "EHC plans", weakness: "Plans are late.", findingsSource: ""),
                                                              before: nil, risks: [])))
        try state.save(effects)
        XCTAssertTrue(state.text.contains("  1 EHC plans"), state.text)
        XCTAssertEqual(state.message, "Added area 1. Enter opens it: A adds findings, + actions.")
    }

    func testRemovingAnAreaAsksFirstSayingWhatGoesAndNoIsTheDefault() throws {
        var state = try board()
        let area = try XCTUnwrap(state.plan.areas.first)
        state.press(.char("D"))
        let notes = area.actions.reduce(0) { $0 + $1.notes.count }
        XCTAssertTrue(state.text.contains("Remove area 1"), state.text)
        XCTAssertTrue(state.text.contains("\(area.actions.count) actions, \(notes) notes"), state.text)
        XCTAssertEqual(state.press(.enter), [], "Enter keeps it")
        XCTAssertEqual(state.message, "Area 1 was not removed.")
        state.press(.char("D"))
        let effects = state.press(.char("y"))
        XCTAssertEqual(onlyEdit(effects), .structure(try XCTUnwrap(state.plan.removing(area: 1))))
    }

    func testMovingAnAreaKeepsItSelectedAndItsNumber() throws {
        var state = try board()
        let first = try XCTUnwrap(state.plan.areas.first)
        XCTAssertEqual(state.press(.char("[")), [], "the first area cannot move up")
        XCTAssertEqual(state.message, "Area \(first.number) is already first.")
        let effects = state.press(.char("]"))
        XCTAssertEqual(onlyEdit(effects), .structure(.moveArea(number: first.number, from: 0, to: 1)))
        try state.save(effects)
        XCTAssertEqual(state.plan.areas[1].number, first.number, "the area keeps its number")
        XCTAssertEqual(state.areaIndex, 1, "the selection follows the area")
        XCTAssertEqual(state.message, "Area \(first.number) is now 2nd in the plan.")
    }

    func testFindingsAddEditMoveAndRemoveKeepingLettersInSequence() throws {
        var state = try board(width: 160, height: 48)
        state.press(.enter)
        let area = try XCTUnwrap(state.currentArea)
        let count = area.findings.count
        state.press(.char("A"))
        try state.save(answer(&state, "A new finding."))
        XCTAssertEqual(state.plan.area(number: area.number)?.findings.last, Finding(letter: findingLetter(at: count), text: "A new finding."))
        // Onto the first finding: edit it, move it down, remove it.
        XCTAssertEqual(state.press(.char("x")), [], "x needs a finding selected")
        XCTAssertTrue(state.message?.contains("Move onto a finding first") ?? false, state.message ?? "")
        state.press(.home)
        XCTAssertEqual(state.top.selection(state), .finding("a"))
        state.press(.char("e"))
        try state.save(answer(&state, "Edited first finding."))
        XCTAssertEqual(state.plan.area(number: area.number)?.findings.first?.text, "Edited first finding.")
        try state.save(state.press(.char("]")))
        XCTAssertEqual(state.plan.area(number: area.number)?.findings[1].text, "Edited first finding.")
        XCTAssertEqual(state.plan.area(number: area.number)?.findings.map(\.letter), (0...count).map(findingLetter(at:)))
        XCTAssertEqual(state.message, "Finding \(area.number)a is now \(area.number)b; the letters follow.")
        try state.save(state.press(.char("x")))
        XCTAssertEqual(state.plan.area(number: area.number)?.findings.count, count)
        XCTAssertEqual(state.plan.area(number: area.number)?.findings.map(\.letter), (0..<count).map(findingLetter(at:)))
    }

    func testAddingAKPIAsksEachFieldAndMilestonesFollow() throws {
        var state = emptyBoard(view: .kpis)
        state.press(.char("A"))
        answer(&state, "K1")
        answer(&state, "Plans within 20 weeks")
        answer(&state, "%")
        XCTAssertTrue(state.text.contains("which direction is better? h higher, l lower"), state.text)
        state.press(.char("l"))
        answer(&state, "1,600")
        answer(&state, "30 Jun 2022")
        answer(&state, "nonsense")
        XCTAssertTrue(state.message?.contains("label: value") ?? false, "a comparator without a label is refused")
        let effects = answer(&state, "England average: 58")
        let kpi = KPI(ref: "K1", name: "Plans within 20 weeks", unit: "%", better: .lower,
                      baseline: Measure(value: 1600, date: PlanDate(typed: "2022-06-30")), comparator: Comparator(label: "England average", value: 58))
        XCTAssertEqual(onlyEdit(effects), .structure(.addKPI(kpi, before: nil, links: [])))
        try state.save(effects)
        state.press(.char("o"))
        XCTAssertEqual(state.screen, .kpi("K1"))
        XCTAssertTrue(state.text.contains("No milestones yet: press A to add one"))
        state.press(.char("A"))
        XCTAssertTrue(state.text.contains("K1 milestone label: 3 months"), "the next usual label is offered")
        answer(&state, "3 months")
        answer(&state, "31/10/2022")
        answer(&state, "x")
        XCTAssertTrue(state.message?.contains("not a number") ?? false)
        try state.save(answer(&state, "1200"))
        XCTAssertEqual(state.plan.kpi("K1")?.milestones, [Milestone(label: "3 months", date: PlanDate(typed: "2022-10-31"), target: 1200)])
        // Edit it where it is selected: the label last, so the other fields name it as it was.
        state.press(.home, .down, .down, .down, .down)
        XCTAssertEqual(state.top.selection(state), .milestone("3 months"))
        state.press(.char("e"))
        answer(&state, "Quarter 1")
        answer(&state, "")
        let edited = answer(&state, "1100")
        XCTAssertEqual(onlyEdit(edited), .batch([
            .structure(.setMilestone(kpi: "K1", label: "3 months", field: .date, from: .date(PlanDate(typed: "2022-10-31")), to: .date(nil))),
            .structure(.setMilestone(kpi: "K1", label: "3 months", field: .target, from: .number(1200), to: .number(1100))),
            .structure(.setMilestone(kpi: "K1", label: "3 months", field: .label, from: .text("3 months"), to: .text("Quarter 1"))),
        ]))
        try state.save(edited)
        try state.save(state.press(.char("b")))
        XCTAssertEqual(state.plan.kpi("K1")?.better, .higher, "b switches the direction")
    }

    func testGovernanceFieldsEditAsTypedLists() throws {
        var state = emptyBoard(view: .governance)
        state.press(.char("e"))
        XCTAssertTrue(state.text.contains("Edit which?"), state.text)
        state.press(.char("o"))
        let effects = answer(&state, "Ann Lee | Director of Children's Services | Northmoor Council; Raj Patel | Chief Nurse")
        XCTAssertEqual(onlyEdit(effects), .structure(.setPlanField(field: .accountableOfficers, from: .people([]), to: .people([
            Person(name: "Ann Lee", role: "Director of Children's Services", organisation: "Northmoor Council"),
            Person(name: "Raj Patel", role: "Chief Nurse"),
        ]))))
        try state.save(effects)
        XCTAssertTrue(state.text.contains("Ann Lee, Director of Children's Services, Northmoor Council"), state.text)
        state.press(.char("e"), .char("g"))
        answer(&state, "Board | Council | sideways | monthly")
        XCTAssertTrue(state.message?.contains("is not a reporting line") ?? false, state.message ?? "")
        try state.save(answer(&state, "Board | Council | accountability | monthly"))
        XCTAssertEqual(state.plan.governance.reportingLines, [ReportingLine(from: "Board", to: "Council", kind: .accountability, frequency: "monthly")])
        state.press(.char("e"), .char("s"))
        try state.save(answer(&state, "2022-05-09"))
        XCTAssertEqual(state.plan.header.inspectionStart, PlanDate(typed: "2022-05-09"))
    }

    /// Each kind of structure edit the dashboard makes is undone by the store, leaving the
    /// plan as it was, and the change log says who made it.
    func testEachKindOfEditUndoesThroughTheStore() throws {
        let folder = try TempFolder("structure-undo")
        let path = folder.path("plan.sqlite")
        var plan = try board().plan
        let store = try PlanStore.create(path: path, plan: plan, user: "tester")
        let area = try XCTUnwrap(plan.areas.first)
        let kpi = try XCTUnwrap(plan.kpis.first)
        let milestone = try XCTUnwrap(kpi.milestones.first)
        let edits: [StructureEdit?] = [
            .addArea(Area(number: plan.nextAreaNumber, title: "New", weakness: "W", findingsSource: ""), before: nil, risks: []),
            plan.setting(.title, ofArea: area.number, to: "Retitled"),
            plan.setting(.weakness, ofArea: area.number, to: "Restated"),
            plan.moving(area: area.number, by: 1),
            plan.removing(area: area.number),
            plan.adding(finding: "Another", toArea: area.number),
            plan.setting(finding: "a", inArea: area.number, to: "Changed"),
            plan.moving(finding: "a", inArea: area.number, by: 1),
            plan.removing(finding: "a", inArea: area.number),
            .addKPI(KPI(ref: plan.nextKPIRef, name: "New KPI", unit: "%", better: .higher), before: nil, links: []),
            plan.setting([(.name, .text("Renamed")), (.better, .better(kpi.better == .higher ? .lower : .higher))], ofKPI: kpi.ref).first,
            .addMilestone(kpi: kpi.ref, milestone: Milestone(label: "99 months", target: 1), before: nil),
            plan.setting([(.target, .number(12345))], ofMilestone: milestone.label, kpi: kpi.ref).first,
            plan.removing(milestone: milestone.label, kpi: kpi.ref),
            plan.removing(kpi: kpi.ref),
            plan.setting(.localArea, to: .text("Elsewhere")),
            plan.setting(.accountableOfficers, to: .people([Person(name: "A N Other")])),
            plan.setting(.reportingLines, to: .lines([])),
            plan.setting(.narrative, to: .text("A new narrative")),
        ]
        for (i, edit) in edits.enumerated() {
            let edit = try XCTUnwrap(edit, "edit \(i) was built")
            let after = try store.apply(.structure(edit))
            XCTAssertNotEqual(after, plan, "\(edit.summary) changed the plan")
            let undone = try XCTUnwrap(try store.undo())
            XCTAssertEqual(undone.plan, plan, "undo of \(edit.summary) restores the plan")
            XCTAssertEqual(undone.undone.user, "tester")
            plan = undone.plan
        }
        let links = plan.linking(actions: [area.actions[0].ref], toKPI: kpi.ref, !area.actions[0].kpis.contains(kpi.ref))
        XCTAssertEqual(links.count, 1)
        _ = try store.apply(links[0])
        XCTAssertEqual(try XCTUnwrap(try store.undo()).plan, plan, "undo of a link restores the action's KPIs")
    }
}

/// Long structure text goes to `$EDITOR` and comes back as one edit.
final class StructureEditorTests: XCTestCase {
    func testAnAreaStatementAndTheNarrativeEditInTheEditor() throws {
        var state = try board()
        let area = try XCTUnwrap(state.plan.areas.first)
        let statement = try XCTUnwrap(editorRequest(state.press(.char("S"))))
        XCTAssertEqual(statement.what, "area \(area.number) weakness as written")
        XCTAssertEqual(statement.text, area.weakness)
        let effects = state.update(.editorReturned(statement, text: "Restated\nover two lines\n\n"))
        XCTAssertEqual(onlyEdit(effects), .structure(.setArea(number: area.number, field: .weakness, from: area.weakness, to: "Restated\nover two lines")))
        XCTAssertEqual(state.update(.editorReturned(statement, text: " \n")), [])
        XCTAssertTrue(state.message?.contains("needs its weakness") ?? false)
        XCTAssertEqual(state.update(.editorReturned(statement, text: nil)), [])
        XCTAssertEqual(state.message, "No change.")

        var governance = try board(view: .governance)
        let narrative = governance.plan.governance.narrative
        let request = try XCTUnwrap(editorRequest(governance.press(.char("e"), .char("n"))))
        XCTAssertEqual(request.text, narrative)
        XCTAssertEqual(onlyEdit(governance.update(.editorReturned(request, text: "Shorter."))),
                       .structure(.setPlanField(field: .narrative, from: .text(narrative), to: .text("Shorter."))))
    }
}

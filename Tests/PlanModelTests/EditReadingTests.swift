import Foundation
import PlanModel
import XCTest

/// The log and messages in people's words, not the model's names.
final class EditReadingTests: XCTestCase {
    func day(_ iso: String) throws -> PlanDate { try XCTUnwrap(PlanDate(iso: iso)) }

    var plan: Plan {
        Plan(header: Header(localArea: "Devon", title: "APP"), governance: Governance(), areas: [],
             kpis: [KPI(ref: "K3", name: "Plans on time", unit: "%", better: .higher,
                        milestones: [Milestone(label: "3 months"), Milestone(label: "6 months"), Milestone(label: "12 months")])])
    }

    func testTheIssuesExamplesReadAsAPersonWouldWriteThem() throws {
        XCTAssertEqual(Edit.setRisk(ref: "R9", field: .residualLikelihood, from: .level(3), to: .level(4)).summary,
                       "R9 residual likelihood 3 → 4")
        XCTAssertEqual(Edit.setAction(ref: "3q", field: .byWhen, from: .date(try day("2023-03-31")), to: .date(try day("2023-06-30"))).summary,
                       "3q by-when 31 Mar 2023 → 30 Jun 2023")
        XCTAssertEqual(Edit.setActual(kpi: "K3", milestone: 2, from: nil, to: 38).summary(in: plan), "K3 12-month actual — → 38",
                       "the actual names its milestone, not its place in the list")
        XCTAssertEqual(Edit.setAction(ref: "3c.ii", field: .status, from: .status(.green), to: .status(.complete)).summary,
                       "3c.ii status Green → Complete")
        XCTAssertEqual(Edit.setAction(ref: "3q", field: .byWhen, from: .date(nil), to: .date(try day("2023-06-30"))).summary,
                       "3q by-when — → 30 Jun 2023", "no date reads as a dash, not \"none\"")
    }

    func testAnUndoInTheLogSaysWhatWasUndoneAndWhatItWentBackTo() throws {
        let edit = Edit.setAction(ref: "3q", field: .byWhen, from: .date(try day("2023-03-31")), to: .date(try day("2023-06-30")))
        let inverse = Edit.setAction(ref: "3q", field: .byWhen, from: .date(try day("2023-06-30")), to: .date(try day("2023-03-31")))
        // As the store logs an undo: the edit applied is the inverse, its own inverse the original.
        let undo = ChangeRecord(seq: 2, at: Date(), user: "ann", kind: .undo, target: 1, summary: "undo: action 3q byWhen → 2023-06-30",
                                edit: inverse, inverse: edit)
        XCTAssertEqual(undo.reading(in: plan), "Undid: 3q by-when 31 Mar 2023 → 30 Jun 2023 (back to 31 Mar 2023)")
        let removal = ChangeRecord(seq: 3, at: Date(), user: "ann", kind: .undo, target: 1, summary: "undo: add action 3q to area 3",
                                   edit: .removeAction(ref: "3q", action: Action(ref: "3q", text: "")),
                                   inverse: .addAction(area: 3, index: nil, action: Action(ref: "3q", text: "")))
        XCTAssertEqual(removal.reading(in: plan), "Undid: added action 3q to area 3", "never \"undo undo:\" or \"undo: remove action\"")
    }

    func testAnOldLogLineIsReadFromItsEditNotItsStoredText() {
        let old = ChangeRecord(seq: 1, at: Date(), user: "ann", kind: .edit, target: nil, summary: "KPI K3 actual 3 → 38",
                               edit: .setActual(kpi: "K3", milestone: 2, from: nil, to: 38), inverse: nil)
        XCTAssertEqual(old.reading(in: plan), "K3 12-month actual — → 38")
    }
}

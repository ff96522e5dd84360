import Foundation
import PlanExchange
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// The bulk write behind `planboard import`: a large plan read from its file is written
/// as it was read, and a plan whose notes share an id still gets them made unique.
final class BulkImportTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("bulk-import") }
    override func tearDown() { folder = nil }

    func testAGeneratedPlanReadFromItsFileLoadsBackAsTheParsedPlan() throws {
        let generated = SyntheticPlan.make(areas: 9, actions: 3_000, risks: 300, kpis: 12, today: TestDates.date("2023-08-15"))
        let parsed = try PlanDecoding.plan(bytes: Array(PlanEncoding.json(generated).utf8), file: "generated.json")
        let path = folder.path("plan.sqlite")
        _ = try PlanStore.create(path: path, plan: parsed, user: "jackie")
        let loaded = try PlanStore.open(path: path, user: "jackie").load()
        XCTAssertEqual(loaded, parsed)
        XCTAssertEqual(PlanEncoding.json(loaded), PlanEncoding.json(generated), "the file exported again is the file imported")
    }

    func testNotesThatShareAnIdAreGivenOnesOfTheirOwnOnImport() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        let same = Note(date: TestDates.date("2023-09-01"), author: "Ann", text: "Chased the panel.")
        plan.areas[0].actions[0].notes = [same, same]
        let path = folder.path("plan.sqlite")
        _ = try PlanStore.create(path: path, plan: plan, user: "jackie")
        let notes = try PlanStore.open(path: path, user: "jackie").load().areas[0].actions[0].notes
        XCTAssertEqual(notes.map(\.text), ["Chased the panel.", "Chased the panel."])
        XCTAssertEqual(notes.map(\.id), [same.id, "\(same.id)-2"])
    }
}

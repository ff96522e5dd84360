import Foundation
import GRDB
import PlanExchange
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// The publication setting (what families see, and the last publication) is kept with the
/// plan's settings: in the SQLite file, in the JSON format and on a shared plan, and an old
/// plan keeps its bytes until a chair sets it.
final class PublicationStoreTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("publication") }
    override func tearDown() { folder = nil }

    static let setting = Publication(parts: [.risks], notesOf: ["3b"], risks: [], decisions: [2], feedback: "Email the SEND team.",
                                     last: Published(number: 2, on: TestDates.date("2023-08-15"), by: "Jackie", to: "site (a site)",
                                                     format: "html", fingerprint: "fnv1a64:0123456789abcdef", shown: "risks"))

    func settingsColumn(_ path: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "SELECT settings FROM plan WHERE id = 1") }
    }

    func testTheRoundFourFileKeepsItsSettingsBytesThenKeepsAPublicationSettingAndUndoGivesTheBytesBack() throws {
        let path = folder.path("plan.sqlite")
        try FileManager.default.copyItem(at: Samples.repositoryRoot.appendingPathComponent("Tests/Fixtures/round4/plan.sqlite"),
                                         to: URL(fileURLWithPath: path))
        let original = try settingsColumn(path)
        XCTAssertFalse(original?.contains("publication") ?? true)
        let store = try PlanStore.open(path: path, user: "jackie")
        let plan = try store.load()
        XCTAssertNil(plan.settings.publication)
        let people = try store.people()

        try store.apply(.structure(.setPlanField(field: .publication, from: .publication(nil), to: .publication(Self.setting))))
        let reopened = try PlanStore.open(path: path, user: "jackie").load()
        XCTAssertEqual(reopened.settings.publication, Self.setting)
        XCTAssertEqual(reopened.areas, plan.areas, "the rest of the plan is as it was")
        XCTAssertEqual(reopened.meetings, plan.meetings)
        XCTAssertEqual(try PlanStore.open(path: path, user: "jackie").people(), people)
        XCTAssertTrue(try settingsColumn(path)?.contains("\"publication\"") ?? false)

        _ = try PlanStore.open(path: path, user: "jackie").undo()
        XCTAssertEqual(try settingsColumn(path), original, "undone, the settings are the bytes they were")
    }

    func testTheJSONFormatCarriesThePublicationSettingAndLeavesItOutWhenUnset() throws {
        let fixture = Samples.repositoryRoot.appendingPathComponent("Tests/Fixtures/round4/plan.json")
        let bytes = try String(contentsOf: fixture, encoding: .utf8)
        var plan = try PlanDecoding.plan(contentsOf: fixture)
        XCTAssertEqual(PlanEncoding.json(plan), bytes, "an old file round-trips byte for byte")
        plan.settings.publication = Self.setting
        let json = PlanEncoding.json(plan)
        XCTAssertTrue(json.contains("\"publication\": {"), json)
        XCTAssertEqual(try PlanDecoding.plan(bytes: Array(json.utf8), file: "plan.json"), plan)
    }

    func testAMalformedPublicationSettingIsRefusedNamingThePlace() throws {
        let fixture = Samples.repositoryRoot.appendingPathComponent("Tests/Fixtures/round4/plan.json")
        let bytes = try String(contentsOf: fixture, encoding: .utf8)
        let bad = bytes.replacingOccurrences(of: "\"dueSoonDays\": 14", with: "\"dueSoonDays\": 14,\n    \"publication\": {\"public\": [\"gossip\"], \"colour\": 1}")
        XCTAssertNotEqual(bad, bytes, "the fixture's settings are where the test expects them")
        XCTAssertThrowsError(try PlanDecoding.plan(bytes: Array(bad.utf8), file: "plan.json")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("settings.publication.public[0]"), message)
            XCTAssertTrue(message.contains("is \"gossip\"; expected one of \"notes\", \"risks\", \"decisions\", \"leads\", \"evidence\""), message)
            XCTAssertTrue(message.contains("settings.publication.colour"), message)
        }
    }

    func testOnASharedPlanAChairSetsWhatIsPublishedAndAnEditorIsRefused() throws {
        let (cluster, database) = try PostgresTestServer.newPlan(try Samples.plan(SamplePlans.devonIllustrative))
        let chair = try PostgresTestServer.open(cluster, database, user: "jackie")
        XCTAssertEqual(chair.role, .chair)
        try chair.apply(.structure(.setPlanField(field: .publication, from: .publication(nil), to: .publication(Self.setting))))
        XCTAssertEqual(try PostgresTestServer.open(cluster, database, user: "vic").load().settings.publication, Self.setting)
        XCTAssertTrue(try chair.changes().last?.summary.contains("publication setting → public: risks") ?? false)

        let editor = try PostgresTestServer.open(cluster, database, user: "ed")
        var next = Self.setting
        next.parts = [.risks, .notes]
        XCTAssertThrowsError(try editor.apply(.structure(.setPlanField(field: .publication, from: .publication(Self.setting), to: .publication(next))))) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .readOnly, "\(error)")
        }
        XCTAssertEqual(try chair.load().settings.publication, Self.setting)
    }
}

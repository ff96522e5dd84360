import Foundation
import GRDB
import PlanExchange
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// Evidence on actions, KPI figures and highlights: kept in a file made before it existed,
/// written and read back, one change in the log each, undone by identity.
final class EvidenceStoreTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("evidence") }
    override func tearDown() { folder = nil }

    var round4: URL { Samples.repositoryRoot.appendingPathComponent("Tests/Fixtures/round4") }

    func audit(_ title: String = "SENCO audit") -> Evidence {
        Evidence(title: title, date: TestDates.date("2026-11-20"), location: "https://intranet.example/send/audit.pdf",
                 shows: "Every school has a named SENCO", addedBy: "carol")
    }

    func testAFileMadeBeforeEvidenceOpensMigratesKeepsItsPlanAndLogAndTakesEvidence() throws {
        let path = folder.path("old.sqlite")
        try FileManager.default.copyItem(atPath: round4.appendingPathComponent("plan.sqlite").path, toPath: path)
        let carol = try PlanStore.open(path: path, user: "carol")
        let plan = try carol.load()
        let exported = try PlanDecoding.plan(contentsOf: round4.appendingPathComponent("plan.json"), name: "plan.json")
        XCTAssertEqual(plan, exported, "the migrated file holds the plan its old export holds")
        XCTAssertEqual(try carol.changes().count, 9, "the old log reads")
        XCTAssertTrue(try DatabaseQueue(path: path).read { try $0.tableExists("evidence") }, "the migration added the evidence table")

        let meeting = try XCTUnwrap(plan.meeting(named: "Board 2026-11-10"))
        let holders: [EvidenceHolder] = [.action("3b"), .figure(kpi: "K1", milestone: 0), .highlight(meeting: meeting.name, area: 3)]
        for holder in holders {
            try carol.apply(.evidence(.add(holder, index: nil, item: audit())))
        }
        let reopened = try PlanStore.open(path: path, user: "bob").load()
        for holder in holders {
            XCTAssertEqual(reopened.evidence(of: holder), [audit()], holder.display(in: reopened))
        }
        XCTAssertEqual(try carol.changes().suffix(3).map(\.summary), [
            "evidence on action 3b: “SENCO audit”", "evidence on K1 at 3 months: “SENCO audit”",
            "evidence on area 3's highlight for “\(meeting.name)”: “SENCO audit”",
        ])
        // Undone by carol, newest first; the old log still undoes after them.
        for _ in holders { _ = try XCTUnwrap(try carol.undo()) }
        XCTAssertTrue(try PlanStore.open(path: path, user: "bob").load().allEvidence.isEmpty)
        XCTAssertEqual(try XCTUnwrap(try carol.undo()).plan.meeting(named: meeting.name)?.isRecorded, false, "the old log's last line, the recording, undoes")
        XCTAssertEqual(try carol.integrityCheck(), "ok")
    }

    func testAJSONFileWithoutEvidenceIsWrittenBackByteForByte() throws {
        let url = round4.appendingPathComponent("plan.json")
        let plan = try PlanDecoding.plan(contentsOf: url, name: "plan.json")
        XCTAssertEqual(PlanEncoding.json(plan), try String(contentsOf: url, encoding: .utf8))
    }

    func testEvidenceTravelsThroughJSONAndAFileAndRemovingItIsRefusedWhenSomeoneChangedIt() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        plan = try plan.applying(.evidence(.add(.action("3b"), index: nil, item: audit()))).plan
        plan = try plan.applying(.evidence(.add(.action("3b"), index: nil, item: audit()))).plan
        plan = try plan.applying(.evidence(.add(.figure(kpi: "K2", milestone: 1), index: nil, item: audit("Census return")))).plan
        let ids = try XCTUnwrap(plan.action("3b")).evidence.map(\.id)
        XCTAssertEqual(ids.count, 2)
        XCTAssertEqual(ids[1], ids[0] + "-2", "a repeated item gets its own id")

        let text = PlanEncoding.json(plan)
        XCTAssertTrue(text.contains("\"evidence\": [\n"))
        let read = try PlanDecoding.plan(bytes: Array(text.utf8), file: "plan.json")
        XCTAssertEqual(read, plan, "evidence reads back, ids and all")
        XCTAssertEqual(PlanEncoding.json(read), text)

        let store = try PlanStore.create(path: folder.path("plan.sqlite"), plan: plan, user: "t")
        XCTAssertEqual(try store.load(), plan)
        var changed = audit()
        changed.id = ids[0]
        changed.shows = "Something else"
        XCTAssertThrowsError(try store.apply(.evidence(.remove(.action("3b"), item: changed)))) { error in
            XCTAssertTrue("\(error)".contains("has changed since you saw it"), "\(error)")
        }
        XCTAssertEqual(try store.load(), plan, "nothing was removed")
    }

    func testEvidenceWithoutALocationIsRefusedInAFileWithItsPlace() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        plan = try plan.applying(.evidence(.add(.action("3b"), index: nil, item: audit()))).plan
        let text = PlanEncoding.json(plan).replacingOccurrences(of: "\"location\": \"https://intranet.example/send/audit.pdf\"", with: "\"location\": \"\"")
        XCTAssertThrowsError(try PlanDecoding.plan(bytes: Array(text.utf8), file: "plan.json")) { error in
            XCTAssertTrue("\(error)".contains("evidence[0]") && "\(error)".contains("needs a location"), "\(error)")
        }
    }
}

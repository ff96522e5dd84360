import Foundation
import TestSupport
import XCTest

/// `planboard minutes`: a meeting as a board secretary records it, and the pack opening with it.
final class MinutesCLITests: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }

    override func setUpWithError() throws { folder = try TempFolder("minutes-cli") }
    override func tearDown() { folder = nil }

    @discardableResult
    func planboard(_ args: String..., expect status: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> PlanboardBinary.Result {
        let result = try PlanboardBinary.run(args + ["--db", db], environment: ["PLANBOARD_TODAY": "2023-09-12", "USER": "secretary"])
        XCTAssertEqual(result.status, status, "planboard \(args.joined(separator: " ")): \(result.stderr)", file: file, line: line)
        return result
    }

    func testASecretaryRecordsAttendanceMinutesAndMattersAndTheNextPackOpensWithThem() throws {
        _ = try PlanboardBinary.run(["import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", db], environment: ["USER": "secretary"])
        let m = "Board 2023-08-22"
        try planboard("minutes", "attend", "Jackie Ross", "--role", "Head of SEND", "--meeting", m)
        let away = try planboard("minutes", "attend", "Jane Milligan", "--apologies", "--meeting", m)
        XCTAssertEqual(away.stdout, "Jane Milligan sent apologies for \"\(m)\": 1 present, 1 apologies.\n")
        try planboard("minutes", "write", "Area 3", "--text", "The board noted the backlog halved.", "--meeting", m)
        let raised = try planboard("minutes", "arising", "add", "Report EP recruitment", "--owner", "Jackie Ross", "--meeting", m)
        XCTAssertEqual(raised.stdout, "Matter arising M5 raised at \"\(m)\"; it is carried to later agendas until closed.\n")
        XCTAssertEqual(try planboard("minutes", "arising", "close", "M3", "--meeting", m).stdout, "M3 closed at \"\(m)\".\n")
        try planboard("minutes", "arising", "close", "M3", "--meeting", m, expect: 1)

        let shown = try planboard("minutes", "show", "--meeting", m).stdout
        XCTAssertTrue(shown.contains("Present: Jackie Ross (Head of SEND)\nApologies: Jane Milligan\n"), shown)
        XCTAssertTrue(shown.contains("  M3 Share the SEN2 timeliness return with members before each board. (SEND performance team) — raised at Six-month review 2023-02-14; closed at \(m)"), shown)
        XCTAssertTrue(shown.contains("  Area 3: The board noted the backlog halved."), shown)
        let log = try planboard("log").stdout
        XCTAssertEqual(log.components(separatedBy: "record of “\(m)”").count - 1, 4, "each step one change in the log")
        XCTAssertTrue(log.contains("record of “Six-month review 2023-02-14”: matters arising"), "closing M3 changes the meeting that raised it")

        // The meeting held and the next one drafted: its pack opens with these minutes and the open matters.
        try planboard("meeting", "record", m)
        try planboard("meeting", "add", "Board 2023-09-12", "--date", "2023-09-12")
        let pack = try planboard("report", "--format", "md").stdout
        let minutes = try XCTUnwrap(pack.range(of: "## Minutes of the last meeting and matters arising"))
        XCTAssertLessThan(minutes.lowerBound, try XCTUnwrap(pack.range(of: "## Summary")).lowerBound, "the pack opens with them")
        XCTAssertTrue(pack.contains("### \(m) (22 Aug 2023)"), pack)
        XCTAssertTrue(pack.contains("**Apologies:** Jane Milligan"))
        XCTAssertTrue(pack.contains("| **M5** | Report EP recruitment | Jackie Ross | \(m) | ○ Open |"))
        XCTAssertFalse(pack.contains("| **M3** |"), "closed before this meeting, it is no longer carried")
        XCTAssertTrue(try planboard("undo").stdout.contains("Undid:"))
    }
}

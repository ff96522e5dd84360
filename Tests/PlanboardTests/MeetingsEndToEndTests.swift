import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// The Meetings view in a real terminal (tmux): a secretary records a decision during the
/// board and writes the pack from the dashboard.
final class MeetingsEndToEndTests: TerminalTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        let json = try Samples.writeIllustrativeWithMeetings(in: folder)
        let imported = try PlanboardBinary.run(["import", json, "--db", db, "--replace"],
                                               environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "setup"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
    }

    /// The dashboard started in the test's folder, where it writes packs.
    func openInFolder() throws -> TmuxSession {
        let command = "unset NO_COLOR PLANBOARD_DB; cd \(EndToEndTests.quoted(folder.url.path)) && "
            + "\(EndToEndTests.quoted(PlanboardBinary.url.path)) --db \(EndToEndTests.quoted(db)) --user secretary"
        let session = try TmuxSession(width: 80, height: 24, command: command,
                                      environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "secretary"])
        sessions.append(session)
        XCTAssertTrue(session.waitFor("Highest residual risks"), session.screen)
        return session
    }

    func testThePackIsWrittenThroughALinkLeavingTheLinkInPlace() throws {
        let meeting = try XCTUnwrap(try PlanStore.open(path: db, user: "t").load().meetings.last)
        XCTAssertEqual(meeting.name, "Board 2023-08-22")
        let elsewhere = folder.path("packs")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let link = folder.path("board-pack-board-2023-08-22.html")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "packs/latest.html")
        let session = try openInFolder()
        session.send("M", "W")
        XCTAssertTrue(session.waitFor("Wrote the board pack"), session.screen)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "packs/latest.html", "the link is kept")
        let pack = try String(contentsOfFile: folder.path("packs/latest.html"), encoding: .utf8)
        XCTAssertTrue(pack.contains("Board 2023-08-22"), "the pack went where the link points")
        session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)
    }

    /// The dashboard open on the latest meeting's agenda.
    func openAgenda() throws -> (TmuxSession, Meeting) {
        let session = try openInFolder()
        let meeting = try XCTUnwrap(try PlanStore.open(path: db, user: "t").load().meetings.last)
        session.send("M")
        XCTAssertTrue(session.waitFor("✎ drafted"), session.screen)
        session.send("Enter")
        XCTAssertTrue(session.waitFor("\(meeting.name) · \(meeting.date.display) · drafted"), session.screen)
        return (session, meeting)
    }

    func testAHighlightEditedWhileSomeoneChangesItFromTheCommandLineIsRefusedNamingThemAndTheTypedTextComesBack() throws {
        let (session, meeting) = try openAgenda()
        session.send("Down", "Down", "Enter")
        XCTAssertTrue(session.waitFor("Area 1 progress:"), session.screen)
        session.send("C-u")
        session.type("Backlog halved")
        // Meanwhile the chair writes area 1's progress from the command line.
        let cli = try PlanboardBinary.run(["highlight", "1", "--meeting", meeting.name, "--progress", "Pay review agreed", "--db", db, "--user", "jackie"],
                                          environment: ["PLANBOARD_TODAY": "2023-08-15"])
        XCTAssertEqual(cli.status, 0, cli.stderr)
        XCTAssertTrue(session.waitFor("Pay review agreed"), "the dashboard shows the chair's words:\n\(session.screen)")
        session.send("Enter")
        XCTAssertTrue(session.waitUntil { $0.joined(separator: " ").contains("changed by jackie") }, session.screen)
        XCTAssertTrue(session.screen.contains("Area 1 progress: Backlog halved"), "the question is back with the typed text:\n\(session.screen)")
        XCTAssertEqual(try PlanStore.open(path: db, user: "t").load().meeting(named: meeting.name)?.highlight(area: 1)?.progress,
                       "Pay review agreed", "the chair's text is kept")
        // Enter again applies it, knowing theirs.
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Saved area 1 progress"), session.screen)
        XCTAssertEqual(try PlanStore.open(path: db, user: "t").load().meeting(named: meeting.name)?.highlight(area: 1)?.progress, "Backlog halved")
        session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)
    }

    func testAddADecisionDuringTheMeetingAndWriteThePackWithIt() throws {
        let (session, meeting) = try openAgenda()
        session.send("D")
        XCTAssertTrue(session.waitFor("Decision D"), session.screen)
        session.type("Fund a transport review")
        session.send("Enter")
        XCTAssertTrue(session.waitFor("owner:"), session.screen)
        session.type("Jackie Ross")
        session.send("Enter")
        XCTAssertTrue(session.waitFor("due:"), session.screen)
        session.send("Enter")
        XCTAssertTrue(session.waitFor("about:"), session.screen)
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Recorded D"), session.screen)

        session.send("W")
        XCTAssertTrue(session.waitFor("Wrote the board pack"), session.screen)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("board-pack-") }
        XCTAssertEqual(files.count, 1, "one pack in the folder the dashboard was started in: \(files)")
        let pack = try String(contentsOfFile: folder.path(try XCTUnwrap(files.first)), encoding: .utf8)
        XCTAssertTrue(pack.contains("Fund a transport review"), "the decision is in the pack")
        XCTAssertTrue(pack.contains("Jackie Ross"))
        XCTAssertEqual(try PlanStore.open(path: db, user: "t").load().meeting(named: meeting.name)?.decisions.last?.text,
                       "Fund a transport review", "the decision is saved in the plan file")
        session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)
    }
}

import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// Huge pastes and simple terminals, in a real terminal (tmux).
final class PasteEndToEndTests: TerminalTestCase {
    func openDashboard() throws -> TmuxSession {
        let command = "unset NO_COLOR PLANBOARD_DB; \(EndToEndTests.quoted(PlanboardBinary.url.path)) --db \(EndToEndTests.quoted(db)) --user tester"
        let session = try TmuxSession(command: command, environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "tester"])
        sessions.append(session)
        XCTAssertTrue(session.waitFor("q Quit"), "the dashboard opened:\n\(session.screen)")
        return session
    }

    /// Pastes a file's text into the pane as a terminal would: bracketed, when the program asked for it.
    func paste(_ text: String, into session: TmuxSession) throws {
        let file = folder.path("paste-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        XCTAssertEqual(try session.tmux(["load-buffer", "-b", "clip", file]).status, 0)
        XCTAssertEqual(try session.tmux(["paste-buffer", "-p", "-d", "-b", "clip", "-t", session.target]).status, 0)
    }

    func testAMegabytePasteIntoANoteIsRefusedAtOnceNamingTheLimitAndAFairOneIsTakenWhole() throws {
        let session = try openDashboard()
        session.send("2", "Down", "Down", "Enter")
        XCTAssertTrue(session.waitFor("Area 3:"), session.screen)
        session.send("p")
        XCTAssertTrue(session.waitFor("Note on 3a.i:"), session.screen)

        let started = Date()
        try paste(String(repeating: "Pasted from an email. ", count: 47_663), into: session)  // 1,048,586 characters
        XCTAssertTrue(session.waitFor("a field holds at most 100,000", timeout: 10),
                      "a 1 MB paste is refused, naming the limit, instead of freezing the dashboard:\n\(session.screen)")
        let seconds = Date().timeIntervalSince(started)
        XCTAssertTrue(session.waitFor("Note on 3a.i:"), "the note stays open to try again:\n\(session.screen)")
        print("1 MB paste refused after \(String(format: "%.2f", seconds)) s (including tmux's delivery)")

        let fair = String(repeating: "Agreed with health – £40k. ", count: 1_000)  // 27,000 characters
        try paste(fair, into: session)
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Note added to 3a.i."), session.screen)
        let note = try XCTUnwrap(try PlanStore.open(path: db, user: "check").load().action("3a.i")?.notes.last)
        XCTAssertEqual(note.text, fair.trimmingCharacters(in: .whitespaces), "the paste arrived whole, £ and – intact")
        session.send("q")
        XCTAssertEqual(session.waitForExit(), 0, session.screen)
    }

    func testADumbTerminalIsRefusedWithAMessage() throws {
        let command = "TERM=dumb \(EndToEndTests.quoted(PlanboardBinary.url.path)) --db \(EndToEndTests.quoted(db))"
        let session = try TmuxSession(command: command, environment: ["PLANBOARD_TODAY": "2023-08-15"])
        sessions.append(session)
        XCTAssertEqual(session.waitForExit(), 1, session.screen)
        XCTAssertTrue(session.screen.contains("TERM=dumb"), "the message names the terminal type:\n\(session.screen)")
        XCTAssertTrue(session.screen.contains("planboard summary"), "and says what to use instead:\n\(session.screen)")
    }
}

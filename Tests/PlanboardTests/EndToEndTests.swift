import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// The dashboard in a real terminal (tmux), driven by keys as a person would drive it.
/// Every wait polls the screen for what should appear; none is a fixed sleep.
/// A test that runs planboard in tmux on its own copy of the illustrative sample.
class TerminalTestCase: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }
    var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
        signal(SIGPIPE, SIG_IGN)
        folder = try TempFolder("e2e")
        let result = try PlanboardBinary.run(["import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", db],
                                             environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "setup"])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    override func tearDown() {
        for session in sessions { session.kill() }
        sessions = []
        folder = nil
    }
}

final class EndToEndTests: TerminalTestCase {

    // MARK: Helpers

    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// The command line that opens the dashboard on this test's plan.
    var dashboardCommand: String {
        "unset NO_COLOR PLANBOARD_DB; \(Self.quoted(PlanboardBinary.url.path)) --db \(Self.quoted(db)) --user tester"
    }

    /// Opens the dashboard in a fresh tmux session and waits for its first screen (header, areas, key bar).
    func openDashboard(width: Int = 80, height: Int = 24, file: StaticString = #filePath, line: UInt = #line) throws -> TmuxSession {
        let session = try TmuxSession(width: width, height: height, command: dashboardCommand,
                                      environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "tester"])
        sessions.append(session)
        XCTAssertTrue(session.waitFor("Devon Local Area") && session.waitFor("EHC plan timeliness and quality")
                      && session.waitFor("q Quit"), "the dashboard opened, showing the header, the areas and the key bar:\n\(session.screen)", file: file, line: line)
        return session
    }

    /// `/backlog` Enter: the area's action list with 3b selected.
    func searchBacklog(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) {
        session.send("/")
        session.type("backlog")
        // 3b, then the risks that mention the backlog (R2, R5, R6, R10).
        XCTAssertTrue(session.waitFor("5 matches"), "search found 3b:\n\(session.screen)", file: file, line: line)
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Match 1 of 5 for “backlog”: 3b"), "landed on the list:\n\(session.screen)", file: file, line: line)
    }

    /// From the areas list, through search, to the detail of action 3b.
    func openAction3b(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) {
        searchBacklog(session, file: file, line: line)
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Action 3b") && session.waitForLine(startingWith: "Reference", containing: "3b"),
                      "opened action 3b:\n\(session.screen)", file: file, line: line)
    }

    func action(_ ref: String) throws -> PlanModel.Action {
        try XCTUnwrap(try PlanStore.open(path: db, user: "check").load().action(ref))
    }

    /// `q` and wait for the program to end with status 0.
    func quit(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) {
        session.send("q")
        XCTAssertEqual(session.waitForExit(), 0, "quit with q:\n\(session.screen)", file: file, line: line)
    }

    /// After the program ended: the shell works normally and the terminal modes are back.
    func assertTerminalRestored(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) {
        session.type("echo after-exit-ok")
        session.send("Enter")
        XCTAssertTrue(session.waitUntil { $0.contains("after-exit-ok") },
                      "echo prints its own line at the prompt:\n\(session.screen)", file: file, line: line)
        session.type("stty -a")
        session.send("Enter")
        var tokens: Set<Substring> = []
        let shown = session.waitUntil { lines in
            tokens = Set(lines.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == ";" }) })
            return tokens.contains("icanon") || tokens.contains("-icanon")
        }
        XCTAssertTrue(shown, "stty -a printed the modes:\n\(session.screen)", file: file, line: line)
        XCTAssertTrue(tokens.contains("icanon") && !tokens.contains("-icanon"), "canonical mode is back:\n\(session.screen)", file: file, line: line)
        XCTAssertTrue(tokens.contains("echo") && !tokens.contains("-echo"), "echo is back:\n\(session.screen)", file: file, line: line)
    }

    /// Rows of the screen that start with an action's reference.
    static func row(_ ref: String, in lines: [String]) -> String? {
        lines.first { $0.hasPrefix(ref + " ") }
    }

    /// The planboard processes (not the `bash -c` running them) open on this test's file:
    /// `pgrep -f`, anchored on the binary, or a look through /proc where pgrep is missing.
    func planboardPIDs() throws -> [pid_t] {
        let binary = PlanboardBinary.url.path
        if let pgrep = ["/usr/bin/pgrep", "/bin/pgrep"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: pgrep)
            process.arguments = ["-f", "^\(binary) --db \(db)"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text.split(separator: "\n").compactMap { pid_t($0) }
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: "/proc")
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let argv = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return argv.first == binary && argv.dropFirst().starts(with: ["--db", db])
        }
    }

    // MARK: Tests

    func testSearchSetRedWithAReasonChangeByWhenQuitAndReopen() throws {
        let session = try openDashboard()
        let header = try XCTUnwrap(session.capture().first)
        XCTAssertTrue(header.contains("planboard · Devon Local Area") && header.hasSuffix("15 Aug 2023"), header)
        XCTAssertTrue(session.screen.contains("Strategic plans not embedded"))

        openAction3b(session)
        XCTAssertTrue(session.waitForLine(startingWith: "Status", containing: "A ▲ Amber"), session.screen)

        session.send("r")
        XCTAssertTrue(session.waitFor("Why is 3b Red?"), session.screen)
        session.type("Backlog rising again")
        session.send("Enter")
        XCTAssertTrue(session.waitForLine(startingWith: "Status", containing: "R ● Red"), session.screen)
        XCTAssertTrue(session.waitFor("tester: Backlog rising again"), "the reason is a note:\n\(session.screen)")

        session.send("w")
        XCTAssertTrue(session.waitFor("3b by when:"), session.screen)
        session.send("C-u")
        session.type("31/10/2023")
        session.send("Enter")
        // The plan is agreed: moving 3b from its agreed date asks why.
        XCTAssertTrue(session.waitFor("Why does 3b move from 31 Mar 2023?"), session.screen)
        session.type("Backlog rising again")
        session.send("Enter")
        XCTAssertTrue(session.waitForLine(startingWith: "By when", containing: "31 Oct 2023"), session.screen)
        quit(session)

        let again = try openDashboard()
        openAction3b(again)
        XCTAssertTrue(again.waitForLine(startingWith: "Status", containing: "R ● Red"), again.screen)
        XCTAssertTrue(again.waitForLine(startingWith: "By when", containing: "31 Oct 2023"), again.screen)
        XCTAssertTrue(again.waitFor("15 Aug 2023  tester: Backlog rising again"), again.screen)
        quit(again)

        let saved = try action("3b")
        XCTAssertEqual(saved.status, .red)
        XCTAssertEqual(saved.byWhen?.iso, "2023-10-31")
        XCTAssertEqual(saved.notes.last, Note(date: TestDates.date("2023-08-15"), author: "tester", text: "Backlog rising again"))
    }

    func testAnImpossibleByWhenSaysNotADateAndEnterDoesNotSaveIt() throws {
        let session = try openDashboard()
        searchBacklog(session)
        session.send("w")
        XCTAssertTrue(session.waitFor("3b by when:"), session.screen)
        session.send("C-u")
        session.type("30/02/2023")
        XCTAssertTrue(session.waitFor("not a date"), session.screen)
        session.send("Enter")
        // Typing after Enter shows Enter has been handled, and that the editor is still open.
        session.type("x")
        XCTAssertTrue(session.waitFor("3b by when: 30/02/2023x"), "Enter kept the editor open:\n\(session.screen)")
        XCTAssertFalse(session.screen.contains("Saved by when"), session.screen)
        session.send("Escape")
        XCTAssertTrue(session.waitUntil { !$0.joined().contains("3b by when:") }, session.screen)
        XCTAssertTrue(Self.row("3b", in: session.capture())?.contains("31 Mar 2023") == true, session.screen)
        quit(session)
        XCTAssertEqual(try action("3b").byWhen?.iso, "2023-03-31")
    }

    func testResizingRedrawsToTheNewSizeAndTooSmallSaysHowLargeItNeeds() throws {
        let session = try openDashboard()
        /// The header fills the width (the date ends a column from the right edge) and the key bar is at the bottom.
        func headerFits(_ width: Int) -> ([String]) -> Bool {
            { lines in
                guard let header = lines.first, header.hasSuffix("15 Aug 2023"), header.contains("Devon Local Area") else { return false }
                return (width - 2...width).contains(header.count) && lines.last?.contains("q Quit") == true
            }
        }
        XCTAssertTrue(session.waitUntil(headerFits(80)), session.screen)

        session.resize(60, 20)
        XCTAssertTrue(session.waitUntil(headerFits(60)), "redrawn at 60×20:\n\(session.screen)")
        let small = session.capture()
        XCTAssertEqual(small.count, 20)
        XCTAssertTrue(small.allSatisfy { $0.count <= 60 }, small.joined(separator: "\n"))
        XCTAssertTrue(small.contains { $0.contains("EHC plan tim") }, "the areas are still shown:\n\(small.joined(separator: "\n"))")

        session.resize(40, 10)
        XCTAssertTrue(session.waitFor("needs a terminal at least"), "too small:\n\(session.screen)")
        XCTAssertTrue(session.screen.contains("this one is 40×10"), session.screen)

        session.resize(80, 24)
        XCTAssertTrue(session.waitUntil(headerFits(80)), "redrawn at 80×24:\n\(session.screen)")
        XCTAssertTrue(session.waitFor("3 EHC plan timeliness and quality"), session.screen)
        XCTAssertFalse(session.screen.contains("needs a terminal"), session.screen)
        quit(session)
    }

    func testEscapeSequencesInPlanTextAreShownEscapedAndNeverActedOn() throws {
        let sqlite = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/opt/homebrew/bin/sqlite3"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        let tool = try XCTUnwrap(sqlite, "the sqlite3 command is needed (scripts/setup installs it)")
        // The importer refuses control characters, so they go straight into the file.
        let sql = """
            UPDATE action SET text = 'Evil ' || char(27) || '[2J' || char(27) || ']0;pwned' || char(7) || ' end backlog' WHERE ref = '3b';
            UPDATE note SET text = 'Note ' || char(27) || '[31mred' || char(27) || ']2;pwned2' || char(27) || char(92) || ' done' WHERE action = '3b' AND position = 0;
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [db, sql]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(try action("3b").text.contains("\u{1B}[2J"), "the hostile text is in the plan")

        let session = try openDashboard()
        let titleBefore = session.display("#{pane_title}")
        openAction3b(session)
        XCTAssertTrue(session.waitForLine(startingWith: "Action", containing: "Evil ^[[2J^[]0;pwned^G end backlog"), session.screen)
        XCTAssertTrue(session.waitFor("Note ^[[31mred^[]2;pwned2^[\\ done"), session.screen)
        let lines = session.capture()
        XCTAssertEqual(lines.count, 24)
        XCTAssertTrue(lines[0].contains("planboard · Devon Local Area") && lines[0].hasSuffix("15 Aug 2023"),
                      "the header is still there, so no clear-screen ran:\n\(lines.joined(separator: "\n"))")
        XCTAssertTrue(lines[1].contains("Action 3b"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("Reference        3b") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("Senior officer") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.last?.contains("Esc Back") == true, "the key bar is intact:\n\(lines.joined(separator: "\n"))")
        let title = session.display("#{pane_title}")
        XCTAssertFalse(title.contains("pwned"), "the window title was not changed: \(title)")
        XCTAssertEqual(title, titleBefore)

        // And on the area's list, where the text is cut to a column.
        session.send("Escape")
        XCTAssertTrue(session.waitUntil { Self.row("3b", in: $0)?.contains("Evil ^[[2J") == true }, session.screen)
        XCTAssertFalse(session.display("#{pane_title}").contains("pwned"))
        XCTAssertTrue(session.capture().first?.contains("Devon Local Area") == true, session.screen)
        quit(session)
    }

    func testCtrlCExitsCleanlyAndRestoresTheTerminal() throws {
        let session = try openDashboard()
        session.send("C-c")
        XCTAssertEqual(session.waitForExit(), 0, session.screen)
        assertTerminalRestored(session)
    }

    func testSIGTERMExitsCleanlyAndRestoresTheTerminal() throws {
        let session = try openDashboard()
        let pids = try planboardPIDs()
        XCTAssertEqual(pids.count, 1, "one planboard on this file: \(pids)")
        let pid = try XCTUnwrap(pids.first)
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        XCTAssertEqual(session.waitForExit(), 0, session.screen)
        assertTerminalRestored(session)
    }

    func testUndoAfterARestartPutsTheStatusBack() throws {
        let session = try openDashboard()
        searchBacklog(session)
        XCTAssertTrue(Self.row("3b", in: session.capture())?.contains("A ▲ Amber") == true, session.screen)
        session.send("g")
        XCTAssertTrue(session.waitUntil { Self.row("3b", in: $0)?.contains("G ✓ Green") == true }, session.screen)
        quit(session)
        XCTAssertEqual(try action("3b").status, .green)

        let again = try openDashboard()
        again.send("u")
        XCTAssertTrue(again.waitFor("Undid:"), again.screen)
        XCTAssertTrue(again.screen.contains("3b"), again.screen)
        XCTAssertEqual(try action("3b").status, .amber)
        searchBacklog(again)
        XCTAssertTrue(again.waitUntil { Self.row("3b", in: $0)?.contains("A ▲ Amber") == true }, again.screen)
        quit(again)
        XCTAssertEqual(try action("3b").status, .amber)
    }

    func testAChangeMadeElsewhereShowsWithinASecond() throws {
        let first = try openDashboard()
        let second = try openDashboard()
        searchBacklog(first)
        searchBacklog(second)
        XCTAssertTrue(Self.row("3d", in: second.capture())?.contains("C ■ Complete") == true, second.screen)

        // A change in one dashboard...
        first.send("g")
        XCTAssertTrue(first.waitUntil { Self.row("3b", in: $0)?.contains("G ✓ Green") == true }, first.screen)
        XCTAssertTrue(second.waitUntil(timeout: 1.5) { Self.row("3b", in: $0)?.contains("G ✓ Green") == true },
                      "the other dashboard shows it within a second:\n\(second.screen)")

        // ...and one made with the command line.
        let set = try PlanboardBinary.run(["set", "3d", "--status", "green", "--db", db], environment: ["PLANBOARD_TODAY": "2023-08-15"])
        XCTAssertEqual(set.status, 0, set.stderr)
        for session in [first, second] {
            XCTAssertTrue(session.waitUntil(timeout: 1.5) { Self.row("3d", in: $0)?.contains("G ✓ Green") == true },
                          "the dashboard shows the CLI's change within a second:\n\(session.screen)")
        }
        quit(first)
        quit(second)
    }

    func testWithoutATerminalItSaysSoAndExitsOne() throws {
        let process = Process()
        process.executableURL = PlanboardBinary.url
        process.arguments = ["--db", db]
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        if ended.wait(timeout: .now() + 10) == .timedOut {
            process.terminate()
            XCTFail("planboard without a terminal hung")
            return
        }
        try? input.fileHandleForWriting.close()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertTrue(stderr.contains("needs a terminal"), stderr)
        XCTAssertEqual(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), "")
    }
}

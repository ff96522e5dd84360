import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// What a board member and a project lead trip over in their first hour, in a
/// real terminal: the editor, word keys, search, the first plan and who signs changes.
final class FirstHourEndToEndTests: TerminalTestCase {
    static func quoted(_ text: String) -> String { EndToEndTests.quoted(text) }

    /// Opens the dashboard on this test's plan, with `setup` run first in the shell.
    func open(setup: String = "", user: String? = "tester", width: Int = 80, height: Int = 24,
              environment: [String: String] = [:]) throws -> TmuxSession {
        let userOption = user.map { " --user \(Self.quoted($0))" } ?? ""
        let command = "unset NO_COLOR PLANBOARD_DB; \(setup) \(Self.quoted(PlanboardBinary.url.path)) --db \(Self.quoted(db))\(userOption)"
        let session = try TmuxSession(width: width, height: height, command: command,
                                      environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "tester"].merging(environment) { $1 })
        sessions.append(session)
        return session
    }

    func waitForDashboard(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(session.waitFor("Devon Local Area") && session.waitFor("q Quit"),
                      "the dashboard opened:\n\(session.screen)", file: file, line: line)
    }

    /// `/3b` Enter Enter: the detail of action 3b (found by reference, whatever its text).
    func openAction3b(_ session: TmuxSession, file: StaticString = #filePath, line: UInt = #line) {
        session.send("/")
        session.type("3b")
        XCTAssertTrue(session.waitFor("1 match"), session.screen, file: file, line: line)
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Match 1 of 1"), session.screen, file: file, line: line)
        session.send("Enter")
        XCTAssertTrue(session.waitForLine(startingWith: "Reference", containing: "3b"), "opened 3b:\n\(session.screen)", file: file, line: line)
    }

    func action(_ ref: String) throws -> PlanModel.Action {
        try XCTUnwrap(try PlanStore.open(path: db, user: "check").load().action(ref))
    }

    /// The row the prompt is on (the search prompt starts with "/").
    static func promptRow(_ lines: [String], _ label: String) -> String? {
        lines.last { $0.hasPrefix(label) }
    }

    // MARK: 1. The editor owns the terminal

    /// Vim, the editor most people get, where `vim.tiny` (Debian's vim-tiny) or vim is installed.
    static let vim: String? = ["/usr/bin/vim.tiny", "/usr/bin/vim", "/bin/vim.tiny"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func testEditingInVimChangesTheTextAndKeysGoToVimNotThePlanboard() throws {
        let vim = try XCTUnwrap(Self.vim, "vim or vim-tiny is installed (scripts/setup installs vim-tiny)")
        let session = try open(environment: ["EDITOR": "\(vim) -u NONE -i NONE -N", "VISUAL": ""])
        waitForDashboard(session)
        openAction3b(session)
        let before = try action("3b").text
        session.send("Down")
        XCTAssertTrue(session.waitFor("Enter Edit"), session.screen)
        session.send("E")
        XCTAssertTrue(session.waitFor("planboard-"), "vim shows the file it edits:\n\(session.screen)")
        XCTAssertTrue(session.waitFor(String(before.prefix(30))), "vim shows the action's text:\n\(session.screen)")
        // In vim: insert at the start of the line, then save and quit. Were these keys to reach
        // planboard, `:` and `q` would quit it.
        session.send("I")
        session.type("Edited in vim: ")
        session.send("Escape")
        session.type(":wq")
        session.send("Enter")
        // planboard's own row (vim shows the typed text too, but not beside "Action").
        XCTAssertTrue(session.waitForLine(startingWith: "Action", containing: "Edited in vim:"), "back in planboard with the new text:\n\(session.screen)")
        XCTAssertTrue(session.waitForLine(startingWith: "Reference", containing: "3b"), "still on 3b:\n\(session.screen)")
        XCTAssertTrue(session.waitUntil { _ in (try? self.action("3b").text) == "Edited in vim: " + before }, "saved: \((try? action("3b").text) ?? "")")
        session.send("q")
        XCTAssertEqual(session.waitForExit(), 0, session.screen)
    }

    // MARK: 2. Ctrl-← and Ctrl-→ move by word

    func testCtrlArrowsMoveByWordInATextField() throws {
        for term in ["xterm-256color", "tmux-256color"] {
            let session = try open(setup: "export TERM=\(term);")
            waitForDashboard(session)
            openAction3b(session)
            session.send("Down", "Enter")
            XCTAssertTrue(session.waitFor("Enter save"), "\(term): editing the action's text:\n\(session.screen)")
            session.send("C-u")
            session.type("alpha beta gamma")
            session.send("C-Left", "C-Left")
            session.type("X")
            session.send("C-Right")
            session.type("Y")
            XCTAssertTrue(session.waitFor("alpha XbetaY gamma"), "\(term): the cursor moved by words:\n\(session.screen)")
            session.send("Enter")
            XCTAssertTrue(session.waitUntil { _ in (try? self.action("3b").text) == "alpha XbetaY gamma" }, "\(term): saved:\n\(session.screen)")
            session.send("q")
            XCTAssertEqual(session.waitForExit(), 0, session.screen)
        }
    }

    // MARK: 5. Search starts empty; Up recalls

    func testSearchStartsEmptyAndUpRecallsTheLastSearch() throws {
        let session = try open()
        waitForDashboard(session)
        session.send("/")
        session.type("backlog")
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Match 1 of 5 for “backlog”"), session.screen)
        session.send("/")
        XCTAssertTrue(session.waitFor("↑ earlier searches"), "the search prompt is open:\n\(session.screen)")
        XCTAssertEqual(Self.promptRow(session.capture(), "/")?.trimmingCharacters(in: .whitespaces), "/", "it starts empty:\n\(session.screen)")
        session.type("caseworkers")
        XCTAssertTrue(session.waitUntil { Self.promptRow($0, "/")?.hasPrefix("/caseworkers") ?? false }, session.screen)
        XCTAssertFalse(session.screen.contains("backlogcaseworkers"), session.screen)
        session.send("C-u", "Up")
        XCTAssertTrue(session.waitUntil { Self.promptRow($0, "/")?.hasPrefix("/backlog") ?? false }, "Up recalls “backlog”:\n\(session.screen)")
        session.send("Escape", "q")
        XCTAssertEqual(session.waitForExit(), 0, session.screen)
    }

    // MARK: 10. The first plan is set at today

    func testFirstRunAtTheDefaultPlaceSetsTheSampleAtTodayAndActionsAreNotYearsLate() throws {
        let data = folder.path("xdg-data")
        let config = folder.path("xdg-config")
        let command = "unset NO_COLOR PLANBOARD_DB PLANBOARD_TODAY; \(Self.quoted(PlanboardBinary.url.path)) --user tester"
        let session = try TmuxSession(width: 120, height: 40, command: command,
                                      environment: ["XDG_DATA_HOME": data, "XDG_CONFIG_HOME": config, "USER": "tester"])
        sessions.append(session)
        XCTAssertTrue(session.waitFor("set at today", timeout: 10), "the notice says the sample was set at today:\n\(session.screen)")
        session.send("7")
        XCTAssertTrue(session.waitFor("Triage"), session.screen)
        // The list is drawn once the whole plan is in: wait for its first late mark.
        XCTAssertTrue(session.waitUntil { lines in lines.contains { !$0.matches(of: /!(\d+)d/).isEmpty } }, session.screen)
        let lateDays = session.capture().flatMap { line in
            line.matches(of: /!(\d+)d/).compactMap { Int($0.1) }
        }
        XCTAssertFalse(lateDays.isEmpty, "some actions are late, as in the story:\n\(session.screen)")
        XCTAssertTrue(lateDays.allSatisfy { $0 < 365 }, "no action is years late: \(lateDays)\n\(session.screen)")
        session.send("q")
        XCTAssertEqual(session.waitForExit(), 0, session.screen)
        let plan = try PlanStore.open(path: "\(data)/planboard/plan.sqlite", user: "check").load()
        let today = try XCTUnwrap(PlanDate(iso: Self.todayISO()))
        XCTAssertTrue(plan.header.notice?.contains("is set at \(today.display)") ?? false, plan.header.notice ?? "no notice")
        XCTAssertTrue(plan.meetings.allSatisfy { $0.date.dayNumber > today.dayNumber - 365 }, "the meetings moved too")
    }

    static func todayISO() -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    // MARK: 17. A name, asked once, signs the changes

    func testWithoutUSERTheDashboardAsksOnceForANameAndSignsWithIt() throws {
        let config = folder.path("config")
        let session = try open(setup: "unset USER LOGNAME;", user: nil, environment: ["XDG_CONFIG_HOME": config])
        XCTAssertTrue(session.waitFor("Your name"), "it asks for a name:\n\(session.screen)")
        session.type("Ann Lee")
        session.send("Enter")
        waitForDashboard(session)
        openAction3b(session)
        session.send("g")
        XCTAssertTrue(session.waitForLine(startingWith: "Status", containing: "Green"), session.screen)
        session.send("q")
        XCTAssertEqual(session.waitForExit(), 0, session.screen)

        let saved = try String(contentsOfFile: "\(config)/planboard/config.toml", encoding: .utf8)
        XCTAssertTrue(saved.contains("name = \"Ann Lee\""), saved)
        XCTAssertFalse(saved.contains("theme = "), "only what the person chose is kept: \(saved)")
        XCTAssertFalse(saved.contains("plan = "), "a plan named on the command line is not kept: \(saved)")
        let store = try PlanStore.open(path: db, user: "check")
        let last = try XCTUnwrap(try store.changes().last)
        XCTAssertEqual(last.user, "Ann Lee", "the change is signed with the name given")

        let again = try open(setup: "unset USER LOGNAME;", user: nil, environment: ["XDG_CONFIG_HOME": config])
        waitForDashboard(again)
        XCTAssertFalse(again.screen.contains("Your name"), "asked only once:\n\(again.screen)")
        again.send("q")
        XCTAssertEqual(again.waitForExit(), 0, again.screen)
    }

    // MARK: Restart where you were

    func testTheDashboardOpensAgainWhereItWasLeftAndKeepsATheme() throws {
        let state = folder.path("state")
        let config = folder.path("config")
        let env = ["XDG_STATE_HOME": state, "XDG_CONFIG_HOME": config]
        let first = try open(setup: "", environment: env)
        waitForDashboard(first)
        openAction3b(first)
        first.send("q")
        XCTAssertEqual(first.waitForExit(), 0, first.screen)

        let again = try open(setup: "", environment: env)
        XCTAssertTrue(again.waitForLine(startingWith: "Reference", containing: "3b"), "opens on 3b again:\n\(again.screen)")
        again.send("Escape")
        XCTAssertTrue(again.waitUntil { lines in lines.contains { $0.contains("▶") || $0.hasPrefix("3b ") } }, again.screen)
        again.send("q")
        XCTAssertEqual(again.waitForExit(), 0, again.screen)

        let kept = try TmuxSession(width: 80, height: 24, command: "unset NO_COLOR PLANBOARD_DB; \(Self.quoted(PlanboardBinary.url.path)) --db \(Self.quoted(db)) --user tester --theme light --keep-theme",
                                   environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "tester"].merging(env) { $1 })
        sessions.append(kept)
        XCTAssertTrue(kept.waitFor("q Quit"), kept.screen)
        kept.send("q")
        XCTAssertEqual(kept.waitForExit(), 0, kept.screen)
        let saved = try String(contentsOfFile: config + "/planboard/config.toml", encoding: .utf8)
        XCTAssertTrue(saved.contains("theme = \"light\""), saved)
    }
}

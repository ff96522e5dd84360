import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// Two people on one plan file, in real terminals: a dashboard's edit of a field someone
/// else changed while its prompt was open is refused, names who changed it, keeps what was
/// typed, and one more Enter applies it; the change log keeps both.
final class ConflictEndToEndTests: TerminalTestCase {
    func open(_ user: String, width: Int = 100) throws -> TmuxSession {
        let command = "unset NO_COLOR PLANBOARD_DB; \(EndToEndTests.quoted(PlanboardBinary.url.path)) --db \(EndToEndTests.quoted(db)) --user \(user)"
        let session = try TmuxSession(width: width, height: 24, command: command, environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": user])
        sessions.append(session)
        XCTAssertTrue(session.waitFor("EHC plan timeliness and quality") && session.waitFor("q Quit"), session.screen)
        return session
    }

    /// `/backlog` Enter: area 3's actions with 3b selected (the first match; risks follow the actions).
    func select3b(_ session: TmuxSession) {
        session.send("/")
        session.type("backlog")
        XCTAssertTrue(session.waitFor(" matches"), session.screen)
        session.send("Enter")
        XCTAssertTrue(session.waitFor("for “backlog”: 3b"), session.screen)
    }

    /// The screen as one line: a message wrapped over rows reads whole.
    static func flat(_ lines: [String]) -> String { lines.joined(separator: " ") }

    func testALeadChangedByBobWhileAlicesPromptIsOpenIsShownAndHerTypedLeadAppliesOnTheSecondEnter() throws {
        let alice = try open("alice")
        let bob = try open("bob")
        select3b(alice)
        select3b(bob)
        XCTAssertTrue(EndToEndTests.row("3b", in: alice.capture())?.contains("Jackie Ross") == true, alice.screen)

        // alice opens the lead prompt on 3b and types her lead...
        alice.send("L")
        XCTAssertTrue(alice.waitFor("3b lead(s): Jackie Ross"), alice.screen)
        alice.send("C-u")
        alice.type("Alice Jones")
        XCTAssertTrue(alice.waitFor("3b lead(s): Alice Jones"), alice.screen)

        // ...while bob changes it in his dashboard.
        bob.send("L")
        XCTAssertTrue(bob.waitFor("3b lead(s): Jackie Ross"), bob.screen)
        bob.send("C-u")
        bob.type("Bob Smith")
        bob.send("Enter")
        XCTAssertTrue(bob.waitFor("is not in the plan."), bob.screen)
        bob.send("Enter")
        XCTAssertTrue(bob.waitFor("Saved lead(s) of 3b: Bob Smith."), bob.screen)
        XCTAssertTrue(alice.waitUntil(timeout: 2) { EndToEndTests.row("3b", in: $0)?.contains("Bob Smith") == true },
                      "alice's screen follows bob's change behind her prompt:\n\(alice.screen)")
        XCTAssertTrue(alice.screen.contains("3b lead(s): Alice Jones"), "and her typing is untouched:\n\(alice.screen)")

        // Alice Jones is new to the plan: asked once. Then her Enter is refused, saying who
        // changed it and to what; her text is kept.
        alice.send("Enter")
        XCTAssertTrue(alice.waitFor("“Alice Jones” is not in the plan."), alice.screen)
        alice.send("Enter")
        XCTAssertTrue(alice.waitUntil { Self.flat($0).contains("3b lead was changed by bob at") }, alice.screen)
        let refused = Self.flat(alice.capture())
        XCTAssertTrue(refused.contains("to Bob Smith; your change was not applied"), alice.screen)
        XCTAssertTrue(refused.contains("Yours is kept: Enter applies it over theirs"), alice.screen)
        XCTAssertTrue(alice.screen.contains("3b lead(s): Alice Jones"), "the prompt is back with her text:\n\(alice.screen)")
        XCTAssertTrue(EndToEndTests.row("3b", in: alice.capture())?.contains("Bob Smith") == true, alice.screen)
        XCTAssertEqual(try PlanStore.open(path: db, user: "check").load().action("3b")?.leads, ["Bob Smith"])

        // One more Enter applies hers, knowingly.
        alice.send("Enter")
        XCTAssertTrue(alice.waitFor("Saved lead(s) of 3b: Alice Jones."), alice.screen)
        XCTAssertTrue(alice.waitUntil { EndToEndTests.row("3b", in: $0)?.contains("Alice Jones") == true }, alice.screen)
        XCTAssertTrue(bob.waitUntil(timeout: 2) { EndToEndTests.row("3b", in: $0)?.contains("Alice Jones") == true }, bob.screen)
        for session in [alice, bob] {
            session.send("q")
            XCTAssertEqual(session.waitForExit(), 0, session.screen)
        }

        XCTAssertEqual(try PlanStore.open(path: db, user: "check").load().action("3b")?.leads, ["Alice Jones"])
        let log = try PlanboardBinary.run(["log", "--db", db], environment: ["PLANBOARD_TODAY": "2023-08-15"])
        XCTAssertEqual(log.status, 0, log.stderr)
        let leads = log.stdout.split(separator: "\n").filter { $0.contains("\t3b lead ") }
        XCTAssertEqual(leads.count, 2, "both changes are in the log, none lost:\n\(log.stdout)")
        XCTAssertTrue(leads.contains { $0.contains("bob") && $0.contains("Bob Smith") }, log.stdout)
        XCTAssertTrue(leads.contains { $0.contains("alice") && $0.contains("Alice Jones") }, log.stdout)
    }
}

import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// The review cycle in a real terminal (tmux): evidence recorded and a revised date agreed
/// through the dashboard, both found in the next review document.
final class ReviewEndToEndTests: TerminalTestCase {
    func testEvidenceAndAnAgreedDateRecordedInTheDashboardAreInTheNextReview() throws {
        let command = "unset NO_COLOR PLANBOARD_DB; \(EndToEndTests.quoted(PlanboardBinary.url.path)) --db \(EndToEndTests.quoted(db)) --user jackie"
        let session = try TmuxSession(width: 100, height: 40, command: command, environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "jackie"])
        sessions.append(session)
        XCTAssertTrue(session.waitFor("Highest residual risks"), session.screen)

        // Area 3, then action 3i: complete, without evidence.
        session.send("2", "Down", "Down", "Enter")
        for _ in 0..<13 { session.send("Down") }
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Action 3i"), session.screen)
        XCTAssertTrue(session.waitFor("Evidence (0)"), session.screen)
        session.send("v")
        XCTAssertTrue(session.waitFor("Evidence on action 3i, title:"), session.screen)
        session.type("Training attendance register")
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Where is"), session.screen)
        session.type("https://intranet.devon.example/send/training-register")
        session.send("Enter")
        XCTAssertTrue(session.waitFor("What does it show?"), session.screen)
        session.type("Every caseworker trained on the standard")
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Evidence (1)"), session.screen)

        // Back to the area, down to 3o: its revised date is proposed, not yet agreed.
        session.send("Escape")
        for _ in 0..<6 { session.send("Down") }
        session.send("Enter")
        XCTAssertTrue(session.waitFor("Action 3o"), session.screen)
        XCTAssertTrue(session.waitFor("⚑ agreed 31 May 2023 → revised 31 Jul 2023 (proposed, not yet agreed)"), session.screen)
        session.send("Y")
        XCTAssertTrue(session.waitFor("Who agreed 3o's move to 31 Jul 2023?"), session.screen)
        session.type("the DfE adviser at the 6-month review")
        session.send("Enter")
        XCTAssertTrue(session.waitFor("✓ agreed 31 May 2023 → revised 31 Jul 2023 (agreed 15 Aug 2023)"), session.screen)
        session.send("q")
        XCTAssertEqual(session.waitForExit(), 0)

        // Both are in the store, each one change in the log, and in the 12-month review.
        let log = try PlanStore.open(path: db, user: "t").changes().suffix(2).map(\.summary)
        XCTAssertEqual(log, ["evidence on action 3i: “Training attendance register”",
                             "3o revised by-when 31 Jul 2023 agreed on 15 Aug 2023 by the DfE adviser at the 6-month review"])
        let review = try PlanboardBinary.run(["report", "--kind", "review", "--at", "12", "--format", "md", "--db", db],
                                             environment: ["PLANBOARD_TODAY": "2023-08-15"])
        XCTAssertEqual(review.status, 0, review.stderr)
        XCTAssertTrue(review.stdout.contains("| Action 3i | **Training attendance register** | 15 Aug 2023 | https://intranet.devon.example/send/training-register | Every caseworker trained on the standard |"),
                      review.stdout)
        XCTAssertTrue(review.stdout.contains("**3o:** agreed 31 May 2023 → revised 31 Jul 2023 (agreed 15 Aug 2023)"), review.stdout)
        XCTAssertFalse(review.stdout.contains("Agree the change of date"), "nothing is left to ask the advisers to agree")
    }
}

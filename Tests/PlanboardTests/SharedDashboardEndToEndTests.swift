import Foundation
import TestSupport
import XCTest

/// The dashboard on a plan shared on PostgreSQL (a throwaway cluster), in real terminals:
/// two people see each other's changes as the server announces them, a viewer's edit key
/// says why instead of acting, and a server stopped mid-session loses no edit and no typing.
final class SharedDashboardEndToEndTests: SharedPlanTestCase {
    var sessions: [TmuxSession] = []
    var owner = ""
    var database = ""

    /// A database with the schema, the Devon sample, and ann and ed (editors) and vic (a viewer).
    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
        try super.setUpWithError()
        database = try cluster.createDatabase()
        owner = cluster.url(database: database)
        try planboard(["server", "init", "--db", owner])
        try planboard(["import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", owner])
        try addPeople([("ann", "editor"), ("ed", "editor"), ("vic", "viewer")], owner: owner)
    }

    override func tearDown() {
        for session in sessions { session.kill() }
        sessions = []
    }

    /// Opens the dashboard as `user` on the shared plan, on area 3 with 3b selected.
    func open(_ user: String, width: Int = 100, height: Int = 24) throws -> TmuxSession {
        let url = cluster.url(database: database, user: user)
        let command = "unset NO_COLOR PLANBOARD_DB; \(EndToEndTests.quoted(PlanboardBinary.url.path)) --db \(EndToEndTests.quoted(url))"
        let session = try TmuxSession(width: width, height: height, command: command, environment: env)
        sessions.append(session)
        XCTAssertTrue(session.waitFor("EHC plan timeliness and quality") && session.waitFor("q Quit"), session.screen)
        session.send("/")
        session.type("backlog")
        XCTAssertTrue(session.waitFor(" matches"), session.screen)
        session.send("Enter")
        XCTAssertTrue(session.waitFor("for “backlog”: 3b"), session.screen)
        return session
    }

    func testAStatusChangedInOneDashboardAppearsInTheOtherAsTheServerAnnouncesIt() throws {
        let ann = try open("ann")
        let ed = try open("ed")
        XCTAssertTrue(ann.capture().first?.contains("ann · editor") == true, ann.screen)
        XCTAssertTrue(EndToEndTests.row("3b", in: ed.capture())?.contains("Amber") == true, ed.screen)

        let sent = Date()
        ann.send("g")
        // Poll ed's screen (capture-pane) until the change shows, with an overall deadline.
        let deadline = sent.addingTimeInterval(5)
        var arrived: Date?
        while arrived == nil, Date() < deadline {
            if EndToEndTests.row("3b", in: ed.capture())?.contains("G ✓ Green") == true { arrived = Date() }
        }
        let seen = try XCTUnwrap(arrived, "ann's change reached ed's dashboard:\n\(ed.screen)")
        let ms = Int(seen.timeIntervalSince(sent) * 1000)
        print("SharedDashboardEndToEndTests: the change reached the other dashboard \(ms) ms after the key was sent")
        XCTAssertTrue(EndToEndTests.row("3b", in: ann.capture())?.contains("G ✓ Green") == true, ann.screen)
        XCTAssertEqual(ed.capture().first?.contains("ed · editor"), true, "the header names ed:\n\(ed.screen)")
        let log = try planboard(["log", "--db", owner]).stdout
        XCTAssertTrue(log.split(separator: "\n").last?.contains("\tann\tedit\t") ?? false, "signed by ann:\n\(log)")
    }

    func testAViewerSeesTheirRoleAndTheStatusKeySaysWhyInsteadOfActing() throws {
        let before = try planboard(["export", "--db", owner]).stdout
        let vic = try open("vic")
        XCTAssertTrue(vic.capture().first?.contains("vic · viewer") == true, vic.screen)
        vic.send("g")
        XCTAssertTrue(vic.waitUntil { $0.joined(separator: " ").contains("You are a viewer on this shared plan: board members read, they do not change it.") },
                      vic.screen)
        XCTAssertTrue(EndToEndTests.row("3b", in: vic.capture())?.contains("Amber") == true, vic.screen)
        XCTAssertEqual(try planboard(["export", "--db", owner]).stdout, before, "nothing changed on the server")
    }

    func testAServerStoppedUnderTheDashboardKeepsTheTypedLeadSaysItWasNotSavedAndSavesItWhenBack() throws {
        let ann = try open("ann")
        ann.send("L")
        XCTAssertTrue(ann.waitFor("3b lead(s): Jackie Ross"), ann.screen)
        ann.send("C-u")
        ann.type("Alice Jones")
        XCTAssertTrue(ann.waitFor("3b lead(s): Alice Jones"), ann.screen)

        try cluster.stop()
        XCTAssertTrue(ann.waitFor("SERVER NOT ANSWERING"), "the header says the server went away:\n\(ann.screen)")
        ann.send("Enter")
        XCTAssertTrue(ann.waitFor("“Alice Jones” is not in the plan."), "a new person is asked about once:\n\(ann.screen)")
        ann.send("Enter")
        // The change is saved on another thread: "Saving…", then the server's silence says it was not.
        XCTAssertTrue(ann.waitUntil(timeout: 15) { $0.joined(separator: " ").contains("NOT saved: the PostgreSQL server at") }, ann.screen)
        XCTAssertTrue(ann.waitFor("3b lead(s): Alice Jones"), "the prompt is back with the text:\n\(ann.screen)")

        try cluster.start()
        XCTAssertTrue(ann.waitUntil(timeout: 10) { !($0.first?.contains("SERVER NOT ANSWERING") ?? true) }, "the dashboard reconnects:\n\(ann.screen)")
        ann.send("Enter")
        XCTAssertTrue(ann.waitFor("Saved lead(s) of 3b: Alice Jones."), ann.screen)
        let log = try planboard(["log", "--db", owner]).stdout
        XCTAssertEqual(log.split(separator: "\n").filter { $0.contains("3b lead ") }.count, 1, "saved once:\n\(log)")
    }

    func testTheDashboardOnADatabaseWithoutTheSchemaSaysToRunServerInitAndMakesNoPlan() throws {
        let empty = try cluster.createDatabase()
        let url = cluster.url(database: empty)
        let refused = try planboard(["dashboard", "--db", url], expect: 1)
        XCTAssertTrue(refused.stderr.contains("has no planboard schema; expected one made by `planboard server init --db \(url)`"), refused.stderr)
        XCTAssertEqual(try cluster.psql("SELECT to_regclass('planboard.meta') IS NULL", database: empty), "t", "nothing was made on the server")
    }
}

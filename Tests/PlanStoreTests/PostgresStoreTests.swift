import Foundation
import PlanModel
import PlanStore
@testable import PlanStorePostgres
import TestSupport
import XCTest

/// What only the shared (PostgreSQL) backend does: roles the server enforces, notice of
/// changes, and what happens when the server refuses or goes away.
final class PostgresStoreTests: XCTestCase {
    func newPlan() throws -> (PostgresCluster, String) {
        try PostgresTestServer.newPlan(try Samples.plan(SamplePlans.devonIllustrative))
    }

    func openError(_ url: String, password: String?) -> StoreError? {
        do {
            var env = ["PGPASSFILE": "/nonexistent"]
            env["PGPASSWORD"] = password
            _ = try PostgresPlanStore.open(try PostgresLocation(url: url), environment: env).load()
            return nil
        } catch { return error as? StoreError }
    }

    // MARK: Addresses and passwords

    func testAURLIsReadAndShownWithoutAPassword() throws {
        let location = try PostgresLocation(url: "postgres://jackie@db.example.org:6543/devon_app?sslmode=require")
        XCTAssertEqual(location, PostgresLocation(user: "jackie", host: "db.example.org", port: 6543, database: "devon_app", sslMode: .require))
        XCTAssertEqual(location.description, "postgres://jackie@db.example.org:6543/devon_app?sslmode=require")
        XCTAssertThrowsError(try PostgresLocation(url: "postgres://jackie:s3cret@db/plan")) { error in
            let message = (error as? StoreError)?.message ?? ""
            XCTAssertTrue(message.contains("PGPASSWORD"), message)
            XCTAssertFalse(message.contains("s3cret"), "the password is never repeated")
        }
        XCTAssertThrowsError(try PostgresLocation(url: "postgres://jackie@db/plan?sslmode=maybe"))
        XCTAssertThrowsError(try PostgresLocation(url: "postgres://db/plan"))
    }

    func testThePasswordComesFromPGPASSWORDThenThePasswordFile() throws {
        let folder = try TempFolder("pgpass")
        let file = folder.path("pgpass")
        try "# comment\nother:5432:*:jackie:wrong\ndb.example.org:*:devon\\:app:jackie:right\\:one\n".write(toFile: file, atomically: true, encoding: .utf8)
        let location = PostgresLocation(user: "jackie", host: "db.example.org", database: "devon:app")
        XCTAssertEqual(location.password(environment: ["PGPASSFILE": file]), "right:one")
        XCTAssertEqual(location.password(environment: ["PGPASSFILE": file, "PGPASSWORD": "env"]), "env")
        XCTAssertNil(PostgresLocation(user: "sam", host: "db.example.org", database: "devon:app").password(environment: ["PGPASSFILE": file]))
    }

    // MARK: Faults, each with its own message

    func testARefusedLoginAWrongDatabaseAMissingSchemaAndANewerSchemaEachSaySo() throws {
        let (cluster, database) = try newPlan()
        let wrongPassword = openError(cluster.url(database: database, user: "jackie"), password: "not-the-password")
        XCTAssertEqual(wrongPassword?.kind, .refused)
        XCTAssertTrue(wrongPassword?.message.contains("refused the login for jackie: wrong password") ?? false, wrongPassword?.message ?? "no error")
        XCTAssertFalse(wrongPassword?.message.contains("not-the-password") ?? true)

        let noPassword = openError(cluster.url(database: database, user: "jackie"), password: nil)
        XCTAssertTrue(noPassword?.message.contains("none was given; set PGPASSWORD or add a line to ~/.pgpass") ?? false, noPassword?.message ?? "no error")

        let wrongDatabase = openError(cluster.url(database: "no_such_plan", user: "jackie"), password: cluster.password)
        XCTAssertEqual(wrongDatabase?.kind, .notFound)
        XCTAssertTrue(wrongDatabase?.message.contains("has no database called \"no_such_plan\"") ?? false, wrongDatabase?.message ?? "no error")

        let empty = try cluster.createDatabase()
        let noSchema = openError(cluster.url(database: empty), password: cluster.password)
        XCTAssertEqual(noSchema?.kind, .notAPlan)
        XCTAssertTrue(noSchema?.message.contains("has no planboard schema; expected one made by `planboard server init") ?? false, noSchema?.message ?? "no error")

        try cluster.psql("UPDATE planboard.meta SET value = '99' WHERE key = 'schema_version'", database: database)
        let newer = openError(cluster.url(database: database, user: "jackie"), password: cluster.password)
        XCTAssertEqual(newer?.kind, .newerVersion)
        XCTAssertTrue(newer?.message.contains("schema of version 99, written by a newer planboard") ?? false, newer?.message ?? "no error")

        let unused = try PostgresCluster.freePort()
        let down = openError("postgres://jackie@127.0.0.1:\(unused)/\(database)?sslmode=disable", password: cluster.password)
        XCTAssertEqual(down?.kind, .io)
        XCTAssertTrue(down?.message.contains("cannot reach the PostgreSQL server at 127.0.0.1:\(unused)") ?? false, down?.message ?? "no error")

        for error in [wrongPassword, noPassword, wrongDatabase, noSchema, newer, down] {
            XCTAssertFalse(error?.message.contains(cluster.password) ?? false, "no message holds the password")
        }
        XCTAssertEqual(Set([wrongPassword, wrongDatabase, noSchema, newer, down].compactMap { $0?.message }).count, 5, "five distinct messages")
    }

    // MARK: Roles, enforced by the server

    func testAViewerCanReadButNotWriteThroughPlanboardOrPsql() throws {
        let (cluster, database) = try newPlan()
        let viewer = try PostgresTestServer.open(cluster, database, user: "vic")
        XCTAssertTrue(viewer.isReadOnly)
        XCTAssertEqual(viewer.role, .viewer)
        let before = try viewer.load()
        XCTAssertThrowsError(try viewer.apply(before.setting(.text, ofAction: "3b", to: .text("vic was here")))) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .readOnly)
            XCTAssertTrue((error as? StoreError)?.message.contains("vic is a viewer") ?? false, "\(error)")
        }
        for sql in ["UPDATE planboard.part SET body = '{}' WHERE kind = 'action'",
                    "INSERT INTO planboard.change (seq, at, kind, summary) VALUES (999, 'x', 'edit', 'forged')",
                    "DELETE FROM planboard.part",
                    "UPDATE planboard.plan SET version = version + 1"] {
            XCTAssertThrowsError(try cluster.psql(sql, database: database, user: "vic"), sql) { error in
                XCTAssertTrue("\(error)".contains("permission denied"), "\(error)")
            }
        }
        XCTAssertEqual(try PostgresTestServer.open(cluster, database, user: "jackie").load(), before, "nothing changed")
    }

    func testAnEditorMayChangeActionsAndKPIActualsButNotAreasCheckpointsOrKPIsAndNoTableEvenWithPsql() throws {
        let (cluster, database) = try newPlan()
        let editor = try PostgresTestServer.open(cluster, database, user: "ed")
        XCTAssertEqual(editor.role, .editor)
        try editor.apply(try editor.load().setting(.text, ofAction: "3b", to: .text("Ed's wording")))
        try editor.apply(try editor.load().settingActual(kpi: "K1", milestone: 0, to: 700))
        XCTAssertEqual(try editor.changes().last?.user, "ed")
        XCTAssertThrowsError(try editor.recordCheckpoint(name: "Ed's checkpoint", date: TestDates.date("2023-09-01"))) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .readOnly)
        }
        let plan = try editor.load()
        var arealess = plan
        arealess.areas[0].title = "Renamed by Ed"
        XCTAssertThrowsError(try editor.replace(with: arealess)) { error in XCTAssertEqual((error as? StoreError)?.kind, .readOnly) }
        // A KPI's name and milestones are a chair's: an editor records actuals only.
        let kpi = try XCTUnwrap(plan.kpis.first)
        let edits = plan.setting([(.name, .text("Renamed by Ed"))], ofKPI: kpi.ref).map(Edit.structure)
            + [Edit.structure(try XCTUnwrap(plan.removing(kpi: kpi.ref)))]
        XCTAssertEqual(edits.count, 2)
        for edit in edits {
            XCTAssertThrowsError(try editor.apply(edit), "\(edit)") { error in
                XCTAssertEqual((error as? StoreError)?.kind, .readOnly)
                XCTAssertTrue((error as? StoreError)?.message.contains("editors record KPI actuals") ?? false, "\(error)")
            }
        }
        // Through psql: no table takes an editor's write at all.
        for sql in ["UPDATE planboard.part SET body = '{}' WHERE kind = 'action'",
                    "INSERT INTO planboard.change (seq, at, who, kind, summary) VALUES (999, 'x', 'jackie', 'edit', 'forged')",
                    "UPDATE planboard.plan SET format = 'planboard/99'"] {
            XCTAssertThrowsError(try cluster.psql(sql, database: database, user: "ed"), sql) { error in
                XCTAssertTrue("\(error)".contains("permission denied"), "\(error)")
            }
        }
        XCTAssertEqual(try editor.load(), plan)
    }

    func testOnlyAChairManagesPeople() throws {
        let (cluster, database) = try newPlan()
        let env = PostgresTestServer.environment(cluster)
        let asEd = try PostgresLocation(url: cluster.url(database: database, user: "ed"))
        XCTAssertThrowsError(try PostgresAdmin.addPerson("mallory", role: .chair, password: nil, at: asEd, environment: env)) { error in
            XCTAssertTrue("\(error)".contains("only a chair or the database's owner may manage people; ed is neither"), "\(error)")
        }
        let asJackie = try PostgresLocation(url: cluster.url(database: database, user: "jackie"))
        let name = "p_\(UUID().uuidString.prefix(6).lowercased())"
        try PostgresAdmin.addPerson(name, role: .viewer, password: cluster.password, at: asJackie, environment: env)
        XCTAssertTrue(try PostgresAdmin.people(at: asJackie, environment: env).contains(.init(name: name, role: .viewer)))
        try PostgresAdmin.setRole(name, role: .editor, at: asJackie, environment: env)
        XCTAssertEqual(try PostgresTestServer.open(cluster, database, user: name).role, .editor)
        XCTAssertThrowsError(try PostgresAdmin.addPerson(name, role: .viewer, password: nil, at: asJackie, environment: env)) { error in
            XCTAssertTrue("\(error)".contains("already on the server"), "\(error)")
        }
        // A name with quotes is a name, never SQL.
        try PostgresAdmin.addPerson("o'brien \"x\"; DROP TABLE planboard.part; --", role: .viewer, password: nil, at: asJackie, environment: env)
        XCTAssertNoThrow(try PostgresTestServer.open(cluster, database, user: "jackie").load())
    }

    // MARK: Live changes

    func testAChangeReachesAnotherProcessThroughNotifyWithin300ms() throws {
        let (cluster, database) = try newPlan()
        let watcher = try PostgresTestServer.open(cluster, database, user: "sam")
        let writer = try PostgresTestServer.open(cluster, database, user: "jackie")
        let heard = Heard()
        let feed = try XCTUnwrap(try watcher.follow { seq in heard.add(seq) })
        defer { feed.stop() }
        XCTAssertTrue(Self.poll(until: 10) { (feed as? ChangeFeed)?.isListening == true }, "the feed listens")
        var delays: [Double] = []
        var afterCommit: [Double] = []
        for i in 0..<7 {
            let edit = try writer.load().setting(.text, ofAction: "3b", to: .text("edit \(i)"))
            let start = DispatchTime.now().uptimeNanoseconds
            try writer.apply(edit)
            let committed = DispatchTime.now().uptimeNanoseconds
            let seq = try writer.version()
            XCTAssertTrue(heard.wait(for: seq, timeout: 5), "notice of change \(seq) arrived")
            let arrived = heard.arrival(of: seq) ?? committed
            delays.append(Double(arrived - start) / 1e6)
            afterCommit.append(Double(arrived > committed ? arrived - committed : 0) / 1e6)
        }
        let median = delays.sorted()[delays.count / 2]
        print(String(format: "planboard: a change reaches another process through NOTIFY: median %.1f ms from the start of the edit, %.1f ms after its commit returned (%d changes)",
                     median, afterCommit.sorted()[afterCommit.count / 2], delays.count))
        XCTAssertLessThan(median, 300)
        XCTAssertEqual(try watcher.load().action("3b")?.text, "edit 6", "the watcher reads the new plan")
    }

    // MARK: The server going away

    func testTheChangeFeedSaysWhileTheServerIsAwayAndTellsThePositionWhenItIsBack() throws {
        // Its own cluster: this test stops and starts the server.
        let (cluster, location, env) = try Self.ownCluster()
        defer { cluster.destroy() }
        let store = try PostgresPlanStore.open(location, environment: env)
        let heard = Heard()
        let feed = try XCTUnwrap(try store.follow { seq in heard.add(seq) })
        defer { feed.stop() }
        XCTAssertNil(feed.trouble, "nothing to say while the server answers")
        // It starts listening on another thread (the dashboard's first frame never waits for it).
        XCTAssertTrue(Self.poll(until: 10) { (feed as? ChangeFeed)?.isListening == true }, "the feed listens")

        try cluster.stop(mode: "fast")
        XCTAssertTrue(Self.poll(until: 10) { feed.trouble != nil }, "the feed notices its connection closing")
        XCTAssertTrue(feed.trouble?.contains("is not answering; changes are NOT saved until it is back") == true, feed.trouble ?? "")
        try cluster.start()
        let version = try store.version()
        XCTAssertTrue(heard.wait(for: version, timeout: 10), "back, it tells the log position as it stands, so the dashboard catches up")
        XCTAssertTrue(Self.poll(until: 10) { feed.trouble == nil }, "and then has nothing more to say: \(feed.trouble ?? "")")
    }

    /// A cluster of the test's own holding the Devon sample, for a test that stops the server.
    static func ownCluster() throws -> (PostgresCluster, PostgresLocation, [String: String]) {
        let cluster = try PostgresCluster()
        do {
            let database = try cluster.createDatabase()
            let env = PostgresTestServer.environment(cluster)
            let location = try PostgresLocation(url: cluster.url(database: database))
            try PostgresAdmin.initialise(location, environment: env)
            try PostgresAdmin.create(location, plan: try Samples.plan(SamplePlans.devonIllustrative), summary: "created", environment: env)
            return (cluster, location, env)
        } catch {
            cluster.destroy()
            throw error
        }
    }

    /// Checks `condition` every 10 ms until it holds or `seconds` pass.
    static func poll(until seconds: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return true
    }

    func testTheServerStoppedMidStreamLosesNoAcknowledgedEditAndSaysWhatWasNotSaved() throws {
        // Its own cluster: this test stops and starts the server.
        let (cluster, location, env) = try Self.ownCluster()
        defer { cluster.destroy() }
        let store = try PostgresPlanStore.open(location, environment: env)
        var acknowledged: [String] = []
        var refused: [String] = []
        for i in 0..<60 {
            if i == 20 { try cluster.stop(mode: "fast") }
            if i == 30 { try cluster.start() }
            let text = "note \(i)"
            do {
                try store.apply(.addNote(ref: "3b", index: nil, note: Note(date: TestDates.date("2023-08-16"), author: "t", text: text)))
                acknowledged.append(text)
            } catch let error as StoreError {
                XCTAssertEqual(error.kind, .io, error.message)
                XCTAssertTrue(error.message.contains("cannot reach the PostgreSQL server") || error.message.contains("was NOT saved"), error.message)
                refused.append(text)
            }
        }
        XCTAssertEqual(acknowledged.count, 50, "every edit before the stop and after the start was saved")
        XCTAssertEqual(refused.count, 10)
        let saved = try PostgresPlanStore.open(location, environment: env).load().action("3b")?.notes.map(\.text) ?? []
        XCTAssertEqual(saved.filter { $0.hasPrefix("note ") }, acknowledged, "every acknowledged edit is there, and nothing refused")
    }
}

/// Log positions heard through NOTIFY, waited on with a deadline.
final class Heard: @unchecked Sendable {
    private let condition = NSCondition()
    private var seen: Set<Int64> = []
    private var arrivals: [Int64: UInt64] = [:]

    func arrival(of seq: Int64) -> UInt64? {
        condition.lock()
        defer { condition.unlock() }
        return arrivals[seq]
    }

    func add(_ seq: Int64) {
        condition.lock()
        arrivals[seq] = DispatchTime.now().uptimeNanoseconds
        seen.insert(seq)
        condition.broadcast()
        condition.unlock()
    }

    func wait(for seq: Int64, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !seen.contains(seq) {
            if !condition.wait(until: deadline) { return seen.contains(seq) }
        }
        return true
    }
}

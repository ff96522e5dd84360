import Foundation
import PlanModel
import PlanStore
@testable import PlanStorePostgres
import TestSupport
import XCTest

/// A shared plan tried as a hostile tester would: psql as viewer, editor and chair, straight
/// at the tables and at planboard's own functions, on a database set up by a superuser and on
/// one owned by a PostgreSQL 15 database owner (a role that may create roles, as such owners
/// are). Every attack must be refused with the plan, its log and every login as they were.
///
/// On the schema before version 2 (a chair could call set_person on any login; editors could
/// write `planboard.part`, `planboard.plan` and `planboard.change` through row-level security;
/// the function's search_path left pg_temp first) these succeeded: the owner's and the
/// superuser's passwords reset by a chair, Red actions made Complete with no log line, the
/// plan's format changed, a change row planted so every later write failed, an `import` line
/// forged, a KPI renamed by an editor, every chair made a viewer through `planboard_chair`.
final class HostileSharedPlanTests: XCTestCase {
    /// A database and its people: `superuserSetUp` false gives it a CREATEROLE owner, `planadmin`.
    struct Shared {
        let cluster: PostgresCluster
        let database: String
        let owner: String
    }

    /// One CREATEROLE owner for the whole test process (roles are server-wide).
    private static let ownerLock = NSLock()
    nonisolated(unsafe) private static var ownerMade = false

    func shared(superuserSetUp: Bool) throws -> Shared {
        if superuserSetUp {
            let (cluster, database) = try PostgresTestServer.newPlan(try Samples.plan(SamplePlans.devonIllustrative))
            return Shared(cluster: cluster, database: database, owner: cluster.superuser)
        }
        let cluster = try PostgresTestServer.cluster()
        let env = PostgresTestServer.environment(cluster)
        try Self.ownerLock.withLock {
            if !Self.ownerMade {
                try cluster.psql("CREATE ROLE planadmin LOGIN CREATEROLE PASSWORD '\(cluster.password)'")
                Self.ownerMade = true
            }
        }
        let database = "plan_\(UUID().uuidString.prefix(8).lowercased())"
        try cluster.psql("CREATE DATABASE \(database) OWNER planadmin")
        let admin = try PostgresLocation(url: cluster.url(database: database, user: "planadmin"))
        try PostgresAdmin.initialise(admin, environment: env)
        try PostgresAdmin.create(admin, plan: try Samples.plan(SamplePlans.devonIllustrative), summary: "imported", environment: env)
        // The owner adds people on PostgreSQL 15 (not a member of the roles it made).
        for (name, role) in PostgresTestServer.people {
            let exists = try cluster.psql("SELECT count(*) FROM pg_roles WHERE rolname = '\(name)'") == "1"
            if exists {
                try PostgresAdmin.setRole(name, role: role, at: admin, environment: env)
            } else {
                try PostgresAdmin.addPerson(name, role: role, password: cluster.password, at: admin, environment: env)
            }
        }
        return Shared(cluster: cluster, database: database, owner: "planadmin")
    }

    /// The plan, its log and every login with its password and memberships, as one digest.
    func fingerprint(_ shared: Shared) throws -> String {
        let plan = try shared.cluster.psql("""
            SELECT md5(coalesce((SELECT string_agg(kind || key || coalesce(parent, '') || position || body || rev, '|' ORDER BY kind, key) FROM planboard.part), '')
                || coalesce((SELECT string_agg(seq || at || who || kind || summary || coalesce(edit, '') || coalesce(inverse, ''), '|' ORDER BY seq) FROM planboard.change), '')
                || coalesce((SELECT version || format FROM planboard.plan), 'no plan'))
            """, database: shared.database)
        let logins = try shared.cluster.psql("""
            SELECT md5(coalesce((SELECT string_agg(rolname || coalesce(rolpassword, '') || rolsuper || rolcreaterole || rolcanlogin, '|' ORDER BY rolname) FROM pg_authid), '')
                || coalesce((SELECT string_agg(roleid || '>' || member, '|' ORDER BY roleid, member) FROM pg_auth_members), ''))
            """)
        XCTAssertEqual((plan + logins).count, 64, "two md5 digests, of a plan and of its server's logins")
        return plan + logins
    }

    /// Runs `sql` as `user` through psql, expecting a refusal whose message contains `words`.
    func refused(_ sql: String, as user: String, in shared: Shared, saying words: String,
                 file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try shared.cluster.psql(sql, database: shared.database, user: user), sql, file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains(words), "\(user): \(sql)\n\(error)", file: file, line: line)
        }
    }

    /// A call of planboard.apply writing one action body as the caller wishes.
    func applySQL(kind: String = "action", key: String = "3b", parent: String = "3", body: String,
                  logKind: String = "edit", target: String = "NULL") -> String {
        let quoted = body.replacingOccurrences(of: "'", with: "''")
        return """
            SELECT * FROM planboard.apply(ARRAY['\(kind)'], ARRAY['\(key)'],
                ARRAY[coalesce((SELECT rev FROM planboard.part WHERE kind = '\(kind)' AND key = '\(key)'), -1)]::bigint[],
                ARRAY['\(parent)'], ARRAY[coalesce((SELECT position FROM planboard.part WHERE kind = '\(kind)' AND key = '\(key)'), 0)],
                ARRAY['\(quoted)'], NULL, 'planboard/1', '\(logKind)', \(target), 'forged', '{"hostile": {}}', '{"hostile": {}}', gen_random_uuid())
            """
    }

    /// An action's body as the server holds it, with `change` made to its JSON.
    func body(of key: String, in shared: Shared, _ change: String) throws -> String {
        try shared.cluster.psql("SELECT (body::jsonb || '\(change)'::jsonb)::text FROM planboard.part WHERE kind = 'action' AND key = '\(key)'",
                                database: shared.database)
    }

    // MARK: A chair

    func checkAChairCannotTakeOverTheOwnerTheSuperuserOrAnotherLogin(_ shared: Shared) throws {
        let cluster = shared.cluster
        try cluster.psql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'outsider') THEN CREATE ROLE outsider LOGIN PASSWORD 'theirs'; END IF; END $$")
        let before = try fingerprint(shared)
        let verifier = ScramVerifier.make(password: "owned")
        for target in [shared.owner, cluster.superuser, "outsider", "planboard_chair", "pg_execute_server_program"] {
            refused("SELECT planboard.set_person('\(target)', 'chair', NULL, false)", as: "jackie", in: shared, saying: "nothing was changed")
            refused("SELECT planboard.set_person('\(target)', 'chair', '\(verifier)', false)", as: "jackie", in: shared, saying: "nothing was changed")
        }
        // A temporary view called pg_roles that says nobody is a superuser: never consulted.
        refused("""
            CREATE TEMP VIEW pg_roles AS SELECT rolname, false AS rolsuper, false AS rolcreaterole, false AS rolreplication,
                false AS rolbypassrls, true AS rolcanlogin, oid FROM pg_catalog.pg_roles;
            SELECT planboard.set_person('\(cluster.superuser)', 'viewer', '\(verifier)', false);
            """, as: "jackie", in: shared, saying: "nothing was changed")
        // A password only as a verifier, never in clear (it would reach the server's log).
        refused("SELECT planboard.set_person('newbie_\(UUID().uuidString.prefix(4).lowercased())', 'viewer', 'plain-password', true)",
                as: "jackie", in: shared, saying: "SCRAM-SHA-256 verifier")
        XCTAssertEqual(try fingerprint(shared), before, "every login and the plan as they were")
        // The owner still logs in with its own password.
        XCTAssertEqual(try cluster.psql("SELECT session_user", database: shared.database, user: shared.owner), shared.owner)
    }

    func testAChairCannotTakeOverTheOwnerTheSuperuserOrAnotherLoginOnADatabaseSetUpByASuperuser() throws {
        try checkAChairCannotTakeOverTheOwnerTheSuperuserOrAnotherLogin(try shared(superuserSetUp: true))
    }

    func testAChairCannotTakeOverTheOwnerTheSuperuserOrAnotherLoginOnADatabaseWithACreateRoleOwner() throws {
        try checkAChairCannotTakeOverTheOwnerTheSuperuserOrAnotherLogin(try shared(superuserSetUp: false))
    }

    func testPlanboardsGroupRolesAreNotPeopleAndLoginsItDidNotMakeAreLeftAlone() throws {
        let shared = try shared(superuserSetUp: false)
        let env = PostgresTestServer.environment(shared.cluster)
        let asJackie = try PostgresLocation(url: shared.cluster.url(database: shared.database, user: "jackie"))
        let before = try fingerprint(shared)
        for name in ["planboard_chair", "planboard_editor", "planboard_viewer", shared.owner, shared.cluster.superuser] {
            XCTAssertThrowsError(try PostgresAdmin.setRole(name, role: .viewer, at: asJackie, environment: env), name) { error in
                XCTAssertTrue((error as? StoreError)?.message.contains("nothing was changed") ?? false, "\(error)")
            }
        }
        XCTAssertEqual(try fingerprint(shared), before)
        XCTAssertEqual(try PostgresTestServer.open(shared.cluster, shared.database, user: "sam").role, .chair, "chairs are still chairs")
    }

    func testAPasswordGivenToPeopleAddNeverReachesTheServersLog() throws {
        let shared = try shared(superuserSetUp: false)
        let cluster = shared.cluster
        try cluster.psql("ALTER DATABASE \(shared.database) SET log_statement = 'all'")
        try cluster.psql("ALTER DATABASE \(shared.database) SET log_min_error_statement = 'info'")
        let password = "Pw-\(UUID().uuidString)"
        let name = "newcomer_\(UUID().uuidString.prefix(6).lowercased())"
        let asOwner = try PostgresLocation(url: cluster.url(database: shared.database, user: shared.owner))
        try PostgresAdmin.addPerson(name, role: .editor, password: password, at: asOwner, environment: PostgresTestServer.environment(cluster))
        // They log in with it: the server checks it against the verifier planboard sent.
        let store = try PostgresPlanStore.open(try PostgresLocation(url: cluster.url(database: shared.database, user: name)),
                                               environment: ["PGPASSWORD": password, "PGPASSFILE": "/nonexistent"])
        XCTAssertEqual(store.role, .editor)
        store.close()
        let log = try String(contentsOf: cluster.logFile, encoding: .utf8)
        XCTAssertTrue(log.contains("planboard.set_person"), "the server did log the statement")
        XCTAssertFalse(log.contains(password), "but never the password")
        XCTAssertEqual(try cluster.psql("SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = '\(name)'"), "SCRAM-SHA-256$")
    }

    // MARK: An editor

    func checkAnEditorCannotChangeThePlanBehindPlanboardsBack(_ shared: Shared) throws {
        let before = try fingerprint(shared)
        for sql in ["UPDATE planboard.part SET body = replace(body, '\"red\"', '\"complete\"') WHERE kind = 'action'",
                    "UPDATE planboard.plan SET format = 'planboard/99'",
                    "INSERT INTO planboard.change (seq, at, who, kind, summary) VALUES ((SELECT max(seq) + 1 FROM planboard.change), 'x', 'ed', 'edit', 'planted')",
                    "UPDATE planboard.part SET body = 'not json' WHERE kind = 'header'",
                    "DELETE FROM planboard.change",
                    "INSERT INTO planboard.gone VALUES ('action', '3b', 999)"] {
            refused(sql, as: "ed", in: shared, saying: "permission denied")
        }
        // Through planboard's own function: what is not a plan's part, or not an editor's, is refused.
        refused(applySQL(body: "not json"), as: "ed", in: shared, saying: "is not JSON")
        refused(applySQL(body: try body(of: "3b", in: shared, #"{"status": "done"}"#)), as: "ed", in: shared, saying: "is not a status")
        refused(applySQL(body: try body(of: "3b", in: shared, #"{"byWhen": "31/03/2023"}"#)), as: "ed", in: shared, saying: "is not a date")
        refused(applySQL(body: try body(of: "3b", in: shared, #"{"notes": [{"text": 3}]}"#)), as: "ed", in: shared, saying: "action.notes[0]")
        refused(applySQL(body: try body(of: "3b", in: shared, #"{"ref": "9z"}"#)), as: "ed", in: shared, saying: "names another action")
        refused(applySQL(body: try body(of: "3b", in: shared, "{}"), logKind: "import"), as: "ed", in: shared, saying: "only a chair may replace the whole plan")
        refused(applySQL(body: try body(of: "3b", in: shared, "{}"), logKind: "teleport"), as: "ed", in: shared, saying: "is not one planboard writes")
        refused(applySQL(body: try body(of: "3b", in: shared, "{}")).replacingOccurrences(of: #"'{"hostile": {}}', '{"hostile": {}}'"#, with: "'{}', '[]'"),
                as: "ed", in: shared, saying: "is not an edit planboard writes")
        refused(applySQL(body: try body(of: "3b", in: shared, "{}"), logKind: "undo", target: "1"), as: "ed", in: shared, saying: "only their own changes")
        refused(applySQL(kind: "area", key: "1", parent: "", body: "{}"), as: "ed", in: shared, saying: "which only a chair may change")
        refused(applySQL(kind: "checkpoint", key: "Forged", parent: "", body: "{}"), as: "ed", in: shared, saying: "which only a chair may change")
        let kpi = try shared.cluster.psql("SELECT (body::jsonb || '{\"name\": \"Renamed\"}'::jsonb)::text FROM planboard.part WHERE kind = 'kpi' AND key = 'K1'",
                                          database: shared.database)
        refused(applySQL(kind: "kpi", key: "K1", parent: "", body: kpi), as: "ed", in: shared, saying: "editors record KPI actuals")
        // A part read before someone else changed it is refused, not overwritten.
        refused(applySQL(body: try body(of: "3b", in: shared, "{}")).replacingOccurrences(of: "ARRAY[coalesce((SELECT rev", with: "ARRAY[-7 + 0 * coalesce((SELECT rev"),
                as: "ed", in: shared, saying: "changed since it was read")
        // A viewer calls nothing that writes.
        refused(applySQL(body: try body(of: "3b", in: shared, "{}")), as: "vic", in: shared, saying: "only an editor or a chair may change the plan")
        refused("SELECT planboard.hold_plan()", as: "vic", in: shared, saying: "only an editor or a chair may change the plan")
        refused("SELECT planboard.set_person('vic', 'chair', NULL, false)", as: "vic", in: shared, saying: "only a chair or the database's owner may manage people")
        refused("SELECT planboard.set_person('ed', 'chair', NULL, false)", as: "ed", in: shared, saying: "only a chair or the database's owner may manage people")
        XCTAssertEqual(try fingerprint(shared), before, "the plan, its log and every login as they were")

        // What an editor may change they may change through psql too, but only through the
        // function: logged, signed, and never stopping anyone opening the plan. A key given
        // twice is kept as the server reads it (the last), and an edit this planboard cannot
        // read is kept with its summary, not undoable.
        let twice = #"{"status": "done", "# + String(try body(of: "3b", in: shared, "{}").dropFirst())
        try shared.cluster.psql(applySQL(body: twice),
                                database: shared.database, user: "ed")
        let viewer = try PostgresTestServer.open(shared.cluster, shared.database, user: "vic")
        XCTAssertEqual(try viewer.load().action("3b")?.status, .amber, "the later of the two statuses")
        XCTAssertEqual(try viewer.changes().last?.user, "ed")
        XCTAssertEqual(try viewer.changes().last?.summary, "forged")
        XCTAssertNil(try viewer.changes().last?.edit)

        // What an editor may do still works, through planboard, signed by the login.
        let editor = try PostgresTestServer.open(shared.cluster, shared.database, user: "ed")
        try editor.apply(try editor.load().settingActual(kpi: "K1", milestone: 0, to: 42))
        XCTAssertEqual(try PostgresTestServer.open(shared.cluster, shared.database, user: "vic").changes().last?.user, "ed")
    }

    func testAnEditorCannotChangeThePlanBehindPlanboardsBackOnADatabaseSetUpByASuperuser() throws {
        try checkAnEditorCannotChangeThePlanBehindPlanboardsBack(try shared(superuserSetUp: true))
    }

    func testAnEditorCannotChangeThePlanBehindPlanboardsBackOnADatabaseWithACreateRoleOwner() throws {
        try checkAnEditorCannotChangeThePlanBehindPlanboardsBack(try shared(superuserSetUp: false))
    }

    // MARK: Copying people in

    func testACopyNeverGivesARoleToALoginPlanboardDidNotMakeAndSaysWhoItLeftOut() throws {
        let cluster = try PostgresTestServer.cluster()
        try cluster.psql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bystander') THEN CREATE ROLE bystander LOGIN; END IF; END $$")
        let database = try cluster.createDatabase()
        let location = try PostgresLocation(url: cluster.url(database: database))
        let env = PostgresTestServer.environment(cluster)
        try PostgresAdmin.initialise(location, environment: env)
        let fresh = "fresh_\(UUID().uuidString.prefix(6).lowercased())"
        let history = PlanHistory(plan: try Samples.plan(SamplePlans.fictional), log: [],
                                  people: [PlanPerson(name: "bystander", role: .chair), PlanPerson(name: fresh, role: .editor)])
        let leftOut = try PostgresAdmin.create(location, history: history, environment: env)
        XCTAssertEqual(leftOut.count, 1, "\(leftOut)")
        XCTAssertTrue(leftOut.first?.hasPrefix("bystander was left out: the server already has a login of that name that planboard did not make") ?? false, "\(leftOut)")
        XCTAssertEqual(try cluster.psql("SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = 'bystander'"), "0")
        XCTAssertEqual(try cluster.psql("SELECT planboard.role_of('\(fresh)')", database: database), "editor")
    }
}

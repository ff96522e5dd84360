import Foundation
import PlanModel
import PlanStore
@testable import PlanStorePostgres
import TestSupport
import XCTest

/// A shared plan made by the planboard of schema version 1 (`Tests/Fixtures/round3`: a
/// `pg_dump` of a small plan with people, a recorded meeting and a log with an undo, made by
/// `make-postgres-v1.sh`) opens, is upgraded by its owner, and keeps its log and undo.
final class PostgresMigrationTests: XCTestCase {
    static var fixture: URL { Samples.repositoryRoot.appendingPathComponent("Tests/Fixtures/round3") }

    /// A database holding the version-1 dump, with the logins it names (server-wide, so
    /// made here as that server had them: the owner may create roles, as a PostgreSQL 15
    /// database owner does).
    func restoredV1() throws -> (PostgresCluster, String) {
        let cluster = try PostgresTestServer.cluster()
        let password = cluster.password
        try cluster.psql("""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'planadmin') THEN CREATE ROLE planadmin LOGIN CREATEROLE PASSWORD '\(password)'; END IF;
                          END $$
            """)
        try cluster.psql(PostgresAdmin.statements(PostgresSchema.roles).joined(separator: "\n"))
        // jackie and sam may be on this test server already, with the roles other tests gave
        // them (roles are server-wide): they keep those, each enough for what is done here.
        for (name, role) in [("jackie", "chair"), ("sam", "editor"), ("board1", "viewer")] {
            try cluster.psql("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(name)') THEN
                    CREATE ROLE \(name) LOGIN PASSWORD '\(password)';
                    GRANT planboard_\(role) TO \(name);
                  END IF;
                END $$
                """)
        }
        let database = "v1_\(UUID().uuidString.prefix(8).lowercased())"
        try cluster.psql("CREATE DATABASE \(database) OWNER planadmin")
        let dump = try String(contentsOf: Self.fixture.appendingPathComponent("postgres-v1.sql"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("\\") }  // psql's own commands (\restrict), not SQL
            .joined(separator: "\n")
        try cluster.psql(dump, database: database)
        return (cluster, database)
    }

    func testAVersion1PlanIsUpgradedByItsOwnerAndKeepsItsLogAndUndo() throws {
        let (cluster, database) = try restoredV1()
        let env = PostgresTestServer.environment(cluster)
        let recorded = try String(contentsOf: Self.fixture.appendingPathComponent("postgres-v1-log.txt"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }

        // Before its owner upgrades it, others are told who must, and nothing is changed.
        XCTAssertThrowsError(try PostgresTestServer.open(cluster, database, user: "sam")) { error in
            XCTAssertTrue((error as? StoreError)?.message.contains("was set up by an older planboard (schema version 1); its owner must upgrade it once") ?? false, "\(error)")
        }
        XCTAssertEqual(try cluster.psql("SELECT value FROM planboard.meta WHERE key = 'schema_version'", database: database), "1")

        // The owner opens it: upgraded, in one go, with the plan and the log as they were.
        let owner = try PostgresTestServer.open(cluster, database, user: "planadmin")
        XCTAssertEqual(try cluster.psql("SELECT value FROM planboard.meta WHERE key = 'schema_version'", database: database), "\(PostgresSchema.version)")
        let plan = try owner.load()
        XCTAssertEqual(plan.header.localArea, "Northmoor Local Area (fictional)")
        XCTAssertEqual(plan.action("1b")?.status, .red)
        XCTAssertEqual(plan.action("2b.i")?.status, .amber)
        XCTAssertEqual(plan.meetings.first(where: { $0.name == "Board 2023-09-12" })?.isRecorded, true)
        let log = try owner.changes()
        XCTAssertEqual(log.map { String($0.seq) }, recorded.map { $0[0] })
        XCTAssertEqual(log.map(\.user), recorded.map { $0[2] }, "every line keeps who made it")
        XCTAssertEqual(log.map(\.kind.rawValue), recorded.map { $0[3] })
        XCTAssertEqual(log.map(\.summary), recorded.map { $0[4] })

        // Sam's undo and redo carry on from where the old planboard left them.
        let sam = try PostgresTestServer.open(cluster, database, user: "sam")
        let (undone, record) = try XCTUnwrap(try sam.undo())
        XCTAssertEqual(record.seq, 10, "Sam's last change, made before the upgrade")
        XCTAssertEqual(undone.action("2b.i")?.status, .red)
        let (redone, _) = try XCTUnwrap(try sam.redo())
        XCTAssertEqual(redone.action("2b.i")?.status, .amber)
        XCTAssertEqual(try sam.changes().suffix(2).map(\.kind), [.undo, .redo])

        // And the rules of version 2 hold: the editor's old table grants are gone.
        XCTAssertThrowsError(try cluster.psql("UPDATE planboard.part SET body = body", database: database, user: "sam")) { error in
            XCTAssertTrue("\(error)".contains("permission denied"), "\(error)")
        }
        // The owner, a CREATEROLE role on PostgreSQL 15, now manages people; a version-1 login keeps its role.
        let asOwner = try PostgresLocation(url: cluster.url(database: database, user: "planadmin"))
        try PostgresAdmin.setRole("board1", role: .editor, at: asOwner, environment: env)
        XCTAssertEqual(try PostgresTestServer.open(cluster, database, user: "board1").role, .editor)
        try PostgresAdmin.setRole("board1", role: .viewer, at: asOwner, environment: env)
        // `server init` on an upgraded database says it already has the schema.
        XCTAssertThrowsError(try PostgresAdmin.initialise(asOwner, environment: env)) { error in
            XCTAssertTrue((error as? StoreError)?.message.contains("already has a planboard schema") ?? false, "\(error)")
        }
    }

    func testServerInitUpgradesAVersion1Database() throws {
        let (cluster, database) = try restoredV1()
        let asOwner = try PostgresLocation(url: cluster.url(database: database, user: "planadmin"))
        XCTAssertEqual(try PostgresAdmin.initialise(asOwner, environment: PostgresTestServer.environment(cluster)), .upgraded(from: 1))
        XCTAssertEqual(try PostgresTestServer.open(cluster, database, user: "board1").load().allActions.count, 26)
    }
}

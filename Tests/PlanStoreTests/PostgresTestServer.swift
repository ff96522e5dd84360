import Foundation
import PlanModel
import PlanStore
@testable import PlanStorePostgres
import TestSupport
import XCTest

/// One throwaway PostgreSQL cluster for this test process, started on first use and
/// removed when the process exits; each test gets its own database in it.
enum PostgresTestServer {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var started: Result<PostgresCluster, Error>?

    /// The people the tests log in as (login roles, server-wide), all with the cluster's password.
    static let people: [(String, PostgresPlanStore.Role)] = [
        ("jackie", .chair), ("sam", .chair), ("ed", .editor), ("vic", .viewer),
    ]

    static func cluster() throws -> PostgresCluster {
        try lock.withLock {
            if let started { return try started.get() }
            let result = Result { try PostgresCluster() }
            started = result
            atexit { PostgresTestServer.stopAtExit() }
            return try result.get()
        }
    }

    private static func stopAtExit() {
        if case let .success(cluster) = started { cluster.destroy() }
    }

    /// The password environment for a login (everyone shares the cluster's password).
    static func environment(_ cluster: PostgresCluster) -> [String: String] {
        ["PGPASSWORD": cluster.password, "PGPASSFILE": "/nonexistent"]
    }

    /// A new database with the schema and the test people, and no plan yet.
    static func newDatabase() throws -> (cluster: PostgresCluster, database: String) {
        let cluster = try cluster()
        let database = try cluster.createDatabase()
        let admin = try PostgresLocation(url: cluster.url(database: database))
        let env = environment(cluster)
        try PostgresAdmin.initialise(admin, environment: env)
        for (name, role) in people {
            let exists = try cluster.psql("SELECT count(*) FROM pg_roles WHERE rolname = '\(name)'") == "1"
            if exists {
                try PostgresAdmin.setRole(name, role: role, at: admin, environment: env)
            } else {
                try PostgresAdmin.addPerson(name, role: role, password: cluster.password, at: admin, environment: env)
            }
        }
        return (cluster, database)
    }

    /// A new database holding `plan`, imported by the owner (the server times the import).
    static func newPlan(_ plan: Plan) throws -> (cluster: PostgresCluster, database: String) {
        let (cluster, database) = try newDatabase()
        try PostgresAdmin.create(try PostgresLocation(url: cluster.url(database: database)), plan: plan, summary: "created from a plan",
                                 environment: environment(cluster))
        return (cluster, database)
    }

    static func open(_ cluster: PostgresCluster, _ database: String, user: String) throws -> PostgresPlanStore {
        try PostgresPlanStore.open(try PostgresLocation(url: cluster.url(database: database, user: user)), environment: environment(cluster))
    }
}

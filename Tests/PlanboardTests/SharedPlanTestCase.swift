import Foundation
import TestSupport
import XCTest

/// Tests of the real binary on a plan shared on PostgreSQL: one throwaway cluster for the
/// class (started before its first test, removed after its last), and `planboard` run with
/// the cluster's password in the environment, never in its output.
class SharedPlanTestCase: XCTestCase {
    nonisolated(unsafe) static var shared: PostgresCluster?
    var cluster: PostgresCluster!
    /// Where commands remember the plan between runs (`SnapshotCache`): one per test.
    var cacheHome: TempFolder!

    override class func setUp() {
        super.setUp()
        shared = try? PostgresCluster()
    }

    override class func tearDown() {
        shared?.destroy()
        shared = nil
        super.tearDown()
    }

    override func setUpWithError() throws {
        signal(SIGPIPE, SIG_IGN)
        // A missing cluster is a failure here, not a skip: CI installs PostgreSQL (scripts/setup).
        cluster = try XCTUnwrap(Self.shared, "no PostgreSQL cluster could be started; run scripts/setup")
        cacheHome = try TempFolder("cache")
    }

    var env: [String: String] {
        ["PGPASSWORD": cluster.password, "PGPASSFILE": "/nonexistent", "PLANBOARD_TODAY": "2023-08-15", "XDG_CACHE_HOME": cacheHome.url.path]
    }

    @discardableResult
    func planboard(_ arguments: [String], stdin: String? = nil, expect status: Int32 = 0,
                   file: StaticString = #filePath, line: UInt = #line) throws -> PlanboardBinary.Result {
        let result = try PlanboardBinary.run(arguments, environment: env, stdin: stdin)
        XCTAssertEqual(result.status, status, "planboard \(arguments.joined(separator: " ")): \(result.stderr)", file: file, line: line)
        XCTAssertFalse(result.stdout.contains(cluster.password) || result.stderr.contains(cluster.password), "the password never shows", file: file, line: line)
        return result
    }

    /// Gives each person their role on the server, adding those not there yet (roles are
    /// server-wide, so another test's database may have made them already).
    func addPeople(_ people: [(String, String)], owner: String) throws {
        for (name, role) in people {
            if try cluster.psql("SELECT count(*) FROM pg_roles WHERE rolname = '\(name)'") == "1" {
                try planboard(["people", "set-role", name, "--role", role, "--db", owner])
            } else {
                try planboard(["people", "add", name, "--role", role, "--password-stdin", "--db", owner], stdin: cluster.password + "\n")
            }
        }
    }
}

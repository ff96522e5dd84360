import Foundation
import TestSupport
import XCTest

/// A plan shared on a PostgreSQL server, through the real binary: setting it up, people and
/// roles, many writers at once, and copying it out again.
final class SharedPlanTests: SharedPlanTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws {
        try super.setUpWithError()
        folder = try TempFolder("shared")
    }

    override func tearDown() { folder = nil }

    /// A database with the schema and the Devon sample copied in, and people with each role.
    func sharedPlan() throws -> (owner: String, url: (String) -> String) {
        let database = try cluster.createDatabase()
        let owner = cluster.url(database: database)
        try planboard(["server", "init", "--db", owner])
        try planboard(["import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", owner])
        try addPeople([("jackie", "chair"), ("ed", "editor"), ("vic", "viewer")], owner: owner)
        let cluster = self.cluster!
        return (owner, { user in cluster.url(database: database, user: user) })
    }

    /// The illustrative sample in a file of its own, with these people and roles in it.
    func sampleFile(_ name: String, people: [String]) throws -> String {
        let file = folder.path(name)
        try planboard(["import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", file])
        for line in people {
            let parts = line.split(separator: "\t").map(String.init)
            try planboard(["people", "add", parts[0], "--role", parts[1], "--db", file])
        }
        return file
    }

    /// A new database on the cluster with the schema set up: its name and the owner's address.
    func initialisedDatabase() throws -> (name: String, owner: String) {
        let database = try cluster.createDatabase()
        let owner = cluster.url(database: database)
        let initialised = try planboard(["server", "init", "--db", owner])
        XCTAssertTrue(initialised.stdout.contains("Set up postgres://postgres@127.0.0.1"), initialised.stdout)
        return (database, owner)
    }

    func testACopyLeavesTheRoleOfSomeoneTheServerAlreadyKnows() throws {
        let original = try sampleFile("known.sqlite", people: ["copy_eve\tviewer", "copy_fay\teditor"])
        let owner = try initialisedDatabase().owner
        try planboard(["people", "add", "copy_eve", "--role", "chair", "--db", owner])
        try planboard(["copy", "--from", original, "--to", owner])
        let onServer = try planboard(["people", "list", "--db", owner]).stdout
        XCTAssertTrue(onServer.contains("copy_eve\tchair"), "a chair on the server stays a chair, whatever the file says: \(onServer)")
        XCTAssertTrue(onServer.contains("copy_fay\teditor"), "someone new gets the file's role: \(onServer)")
    }

    func testAPartnershipSharesAPlanAndCopiesItBackByteForByte() throws {
        let original = folder.path("devon.sqlite")
        try planboard(["import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", original])
        try planboard(["set", "3b", "--status", "amber", "--reason", "Recruitment slower — “two posts” unfilled", "--db", original, "--user", "jackie"])
        try planboard(["checkpoint", "Board Sep", "--date", "2023-09-12", "--db", original, "--user", "jackie"])
        try planboard(["set", "1a", "--note", "Pilot started", "--db", original, "--user", "sam"])
        // Names no other test gives a role: roles are server-wide.
        let people = ["copy_amira\tchair", "copy_ben\teditor", "copy_cai\tviewer"]
        for line in people {
            let parts = line.split(separator: "\t").map(String.init)
            try planboard(["people", "add", parts[0], "--role", parts[1], "--db", original])
        }

        let database = try cluster.createDatabase()
        let owner = cluster.url(database: database)
        let initialised = try planboard(["server", "init", "--db", owner])
        XCTAssertTrue(initialised.stdout.contains("Set up postgres://postgres@127.0.0.1"), initialised.stdout)
        let copied = try planboard(["copy", "--from", original, "--to", owner])
        XCTAssertTrue(copied.stdout.contains("4 changes in the log, 3 checkpoints, 3 people"), copied.stdout)
        let onServer = try planboard(["people", "list", "--db", owner]).stdout
        for line in people { XCTAssertTrue(onServer.contains(line), "the file's people have their roles on the server: \(onServer)") }
        try planboard(["copy", "--from", original, "--to", owner], expect: 1)

        let back = folder.path("back.sqlite")
        try planboard(["copy", "--from", owner, "--to", back])
        let exportA = try planboard(["export", "--db", original]).stdout
        let exportB = try planboard(["export", "--db", back]).stdout
        let exportPG = try planboard(["export", "--db", owner]).stdout
        XCTAssertFalse(exportA.isEmpty)
        XCTAssertEqual(exportB, exportA, "SQLite → PostgreSQL → SQLite gives back the same export, byte for byte")
        XCTAssertEqual(exportPG, exportA)
        XCTAssertEqual(try planboard(["log", "--db", back]).stdout, try planboard(["log", "--db", original]).stdout, "and the same log")
        XCTAssertEqual(try planboard(["log", "--db", owner]).stdout, try planboard(["log", "--db", original]).stdout)
        try planboard(["copy", "--from", owner, "--to", back], expect: 1)
        let inFile = try planboard(["people", "list", "--db", back]).stdout
        for line in people { XCTAssertTrue(inFile.contains(line), "and come back into the file: \(inFile)") }
        XCTAssertEqual(try planboard(["people", "list", "--db", original]).stdout,
                       people.joined(separator: "\n") + "\n", "the original file is unchanged")
    }

    func testACopyWhoseOnePersonCannotBeGivenARoleCopiesNothing() throws {
        // A name PostgreSQL keeps for its own roles ("pg_…"): the server refuses to make it a login.
        let original = try sampleFile("devon.sqlite", people: ["copy_dee\teditor", "pg_planboard_dee\teditor"])
        let (database, owner) = try initialisedDatabase()
        let refused = try planboard(["copy", "--from", original, "--to", owner], expect: 1)
        XCTAssertTrue(refused.stderr.contains("cannot give pg_planboard_dee the role editor"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("nothing was copied"), refused.stderr)
        XCTAssertEqual(try cluster.psql("SELECT count(*) FROM pg_roles WHERE rolname = 'copy_dee'"), "0", "the person made before the refusal is undone too")
        XCTAssertEqual(try cluster.psql("SELECT count(*) FROM planboard.plan", database: database), "0", "and no plan was written")
    }

    func testPeopleAreAddedListedAndGivenRolesAndEveryChangeIsSignedByTheLogin() throws {
        let (owner, url) = try sharedPlan()
        let people = try planboard(["people", "list", "--db", owner]).stdout
        for line in ["jackie\tchair", "ed\teditor", "vic\tviewer"] { XCTAssertTrue(people.contains(line), people) }

        try planboard(["set", "3b", "--note", "Ed's note", "--db", url("ed")])
        let log = try planboard(["log", "--db", url("vic")]).stdout
        XCTAssertTrue(log.split(separator: "\n").last?.contains("\ted\tedit\t") ?? false, log)
        let forged = try planboard(["set", "3b", "--note", "as jackie", "--db", url("ed"), "--user", "jackie"], expect: 1)
        XCTAssertTrue(forged.stderr.contains("--user jackie does not match who the server logged in (ed)"), forged.stderr)

        let refused = try planboard(["people", "add", "mallory", "--role", "chair", "--db", url("ed")], expect: 1)
        XCTAssertTrue(refused.stderr.contains("only a chair or the database's owner may manage people"), refused.stderr)
        try planboard(["people", "set-role", "vic", "--role", "editor", "--db", url("jackie")])
        try planboard(["set", "3b", "--note", "Vic, now an editor", "--db", url("vic")])
        try planboard(["people", "set-role", "vic", "--role", "viewer", "--db", url("jackie")])
        try planboard(["people", "list", "--db", folder.path("missing.sqlite")], expect: 1)
    }

    func testAViewersEditIsRefusedThroughPlanboard() throws {
        let (_, url) = try sharedPlan()
        let before = try planboard(["export", "--db", url("vic")]).stdout
        let refused = try planboard(["set", "3b", "--status", "green", "--db", url("vic")], expect: 1)
        XCTAssertTrue(refused.stderr.contains("vic is a viewer"), refused.stderr)
        XCTAssertEqual(try planboard(["export", "--db", url("vic")]).stdout, before)
        // Through psql, too: the server itself refuses.
        XCTAssertThrowsError(try cluster.psql("UPDATE planboard.part SET body = '{}'", database: url("vic").split(separator: "/").last?
            .split(separator: "?").first.map(String.init) ?? "", user: "vic")) { error in
            XCTAssertTrue("\(error)".contains("permission denied"), "\(error)")
        }
    }

    func testEightProcessesEachMaking200EditsOnOnePlanLoseNone() throws {
        let (_, url) = try sharedPlan()
        let refs = ["1a", "2a", "3b", "3d"]
        var writers: [(Process, FileHandle, FileHandle)] = []
        for writer in 0..<8 {
            let (process, input, output) = try PlanboardBinary.start(["batch", "-", "--db", url(writer % 2 == 0 ? "ed" : "jackie")],
                                                                     environment: env)
            // All write notes to the same few actions, so their transactions really contend.
            let lines = (0..<200).map { i in "\(refs[i % refs.count]) --note \"w\(writer) e\(i)\"" }.joined(separator: "\n") + "\n"
            PlanboardBinary.feed(input, lines)
            writers.append((process, input, output))
        }
        var acknowledged: [String] = []
        for (writer, (process, _, output)) in writers.enumerated() {
            let text = String(decoding: output.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, text.split(separator: "\n").filter { $0.hasPrefix("error") }.prefix(3).joined(separator: "\n"))
            let ok = text.split(separator: "\n").filter { $0.hasPrefix("ok ") }
            XCTAssertEqual(ok.count, 200)
            for line in ok {
                guard let number = line.dropFirst(3).split(separator: ":").first.flatMap({ Int($0) }) else { continue }
                acknowledged.append("w\(writer) e\(number - 1)")
            }
        }
        XCTAssertEqual(acknowledged.count, 1600)
        let exported = try planboard(["export", "--db", url("vic")]).stdout
        let missing = acknowledged.filter { !exported.contains("\"\($0)\"") }
        XCTAssertEqual(missing, [], "every acknowledged edit is in the plan")
        let log = try planboard(["log", "--db", url("vic")]).stdout.split(separator: "\n")
        XCTAssertEqual(log.filter { $0.contains("\tedit\t") }.count, 1600, "and in the log, once each")
        let seqs = log.compactMap { $0.split(separator: "\t").first.flatMap { Int64($0) } }
        XCTAssertEqual(seqs, Array(1...Int64(seqs.count)), "the log has no gaps")
    }
}

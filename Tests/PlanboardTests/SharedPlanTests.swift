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

    /// A project lead's second `set` starts from the plan their first one left (one call to
    /// the server); what others changed meanwhile is kept, a database made again under the
    /// same name is never written from the old one's parts, and a remembered plan anyone else
    /// could have written is not used.
    func testARememberedPlanNeverOverwritesTheServersNewerOne() throws {
        let database = try cluster.createDatabase()
        let owner = cluster.url(database: database)
        try planboard(["server", "init", "--db", owner])
        try planboard(["import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", owner])
        try addPeople([("jackie", "chair"), ("ed", "editor")], owner: owner)
        let ed = cluster.url(database: database, user: "ed")
        let jackie = cluster.url(database: database, user: "jackie")
        func action(_ ref: String) throws -> [String: Any] {
            let plan = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try planboard(["export", "--db", owner]).stdout.utf8)) as? [String: Any])
            let areas = try XCTUnwrap(plan["areas"] as? [[String: Any]])
            return try XCTUnwrap(areas.flatMap { $0["actions"] as? [[String: Any]] ?? [] }.first { $0["ref"] as? String == ref })
        }
        func notes(_ ref: String) throws -> [String] {
            (try action(ref)["notes"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        }

        try planboard(["set", "3c", "--note", "Caseworkers recruited", "--db", ed])
        let remembered = try FileManager.default.contentsOfDirectory(atPath: cacheHome.path("planboard/shared")).filter { $0.hasSuffix(".json") }
        XCTAssertEqual(remembered.count, 1, "the change is remembered for the next command")
        let file = cacheHome.path("planboard/shared/\(remembered[0])")
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o077, 0, "readable by its owner alone")

        // Jackie moves 3c's date; Ed's next change, worked out on what he remembers, keeps it.
        try planboard(["set", "3c", "--by-when", "2027-01-31", "--db", jackie])
        try planboard(["set", "3c", "--status", "amber", "--reason", "Two posts unfilled", "--db", ed])
        XCTAssertEqual(try action("3c")["byWhen"] as? String, "2027-01-31", "Jackie's change is kept")
        XCTAssertEqual(try action("3c")["status"] as? String, "amber")
        XCTAssertEqual(try notes("3c").filter { ["Caseworkers recruited", "Two posts unfilled"].contains($0) }.count, 2)

        // Jackie changes the very field Ed sets next: Ed's command saw nothing, so it is made
        // over Jackie's value, as a fresh read would make it, never refused as a conflict.
        try planboard(["set", "3c", "--status", "red", "--reason", "Slipped again", "--db", jackie])
        let over = try planboard(["set", "3c", "--status", "complete", "--db", ed])
        XCTAssertTrue(over.stdout.hasPrefix("3c: Complete"), over.stdout)
        XCTAssertEqual(try action("3c")["status"] as? String, "complete")
        let lastLine = try XCTUnwrap(try planboard(["log", "--db", owner]).stdout.split(separator: "\n").last)
        XCTAssertTrue(lastLine.hasSuffix("ed\tedit\t3c status Red → Complete"), "\(lastLine)")
        try planboard(["set", "3c", "--status", "amber", "--reason", "Two posts unfilled", "--db", ed])

        // Another remembered plan, only in the first database...
        try planboard(["set", "3c", "--note", "Only in the first database", "--db", ed])
        // ...which is dropped and made again under the same name, with the same sample.
        try cluster.psql("DROP DATABASE \"\(database)\"")
        try cluster.createDatabase(database)
        try planboard(["server", "init", "--db", owner])
        try planboard(["import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", owner])
        let sampleDate = try action("3c")["byWhen"] as? String
        // As many changes as in the first, so 3c's revision there and here are the same
        // number: only the database's name in the call tells them apart.
        let cached = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        let cachedRev = (cached["parts"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == "action" && $0["key"] as? String == "3c" }?["rev"] as? Int
        let here = try XCTUnwrap(Int(try cluster.psql("SELECT max(seq) FROM planboard.change", database: database)))
        for n in 0..<max(0, (cachedRev ?? 0) - here - 1) { try planboard(["set", "1a", "--note", "Reviewed \(n)", "--db", jackie]) }
        try planboard(["set", "3c", "--note", "Chair's note in the second database", "--db", jackie])
        XCTAssertEqual(try cluster.psql("SELECT rev FROM planboard.part WHERE kind = 'action' AND key = '3c'", database: database), cachedRev.map(String.init),
                       "3c has the same revision number in both databases")
        try planboard(["set", "3c", "--note", "In the second database", "--db", ed])
        let second = try notes("3c")
        XCTAssertTrue(second.contains("In the second database") && second.contains("Chair's note in the second database"), "\(second)")
        XCTAssertFalse(second.contains { ["Only in the first database", "Caseworkers recruited", "Two posts unfilled"].contains($0) },
                       "nothing of the first database is written into the second: \(second)")
        XCTAssertEqual(try action("3c")["byWhen"] as? String, sampleDate)
        XCTAssertEqual(try action("3c")["status"] as? String, "green", "3c keeps the sample's status")

        // A remembered plan that others could have written is not trusted.
        // (Ed's file: the same login on the same database is remembered under the same name.)
        let plantedFile = file
        let text = try String(contentsOfFile: plantedFile, encoding: .utf8)
        XCTAssertTrue(text.contains("In the second database"), "the cache holds the last change: \(text.prefix(300))")
        try text.replacingOccurrences(of: "In the second database", with: "Planted by someone else").write(toFile: plantedFile, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: plantedFile)
        try planboard(["set", "3c", "--note", "Checked on the server", "--db", ed])
        let third = try notes("3c")
        XCTAssertTrue(third.contains("In the second database") && third.contains("Checked on the server"), "\(third)")
        XCTAssertFalse(third.contains("Planted by someone else"), "\(third)")
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
        XCTAssertTrue(copied.stdout.contains("4 changes in the log, 4 checkpoints, 3 people"), copied.stdout)
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

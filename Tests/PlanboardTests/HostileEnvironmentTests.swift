import Foundation
import GRDB
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// Several people, scripts with typos, full disks, hostile text and huge input.
/// Each test runs the real binary as a person or a script would.
final class HostileEnvironmentTests: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }

    override func setUpWithError() throws {
        signal(SIGPIPE, SIG_IGN)
        folder = try TempFolder("hostile")
    }

    override func tearDown() { folder = nil }

    @discardableResult
    func planboard(_ args: String..., user: String = "tester", env: [String: String] = [:], stdin: String? = nil) throws -> PlanboardBinary.Result {
        try PlanboardBinary.run(args, environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": user].merging(env) { $1 }, stdin: stdin)
    }

    /// Runs a shell command line (for redirections such as `> /dev/full`); `$PB` is planboard, `$DB` the plan.
    func shell(_ script: String) throws -> PlanboardBinary.Result {
        try PlanboardBinary.shell(script, environment: ["DB": db, "PLANBOARD_TODAY": "2023-08-15"])
    }

    func importSample() throws {
        let result = try planboard("import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", db)
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    /// Control characters other than the line breaks and tabs that output is made of.
    func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            (s.value < 0x20 && s != "\n" && s != "\t" && s != "\r") || s.value == 0x7F || (0x80...0x9F).contains(s.value)
        }.map { String(format: "U+%04X", $0.value) }
    }

    // MARK: 1. Several people

    func testThreePeopleAddNotesAndUndoingOnesNoteNeverTouchesAnothers() throws {
        try importSample()
        for user in ["bob", "alice", "carol"] {
            XCTAssertEqual(try planboard("set", "3b", "--note", "\(user) NOTE", "--db", db, "--user", user).status, 0)
        }
        XCTAssertEqual(try planboard("undo", "--db", db, "--user", "bob").status, 0)
        let undo = try planboard("undo", "--db", db, "--user", "alice")
        XCTAssertEqual(undo.stdout, "Undid: note on 3b: alice NOTE\n")
        var notes = try PlanStore.open(path: db, user: "t").load().action("3b")?.notes.map(\.text) ?? []
        XCTAssertFalse(notes.contains("alice NOTE"), "alice's note is really gone")
        XCTAssertTrue(notes.contains("carol NOTE"), "carol's note is kept")
        XCTAssertEqual(try planboard("redo", "--db", db, "--user", "alice").status, 0)
        notes = try PlanStore.open(path: db, user: "t").load().action("3b")?.notes.map(\.text) ?? []
        XCTAssertEqual(notes.filter { $0 == "alice NOTE" }.count, 1, "redo puts back one copy")
        XCTAssertEqual(notes.filter { $0 == "carol NOTE" }.count, 1)
    }

    func testUndoThatWouldWipeAnotherPersonsLeadIsRefusedSayingWhoAndWhat() throws {
        try importSample()
        // (3b's lead is Jackie Ross already: a lead set to what it is would change nothing.)
        XCTAssertEqual(try planboard("set", "3b", "--lead", "Priya Shah", "--new-person", "--db", db, "--user", "alice").status, 0)
        XCTAssertEqual(try planboard("set", "3b", "--lead", "Sam Lee", "--new-person", "--db", db, "--user", "bob").status, 0)
        let undo = try planboard("undo", "--db", db, "--user", "alice")
        XCTAssertEqual(undo.status, 1)
        XCTAssertTrue(undo.stderr.hasPrefix("planboard: 3b lead was changed by bob at "), undo.stderr)
        XCTAssertTrue(undo.stderr.hasSuffix(" to Sam Lee; your undo was not applied\n"), undo.stderr)
        XCTAssertEqual(try PlanStore.open(path: db, user: "t").load().action("3b")?.leads, ["Sam Lee"])
    }

    // MARK: 2. A mistyped --db

    func testAMistypedPlanPathIsAnErrorAndMakesNothing() throws {
        try importSample()
        let typo = folder.path("missing-folder/typo_plna.sqlite")
        for args in [["set", "3b", "--status", "green"], ["summary"], ["export"], ["log"], ["undo"], ["checkpoint", "Board"]] {
            let result = try PlanboardBinary.run(args + ["--db", typo], environment: ["USER": "t"])
            XCTAssertEqual(result.status, 1, args.joined(separator: " "))
            XCTAssertEqual(result.stdout, "", "no invented figures")
            XCTAssertEqual(result.stderr, "planboard: there is no plan at \(typo); nothing was changed. Check the path, or create a plan there with `planboard init --db \(typo)` or `planboard import FILE.json --db \(typo)`\n")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path("missing-folder")), "no folder was made")
    }


    /// The dashboard's own options are read by hand on the usual start (it spares a few ms
    /// of reflection); every spelling must still be read, and a slip still gets
    /// ArgumentParser's own message.
    func testTheDashboardsOptionsAreReadInEverySpellingAndASlipGetsTheUsualMessage() throws {
        try importSample()
        let unknown = "planboard: there is no theme called \"nosuch\""
        for args in [["--theme", "nosuch"], ["--theme=nosuch"], ["--db", db, "--theme=nosuch"], ["--user=a", "--theme", "nosuch", "--db=\(db)"],
                     ["dashboard", "--theme", "nosuch"]] {
            let result = try PlanboardBinary.run(args, environment: ["USER": "t"])
            XCTAssertEqual(result.status, 1, args.joined(separator: " "))
            XCTAssertTrue(result.stderr.hasPrefix(unknown), "\(args): \(result.stderr)")
        }
        for (args, message) in [(["--db"], "Missing value for '--db <path>'"), (["--db", "--theme", "mono"], "Missing value for '--db <path>'"),
                                (["--them", "mono"], "Unknown option '--them'")] {
            let result = try PlanboardBinary.run(args, environment: ["USER": "t"])
            XCTAssertEqual(result.status, 2, args.joined(separator: " "))
            XCTAssertTrue(result.stderr.contains(message), "\(args): \(result.stderr)")
        }
    }
    // MARK: 3. Write errors

    func testOutputToAFullDiskIsAClearErrorNotACrash() throws {
        try importSample()
        for command in ["export", "export --format csv", "summary", "log", "generate --actions 50 --risks 5"] {
            let result = try shell("\"$PB\" \(command) --db \"$DB\" > /dev/full".replacingOccurrences(of: "generate --actions 50 --risks 5 --db \"$DB\"", with: "generate --actions 50 --risks 5"))
            XCTAssertEqual(result.status, 1, "\(command): \(result.stderr)")
            XCTAssertEqual(result.stderr, "planboard: cannot write to standard output: No space left on device\n", command)
        }
    }

    func testBatchToAFullDiskSaysWhichLineWasSavedAndStops() throws {
        try importSample()
        let updates = folder.path("updates.txt")
        try "3b --status green\n3d --lead \"Nobody Else\"\n".write(toFile: updates, atomically: true, encoding: .utf8)
        let result = try shell("\"$PB\" batch \"\(updates)\" --db \"$DB\" > /dev/full")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "planboard: line 1 of \(updates) was saved, but its report could not be written (cannot write to standard output: No space left on device); stopped there: 1 line(s) saved, 0 refused, the lines after 1 not read\n")
        let plan = try PlanStore.open(path: db, user: "t").load()
        XCTAssertEqual(plan.action("3b")?.status, .green, "line 1 was saved, as it says")
        XCTAssertNotEqual(plan.action("3d")?.leads, ["Nobody Else"], "line 2 was not")
    }

    // MARK: 5. -o writes into what it names

    func testExportIntoADeviceWritesIntoItAndNeverReplacesIt() throws {
        try importSample()
        // Device nodes of our own in the test folder: a full one and a null one.
        let full = folder.path("full"), null = folder.path("null")
        guard try shell("mknod '\(full)' c 1 7 && mknod '\(null)' c 1 3").status == 0 else {
            throw XCTSkip("making device nodes needs root")
        }
        let intoFull = try planboard("export", "-o", full, "--db", db)
        XCTAssertEqual(intoFull.status, 1)
        XCTAssertEqual(intoFull.stderr, "planboard: cannot write \(full): No space left on device\n")
        XCTAssertEqual(try planboard("export", "-o", null, "--db", db).status, 0)
        for device in [full, null] {
            let type = try FileManager.default.attributesOfItem(atPath: device)[.type] as? FileAttributeType
            XCTAssertEqual(type, .typeCharacterSpecial, "\(device) is still a device")
        }
    }

    func testExportThroughASymlinkWritesItsTargetAndKeepsItsPermissions() throws {
        try importSample()
        let target = folder.path("real.json"), link = folder.path("link.json")
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
        XCTAssertEqual(try planboard("export", "-o", link, "--db", db).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "real.json", "the link is still a link")
        XCTAssertTrue(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{\n  \"format\": \"planboard/"))
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber)?.intValue, 0o640)
    }

    func testExportIntoAFIFOWritesIntoIt() throws {
        try importSample()
        let fifo = folder.path("pipe")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let result = try shell("cat '\(fifo)' > '\(folder.path("read.json"))' & \"$PB\" export -o '\(fifo)' --db \"$DB\"; s=$?; wait; exit $s")
        XCTAssertEqual(result.status, 0, result.stderr)
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
        XCTAssertTrue(try String(contentsOfFile: folder.path("read.json"), encoding: .utf8).hasSuffix("}\n"))
    }

    // MARK: 4 and 6. Forged log lines and text that acts on a terminal

    func testANoteCannotForgeALineOfTheLog() throws {
        try importSample()
        let forged = "Fine\n3\t2026-11-29 09:00:00\tjackie\tedit\taction 1b status → complete"
        XCTAssertEqual(try planboard("set", "1a", "--note", forged, "--db", db).status, 0)
        let log = try planboard("log", "--db", db)
        let lines = log.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, 2, "one line per change: the import and the note\n\(log.stdout)")
        XCTAssertTrue(lines[1].contains("\tnote on 1a: Fine 3\\t2026-11-29 09:00:00\\tjackie\\tedit"), String(lines[1]))
        XCTAssertFalse(lines.contains { $0.contains("\tjackie\t") }, "no change by jackie appears")
    }

    func testValidateAndBatchShowHostileTextVisibly() throws {
        let hostile = folder.path("hostile.json")
        var text = try String(decoding: Samples.bytes(SamplePlans.fictional), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"kpiText\": \"JSNA chapter published.\"",
                                          with: "\"kpiText\": \"\\u001b]0;PWNED\\u0007\\u001b[2J\", \"\\u001b[41mKEY\": 1")
        try Data(text.utf8).write(to: URL(fileURLWithPath: hostile))
        let validate = try planboard("validate", hostile)
        XCTAssertEqual(validate.status, 1)
        XCTAssertEqual(rawControls(validate.stderr + validate.stdout), [], validate.stderr)
        XCTAssertTrue(validate.stderr.contains("^[[41mKEY"), validate.stderr)

        try importSample()
        let batch = try planboard("batch", "-", "--db", db, stdin: "3b --status \u{1B}[2Jgreen\n\u{1B}]0;PWNED\u{07} --status green\n")
        XCTAssertEqual(batch.status, 1)
        XCTAssertEqual(rawControls(batch.stdout + batch.stderr), [], batch.stdout)
    }

    func testATamperedPlanPrintsNoControlCharacterAnywhereAndExportsAFileThatImports() throws {
        try importSample()
        let evil = "Bad\u{1B}]0;PWNED\u{07}\u{1B}[2J\r\u{9B}31m"
        try DatabaseQueue(path: db).write { db in
            try db.execute(sql: "UPDATE action SET text = ?, leads = ? WHERE ref = '3b'", arguments: [evil, "[\"\(evil.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? String(format: "\\\\u%04x", $0.value) : String($0) }.joined())\"]"])
            try db.execute(sql: "UPDATE risk SET risk = ?, owner = ?", arguments: [evil, evil])
            try db.execute(sql: "UPDATE area SET title = ?", arguments: [evil])
            try db.execute(sql: "UPDATE kpi SET name = ?", arguments: [evil])
            try db.execute(sql: "UPDATE change SET user = ?, summary = ?", arguments: [evil, evil])
        }
        for args in [["summary"], ["log"], ["export", "--format", "csv"], ["export", "--format", "csv", "--what", "risks"],
                     ["export", "--format", "csv", "--what", "kpis"], ["export"]] {
            let result = try PlanboardBinary.run(args + ["--db", db], environment: ["PLANBOARD_TODAY": "2023-08-15"])
            XCTAssertEqual(result.status, 0, "\(args): \(result.stderr)")
            XCTAssertEqual(rawControls(result.stdout + result.stderr), [], "\(args)")
            if args.count > 1 && args[1] == "--format" {
                XCTAssertFalse(result.stdout.contains("\r\u{1B}") || result.stdout.contains("\u{1B}"))
            }
        }
        let exported = folder.path("out.json")
        XCTAssertEqual(try planboard("export", "-o", exported, "--db", db).status, 0)
        let reimport = try planboard("import", exported, "--db", folder.path("again.sqlite"))
        XCTAssertEqual(reimport.status, 0, "the export imports again: \(reimport.stderr)")
        XCTAssertEqual(try PlanStore.open(path: folder.path("again.sqlite"), user: "t").load().action("3b")?.text,
                       "Bad^[]0;PWNED^G^[[2J^M<9B>31m")
    }

    // MARK: 7. Formula injection

    func testCSVDefusesEveryFormulaStartIncludingTabAndCarriageReturn() throws {
        try importSample()
        // A carriage return cannot be typed into a plan; a tampered file can hold one.
        try DatabaseQueue(path: db).write { db in
            for (ref, text) in [("3b", "\t=cmd|' /C calc'!A0"), ("3d", "\r=cmd"), ("1a", "=1+1"), ("1b", "@SUM(A1)")] {
                try db.execute(sql: "UPDATE action SET success_criteria = ? WHERE ref = ?", arguments: [text, ref])
            }
        }
        let csv = try planboard("export", "--format", "csv", "--db", db).stdout
        XCTAssertTrue(csv.contains(",'\t=cmd|' /C calc'!A0,"), csv)
        XCTAssertTrue(csv.contains("'^M=cmd"), csv)
        XCTAssertTrue(csv.contains(",'=1+1,"))
        XCTAssertTrue(csv.contains(",'@SUM(A1),"))
    }

    // MARK: 9. Huge input

    func testAFiftyMegabyteTextIsRefusedByItsLength() throws {
        let path = folder.path("huge.json")
        var text = try String(decoding: Samples.bytes(SamplePlans.fictional), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"JSNA chapter published.\"", with: "\"" + String(repeating: "a", count: 50_000_000) + "\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = try planboard("validate", path)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(".kpiText (line "), result.stderr)
        XCTAssertTrue(result.stderr.contains("): is 50000000 characters long; expected at most 100000\n"), String(result.stderr.prefix(500)))
        XCTAssertLessThan(result.stderr.utf8.count, 1000, "the text itself is not echoed")
    }

    // MARK: 10 to 15. Messages that lead somewhere

    func testReadingSomethingThatIsNotAFileSaysWhatItIs() throws {
        XCTAssertEqual(try planboard("validate", "/dev/zero").stderr,
                       "planboard: /dev/zero: 1 problem; nothing was imported.\n  /dev/zero: is a device, not a file; expected a JSON plan file (to read standard input, pipe the file in)\n")
        XCTAssertEqual(try planboard("validate", folder.url.path).stderr,
                       "planboard: \(folder.url.path): 1 problem; nothing was imported.\n  \(folder.url.path): is a folder; expected a JSON plan file\n")
        let fromStdin = try shell("\"$PB\" validate /dev/stdin < '\(try Samples.url(SamplePlans.fictional).path)'")
        XCTAssertEqual(fromStdin.status, 0, fromStdin.stderr)
        XCTAssertTrue(fromStdin.stdout.contains("valid planboard/1 plan"))
    }

    func testAnEmptyPlanFileSaysHowToFillItAndThatWorks() throws {
        let empty = folder.path("empty.sqlite")
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: Data()))
        let summary = try planboard("summary", "--db", empty)
        XCTAssertEqual(summary.status, 1)
        XCTAssertTrue(summary.stderr.contains("`planboard import FILE.json --db \(empty)`"), summary.stderr)
        let fill = try planboard("import", try Samples.url(SamplePlans.fictional).path, "--db", empty)
        XCTAssertEqual(fill.status, 0, "the command the message offers works: \(fill.stderr)")
        XCTAssertEqual(try planboard("summary", "--db", empty).status, 0)
    }

    func testReadingDoesNotWaitForAnotherProgramsWrite() throws {
        try importSample()
        var config = Configuration()
        config.busyMode = .immediateError
        let other = try DatabaseQueue(path: db, configuration: config)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            for command in ["summary", "export", "log"] {
                let start = Date()
                let result = try PlanboardBinary.run([command, "--db", self.db], environment: ["PLANBOARD_TODAY": "2023-08-15"])
                XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
                XCTAssertLessThan(Date().timeIntervalSince(start), 5, "\(command) did not wait for the write lock")
            }
        }
    }

    func testAReadOnlyPlanCanBeReadAndLeavesNothingThatBlocksLaterWrites() throws {
        try importSample()
        let shm = db + "-shm"
        try? FileManager.default.removeItem(atPath: shm)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        XCTAssertEqual(try planboard("summary", "--db", db).status, 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
        XCTAssertFalse(FileManager.default.fileExists(atPath: shm), "reading left no read-only -shm behind")
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-wal"), "nor a read-only -wal")
        let set = try planboard("set", "3b", "--status", "green", "--db", db)
        XCTAssertEqual(set.status, 0, set.stderr)
    }

    func testAPlanInAReadOnlyFolderCanStillBeReadAndExported() throws {
        let dir = folder.path("locked")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/plan.sqlite"
        XCTAssertEqual(try planboard("import", try Samples.url(SamplePlans.fictional).path, "--db", path).status, 0)
        for leftover in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + leftover) }
        // A read-only bind mount is what root cannot write; chattr +i is not on every file system.
        guard try shell("mount --bind '\(dir)' '\(dir)' && mount -o remount,ro,bind '\(dir)'").status == 0 else {
            throw XCTSkip("a read-only folder needs a read-only bind mount, which this machine does not allow")
        }
        defer { _ = try? shell("umount '\(dir)'") }
        for command in ["summary", "export", "log"] {
            let result = try planboard(command, "--db", path)
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
        }
        let set = try planboard("set", "1a", "--status", "green", "--db", path)
        XCTAssertEqual(set.status, 1)
        XCTAssertTrue(set.stderr.contains("read-only"), set.stderr)
    }

    func testAnEmptyByWhenIsRefusedAndNoneClearsTheDate() throws {
        try importSample()
        let empty = try planboard("set", "3b", "--by-when", "", "--db", db)
        XCTAssertEqual(empty.status, 1)
        XCTAssertEqual(empty.stderr, "planboard: --by-when is empty; give a date such as 31/03/2027, 31 Mar 2027, end of March 2027, Q4 2026/27, or --by-when none for no date. Nothing was changed\n")
        XCTAssertNotNil(try PlanStore.open(path: db, user: "t").load().action("3b")?.byWhen, "the date is kept")
        XCTAssertEqual(try planboard("set", "3b", "--by-when", "none", "--db", db).status, 0)
        XCTAssertNil(try PlanStore.open(path: db, user: "t").load().action("3b")?.byWhen)
    }

    func testAKPIFigureTooLargeToKeepExactlyIsRefused() throws {
        let path = folder.path("big-figure.json")
        var text = try String(decoding: Samples.bytes(SamplePlans.fictional), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"target\": 12,", with: "\"target\": 123456789012345678901234567890,")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = try planboard("validate", path)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains(".target (line "), result.stderr)
        XCTAssertTrue(result.stderr.contains("is too large to keep exactly; expected a figure of at most 15 digits"), result.stderr)
        XCTAssertFalse(result.stderr.contains("e+29"))
    }
}

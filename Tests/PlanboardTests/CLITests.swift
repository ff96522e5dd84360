import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// The real binary, run as a user or a script would run it.
final class CLITests: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }

    override func setUpWithError() throws { folder = try TempFolder("cli") }
    override func tearDown() { folder = nil }

    @discardableResult
    func planboard(_ args: String..., env: [String: String] = [:], stdin: String? = nil) throws -> PlanboardBinary.Result {
        try PlanboardBinary.run(args, environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "tester"].merging(env) { $1 }, stdin: stdin)
    }

    func importSample(_ name: String = SamplePlans.devonIllustrative) throws {
        let result = try planboard("import", try Samples.url(name).path, "--db", db)
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testValidateAcceptsEverySample() throws {
        for sample in SamplePlans.all {
            let result = try planboard("validate", try Samples.url(sample).path)
            XCTAssertEqual(result.status, 0, result.stderr)
            // A plan with meetings is written as planboard/2 (the illustrative sample has them).
            XCTAssertTrue(result.stdout.contains("valid planboard/1 plan") || result.stdout.contains("valid planboard/2 plan"), result.stdout)
        }
    }

    func testValidateReportsABadFileWithItsPlaceAndExitsOne() throws {
        let path = folder.path("bad.json")
        var text = try String(decoding: Samples.bytes(SamplePlans.fictional), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"status\": \"green\"", with: "\"status\": \"blue-ish\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = try planboard("validate", path)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("status"), result.stderr)
        XCTAssertTrue(result.stderr.contains("is \"blue-ish\"; expected one of \"not-started\", \"red\", \"amber\", \"green\", \"complete\""), result.stderr)
        XCTAssertTrue(result.stderr.contains("(line "), "the place includes line and column: \(result.stderr)")
    }

    func testUsageErrorsExitTwoAndHelpExitsZero() throws {
        XCTAssertEqual(try planboard("set").status, 2)
        XCTAssertEqual(try planboard("export", "--format", "xml", "--db", db).status, 2)
        XCTAssertEqual(try planboard("frobnicate").status, 2)
        XCTAssertEqual(try planboard("set", "3b", "--db", db).status, 2, "nothing to change is a usage error")
        for command in ["dashboard", "validate", "import", "export", "summary", "set", "batch", "log", "checkpoint", "undo", "redo"] {
            let help = try planboard(command, "--help")
            XCTAssertEqual(help.status, 0, command)
            XCTAssertTrue(help.stdout.contains("USAGE:"), "\(command) --help prints usage")
        }
    }

    func testExportAfterImportReproducesEachSampleByteForByte() throws {
        for sample in SamplePlans.all {
            let path = folder.path("\(sample).sqlite")
            XCTAssertEqual(try planboard("import", try Samples.url(sample).path, "--db", path).status, 0)
            let out = folder.path("\(sample).out.json")
            XCTAssertEqual(try planboard("export", "--format", "json", "--db", path, "-o", out).status, 0)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out)), try Samples.bytes(sample), sample)
            XCTAssertEqual(try planboard("export", "--db", path).stdout, String(decoding: try Samples.bytes(sample), as: UTF8.self))
        }
    }

    func testImportOverAnExistingPlanNeedsReplace() throws {
        try importSample()
        let refused = try planboard("import", try Samples.url(SamplePlans.fictional).path, "--db", db)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "planboard: \(db) already holds the plan for Devon Local Area; nothing was changed. Add --replace to replace it, or give another --db\n")
        XCTAssertEqual(try planboard("import", try Samples.url(SamplePlans.fictional).path, "--db", db, "--replace").status, 0)
        XCTAssertEqual(try PlanStore.open(path: db, user: "t").load(), try Samples.plan(SamplePlans.fictional))
    }

    func testARejectedImportLeavesTheDatabaseExactlyAsItWas() throws {
        try importSample()
        XCTAssertEqual(try planboard("set", "3b", "--note", "kept", "--db", db).status, 0)
        let before = try PlanStore.open(path: db, user: "t")
        let (plan, log) = (try before.load(), try before.changes())
        let bad = folder.path("bad.json")
        var text = try String(decoding: Samples.bytes(SamplePlans.fictional), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"likelihood\": 3", with: "\"likelihood\": 6")
        try Data(text.utf8).write(to: URL(fileURLWithPath: bad))
        let result = try planboard("import", bad, "--db", db, "--replace")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("nothing was imported"), result.stderr)
        let after = try PlanStore.open(path: db, user: "t")
        XCTAssertEqual(try after.load(), plan)
        XCTAssertEqual(try after.changes(), log)
    }

    func testSetUpdatesAnActionThroughTheChangeLog() throws {
        try importSample()
        let refused = try planboard("set", "3d", "--status", "red", "--db", db)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "planboard: 3d cannot be set Red without a reason; add --reason \"why it is red\"\n")

        let result = try planboard("set", "3d", "--status", "red", "--reason", "Roadmap withdrawn – £ cut", "--by-when", "31/10/2023",
                                   "--lead", "Jackie Ross", "--lead", "Sam Okafor", "--new-person", "--db", db)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "3d: Red, by 31 Oct 2023, lead Jackie Ross, Sam Okafor, 2 notes. Saved.\n")
        let action = try XCTUnwrap(try PlanStore.open(path: db, user: "t").load().action("3d"))
        XCTAssertEqual(action.status, .red)
        XCTAssertEqual(action.byWhen?.iso, "2023-10-31")
        XCTAssertEqual(action.notes.last, Note(date: TestDates.date("2023-08-15"), author: "tester", text: "Roadmap withdrawn – £ cut"))

        let log = try planboard("log", "--db", db)
        let last = try XCTUnwrap(log.stdout.split(separator: "\n").last)
        XCTAssertTrue(last.hasSuffix("\ttester\tedit\t3d lead Jackie Ross → Jackie Ross, Sam Okafor; 3d by-when 16 Dec 2022 → 31 Oct 2023; note on 3d: Roadmap withdrawn – £ cut; 3d status Complete → Red"), String(last))

        let impossible = try planboard("set", "3d", "--by-when", "30/02/2023", "--db", db)
        XCTAssertEqual(impossible.status, 1)
        XCTAssertEqual(impossible.stderr, "planboard: --by-when: “30/02/2023” is not a date: type 31/03/2027, 31 Mar 2027, 2027-03-31, or words such as “end of March 2027” or “Q4 2026/27”. Nothing was changed\n")
        XCTAssertEqual(try planboard("set", "9z", "--note", "x", "--db", db).status, 1)
        // Words as plans write a by-when are read as an import reads them.
        let words = try planboard("set", "3d", "--by-when", "end of January 2027", "--db", db)
        XCTAssertEqual(words.stdout, "3d: Red, by 31 Jan 2027, lead Jackie Ross, Sam Okafor, 2 notes. Saved.\n", words.stderr)
        XCTAssertEqual(try planboard("undo", "--db", db).status, 0)

        XCTAssertEqual(try planboard("undo", "--db", db).stdout, "Undid: 3d lead Jackie Ross → Jackie Ross, Sam Okafor; 3d by-when 16 Dec 2022 → 31 Oct 2023; note on 3d: Roadmap withdrawn – £ cut; 3d status Complete → Red\n")
        XCTAssertEqual(try PlanStore.open(path: db, user: "t").load(), try Samples.plan(SamplePlans.devonIllustrative))
    }

    func testCheckpointAndLogSinceIt() throws {
        try importSample()
        XCTAssertEqual(try planboard("checkpoint", "Board Sep", "--date", "12 Sep 2023", "--db", db).status, 0)
        XCTAssertEqual(try planboard("set", "3d", "--status", "green", "--db", db).status, 0)
        XCTAssertEqual(try planboard("set", "3e", "--status", "amber", "--reason", "Pilot paused", "--db", db).status, 0)
        let since = try planboard("log", "--since", "Board Sep", "--db", db)
        XCTAssertEqual(since.status, 0)
        let lines = since.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0].hasSuffix("3d status Complete → Green"))
        XCTAssertTrue(lines[1].hasSuffix("note on 3e: Pilot paused; 3e status Green → Amber"))
        let unknown = try planboard("log", "--since", "Board Oct", "--db", db)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("there is no checkpoint called \"Board Oct\""), unknown.stderr)
    }

    func testSummaryShowsCountsFlagsKPIsAndTopRisks() throws {
        try importSample()
        let result = try planboard("summary", "--db", db)
        XCTAssertEqual(result.status, 0)
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let today = TestDates.illustrativeToday
        for area in plan.areas {
            let r = plan.rollup(of: area, today: today)
            XCTAssertTrue(result.stdout.contains("\(r.total) actions: Not started \(r.count(.notStarted)), Red \(r.count(.red)), Amber \(r.count(.amber)), Green \(r.count(.green)), Complete \(r.count(.complete)); overdue \(r.overdue), due soon \(r.dueSoon)"))
        }
        for risk in plan.risksByResidual.prefix(5) { XCTAssertTrue(result.stdout.contains("  \(risk.ref) \(risk.residual.value) "), risk.ref) }
        XCTAssertEqual(result.stdout.components(separatedBy: "\n  R").count - 1, 5, "exactly five risks")
        XCTAssertTrue(result.stdout.contains("K1 Delayed annual reviews outstanding: "))
        let unknown = try planboard("summary", "--since", "Board Oct", "--db", db)
        XCTAssertEqual(unknown.status, 1)
        let offered = plan.meetings.filter(\.isRecorded).map(\.name) + plan.checkpoints.map(\.name)
        XCTAssertFalse(offered.isEmpty)
        XCTAssertEqual(unknown.stderr, "planboard: --since: there is no recorded meeting or checkpoint called \"Board Oct\"; expected one of: \(offered.enumerated().filter { !offered[..<$0.offset].contains($0.element) }.map(\.element).joined(separator: ", "))\n",
                       "each meeting or checkpoint offered once, though a recorded meeting's checkpoint has its name")
        let mistyped = try planboard("summary", "--snice", "Board Oct", "--db", db)
        XCTAssertEqual(mistyped.status, 2)
        XCTAssertTrue(mistyped.stderr.contains("Unknown option '--snice'") && mistyped.stderr.contains("Usage: planboard summary"), mistyped.stderr)
        let dashboard = try planboard("--db", db)
        XCTAssertEqual(dashboard.status, 1, "no subcommand opens the dashboard, which needs a terminal")
        XCTAssertEqual(dashboard.stderr, "planboard: the dashboard needs a terminal, and standard input is not one. For plain text, use `planboard summary`\n")
    }

    func testOnlyTheDashboardMakesAFirstPlanSoACommandAtTheDefaultPlaceSaysHowToMakeOne() throws {
        let data = folder.path("xdg")
        let result = try planboard("summary", env: ["XDG_DATA_HOME": data])
        let path = "\(data)/planboard/plan.sqlite"
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "planboard: there is no plan at \(path); nothing was changed. Check the path, or create a plan there with `planboard init --db \(path)` or `planboard import FILE.json --db \(path)`\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: data), "nothing was made")
        try importSample()
        XCTAssertEqual(try planboard("summary", env: ["PLANBOARD_DB": db]).status, 0, "$PLANBOARD_DB is used")
    }

    func testCSVOpensInExcelWithPoundsDashesAndCurlyQuotesIntact() throws {
        try importSample(SamplePlans.fictional)
        for table in ["actions", "risks", "kpis"] {
            let result = try planboard("export", "--format", "csv", "--what", table, "--db", db)
            XCTAssertEqual(result.status, 0)
            let bytes = Array(result.stdout.utf8)
            XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark for Excel")
            XCTAssertTrue(result.stdout.contains("\r\n"))
            XCTAssertFalse(result.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        }
        let actions = try planboard("export", "--format", "csv", "--what", "actions", "--db", db).stdout
        XCTAssertTrue(actions.contains("£") && actions.contains("–") && actions.contains("’"))
        XCTAssertTrue(actions.hasPrefix("\u{FEFF}Area,Ref,Action,By when,Leads,Senior responsible officer,Status,"))
        let plan = try Samples.plan(SamplePlans.fictional)
        XCTAssertEqual(actions.components(separatedBy: "\r\n").count - 2, plan.allActions.count, "a header line and one line per action")
    }

    func testBatchSavesEachLineAndReportsEachOne() throws {
        try importSample()
        let input = "# updates from the August meeting\n3d --status green\n\n9z --note nope\n3e --note \"Pilot \\\"extended\\\"\"\n"
        let result = try planboard("batch", "-", "--db", db, stdin: input)
        XCTAssertEqual(result.status, 1, "one line failed")
        XCTAssertEqual(result.stdout.split(separator: "\n").map { String($0.prefix(8)) }, ["ok 2: 3d", "error 4:", "ok 5: 3e"])
        XCTAssertEqual(try PlanStore.open(path: db, user: "t").load().action("3e")?.notes.last?.text, "Pilot \"extended\"")
    }
}

import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// From the command line: a mistyped lead is not a new person.
final class FirstHourCLITests: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }

    override func setUpWithError() throws {
        folder = try TempFolder("cli9")
        let result = try run("import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", db)
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func run(_ args: String...) throws -> PlanboardBinary.Result {
        try PlanboardBinary.run(args, environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "tester"])
    }

    func leads(_ ref: String) throws -> [String] {
        try XCTUnwrap(try PlanStore.open(path: db, user: "check").load().action(ref)).leads
    }

    func testANearNameIsSuggestedAndANewPersonNeedsToBeSaidSo() throws {
        let before = try leads("3g")
        let slip = try run("set", "3g", "--lead", "Jackie Ros", "--db", db)
        XCTAssertEqual(slip.status, 1)
        XCTAssertEqual(slip.stderr, "planboard: Jackie Ros is not a lead anywhere in the plan. Did you mean “Jackie Ross”? Give the name as the plan has it, or add --new-person to add Jackie Ros as a new person. Nothing was changed\n")
        XCTAssertEqual(try leads("3g"), before, "nothing was changed")

        XCTAssertEqual(try run("set", "3g", "--lead", "Jackie Ross", "--db", db).status, 0, "a known name is taken as it is")
        XCTAssertEqual(try leads("3g"), ["Jackie Ross"])

        let newcomer = try run("set", "3g", "--lead", "Priya Shah", "--new-person", "--db", db)
        XCTAssertEqual(newcomer.status, 0, newcomer.stderr)
        XCTAssertEqual(try leads("3g"), ["Priya Shah"])
    }

    func testInitAndImportEndWithTheCommandThatOpensThatPlan() throws {
        let spaced = folder.path("our plan.sqlite")
        let made = try run("init", "--db", spaced)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stdout.contains("open the dashboard: planboard --db '\(spaced)'"), made.stdout)
        XCTAssertTrue(made.stdout.contains("planboard header set --local-area NAME --db '\(spaced)'"), "every next step names the plan: \(made.stdout)")
        let other = folder.path("devon.sqlite")
        let imported = try run("import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", other)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.hasSuffix("Open it: planboard --db \(other)\n"), imported.stdout)
    }

    func testInitTakesThePlanFileTypedFirstAsADbWouldBe() throws {
        let typedFirst = folder.path("northmoor.sqlite")
        let made = try run("init", typedFirst, "--local-area", "Northmoor Local Area")
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(try PlanStore.open(path: typedFirst, user: "check").load().header.localArea, "Northmoor Local Area")
        XCTAssertTrue(made.stdout.contains("open the dashboard: planboard --db \(typedFirst)"), made.stdout)
        let two = try run("init", folder.path("a.sqlite"), "--db", folder.path("b.sqlite"))
        XCTAssertEqual(two.status, 2, "two places for one plan is a usage error")
        XCTAssertTrue(two.stderr.contains("Two places for one new plan"), two.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path("a.sqlite")) || FileManager.default.fileExists(atPath: folder.path("b.sqlite")),
                       "neither is made")
    }

    func testAnActionIsAddedAndRemovedFromTheCommandLine() throws {
        let plan = folder.path("northmoor.sqlite")
        XCTAssertEqual(try run("init", plan, "--local-area", "Northmoor Local Area").status, 0)
        XCTAssertEqual(try run("area", "add", "--title", "Waiting times", "--weakness", "Families wait too long.", "--db", plan).status, 0)
        let slip = try run("action", "add", "--area", "1", "--text", "Recruit two caseworkers", "--lead", "Sam Okafor", "--db", plan)
        XCTAssertEqual(slip.status, 1, "a lead the plan does not know needs --new-person, as with set")
        let added = try run("action", "add", "--area", "1", "--text", "Recruit two caseworkers", "--by-when", "31/03/2027",
                            "--lead", "Sam Okafor", "--new-person", "--db", plan)
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(added.stdout, "Added 1a to area 1: Recruit two caseworkers (by 31 Mar 2027, lead Sam Okafor).\n")
        XCTAssertEqual(try run("action", "add", "--area", "1", "--text", "Publish waiting times", "--db", plan).stdout,
                       "Added 1b to area 1: Publish waiting times (no by-when yet, no lead yet).\n", "the area's next reference")
        let taken = try run("action", "add", "--area", "1", "--text", "Again", "--ref", "1a", "--db", plan)
        XCTAssertEqual(taken.status, 1)
        XCTAssertTrue(taken.stderr.contains("1a is already used"), taken.stderr)
        let stored = try PlanStore.open(path: plan, user: "check").load()
        XCTAssertEqual(stored.action("1a")?.leads, ["Sam Okafor"])
        XCTAssertEqual(stored.action("1a")?.byWhen, PlanDate(iso: "2027-03-31"))
        XCTAssertEqual(try run("action", "remove", "1b", "--db", plan).status, 0)
        XCTAssertNil(try PlanStore.open(path: plan, user: "check").load().action("1b"))
        XCTAssertEqual(try run("undo", "--db", plan).status, 0)
        XCTAssertEqual(try PlanStore.open(path: plan, user: "check").load().action("1b")?.text, "Publish waiting times", "undo brings it back")
    }

    func testAMistypedCommandIsNamedWithTheNearestOne() throws {
        let slip = try run("sumary", "--db", db)
        XCTAssertEqual(slip.status, 2, "a usage error")
        XCTAssertTrue(slip.stderr.contains("sumary is not a planboard command. Did you mean `planboard summary`?"), slip.stderr)
        XCTAssertTrue(slip.stderr.contains("The commands are: dashboard, summary,"), slip.stderr)
        let nothingLike = try run("frobnicate")
        XCTAssertEqual(nothingLike.status, 2)
        XCTAssertFalse(nothingLike.stderr.contains("Did you mean"), "no suggestion when nothing is near: \(nothingLike.stderr)")
        let version = try run("--version")
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("planboard "), version.stdout)
    }

    func testANegativeFigureIsAValueNotAnOption() throws {
        let added = try run("kpi", "milestone", "add", "K4", "--label", "18 months", "--date", "2024-03-31", "--target", "-5", "--db", db, "--user", "chair")
        XCTAssertEqual(added.status, 0, added.stderr)
        let kpi = try XCTUnwrap(try PlanStore.open(path: db, user: "check").load().kpi("K4"))
        XCTAssertEqual(kpi.milestones.last?.target, -5)
    }

    func testAStatusSetToWhatItAlreadyIsIsNotAChange() throws {
        let log = { try PlanStore.open(path: self.db, user: "check").changes(afterSeq: 0) }
        let before = try log().count
        let same = try run("set", "3c", "--status", "green", "--db", db)
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertTrue(same.stdout.contains("Nothing to change: it already has that; nothing was logged."), same.stdout)
        XCTAssertEqual(try log().count, before, "no line in the change log")

        let reason = try run("set", "3b", "--status", "amber", "--reason", "Still two posts unfilled", "--db", db)
        XCTAssertEqual(reason.status, 0, reason.stderr)
        let line = try XCTUnwrap(try log().last)
        XCTAssertEqual(line.summary, "note on 3b: Still two posts unfilled", "the reason is the change, not “Amber → Amber”")
    }

    func testTheSummaryGivesEachAreasRAG() throws {
        let summary = try run("summary", "--db", db)
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertTrue(summary.stdout.contains("1. Strategic plans not embedded — RAG Red (the roll-up of its actions)"), summary.stdout)
        XCTAssertTrue(summary.stdout.contains("— RAG Amber (the SRO’s judgement at "), summary.stdout)
    }

    func testAPlanNamedByConfigTomlThatIsNotThereSaysSo() throws {
        let config = folder.path("config")
        try FileManager.default.createDirectory(atPath: config + "/planboard", withIntermediateDirectories: true)
        try "plan = \"/nonexistent/x/demo.sqlite\"\n".write(toFile: config + "/planboard/config.toml", atomically: true, encoding: .utf8)
        let refused = try PlanboardBinary.run(["summary"], environment: ["XDG_CONFIG_HOME": config, "PLANBOARD_DB": "", "USER": "tester"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("there is no plan at /nonexistent/x/demo.sqlite"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("The plan was named by the plan = line of \(config)/planboard/config.toml"), refused.stderr)
        let help = try run("--help")
        XCTAssertTrue(help.stdout.contains("config.toml"), "the order is in --help: \(help.stdout)")
    }

    func testMineListsMyActionsThoseNeedingAttentionFirst() throws {
        let mine = try run("mine", "--user", "jackie", "--db", db)
        XCTAssertEqual(mine.status, 0, mine.stderr)
        XCTAssertTrue(mine.stdout.hasPrefix("Jackie Ross: "), mine.stdout)
        XCTAssertTrue(mine.stdout.contains("Needs attention (Red, overdue or due soon):\n"), mine.stdout)
        XCTAssertTrue(mine.stdout.contains("  3b      Amber       overdue since 31 Mar 2023"), mine.stdout)
        let stranger = try run("mine", "--user", "nobody", "--db", db)
        XCTAssertEqual(stranger.status, 1)
        XCTAssertTrue(stranger.stderr.contains("nobody is not a lead in the plan"), stranger.stderr)
    }

    func testInputIsReadOneWayNoneClearsEmptyIsRefused() throws {
        let empty = try run("kpi", "set", "K4", "--baseline", "", "--db", db, "--user", "chair")
        XCTAssertEqual(empty.status, 1)
        XCTAssertEqual(empty.stderr, "planboard: --baseline is empty; give a number such as 58 or 1,600, or --baseline none for no value. Nothing was changed\n")
        let slip = try run("kpi", "set", "K4", "--baseline", "xxx", "--db", db, "--user", "chair")
        XCTAssertEqual(slip.status, 1)
        XCTAssertEqual(slip.stderr, "planboard: --baseline: “xxx” is not a number; type e.g. 420 or 55.5. Nothing was changed\n", "the dashboard's words, with the option named")
        XCTAssertNotNil(try PlanStore.open(path: db, user: "check").load().kpi("K4")?.baseline, "nothing was changed")
        let cleared = try run("kpi", "set", "K4", "--baseline", "none", "--db", db, "--user", "chair")
        XCTAssertEqual(cleared.status, 0, cleared.stderr)
        XCTAssertNil(try PlanStore.open(path: db, user: "check").load().kpi("K4")?.baseline)
    }

    func testEveryCommandsHelpWrapsAtWordBoundariesWithoutRaggedLines() throws {
        let overview = try run("--help").stdout
        let commands = overview.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n")
            .compactMap { $0.hasPrefix("  ") ? $0.split(separator: " ").first.map(String.init) : nil } ?? []
        XCTAssertGreaterThan(commands.count, 20, overview)
        for command in [""] + commands {
            let help = try (command.isEmpty ? run("--help") : run(command, "--help")).stdout
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // (An example, indented, may be longer than the screen: it is wrapped where it must be.)
            for (previous, line) in zip(lines, lines.dropFirst()) where !previous.isEmpty && previous.count < 60 && !previous.hasPrefix(" ") {
                XCTAssertFalse(line.first.map { $0.isLowercase || $0 == "(" } ?? false,
                               "planboard \(command) --help: a line ends early and the sentence goes on below it:\n\(previous)\n\(line)")
            }
        }
    }
}

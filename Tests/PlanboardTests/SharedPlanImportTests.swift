import Foundation
import PlanModel
import TestSupport
import XCTest

/// Every command honours a `postgres://` address: `init` refuses it, making nothing, and
/// `import` of a Word plan or a tracker goes into the shared plan, as the role allows.
/// Nothing ever makes a local file named after an address.
final class SharedPlanImportTests: SharedPlanTestCase {
    var folder: TempFolder!
    static let fixtures = Samples.repositoryRoot.appendingPathComponent("Tests/PlanImportTests/Fixtures")

    override func setUpWithError() throws {
        try super.setUpWithError()
        folder = try TempFolder("shared-import")
    }

    override func tearDown() { folder = nil }

    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    /// A database holding `sample`, with a chair, an editor and a viewer; the address for each.
    func sharedPlan(_ sample: String) throws -> (owner: String, url: (String) -> String) {
        let database = try cluster.createDatabase()
        let owner = cluster.url(database: database)
        try planboard(["server", "init", "--db", owner])
        try planboard(["import", try Samples.url(sample).path, "--db", owner])
        try addPeople([("jackie", "chair"), ("ed", "editor"), ("vic", "viewer")], owner: owner)
        let cluster = self.cluster!
        return (owner, { user in cluster.url(database: database, user: user) })
    }

    func exported(_ url: String) throws -> Plan {
        let out = folder.path("export-\(UUID().uuidString.prefix(8)).json")
        try planboard(["export", "--db", url, "-o", out])
        return try Samples.planFromFile(out)
    }

    func logLines(_ url: String) throws -> [Substring] {
        try planboard(["log", "--db", url]).stdout.split(separator: "\n")
    }

    /// Runs planboard in `folder` as the working folder, where a relative path would land.
    @discardableResult
    func planboardIn(_ folder: TempFolder, _ arguments: [String], environment extra: [String: String] = [:], expect status: Int32) throws -> PlanboardBinary.Result {
        let before = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(folder.url.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(before) }
        let result = try PlanboardBinary.run(arguments, environment: env.merging(extra) { $1 })
        XCTAssertEqual(result.status, status, "planboard \(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)")
        return result
    }

    // MARK: init

    func testInitWithAServerAddressIsRefusedSaysWhatToRunAndMakesNothing() throws {
        let database = try cluster.createDatabase()
        let url = cluster.url(database: database)
        let working = try TempFolder("init-url")
        let refused = try planboardIn(working, ["init", "--local-area", "Northmoor Local Area", "--db", url], expect: 1)
        XCTAssertTrue(refused.stderr.contains("init makes a new plan file, and --db is a shared plan on a PostgreSQL server (\(url)); nothing was created"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("`planboard server init --db \(url)`"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("`planboard import FILE.json|FILE.docx --db \(url)`"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("`planboard copy --from plan.sqlite --to \(url)`"), refused.stderr)

        // From $PLANBOARD_DB, with the scheme in capitals, or mistyped with one slash: refused alike.
        try planboardIn(working, ["init"], environment: ["PLANBOARD_DB": url], expect: 1)
        try planboardIn(working, ["init", "--db", url.replacingOccurrences(of: "postgres://", with: "POSTGRESQL://")], expect: 1)
        let typo = try planboardIn(working, ["init", "--db", url.replacingOccurrences(of: "postgres://", with: "postgres:/")], expect: 1)
        XCTAssertTrue(typo.stderr.contains("is a PostgreSQL address (postgres://…), not a file"), typo.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: working.url.path), [], "no file or folder named postgres: appears")
        XCTAssertEqual(try cluster.psql("SELECT count(*) FROM pg_namespace WHERE nspname = 'planboard'", database: database), "0",
                       "and nothing was made on the server")

        // Importing or copying to a mistyped address makes no file either.
        let sample = try Samples.url(SamplePlans.devon).path
        try planboardIn(working, ["import", sample, "--db", "postgres:/127.0.0.1/plan"], expect: 1)
        try planboardIn(working, ["import", fixture("devon-app.docx"), "--db", "Postgres:127.0.0.1/plan"], expect: 1)
        let summary = try planboardIn(working, ["summary", "--db", "postgres:/127.0.0.1/plan"], expect: 1)
        XCTAssertTrue(summary.stderr.contains("looks like a PostgreSQL address but is not one: it needs two slashes after postgres:"), summary.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: working.url.path), [])
    }

    // MARK: A Word plan

    func testAWordPlanGoesIntoAnEmptyDatabaseAndReplacesTheSharedPlanAsOneChangeByAChairOnly() throws {
        // Into an empty database, by its owner.
        let empty = try cluster.createDatabase()
        let owner = cluster.url(database: empty)
        try planboard(["server", "init", "--db", owner])
        let dryEmpty = try planboard(["import", fixture("devon-app.docx"), "--dry-run", "--db", owner])
        XCTAssertTrue(dryEmpty.stdout.contains("Dry run: nothing was saved.\n\(owner) has the planboard schema and no plan yet"), dryEmpty.stdout)
        XCTAssertEqual(try cluster.psql("SELECT count(*) FROM planboard.plan", database: empty), "0", "a dry run writes nothing")
        let first = try planboard(["import", fixture("devon-app.docx"), "--db", owner])
        XCTAssertTrue(first.stdout.contains("Imported \(fixture("devon-app.docx")) into \(owner): Devon Local Area, 4 areas of weakness, 30 actions"), first.stdout)
        XCTAssertEqual(try logLines(owner).count, 1)
        XCTAssertEqual(try exported(owner).allActions.map(\.text), try Samples.plan(SamplePlans.devon).allActions.map(\.text))

        // Over a shared plan: the editor and the viewer are refused, and the plan is unchanged.
        let (_, url) = try sharedPlan(SamplePlans.devonIllustrative)
        let before = try exported(url("vic"))
        let logBefore = try logLines(url("vic"))
        for person in ["ed", "vic"] {
            // The dry run is the real run without the write: refused the same way.
            let dry = try planboard(["import", fixture("devon-app.docx"), "--replace", "--dry-run", "--db", url(person)], expect: 1)
            XCTAssertTrue(dry.stderr.contains("\(person) is \(person == "ed" ? "an editor" : "a viewer")") && dry.stderr.contains("only a chair may replace the whole plan; nothing was changed"),
                          dry.stderr)
            let refused = try planboard(["import", fixture("devon-app.docx"), "--replace", "--db", url(person)], expect: 1)
            XCTAssertTrue(refused.stderr.contains("\(person) is \(person == "ed" ? "an editor" : "a viewer")") && refused.stderr.contains("only a chair may replace the whole plan; nothing was changed"),
                          refused.stderr)
        }
        let withoutReplace = try planboard(["import", fixture("devon-app.docx"), "--db", url("jackie")], expect: 1)
        XCTAssertTrue(withoutReplace.stderr.contains("already holds the plan for Devon Local Area; nothing was changed. Add --replace"), withoutReplace.stderr)
        let dry = try planboard(["import", fixture("devon-app.docx"), "--replace", "--dry-run", "--db", url("jackie")])
        XCTAssertTrue(dry.stdout.contains("the import would replace it as one change in the log, signed by jackie"), dry.stdout)
        XCTAssertEqual(try exported(url("vic")), before, "refusals and dry runs change nothing")
        XCTAssertEqual(try logLines(url("vic")), logBefore)

        // By a chair: one change in the log, signed by the login.
        let replaced = try planboard(["import", fixture("devon-app.docx"), "--replace", "--db", url("jackie")])
        XCTAssertTrue(replaced.stdout.contains("into \(url("jackie")): Devon Local Area, 4 areas of weakness, 30 actions"), replaced.stdout)
        let logAfter = try logLines(url("vic"))
        XCTAssertEqual(logAfter.count, logBefore.count + 1, "the whole import is one line in the log")
        XCTAssertTrue(logAfter.last?.contains("\tjackie\timport\t") ?? false, "\(logAfter.last ?? "")")
        XCTAssertTrue(logAfter.last?.contains("imported devon-app.docx (replacing the plan)") ?? false, "\(logAfter.last ?? "")")
        XCTAssertEqual(try exported(url("vic")).allActions.map(\.text), try Samples.plan(SamplePlans.devon).allActions.map(\.text))
        XCTAssertFalse(FileManager.default.fileExists(atPath: "postgres:"), "no local file was made")
    }

    func testADryRunIntoAnEmptySharedDatabaseIsRefusedForWhoeverTheRealRunRefuses() throws {
        _ = try sharedPlan(SamplePlans.devon)  // gives the server its chair, editor and viewer
        let empty = try cluster.createDatabase()
        try planboard(["server", "init", "--db", cluster.url(database: empty)])
        for person in ["ed", "vic"] {
            let url = cluster.url(database: empty, user: person)
            let dry = try planboard(["import", fixture("devon-app.docx"), "--dry-run", "--db", url], expect: 1)
            let real = try planboard(["import", fixture("devon-app.docx"), "--db", url], expect: 1)
            XCTAssertTrue(dry.stderr.contains("only a chair may replace the whole plan; nothing was changed"), dry.stderr)
            XCTAssertEqual(dry.stderr, real.stderr, "the same refusal, in the same words")
            XCTAssertFalse(dry.stdout.contains("Dry run: nothing was saved."), dry.stdout)
        }
        XCTAssertEqual(try cluster.psql("SELECT count(*) FROM planboard.plan", database: empty), "0", "nothing was written")
        // A chair's dry run says what the real run would do.
        let chair = try planboard(["import", fixture("devon-app.docx"), "--dry-run", "--db", cluster.url(database: empty, user: "jackie")])
        XCTAssertTrue(chair.stdout.contains("has the planboard schema and no plan yet: the import would bring this one in."), chair.stdout)
    }

    // MARK: A tracker

    func testATrackerUpdatesTheSharedPlansActionsSignedByTheLoginAndItsDryRunOnlyReads() throws {
        let (_, url) = try sharedPlan(SamplePlans.devon)
        let logBefore = try logLines(url("vic"))

        let dry = try planboard(["import", fixture("tracker.xlsx"), "--area", "3", "--dry-run", "--db", url("ed")])
        XCTAssertTrue(dry.stdout.contains("Would make (11):"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("Area 3 tracker, row 2: 3b status: not-started → amber"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("Dry run: nothing was saved."), dry.stdout)
        // A viewer's dry run is refused as their real run is.
        let viewerDry = try planboard(["import", fixture("tracker.xlsx"), "--area", "3", "--dry-run", "--db", url("vic")], expect: 1)
        XCTAssertTrue(viewerDry.stderr.contains("vic is a viewer"), viewerDry.stderr)
        let viewer = try planboard(["import", fixture("tracker.xlsx"), "--area", "3", "--db", url("vic")], expect: 1)
        XCTAssertTrue(viewer.stderr.contains("vic is a viewer"), viewer.stderr)
        XCTAssertEqual(try exported(url("vic")).action("3b")?.status, .notStarted, "the dry run and the viewer change nothing")
        XCTAssertEqual(try logLines(url("vic")), logBefore)

        let saved = try planboard(["import", fixture("tracker.xlsx"), "--area", "3", "--db", url("ed")])
        XCTAssertTrue(saved.stdout.contains("Saved 11 changes to \(url("ed")), in the change log as one change signed by ed"), saved.stdout)
        let plan = try exported(url("vic"))
        XCTAssertEqual(plan.action("3b")?.status, .amber)
        let logAfter = try logLines(url("vic"))
        XCTAssertEqual(logAfter.count, logBefore.count + 1, "all or nothing: one change")
        XCTAssertTrue(logAfter.last?.contains("\ted\tedit\t") ?? false, "signed by the login: \(logAfter.last ?? "")")

        let again = try planboard(["import", fixture("tracker.xlsx"), "--area", "3", "--db", url("ed")])
        XCTAssertTrue(again.stdout.contains("No changes"), again.stdout)
        try planboard(["undo", "--db", url("ed")])
        XCTAssertEqual(try exported(url("vic")).action("3b")?.status, .notStarted, "undo takes the tracker's change back")

        let forged = try planboard(["import", fixture("tracker.csv"), "--area", "2", "--db", url("ed"), "--user", "jackie"], expect: 1)
        XCTAssertTrue(forged.stderr.contains("--user jackie does not match who the server logged in (ed)"), forged.stderr)
    }
}

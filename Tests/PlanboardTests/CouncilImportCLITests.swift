import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// `import` of plans and trackers laid out as councils write them, through the real binary:
/// the dry run refuses what the real run refuses, and `--column` says what a column holds.
final class CouncilImportCLITests: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }
    static let fixtures = Samples.repositoryRoot.appendingPathComponent("Tests/PlanImportTests/Fixtures")

    override func setUpWithError() throws { folder = try TempFolder("council-cli") }
    override func tearDown() { folder = nil }

    @discardableResult
    func planboard(_ args: String...) throws -> PlanboardBinary.Result {
        try PlanboardBinary.run(args, environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "tester"])
    }

    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    func testTheDryRunRefusesWhatTheRealRunRefusesWithTheSameWordsAndStatus() throws {
        XCTAssertEqual(try planboard("import", fixture("devon-app.docx"), "--db", db).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for file in [fixture("riverton-app.docx"), try Samples.url(SamplePlans.devon).path] {
            let dry = try planboard("import", file, "--dry-run", "--db", db)
            let real = try planboard("import", file, "--db", db)
            XCTAssertEqual(dry.status, 1, "\(file)\n\(dry.stdout)\n\(dry.stderr)")
            XCTAssertEqual(real.status, dry.status, file)
            XCTAssertTrue(dry.stderr.contains("already holds the plan for Devon Local Area; nothing was changed. Add --replace"), dry.stderr)
            XCTAssertEqual(dry.stderr, real.stderr, "the same refusal")
            XCTAssertFalse(dry.stdout.contains("Dry run: nothing was saved."), "a refused dry run does not say it would have worked")
        }
        // With --replace both go ahead; only the real run writes.
        XCTAssertEqual(try planboard("import", fixture("riverton-app.docx"), "--replace", "--dry-run", "--db", db).status, 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before)

        // A read-only plan: a tracker's dry run with changes to make is refused as the real one is.
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db) }
        if !FileManager.default.isWritableFile(atPath: db) {  // root writes anyway: nothing to refuse then
            let dry = try planboard("import", fixture("council-tracker.csv"), "--area", "3", "--dry-run", "--db", db)
            let real = try planboard("import", fixture("council-tracker.csv"), "--area", "3", "--db", db)
            XCTAssertEqual(dry.status, 1, dry.stdout)
            XCTAssertEqual(real.status, 1, real.stdout)
            XCTAssertTrue(dry.stderr.contains("is read-only"), dry.stderr)
        }
    }

    func testATrackerSaysANewActionsByWhenInWordsIsKeptAsWrittenAsItDoesForAnActionAlreadyThere() throws {
        XCTAssertEqual(try planboard("import", try Samples.url(SamplePlans.devon).path, "--db", db).status, 0)
        let kept = "council-tracker.csv, row 3: 3r by when \"Termly\" is not a date: kept as written, with no date; set one with `planboard set 3r --by-when DATE`"
        let read = "council-tracker.csv, row 2: 3q by when: read \"End of March 2024\" as the end of that month, 31 Mar 2024"
        for arguments in [["--dry-run"], []] {
            let run = try PlanboardBinary.run(["import", fixture("council-tracker.csv"), "--area", "3", "--db", db] + arguments,
                                              environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "tester"])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("How cells were read (2):\n  \(read)\n  \(kept)\n"), run.stdout)
        }
        let out = folder.path("out.json")
        XCTAssertEqual(try planboard("export", "--db", db, "-o", out).status, 0)
        XCTAssertEqual(try Samples.planFromFile(out).action("3r")?.byWhenWritten, "Termly")
    }

    func testColumnSaysWhatATrackersColumnHoldsAndTheDryRunListsEveryColumnNotUsed() throws {
        XCTAssertEqual(try planboard("import", try Samples.url(SamplePlans.devon).path, "--db", db).status, 0)
        let dry = try planboard("import", fixture("council-tracker.csv"), "--area", "3", "--dry-run", "--db", db)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("council-tracker.csv, column G: the column \"Budget code\" is not one planboard knows; its cells were not placed. To place them, say what it holds with --column \"Budget code=FIELD\""), dry.stdout)

        let real = try planboard("import", fixture("council-tracker.csv"), "--area", "3", "--column", "Budget code=sro", "--db", db)
        XCTAssertEqual(real.status, 0, real.stderr)
        let out = folder.path("out.json")
        XCTAssertEqual(try planboard("export", "--db", db, "-o", out).status, 0)
        let plan = try Samples.planFromFile(out)
        XCTAssertEqual(plan.action("3q")?.seniorResponsibleOfficer, "CC-100")
        XCTAssertEqual(plan.action("3r")?.byWhenWritten, "Termly")

        let bad = try planboard("import", fixture("council-tracker.csv"), "--area", "3", "--column", "Budget code", "--db", db)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("--column \"Budget code\" has no \"=\"; expected HEADER=FIELD"), bad.stderr)
    }
}

import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// `init`, the structure commands and `import` of Word plans and trackers, through the real binary.
final class StructureCLITests: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }
    static let fixtures = Samples.repositoryRoot.appendingPathComponent("Tests/PlanImportTests/Fixtures")

    override func setUpWithError() throws { folder = try TempFolder("structure-cli") }
    override func tearDown() { folder = nil }

    @discardableResult
    func planboard(_ args: String...) throws -> PlanboardBinary.Result {
        try PlanboardBinary.run(args, environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "tester"])
    }

    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    func ok(_ result: PlanboardBinary.Result, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.status, 0, "stdout: \(result.stdout)\nstderr: \(result.stderr)", file: file, line: line)
    }

    func exported() throws -> Plan {
        let out = folder.path("out.json")
        ok(try planboard("export", "--db", db, "-o", out))
        ok(try planboard("validate", out))
        return try Samples.planFromFile(out)
    }

    func testInitMakesAnEmptyPlanThatSummaryExportAndImportAccept() throws {
        let result = try planboard("init", "--local-area", "Northmoor Local Area", "--db", db)
        ok(result)
        XCTAssertTrue(result.stdout.contains("Created an empty plan for Northmoor Local Area at \(db)"), result.stdout)
        let summary = try planboard("summary", "--db", db)
        ok(summary)
        XCTAssertTrue(summary.stdout.contains("All areas: 0 actions"), summary.stdout)
        let plan = try exported()
        XCTAssertEqual(plan.areas, [])
        XCTAssertEqual(plan.header.localArea, "Northmoor Local Area")
        ok(try planboard("import", folder.path("out.json"), "--db", folder.path("again.sqlite")))
    }

    func testInitRefusesAnythingAlreadyAtThePath() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: db, contents: Data("not mine".utf8)))
        let onFile = try planboard("init", "--db", db)
        XCTAssertEqual(onFile.status, 1)
        XCTAssertTrue(onFile.stderr.contains("\(db) already exists (a file); nothing was changed"), onFile.stderr)
        XCTAssertEqual(try String(contentsOfFile: db, encoding: .utf8), "not mine")

        let link = folder.path("link.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.path("nowhere"))
        let onLink = try planboard("init", "--db", link)
        XCTAssertEqual(onLink.status, 1)
        XCTAssertTrue(onLink.stderr.contains("(a symbolic link)"), onLink.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path("nowhere")), "init must not create the link's target")

        let onDevice = try planboard("init", "--db", "/dev/null")
        XCTAssertEqual(onDevice.status, 1)
        XCTAssertTrue(onDevice.stderr.contains("(a device)"), onDevice.stderr)
    }

    func testAPlanBuiltFromNothingByCommandsExportsWithEverything() throws {
        ok(try planboard("init", "--db", db))
        ok(try planboard("header", "set", "--local-area", "Northmoor Local Area", "--inspection-start", "04/03/2024", "--inspection-end", "8 Mar 2024", "--revisit-report-date", "none", "--db", db))
        ok(try planboard("header", "officer", "add", "Priya Shah", "--role", "Director of Children’s Services", "--organisation", "Northmoor Council", "--db", db))
        ok(try planboard("header", "adviser", "add", "Alex Moore", "--role", "SEND Adviser", "--organisation", "DfE", "--db", db))
        ok(try planboard("governance", "set", "--narrative", "The SEND Partnership Board owns the plan.", "--db", db))
        ok(try planboard("governance", "partner", "add", "Northmoor Parent Carer Forum", "--db", db))
        ok(try planboard("governance", "line", "add", "--from", "SEND Partnership Board", "--to", "Health and Wellbeing Board", "--kind", "accountability", "--frequency", "quarterly", "--db", db))
        ok(try planboard("area", "add", "--title", "Therapy waits", "--weakness", "Waiting times are too long.", "--db", db))
        ok(try planboard("area", "add", "--title", "EHC plans", "--weakness", "Plans are late.", "--db", db))
        ok(try planboard("area", "move", "2", "--to", "1", "--db", db))
        ok(try planboard("area", "set", "1", "--title", "Therapy waiting times", "--db", db))
        ok(try planboard("finding", "add", "1", "Families wait a year.", "--db", db))
        ok(try planboard("finding", "add", "1", "Families are not told.", "--db", db))
        ok(try planboard("finding", "move", "1", "b", "--to", "a", "--db", db))
        ok(try planboard("kpi", "add", "K1", "--name", "Children waiting over 18 weeks", "--unit", "count", "--better", "lower", "--baseline", "412", "--baseline-date", "31/03/2024", "--db", db))
        for (label, date, target) in [("3 months", "30/06/2024", "350"), ("6 months", "30/09/2024", "250"), ("12 months", "31/03/2025", "100")] {
            ok(try planboard("kpi", "milestone", "add", "K1", "--label", label, "--date", date, "--target", target, "--db", db))
        }
        ok(try planboard("kpi", "milestone", "set", "K1", "12 months", "--target", "90", "--db", db))

        let plan = try exported()
        XCTAssertEqual(plan.header.localArea, "Northmoor Local Area")
        XCTAssertEqual(plan.header.inspectionEnd, TestDates.date("2024-03-08"))
        XCTAssertEqual(plan.header.accountableOfficers, [Person(name: "Priya Shah", role: "Director of Children’s Services", organisation: "Northmoor Council")])
        XCTAssertEqual(plan.header.advisers.map(\.name), ["Alex Moore"])
        XCTAssertEqual(plan.governance.reportingLines, [ReportingLine(from: "SEND Partnership Board", to: "Health and Wellbeing Board", kind: .accountability, frequency: "quarterly")])
        XCTAssertEqual(plan.areas.map(\.number), [2, 1])
        XCTAssertEqual(plan.area(number: 1)?.title, "Therapy waiting times")
        XCTAssertEqual(plan.area(number: 1)?.findings, [Finding(letter: "a", text: "Families are not told."), Finding(letter: "b", text: "Families wait a year.")])
        XCTAssertEqual(plan.kpi("K1")?.milestones.map(\.target), [350, 250, 90])
        XCTAssertEqual(plan.kpi("K1")?.baseline, Measure(value: 412, date: TestDates.date("2024-03-31")))

        // Each command was one change, signed, and undo takes back the last.
        let log = try planboard("log", "--db", db)
        XCTAssertTrue(log.stdout.contains("tester\tedit\tmoved area 2 to place 1"), log.stdout)
        ok(try planboard("undo", "--db", db))
        XCTAssertEqual(try exported().kpi("K1")?.milestones.map(\.target), [350, 250, 100])
    }

    func testKPIsAreLinkedToActionsAndRemovingOneUnlinksThem() throws {
        ok(try planboard("import", try Samples.url(SamplePlans.devon).path, "--db", db))
        ok(try planboard("kpi", "link", "K2", "1a", "1b", "--db", db))
        XCTAssertEqual(try exported().actions(movingKPI: "K2").map(\.ref), ["1a", "1b"])
        ok(try planboard("kpi", "unlink", "K2", "1b", "--db", db))
        XCTAssertEqual(try exported().actions(movingKPI: "K2").map(\.ref), ["1a"])
        let removed = try planboard("kpi", "remove", "K2", "--db", db)
        ok(removed)
        XCTAssertTrue(removed.stdout.contains("Saved: removed KPI K2 (unlinking 1a)"), removed.stdout)
        let plan = try exported()
        XCTAssertNil(plan.kpi("K2"))
        XCTAssertEqual(plan.action("1a")?.kpis, [])
    }

    func testRemovingAnAreaSaysWhatGoesAndNeedsYes() throws {
        ok(try planboard("import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", db))
        let ask = try planboard("area", "remove", "3", "--db", db)
        XCTAssertEqual(ask.status, 1)
        XCTAssertTrue(ask.stderr.contains("this would remove area 3 \"EHC plan timeliness and quality\" with 16 findings, 22 actions"), ask.stderr)
        XCTAssertNotNil(try exported().area(number: 3), "without --yes nothing is removed")
        ok(try planboard("area", "remove", "3", "--yes", "--db", db))
        let after = try exported()
        XCTAssertNil(after.area(number: 3))
        XCTAssertTrue(after.risks.allSatisfy { !$0.areas.contains(3) })
        ok(try planboard("undo", "--db", db))
        XCTAssertEqual(try exported().area(number: 3)?.actions.count, 22)
    }

    func testImportingAWordPlanDryRunSavesNothingAndTheRealOneOpensTheWholePlan() throws {
        let dry = try planboard("import", fixture("devon-app.docx"), "--dry-run", "--db", db)
        ok(dry)
        XCTAssertTrue(dry.stdout.contains("Not placed (0):"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("All areas: 30 actions"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("Dry run: nothing was saved."), dry.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "a dry run creates no plan")

        let real = try planboard("import", fixture("devon-app.docx"), "--db", db)
        ok(real)
        XCTAssertTrue(real.stdout.contains("Devon Local Area, 4 areas of weakness, 30 actions"), real.stdout)
        let devon = try Samples.plan(SamplePlans.devon)
        XCTAssertEqual(try exported().allActions.map(\.text), devon.allActions.map(\.text))

        let again = try planboard("import", fixture("northmoor-shuffled.docx"), "--db", db)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already holds the plan for Devon Local Area; nothing was changed"), again.stderr)
    }

    func testAJSONPlanStillImportsAndItsDryRunSavesNothing() throws {
        let dry = try planboard("import", try Samples.url(SamplePlans.devon).path, "--dry-run", "--db", db)
        ok(dry)
        XCTAssertTrue(dry.stdout.contains("is a valid plan for Devon Local Area") && dry.stdout.contains("Dry run: nothing was saved."), dry.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
        ok(try planboard("import", try Samples.url(SamplePlans.devon).path, "--db", db))
        XCTAssertEqual(try exported(), try Samples.plan(SamplePlans.devon))
    }

    func testBadDocumentsLeaveThePlanExactlyAsItWas() throws {
        ok(try planboard("import", try Samples.url(SamplePlans.devon).path, "--db", db))
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for (name, words) in [("not-a-zip.docx", "does not start like one"), ("zip-not-word.docx", "has no word/document.xml"),
                              ("no-table.docx", "found no part of an Accelerated Progress Plan"), ("encrypted.docx", "encrypted with a password")] {
            let result = try planboard("import", fixture(name), "--replace", "--db", db)
            XCTAssertEqual(result.status, 1, name)
            XCTAssertTrue(result.stderr.contains(name) && result.stderr.contains(words), result.stderr)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before)
    }

    func testATrackerDryRunListsTheChangesTheImportMakesThemAndAgainChangesNothing() throws {
        ok(try planboard("import", try Samples.url(SamplePlans.devon).path, "--db", db))
        let dry = try planboard("import", fixture("tracker.xlsx"), "--area", "3", "--dry-run", "--db", db)
        ok(dry)
        XCTAssertTrue(dry.stdout.contains("Would make (11):"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("Area 3 tracker, row 2: 3b status: not-started → amber"), dry.stdout)
        XCTAssertEqual(try exported().action("3b")?.status, .notStarted, "a dry run changes nothing")

        ok(try planboard("import", fixture("tracker.xlsx"), "--area", "3", "--db", db))
        XCTAssertEqual(try exported().action("3b")?.status, .amber)
        let again = try planboard("import", fixture("tracker.xlsx"), "--area", "3", "--db", db)
        ok(again)
        XCTAssertTrue(again.stdout.contains("No changes"), again.stdout)

        ok(try planboard("import", fixture("tracker.csv"), "--area", "2", "--db", db))
        XCTAssertEqual(try exported().action("2a")?.status, .red)
        XCTAssertTrue(try planboard("import", fixture("tracker.csv"), "--area", "2", "--db", db).stdout.contains("No changes"))
    }
}

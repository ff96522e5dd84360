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
}

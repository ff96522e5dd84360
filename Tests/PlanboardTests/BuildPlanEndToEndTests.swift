import Foundation
import PlanModel
import TestSupport
import XCTest

/// Building a plan from nothing in the dashboard, in a real terminal (tmux): `init`, then an
/// area, two findings, a KPI with three milestones and two actions linked to it; quit; the
/// export validates and holds it all.
final class BuildPlanEndToEndTests: XCTestCase {
    var folder: TempFolder!
    var session: TmuxSession?
    var db: String { folder.path("plan.sqlite") }
    let environment = ["PLANBOARD_TODAY": "2023-08-15", "USER": "builder"]

    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
        signal(SIGPIPE, SIG_IGN)
        folder = try TempFolder("build-plan")
    }

    override func tearDown() {
        session?.kill()
        session = nil
        folder = nil
    }

    func planboard(_ args: [String]) throws -> PlanboardBinary.Result {
        let result = try PlanboardBinary.run(args, environment: environment)
        XCTAssertEqual(result.status, 0, "planboard \(args.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// Types into the prompt on screen once its label shows, then presses Enter.
    func answer(_ s: TmuxSession, _ label: String, _ text: String?, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(s.waitFor(label), "waiting for “\(label)”:\n\(s.screen)", file: file, line: line)
        if let text {
            s.send("C-u")
            s.type(text)
        }
        s.send("Enter")
    }

    func expect(_ s: TmuxSession, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(s.waitFor(text), "waiting for “\(text)”:\n\(s.screen)", file: file, line: line)
    }

    func testBuildASmallPlanFromNothingInTheDashboard() throws {
        _ = try planboard(["init", "--local-area", "Northmoor", "--db", db])
        let command = "unset NO_COLOR PLANBOARD_DB; \(EndToEndTests.quoted(PlanboardBinary.url.path)) --db \(EndToEndTests.quoted(db)) --user builder"
        let s = try TmuxSession(width: 80, height: 24, command: command, environment: environment)
        session = s

        // The empty plan says what to do next.
        expect(s, "No areas yet: press 2, then A to add one.")
        expect(s, "No KPIs yet: press 6, then A to add one.")

        // An area.
        s.send("2")
        expect(s, "No areas yet: press A to add one")
        s.send("A")
        answer(s, "New area 1, short title:", "EHC plans")
        answer(s, "Area 1 weakness as written:", "The timeliness of EHC plans is poor.")
        expect(s, "Added area 1.")
        XCTAssertTrue(s.waitForLine(startingWith: "1 EHC plans", containing: "0"), s.screen)

        // Two findings, lettered a and b, and two actions.
        s.send("Enter")
        expect(s, "No findings yet: press A to add one.")
        for (letter, text) in [("a", "Families wait too long for plans."), ("b", "Calls from families go unanswered.")] {
            s.send("A")
            answer(s, "Finding 1\(letter):", text)
            expect(s, "Added finding 1\(letter).")
        }
        expect(s, "Findings a–b (2)")
        for (ref, text) in [("1a", "Recruit two EHC coordinators"), ("1b", "Call every waiting family weekly")] {
            s.send("+")
            answer(s, "New action in area 1, reference:", ref)
            answer(s, "\(ref) action:", text)
            expect(s, "Added \(ref).")
        }

        // A KPI with a baseline and a comparator.
        s.send("6")
        expect(s, "No KPIs yet: press A to add one.")
        s.send("A")
        answer(s, "New KPI, reference:", "K1")
        answer(s, "K1 name:", "EHC plans issued within 20 weeks")
        answer(s, "K1 unit:", "%")
        expect(s, "which direction is better?")
        s.send("h")
        answer(s, "K1 baseline value:", "31")
        answer(s, "K1 baseline date:", "30/06/2022")
        answer(s, "K1 comparator:", "England average: 58")
        expect(s, "Added KPI K1.")

        // Its three milestones, and the two actions linked to it.
        s.send("o")
        expect(s, "No milestones yet: press A to add one")
        for (label, date, target) in [("3 months", "31/10/2022", "40"), ("6 months", "31/01/2023", "50"), ("12 months", "31/07/2023", "65")] {
            s.send("A")
            answer(s, "K1 milestone label:", label)
            answer(s, "K1 \(label) date:", date)
            answer(s, "K1 \(label) target:", target)
            expect(s, "Added milestone “\(label)” to K1.")
        }
        s.send("+")
        answer(s, "Link actions to K1:", "1a, 1b")
        expect(s, "Linked 1a, 1b to K1.")
        expect(s, "Actions that move it (2)")

        s.send("q")
        XCTAssertEqual(s.waitForExit(), 0, s.screen)

        // The export validates and holds it all.
        let out = folder.path("out.json")
        _ = try planboard(["export", "--db", db, "-o", out])
        let validated = try planboard(["validate", out])
        XCTAssertTrue(validated.stdout.contains("valid planboard/1 plan for Northmoor: 1 area of weakness, 2 actions"), validated.stdout)
        let plan = try Samples.planFromFile(out)
        XCTAssertEqual(plan.areas.count, 1)
        let area = try XCTUnwrap(plan.areas.first)
        XCTAssertEqual(area.number, 1)
        XCTAssertEqual(area.title, "EHC plans")
        XCTAssertEqual(area.weakness, "The timeliness of EHC plans is poor.")
        XCTAssertEqual(area.findings, [Finding(letter: "a", text: "Families wait too long for plans."),
                                       Finding(letter: "b", text: "Calls from families go unanswered.")])
        XCTAssertEqual(area.actions.map(\.ref), ["1a", "1b"])
        XCTAssertEqual(area.actions.map(\.text), ["Recruit two EHC coordinators", "Call every waiting family weekly"])
        XCTAssertEqual(area.actions.map(\.kpis), [["K1"], ["K1"]])
        let kpi = try XCTUnwrap(plan.kpi("K1"))
        XCTAssertEqual(kpi.name, "EHC plans issued within 20 weeks")
        XCTAssertEqual(kpi.unit, "%")
        XCTAssertEqual(kpi.better, .higher)
        XCTAssertEqual(kpi.baseline, Measure(value: 31, date: PlanDate(typed: "2022-06-30")))
        XCTAssertEqual(kpi.comparator, Comparator(label: "England average", value: 58))
        XCTAssertEqual(kpi.milestones, [
            Milestone(label: "3 months", date: PlanDate(typed: "2022-10-31"), target: 40),
            Milestone(label: "6 months", date: PlanDate(typed: "2023-01-31"), target: 50),
            Milestone(label: "12 months", date: PlanDate(typed: "2023-07-31"), target: 65),
        ])
        // Every step went through the change log, signed by the person.
        let log = try planboard(["log", "--db", db])
        XCTAssertTrue(log.stdout.contains("added area 1"), log.stdout)
        XCTAssertTrue(log.stdout.contains("builder"), log.stdout)
    }
}

import PlanModel
import TestSupport
import XCTest

/// The Devon sample is a faithful transcription of the seed: these tests hold it to that.
final class DevonSampleTests: XCTestCase {
    /// Lower-case letters and digits only, so line breaks, page breaks, dashes and
    /// quotes in the Word dump do not matter.
    func squash(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(Character.init))
    }

    func testAreasFindingsAndActionsMatchTheSeed() throws {
        let seed = try Samples.seedText()
        let plan = try Samples.plan(SamplePlans.devon)

        // Each area of weakness starts with this heading in the seed.
        let headings = seed.components(separatedBy: "Area of weakness identified in the original inspection").count - 1
        XCTAssertEqual(plan.areas.count, headings)
        XCTAssertEqual(plan.areas.map(\.number), [1, 2, 3, 4])

        // Findings are lettered as in the inspectors' report: a-f, a-f, a-p, a-g.
        XCTAssertEqual(plan.areas.map(\.findings.count), [6, 6, 16, 7])
        for area in plan.areas {
            let letters = area.findings.map(\.letter)
            let expected = (0..<letters.count).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))) }
            XCTAssertEqual(letters, expected, "area \(area.number) findings are lettered in order")
        }

        // Every action row of the seed: 1a-1f (d and e are one row), 2a and its rows for social care and health, 3a.i-3p.ii, none in area 4.
        XCTAssertEqual(plan.areas.map(\.actions.count), [5, 3, 22, 0])
        XCTAssertEqual(plan.areas[2].actions.map(\.ref), ["3a.i", "3a.ii", "3a.iii", "3b", "3c", "3c.i", "3c.ii", "3c.iii",
                                                          "3d", "3e", "3f", "3g", "3h", "3i", "3j", "3k", "3l", "3m", "3n",
                                                          "3o", "3p.i", "3p.ii"])
        // Every action in the seed names Jackie Ross or a service as its lead.
        XCTAssertTrue(plan.allActions.allSatisfy { !$0.leads.isEmpty })
    }

    func testArea2ReadsAsTheSeedsRowsDo() throws {
        let plan = try Samples.plan(SamplePlans.devon)
        let area = try XCTUnwrap(plan.area(number: 2))
        // The two unlettered rows continue 2a for social care and health: not findings 2b, 2c.
        XCTAssertEqual(area.actions.map(\.ref), ["2a", "2a.sc", "2a.h"])
        XCTAssertEqual(area.actions.map(\.leads), [["Jackie Ross", "0-25", "EPS", "Inclusion"], ["Social Care"], ["Health"]],
                       "Jackie Ross and three teams lead 2a, each a lead of their own")
        let a = try XCTUnwrap(plan.action("2a"))
        // In reading order "Feedback from parents" ends the action cell and the survey is part
        // of the action; the KPI cell is blank.
        XCTAssertEqual(a.text, "Robust performance management/training. Feedback from parents. Implement new parent/carer survey for feedback.")
        XCTAssertEqual(a.kpiText, "")
    }

    func testTheNoticeSaysTheKPIsWereBuiltByPlanboard() throws {
        let plan = try Samples.plan(SamplePlans.devon)
        let notice = try XCTUnwrap(plan.header.notice, "devon-app.json says what is not the plan's own")
        XCTAssertTrue(notice.contains("score card is blank"), notice)
        XCTAssertTrue(notice.contains("K1–K6 were built by planboard"), notice)
        XCTAssertTrue(notice.contains("placed at 12 months"), notice)
        XCTAssertEqual(plan.kpis.map(\.ref), ["K1", "K2", "K3", "K4", "K5", "K6"])
    }

    func testEveryFindingAndWeaknessIsTheSeedsOwnText() throws {
        let seed = squash(try Samples.seedText())
        let plan = try Samples.plan(SamplePlans.devon)
        for area in plan.areas {
            XCTAssertTrue(seed.contains(squash(area.weakness).dropFirst(1)), "area \(area.number) weakness is in the seed")
            for finding in area.findings {
                // Findings can run across a page break; each sentence must be in the seed.
                for sentence in finding.text.split(separator: ".") where squash(String(sentence)).count > 12 {
                    XCTAssertTrue(seed.contains(squash(String(sentence))),
                                  "finding \(area.number)\(finding.letter): \"\(sentence)\" is not in the seed")
                }
            }
        }
    }

    func testEveryActionsWordsAreTheSeedsOwn() throws {
        // Action cells are interleaved with the lead column in the dump, so check words, not runs.
        let seedWords = Set(try Samples.seedText().lowercased().split { !$0.isLetter }.map(String.init))
        let plan = try Samples.plan(SamplePlans.devon)
        for action in plan.allActions {
            let words = action.text.lowercased().split { !$0.isLetter }.map(String.init)
            let missing = words.filter { !seedWords.contains($0) && $0 != "there" }
            XCTAssertEqual(missing, [], "action \(action.ref) has words that are not in the seed")
        }
    }

    func testTheHeaderAndScoreCardCarryTheSeedsFigures() throws {
        let plan = try Samples.plan(SamplePlans.devon)
        XCTAssertEqual(plan.header.localArea, "Devon Local Area")
        XCTAssertEqual(plan.header.inspectionStart?.iso, "2022-05-23")
        XCTAssertEqual(plan.header.inspectionEnd?.iso, "2022-05-25")
        XCTAssertNil(plan.header.revisitReportDate, "the seed says XXX")
        XCTAssertEqual(plan.header.accountableOfficers.map(\.name), ["Jane Milligan", "Melissa Caslake"])
        XCTAssertEqual(plan.header.advisers, [], "left blank in the seed")
        XCTAssertEqual(plan.governance.partners.count, 5)
        XCTAssertEqual(plan.risks, [], "the seed's risk register is empty")
        XCTAssertEqual(plan.kpi("K1")?.baseline?.value, 1600)
        XCTAssertEqual(plan.kpi("K2")?.baseline?.value, 2000)
        XCTAssertEqual(plan.kpi("K4")?.comparator?.value, 58)
        XCTAssertEqual(plan.kpi("K5")?.milestones.last?.target, 95)
        XCTAssertEqual(plan.kpi("K6")?.milestones.last?.target, 90)
        XCTAssertFalse(plan.header.notice?.localizedCaseInsensitiveContains("illustrative") ?? false, "the faithful sample claims nothing illustrative")
    }

    func testTheIllustrativeSampleIsTheSamePlanTextAndSaysItIsIllustrative() throws {
        let faithful = try Samples.plan(SamplePlans.devon)
        let illustrative = try Samples.plan(SamplePlans.devonIllustrative)
        XCTAssertTrue(illustrative.header.notice?.contains("Illustrative") ?? false)
        XCTAssertEqual(illustrative.areas.map(\.weakness), faithful.areas.map(\.weakness))
        XCTAssertEqual(illustrative.areas.map(\.findings), faithful.areas.map(\.findings))
        XCTAssertEqual(illustrative.allActions.map(\.text), faithful.allActions.map(\.text))
        XCTAssertEqual(Swift.Set(illustrative.allActions.map(\.status)), Swift.Set(Status.allCases), "statuses spread over all five")
        XCTAssertTrue((8...12).contains(illustrative.risks.count))
        let fictional = try Samples.plan(SamplePlans.fictional)
        XCTAssertEqual(fictional.areas.count, 5)
        XCTAssertTrue(fictional.header.notice?.lowercased().contains("fictional") ?? false)
    }
}

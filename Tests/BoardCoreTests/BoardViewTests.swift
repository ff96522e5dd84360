import BoardCore
import PlanModel
import TestSupport
import XCTest

/// The board views driven by keys: what a board member or project lead would do.
final class BoardViewTests: XCTestCase {
    func testTheDashboardOpensWhatIsSelected() throws {
        var state = try board(view: .dashboard)
        XCTAssertTrue(state.text.contains("Highest residual risks"))
        state.press(.enter)
        XCTAssertEqual(state.screen, .area(1), "the first line is area 1")
        state.press(.escape, .down, .down, .down, .down, .enter)
        XCTAssertEqual(state.screen, .kpi("K1"))
        state.press(.escape)
        for _ in 0..<6 { state.press(.down) }
        state.press(.enter)
        XCTAssertEqual(state.screen, .risk("R1"), "the highest residual risk")
    }

    func testFourDigitCountsOnTheDashboardNeverRunTogether() throws {
        let today = PlanDate(iso: "2031-01-01") ?? TestDates.illustrativeToday
        let plan = SyntheticPlan.make(areas: 3, actions: 30_000, risks: 10, kpis: 2, today: TestDates.illustrativeToday)
        var state = BoardState(plan: plan, today: today, user: "tester", width: 80, height: 24)
        _ = state.update(.resize(width: 80, height: 24))
        // The first column is where ▸ marks the selected area.
        let rows = Render.screen(state).lines.filter { [" 1 ", " 2 ", " 3 "].contains(String($0.dropFirst().prefix(3))) }
        XCTAssertEqual(rows.count, 3, Render.screen(state).lines.joined(separator: "\n"))
        for row in rows {
            let figures = row.split(separator: " ").suffix(3)
            XCTAssertTrue(figures.allSatisfy { $0.range(of: #"^[!»]?[0-9]+$"#, options: .regularExpression) != nil }, "Red, Late and Soon apart: \(row)")
            XCTAssertTrue(figures.contains { $0.count >= 5 }, "a count of four digits is there to test: \(row)")
        }
    }

    func testRaisingAResidualLikelihoodMovesTheHeatmapCounts() throws {
        var state = try board(view: .risks)
        let r1 = try XCTUnwrap(state.plan.risk("R1"))
        XCTAssertEqual(r1.residual, Score(likelihood: 4, impact: 4))
        func count(_ l: Int, _ i: Int) -> Int { state.plan.risks.filter { $0.residual == Score(likelihood: l, impact: i) }.count }
        let before = (count(4, 4), count(5, 4))
        state.press(.right, .right, .right, .right)  // the Residual column
        XCTAssertEqual(state.press(.enter), [])
        let effects = state.press(.char("5"), .char("4"))
        XCTAssertEqual(onlyEdit(effects), .batch([state.plan.setting(.residualLikelihood, ofRisk: "R1", to: .level(5)),
                                                 state.plan.setting(.residualImpact, ofRisk: "R1", to: .level(4))]))
        try state.save(effects)
        XCTAssertEqual([count(4, 4), count(5, 4)], [before.0 - 1, before.1 + 1])
        state.press(.char("4"))
        state.press(.up, .up, .up, .up, .right, .right, .right, .right, .left)  // likelihood 5, impact 4
        let text = state.text
        XCTAssertTrue(text.contains("[H 1"), "the selected cell (L5, I4) now shows one risk:\n\(text)")
        XCTAssertTrue(text.contains("R1 4×4=16 ↑ 5×4=20"), "and R1 is listed as moved since the checkpoint:\n\(text)")
        state.press(.char("i"))
        XCTAssertEqual(state.heatStage, .inherent)
        state.press(.enter)
        XCTAssertEqual(state.screen, .view(.risks))
        XCTAssertEqual(Set(state.registerRisks.map(\.ref)), Set(state.plan.risks.filter { $0.inherent == Score(likelihood: 5, impact: 4) }.map(\.ref)))
        state.press(.char("x"))
        XCTAssertEqual(state.registerRisks.count, state.plan.risks.count)
    }

    func testTheRegisterSortsByResidualAndEditsEveryKindOfField() throws {
        var state = try board(view: .risks)
        let residuals = state.registerRisks.map(\.residual.value)
        XCTAssertEqual(residuals, residuals.sorted(by: >), "highest residual first")
        state.press(.char("S"))
        XCTAssertEqual(state.registerRisks.map(\.inherent.value), state.registerRisks.map(\.inherent.value).sorted(by: >))
        state.press(.right, .right, .enter, .ctrl("u"))  // Owner
        state.type("Sam Okafor")
        XCTAssertEqual(onlyEdit(state.press(.enter)), state.plan.setting(.owner, ofRisk: state.registerRisks[0].ref, to: .text("Sam Okafor")))
        state.press(.right, .right, .right, .right, .enter, .ctrl("u"))  // Review date
        state.type("31/02/2024")
        XCTAssertEqual(state.press(.enter), [], "an impossible date is refused")
        state.press(.ctrl("u"))
        state.type("1 Mar 2024")
        XCTAssertEqual(onlyEdit(state.press(.enter)), state.plan.setting(.reviewDate, ofRisk: state.registerRisks[0].ref, to: .date(PlanDate(iso: "2024-03-01"))))
        state.press(.left, .left, .left, .enter, .char("7"))
        XCTAssertTrue(state.messageIsError, "a score is 1 to 5")
        state.press(.escape)
        state.press(.char("+"), .enter)
        state.type("Special school places run out")
        let add = state.press(.enter)
        guard case let .addRisk(_, risk)? = onlyEdit(add) else { return XCTFail("expected a new risk") }
        XCTAssertEqual(risk.ref, "R11")
        try state.save(add)
        XCTAssertEqual(state.currentRisk?.ref, "R11")
        state.press(.char("d"))
        XCTAssertEqual(state.press(.char("n")), [], "anything but y keeps it")
        state.press(.char("d"))
        XCTAssertEqual(onlyEdit(state.press(.char("y"))), state.plan.removing(risk: "R11"))
    }

    func testTheScoreCardEntersAndCorrectsActuals() throws {
        var state = try board(view: .kpis)
        state.press(.down, .down, .right, .right, .enter)  // K3, 12 months
        state.type("4l")
        XCTAssertEqual(state.press(.enter), [], "not a number")
        state.press(.backspace)
        state.type("1.5")
        XCTAssertEqual(onlyEdit(state.press(.enter)), state.plan.settingActual(kpi: "K3", milestone: 2, to: 41.5))
        state.press(.left, .enter, .ctrl("u"))
        XCTAssertEqual(onlyEdit(state.press(.enter)), state.plan.settingActual(kpi: "K3", milestone: 1, to: nil), "empty clears an actual")
    }

    func testLinksWorkBothWays() throws {
        var state = try board(view: .kpis)
        state.press(.char("o"))
        XCTAssertEqual(state.screen, .kpi("K1"))
        XCTAssertTrue(state.text.contains("Actions that move it (4)"))
        state.press(.enter)
        XCTAssertEqual(state.screen, .action("3b"), "from a KPI to an action that moves it")
        state.press(.char("o"))
        XCTAssertEqual(state.screen, .kpi("K1"), "from an action to its KPI")
        var risks = try board(view: .risks)
        risks.press(.char("o"))
        XCTAssertEqual(risks.screen, .risk("R1"))
        risks.press(.char("o"))
        XCTAssertEqual(risks.screen, .area(1), "from a risk to its area")
    }

    func testTriageListsRedOverdueAndDueSoonMostOverdueFirst() throws {
        var state = try board(view: .triage)
        let items = state.triage
        let today = TestDates.illustrativeToday
        let expected = state.plan.allActions.filter { a in
            let f = a.flags(today: today, settings: state.plan.settings)
            return a.status == .red || f.overdue || f.dueSoon
        }
        XCTAssertEqual(Set(items.map(\.action.ref)), Set(expected.map(\.ref)))
        let late = items.compactMap(\.overdueDays)
        XCTAssertEqual(late, late.sorted(by: >), "most overdue first")
        XCTAssertEqual(items.first?.action.ref, "3a.i")
        state.press(.char("f"))
        state.type("Health")
        state.press(.enter)
        XCTAssertEqual(state.triage.map(\.action.ref), ["2a.h"])
        XCTAssertEqual(onlyEdit(state.press(.char("g"))), state.plan.settingStatus(ofAction: "2a.h", to: .green, reason: nil), "edit here as in the area view")
        state.press(.char("f"), .ctrl("u"), .enter, .char("G"))
        XCTAssertTrue(state.text.contains(" Jackie Ross"), "grouped under each lead")
        let first = try XCTUnwrap(state.triage.first?.action.ref)
        state.press(.enter)
        XCTAssertEqual(state.screen, .action(first))
    }

    func testTheRAGGridNamesTheActionUnderTheCursorAndShowsStatusOverTime() throws {
        var state = try board(view: .rag)
        state.press(.down, .down, .right, .right, .right)
        XCTAssertEqual(state.currentAction?.ref, "3b")
        XCTAssertTrue(state.text.contains("3b A ▲ Create annual review backlog team"), state.text)
        state.press(.enter)
        XCTAssertEqual(state.screen, .action("3b"))
        state.press(.escape, .char("m"))
        let text = state.text
        XCTAssertTrue(text.contains("15 Nov 2022 14 Feb 2023 18 Jul 2023 15 Aug 2023"), "a column per checkpoint, dated with the year, apart:\n\(text)")
        XCTAssertTrue(text.contains("Board 2022… Six-month … Board 2023… Now"), "each column names its checkpoint:\n\(text)")
        XCTAssertTrue(text.contains("Now"))
        let checkpoint = try XCTUnwrap(state.plan.checkpoints.first)
        let moved = try XCTUnwrap(checkpoint.actions.first { state.plan.action($0.ref)?.status != $0.status })
        let now = try XCTUnwrap(state.plan.action(moved.ref)?.status)
        let row = try XCTUnwrap(state.text.split(separator: "\n").first { $0.hasPrefix(" \(moved.ref) ") })
        XCTAssertTrue(row.contains(moved.status.letter.description + moved.status.glyph.description), "\(moved.ref) then: \(row)")
        XCTAssertTrue(row.hasSuffix(now.letter.description + now.glyph.description) || row.contains(now.letter.description + now.glyph.description + " "), "\(moved.ref) now: \(row)")
        state.press(.down, .down, .down)
        XCTAssertEqual(state.currentAction?.ref, "1d-e")
    }

    func testRecordingACheckpointAsksForANameAndADate() throws {
        var state = try board(view: .dashboard)
        state.press(.char("C"), .ctrl("u"))
        state.type("Board Sep")
        state.press(.enter)
        XCTAssertEqual(state.press(.enter), [.recordCheckpoint(name: "Board Sep", date: TestDates.illustrativeToday)])
        XCTAssertEqual(state.sinceName, "Board Sep", "the new checkpoint becomes “since”")
        var named = try board(view: .checkpoints)
        named.press(.char("C"), .ctrl("u"))
        named.type("Six-month review 2023-02-14")
        named.press(.enter)
        XCTAssertTrue(named.messageIsError, "names are unique")
    }

    func testChoosingSinceAndOpeningAChangeFromTheLog() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        // Without meetings "since" is the latest checkpoint (with them, the last recorded meeting:
        // MeetingsScreenTests).
        plan.meetings = []
        let checkpoint = Checkpoint(name: "Board Sep", date: TestDates.illustrativeToday, of: plan)
        plan = try plan.applying(.addCheckpoint(checkpoint, index: nil)).plan
        let change = plan.settingStatus(ofAction: "3d", to: .green, reason: nil)
        plan = try plan.applying(change).plan
        let log = [
            ChangeRecord(seq: 1, at: Date(timeIntervalSince1970: 1_692_000_000), user: "sam", kind: .edit, target: nil,
                         summary: "checkpoint", edit: .addCheckpoint(checkpoint, index: nil), inverse: nil),
            ChangeRecord(seq: 2, at: Date(timeIntervalSince1970: 1_692_000_100), user: "sam", kind: .edit, target: nil,
                         summary: change.summary, edit: change, inverse: nil),
        ]
        var state = BoardState(plan: plan, log: log, today: TestDates.illustrativeToday, user: "t")
        state.press(.char("8"))
        XCTAssertEqual(state.since?.name, "Board Sep", "the latest checkpoint by default")
        state.press(.down, .down, .down, .enter)
        XCTAssertEqual(state.since?.name, "Board 2022-11-15", "Enter chooses another")
        state.press(.up, .up, .up, .enter, .char("s"))
        XCTAssertEqual(state.screen, .changes)
        XCTAssertTrue(state.text.contains("The change log: 1 entry since Board Sep"), state.text)
        state.press(.enter)
        XCTAssertEqual(state.screen, .action("3d"))
    }

    func testAfterEditingAByWhenInTriageTheSelectionFollowsTheEditedAction() throws {
        var state = try board(view: .triage)
        let first = try XCTUnwrap(state.currentAction?.ref)
        state.press(.char("w"), .ctrl("u"))
        state.type("2024-12-31")
        XCTAssertEqual(state.press(.enter), [], "the plan is agreed: moving an agreed date asks why")
        state.type("Recruitment slipped")
        try state.save(state.press(.enter))
        XCTAssertNotEqual(state.triage.first?.action.ref, first, "the edit moved the action in the list")
        XCTAssertEqual(state.currentAction?.ref, first, "yet the cursor stays on the action that was edited")
    }

    func testWhenTheEditedActionLeavesTriageTheSelectionKeepsItsPlace() throws {
        var state = try board(view: .triage)
        state.press(.down, .down)
        let before = state.triage.map(\.action.ref)
        let done = try XCTUnwrap(state.currentAction?.ref)
        XCTAssertEqual(before.firstIndex(of: done), 2)
        try state.save(state.press(.char("c")))
        XCTAssertFalse(state.triage.contains { $0.action.ref == done }, "complete: it leaves the list")
        XCTAssertEqual(state.currentAction?.ref, before[3], "the next one, now in its place, is selected, not the top of the list")
    }
}

/// An area's weakness can always be scrolled back to.
final class AreaScrollingTests: XCTestCase {
    func testWithFindingsShownHomeAndUpReachTheWeakness() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            var state = try board(width: width, height: height)
            state.press(.down, .down, .enter)
            XCTAssertEqual(state.screen, .area(3))
            if !state.showsFullFindings { state.press(.char("F")) }
            XCTAssertTrue(state.showsFullFindings)
            let weakness = try XCTUnwrap(state.plan.area(number: 3)?.weakness.prefix(25))
            state.press(.end)
            state.press(.home)
            XCTAssertTrue(state.text.contains(weakness), "\(width)×\(height): Home shows the weakness:\n\(state.text)")
            state.press(.end)
            for _ in 0..<60 { state.press(.char("k")) }
            XCTAssertTrue(state.text.contains(weakness), "\(width)×\(height): k up to the first finding shows the weakness:\n\(state.text)")
            state.press(.end)
            for _ in 0..<10 { state.press(.pageUp) }
            XCTAssertTrue(state.text.contains(weakness), "\(width)×\(height): PgUp shows the weakness:\n\(state.text)")
        }
    }
}

/// Without colour the heatmap still says which view is chosen.
final class HeatmapSelectorTests: XCTestCase {
    func testTheChosenViewReadsDifferentlyWithoutColour() throws {
        var state = try board(view: .heatmap)
        var rows: [String: String] = [:]
        for (key, stage) in [("i", "inherent"), ("r", "residual"), ("t", "target")] {
            state.press(.char(Character(key)))
            let row = try XCTUnwrap(state.text.split(separator: "\n").first { $0.hasPrefix("Showing") }.map(String.init), state.text)
            XCTAssertTrue(row.contains("[\(key) \(stage)]"), "the chosen view is bracketed: \(row)")
            rows[stage] = row
        }
        XCTAssertEqual(Set(rows.values).count, 3, "each choice reads differently as text: \(rows)")
    }
}

/// A KPI's direction is never mistaken for Amber, and "lower is better" shows with the figures.
final class KPIDirectionTests: XCTestCase {
    func testDirectionIsAWordNeverAStatusGlyphOrAnArrow() {
        let statusGlyphs = Set(Status.allCases.map { String($0.glyph) })
        for travel in Travel.allCases {
            XCTAssertFalse(statusGlyphs.contains(travel.word), "\(travel) is said in a word, not a status's glyph")
        }
        XCTAssertEqual(Set(Travel.allCases.map(\.word)).count, Travel.allCases.count)
    }

    func testFallingK1ShowsImprovingAndSaysLowerIsBetter() throws {
        let dashboard = try board(width: 120, height: 40, view: .dashboard)
        let k1 = try XCTUnwrap(dashboard.text.split(separator: "\n").first { $0.hasPrefix(" K1 ") }, dashboard.text)
        XCTAssertTrue(k1.contains(" better "), "fewer delayed reviews is better, said in a word: \(k1)")
        XCTAssertFalse(k1.contains { "↗↘↑↓".contains($0) }, "no arrow that reads as up or down beside a falling line: \(k1)")
        XCTAssertFalse(k1.contains("▲"), "no Amber triangle on a KPI row: \(k1)")
        XCTAssertTrue(dashboard.text.contains("Lower is better for K1, K2 and K3."), dashboard.text)
        let card = try board(width: 120, height: 40, view: .kpis)
        XCTAssertTrue(card.text.contains("Lower is better for K1, K2 and K3."), card.text)
    }
}

/// The dashboard's area bars use the width and share one scale.
final class AreaBarTests: XCTestCase {
    /// The dashboard's row for an area, found by its title.
    func row(_ state: BoardState, _ title: String) throws -> Substring {
        try XCTUnwrap(state.text.split(separator: "\n").first { $0.contains(title) && $0.dropFirst().hasPrefix(" ") }, state.text)
    }

    /// The cells of an area's bar: the run of status letters and glyphs after its title and
    /// its RAG cell; `gap` is the space between the title and the RAG.
    func bar(_ row: Substring, after title: String) -> (gap: Int, length: Int) {
        let rest = row[row.range(of: title)!.upperBound...]
        let gap = rest.prefix { $0 == " " }.count
        let afterRAG = rest.dropFirst(gap).drop { $0 != " " }.drop { $0 == " " }
        let length = afterRAG.prefix { $0 != " " }.count
        return (gap, length)
    }

    func testBarsShareOneScaleAndSitBesideTheirTitles() throws {
        for width in [80, 120, 200] {
            let state = try board(width: width, height: 40, view: .dashboard)
            let areas = state.plan.areas
            var lengths: [Int: Int] = [:]
            for (i, area) in areas.enumerated() where state.rollups[i].total > 0 {
                let (gap, length) = bar(try row(state, area.title), after: area.title)
                XCTAssertLessThanOrEqual(gap, DisplayWidth.of(areas.map(\.title).max { $0.count < $1.count } ?? "") - DisplayWidth.of(area.title) + 2,
                                         "\(width) columns: area \(area.number)'s bar sits beside its title, not across a gap")
                lengths[area.number] = length
            }
            // Area 3 has 22 actions, area 2 three: one scale draws area 2's bar far shorter.
            let two = try XCTUnwrap(lengths[2]), three = try XCTUnwrap(lengths[3])
            XCTAssertLessThan(two * 3, three, "\(width) columns: 3 actions draw a much shorter bar than 22 (\(two) vs \(three))")
            if width == 200 { XCTAssertGreaterThan(three, 80, "at 200 columns the bars use the width (\(three))") }
        }
    }
}

/// A residual score above the inherent one is saved with a warning.
final class ResidualAboveInherentTests: XCTestCase {
    func said(_ effects: [Effect]) -> String? {
        guard effects.count == 1, case let .apply(_, done, _) = effects[0] else { return nil }
        return done
    }

    func testAResidualAboveTheInherentScoreIsQuestioned() throws {
        var state = try board(view: .risks)
        let r1 = try XCTUnwrap(state.plan.risk("R8"))
        XCTAssertLessThan(r1.inherent.value, 25, "R8 can be scored above its inherent score")
        for _ in 0..<state.plan.risks.count where state.currentRisk?.ref != "R8" { state.press(.down) }
        XCTAssertEqual(state.currentRisk?.ref, "R8")
        state.press(.right, .right, .right, .right)  // the Residual column
        state.press(.enter)
        let warned = try XCTUnwrap(said(state.press(.char("5"), .char("5"))))
        XCTAssertTrue(warned.contains("residual score (25) is above the inherent score (\(r1.inherent.value))"), warned)
        state.press(.enter)
        let fine = try XCTUnwrap(said(state.press(.char("1"), .char("1"))))
        XCTAssertFalse(fine.contains("above the inherent"), fine)
    }
}

/// A checkpoint can be recorded from any screen.
final class CheckpointAnywhereTests: XCTestCase {
    func testCAsksForACheckpointNameOnEveryView() throws {
        for view in [View.areas, .governance, .rag, .heatmap, .risks, .kpis, .triage] {
            var state = try board(view: view)
            state.press(.char("C"))
            guard case let .prompt(prompt)? = state.overlay else {
                XCTFail("\(view.title): C opens the checkpoint prompt:\n\(state.text)")
                continue
            }
            XCTAssertTrue(prompt.label.localizedCaseInsensitiveContains("checkpoint"), "\(view.title): \(prompt.label)")
        }
    }
}

/// Counts read as a person writes them ("1 risk", not "1 risks").
final class CountWordingTests: XCTestCase {
    func testOneOfSomethingIsSingular() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        plan.risks = Array(plan.risks.prefix(1))
        plan.kpis = Array(plan.kpis.prefix(1))
        for key in ["2", "4", "5"] {
            var state = BoardState(plan: plan, today: TestDates.illustrativeToday, user: "tester", width: 120, height: 40)
            _ = state.update(.resize(width: 120, height: 40))
            state.press(.char(Character(key)))
            XCTAssertFalse(state.text.contains("1 risks") || state.text.contains("1 KPIs"), "view \(key):\n\(state.text)")
            XCTAssertTrue(state.text.contains("1 risk"), "view \(key):\n\(state.text)")
        }
    }

    /// At 80 columns a small area's bar kept its letters but lost its counts ("RA▲G–").
    func testASmallAreasStatusBarShowsItsCountsAt80Columns() throws {
        let state = try board(width: 80, height: 24, view: .dashboard)
        let small = try XCTUnwrap(state.plan.areas.filter { !$0.actions.isEmpty }.min { $0.actions.count < $1.actions.count })
        let line = try XCTUnwrap(state.text.split(separator: "\n").first { $0.hasPrefix("  \(small.number) ") }, state.text)
        for status in Status.allCases {
            let n = small.actions.filter { $0.status == status }.count
            if n > 0 { XCTAssertTrue(line.contains("\(status.letter)\(n)"), "\(status.label) \(n) on: \(line)") }
        }
    }

}

import BoardCore
import PlanModel
import TestSupport
import XCTest

/// Every screen at 80×24 and 160×48, in the default and mono themes.
final class GoldenScreenTests: XCTestCase {
    static func screens(width: Int, height: Int) throws -> [(String, BoardState)] {
        var areas = try board(width: width, height: height)
        areas.press(.down, .down)
        var area = areas
        area.press(.enter, .down, .down, .down)
        var action = area
        action.press(.enter)
        let governance = try board(width: width, height: height, view: .governance)
        var help = try board(width: width, height: height)
        help.press(.char("?"))
        var editing = action
        editing.press(.char("w"), .ctrl("u"))
        editing.type("30/02/2023")
        var reason = area
        reason.press(.char("r"))
        reason.type("Two caseworkers left – £40k gap")
        var fictional = try board(SamplePlans.fictional, width: width, height: height)
        fictional.press(.down)
        var dashboard = try board(width: width, height: height, view: .dashboard)
        dashboard.press(.down, .down, .down, .down, .down)
        var rag = try board(width: width, height: height, view: .rag)
        rag.press(.down, .down, .right, .right, .right)
        var ragOverTime = try board(width: width, height: height, view: .rag)
        ragOverTime.press(.char("m"), .down, .down, .down)
        var heatmap = try board(width: width, height: height, view: .heatmap)
        heatmap.press(.up, .right)
        var heatInherent = heatmap
        heatInherent.press(.char("i"))
        var risks = try board(width: width, height: height, view: .risks)
        risks.press(.down, .right, .right, .right, .right)
        var scoring = risks
        scoring.press(.enter, .char("3"))
        var risk = try board(width: width, height: height, view: .risks)
        risk.press(.char("o"))
        var kpis = try board(width: width, height: height, view: .kpis)
        kpis.press(.down, .down, .right, .right)
        var actual = kpis
        actual.press(.enter)
        actual.type("41")
        var kpi = try board(width: width, height: height, view: .kpis)
        kpi.press(.char("o"))
        let triage = try board(width: width, height: height, view: .triage)
        var grouped = triage
        grouped.press(.char("G"))
        let checkpoints = try board(width: width, height: height, view: .checkpoints)
        var recording = checkpoints
        recording.press(.char("C"))
        var legend = try board(width: width, height: height, view: .dashboard)
        legend.press(.char("K"))
        return [("areas", areas), ("area", area), ("action", action), ("governance", governance), ("help", help),
                ("edit-by-when", editing), ("reason", reason), ("fictional-areas", fictional), ("dashboard", dashboard),
                ("rag", rag), ("rag-over-time", ragOverTime), ("heatmap", heatmap), ("heatmap-inherent", heatInherent),
                ("risks", risks), ("risk-score-entry", scoring), ("risk", risk), ("kpis", kpis), ("kpi-actual-entry", actual),
                ("kpi", kpi), ("triage", triage), ("triage-by-lead", grouped), ("checkpoints", checkpoints),
                ("checkpoint-record", recording), ("legend", legend)]
    }

    func testEveryScreenMatchesItsGoldenFile() throws {
        try Golden.checkEvery { try Self.screens(width: $0, height: $1) }
    }

    func testATerminalBelowTheMinimumSaysWhatSizeItNeeds() throws {
        let state = try board(width: 40, height: 10)
        let text = state.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains("planboard needs a terminal at least 56×14; this one is 40×10"), text)
    }

    func testThirteenAreasAllAppearAt80x24() throws {
        var plan = try Samples.plan(SamplePlans.fictional)
        let template = plan.areas[0]
        for n in 6...13 {
            var area = template
            area.number = n
            area.title = "Fictional area \(n)"
            area.actions = area.actions.map { action in
                var copy = action
                copy.ref = "\(n)" + action.ref.dropFirst()
                return copy
            }
            plan.areas.append(area)
        }
        XCTAssertEqual(Validator().problems(in: plan), [])
        var state = BoardState(plan: plan, today: TestDates.illustrativeToday, user: "t", width: 80, height: 24)
        state.press(.char("2"))
        for n in 1...13 { XCTAssertTrue(state.text.contains(" \(String(n).leftPadded(2)) "), "area \(n) is listed") }
        state.press(.end)
        XCTAssertTrue(state.text.contains("Fictional area 13"))
        state.press(.enter)
        XCTAssertTrue(state.text.contains("Area 13: Fictional area 13"))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

import Foundation
import PlanModel
import PlanReport
import TestSupport
import XCTest

final class BoardPackTests: XCTestCase {
    let today = TestDates.illustrativeToday

    func pack(_ plan: Plan? = nil, meeting: String? = nil, since: String? = nil, area: Int? = nil) throws -> BoardPack {
        try BoardPack(plan: plan ?? Samples.illustrativeWithMeetings(), meeting: meeting, since: since, area: area, today: today)
    }

    // MARK: Markdown

    func testTheMarkdownPackOfTheIllustrativeSampleMatchesItsGoldenFile() throws {
        let markdown = try pack().markdown()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/devon-illustrative-pack.md")
        if ProcessInfo.processInfo.environment["PLANBOARD_RECORD_GOLDEN"] == "1" {
            try Data(markdown.utf8).write(to: url)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(markdown, golden, "re-record with PLANBOARD_RECORD_GOLDEN=1 and read the diff")
    }

    func testTheMarkdownSaysWhatTheHTMLSays() throws {
        let p = try pack()
        let html = try HTMLNode.parse(p.html())
        let markdown = p.markdown()
        // Every heading of the HTML is a heading of the Markdown, in the same order.
        let htmlHeadings = html.all { ["h1", "h2", "h3"].contains($0.name) }.map { String(repeating: "#", count: Int($0.name.dropFirst()) ?? 0) + " " + $0.allText }
        let mdHeadings = markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.map { $0.replacingOccurrences(of: "\\", with: "") }
        XCTAssertEqual(mdHeadings, htmlHeadings)
    }

    // MARK: HTML

    func testTheHTMLHoldsEveryAreaKPIAndRisk() throws {
        let plan = try Samples.illustrativeWithMeetings()
        let html = try HTMLNode.parse(try pack(plan).html())
        let headings = html.all("h2").map(\.allText)
        for area in plan.areas {
            XCTAssertTrue(headings.contains("Highlight report — Area \(area.number): \(area.title)"), "area \(area.number)")
            XCTAssertNotNil(html.first("table", "data-table", "actions-\(area.number)") ?? (area.actions.isEmpty ? html : nil))
        }
        let register = try XCTUnwrap(html.first("table", "data-table", "register"))
        XCTAssertEqual(register.all("tr").compactMap { $0.attributes["data-key"] }, plan.risks.map(\.ref))
        let kpiHeadings = html.all("h3").map(\.allText)
        for kpi in plan.kpis {
            XCTAssertTrue(kpiHeadings.contains("\(kpi.ref) \(kpi.name)"), kpi.ref)
            XCTAssertNotNil(html.first("table", "data-table", "kpi-\(kpi.ref)"), kpi.ref)
        }
        for action in plan.allActions {
            XCTAssertNotNil(html.all("tr").first { $0.attributes["data-key"] == action.ref }, action.ref)
        }
    }

    func testTheHeatmapShowsTheDashboardsCounts() throws {
        let plan = try Samples.illustrativeWithMeetings()
        let html = try HTMLNode.parse(try pack(plan).html())
        let cells = html.all("g").filter { $0.attributes["class"] == "cell" }
        XCTAssertEqual(cells.count, 25)
        // The dashboard's rule: each risk counted in the cell of its residual score.
        var expected: [String: Int] = [:]
        for risk in plan.risks { expected["\(risk.residual.likelihood)x\(risk.residual.impact)", default: 0] += 1 }
        for cell in cells {
            let key = "\(cell.attributes["data-likelihood"] ?? "")x\(cell.attributes["data-impact"] ?? "")"
            let shown = cell.all("text").first { $0.attributes["class"] == "count" }?.allText
            XCTAssertEqual(shown.flatMap { Int($0) } ?? 0, expected[key] ?? 0, "cell \(key)")
            XCTAssertEqual(Int(cell.attributes["data-count"] ?? ""), expected[key] ?? 0, "cell \(key)")
        }
        XCTAssertEqual(expected.values.reduce(0, +), plan.risks.count)
        // Likelihood up the side: 5 is drawn above 1.
        let rect5 = try XCTUnwrap(cells.first { $0.attributes["data-likelihood"] == "5" }?.all("rect").first?.attributes["y"])
        let rect1 = try XCTUnwrap(cells.first { $0.attributes["data-likelihood"] == "1" }?.all("rect").first?.attributes["y"])
        XCTAssertLessThan(Int(rect5) ?? 0, Int(rect1) ?? 0)
    }

    func testThePackRunsNoScriptAndFetchesNothing() throws {
        let html = try pack().html()
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.lowercased().contains("http"))
        XCTAssertFalse(html.contains("src="))
        XCTAssertFalse(html.contains("@import"))
        XCTAssertFalse(html.contains("<link"))
        let urls = html.components(separatedBy: "url(").dropFirst()
        XCTAssertTrue(urls.allSatisfy { $0.hasPrefix("#") }, "only references inside the page")
    }

    func testThePackReadsWithoutColour() throws {
        let html = try HTMLNode.parse(try pack().html())
        XCTAssertEqual(html.attributes["lang"], "en-GB")
        XCTAssertEqual(html.all("title").first?.allText, "Board pack: Board 2023-08-22 — Devon Local Area")
        // Headings in order: one h1, and never a jump of more than one level.
        let levels = html.all { $0.name.count == 2 && $0.name.hasPrefix("h") && $0.name != "hr" }.compactMap { Int($0.name.dropFirst()) }
        XCTAssertEqual(levels.first, 1)
        XCTAssertEqual(levels.filter { $0 == 1 }.count, 1)
        for (a, b) in zip(levels, levels.dropFirst()) { XCTAssertLessThanOrEqual(b - a, 1) }
        // Every table has header cells; every status carries its word.
        for table in html.all("table") { XCTAssertFalse(table.all("th").isEmpty, table.attributes["data-table"] ?? "") }
        for span in html.all("span") where (span.attributes["class"] ?? "").hasPrefix("rag ") {
            // Its word ("Red"), or in the grid its letter ("3b ● R").
            let text = span.allText
            XCTAssertTrue(Status.allCases.contains { text.hasSuffix($0.label) || text.hasSuffix(" \($0.letter)") } || text.hasSuffix("No actions"), text)
        }
        for cell in html.all("td") where (cell.attributes["class"] ?? "").hasPrefix("cell-") {
            let text = cell.allText
            XCTAssertTrue(Status.allCases.contains { text.hasSuffix($0.label) || text.hasSuffix(" \($0.letter)") }, "coloured cell \(text) has its word or letter")
        }
        // Every chart has a text equivalent.
        for svg in html.all("svg") {
            XCTAssertTrue(svg.attributes["aria-label"] != nil || !svg.all("title").isEmpty)
            XCTAssertFalse(svg.parent?.all("figcaption").first?.allText.isEmpty ?? true)
        }
    }

    func testThePrintStylesheetPutsEachSectionOnANewA4PageWithPlanMeetingAndPageNumber() throws {
        let html = try pack().html()
        XCTAssertTrue(html.contains("size: A4"))
        XCTAssertTrue(html.contains("section.page { break-before: page;"))
        XCTAssertTrue(html.contains("@bottom-left { content: \"Devon Local Area — Board 2023-08-22 (22 Aug 2023)\""))
        XCTAssertTrue(html.contains("counter(page)"))
        let tree = try HTMLNode.parse(html)
        XCTAssertEqual(tree.all("section").map { $0.attributes["class"] ?? "" },
                       ["cover"] + Array(repeating: "page", count: tree.all("section").count - 1))
    }

    func testPlanTextIsEscapedEverywhere() throws {
        var plan = try Samples.illustrativeWithMeetings()
        let nasty = "</style><script>alert(\"x\")</script> & ' * _ | # [link](http://evil)"
        plan.header.localArea = nasty
        plan.areas[0].title = nasty
        plan.areas[0].actions[0].text = nasty + "\nsecond line"
        plan.meetings[2].highlights[0].progress = nasty
        plan.risks[0].risk = nasty
        plan.kpis[0].name = nasty
        let p = try pack(plan)
        let html = p.html()
        let tree = try HTMLNode.parse(html)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(tree.all("h2").contains { $0.allText == "Highlight report — Area 1: \(nasty)" })
        XCTAssertTrue(tree.all("title").first?.allText.contains(nasty) ?? false)
        let markdown = p.markdown()
        XCTAssertNil(markdown.range(of: "(?<!\\\\)<", options: .regularExpression), "every < is escaped")
        XCTAssertFalse(markdown.contains("[link](http"))
        XCTAssertTrue(markdown.contains("\\<script\\>"))
        XCTAssertTrue(markdown.contains("\\[link\\](http://evil)"))
    }

    // MARK: What the sections say

    func testAHighlightShowsTheSROsJudgementAndTheDatesThatMovedSinceTheLastMeeting() throws {
        // Compared with the six-month review: the dates moved between it and the monthly board.
        let html = try HTMLNode.parse(try pack(since: "Six-month review 2023-02-14").html())
        let area3 = try XCTUnwrap(html.first("section", "id", "area-3")).allText
        XCTAssertTrue(area3.contains("RAG: ▲ Amber — the SRO’s judgement; the actions roll up to ● Red"), area3)
        XCTAssertTrue(area3.contains("What changed since Six-month review 2023-02-14"))
        XCTAssertTrue(area3.contains("3o: by-when moved from 31 May 2023 to 31 Jul 2023 (61 days later)"), area3)
        XCTAssertTrue(area3.contains("31 Jul 2023 (moved from 31 May 2023)"))
        let area1 = try XCTUnwrap(html.first("section", "id", "area-1")).allText
        XCTAssertTrue(area1.contains("RAG: ● Red — the roll-up of its actions"))
        XCTAssertTrue(area1.contains("Melissa Caslake"))
        let exceptions = try XCTUnwrap(html.first("section", "id", "exceptions")).allText
        XCTAssertTrue(exceptions.contains("By-when dates moved since Six-month review 2023-02-14 (4)"), exceptions)
    }

    func testTheDecisionsLogListsOpenAndDoneDecisions() throws {
        let html = try HTMLNode.parse(try pack().html())
        XCTAssertEqual(html.first("table", "data-table", "decisions-open")?.all("tr").compactMap { $0.attributes["data-key"] }, ["D3", "D4", "D7"])
        XCTAssertEqual(html.first("table", "data-table", "decisions-done")?.all("tr").compactMap { $0.attributes["data-key"] }, ["D1", "D2", "D5", "D6"])
        XCTAssertTrue(html.first("tr", "data-key", "D3")?.allText.contains("Open, overdue") ?? false)
    }

    func testSinceDefaultsToThePreviousRecordedMeetingAndCanBeChosen() throws {
        XCTAssertEqual(try pack().since?.name, "Board 2023-07-18", "the last monthly board, not six months back")
        XCTAssertEqual(try pack(meeting: "Board 2023-07-18").since?.name, "Six-month review 2023-02-14")
        XCTAssertEqual(try pack(meeting: "Six-month review 2023-02-14").since?.name, "Board 2022-11-15")
        XCTAssertNil(try pack(meeting: "Board 2022-11-15").since)
        XCTAssertEqual(try pack(since: "Board 2022-11-15").since?.name, "Board 2022-11-15")
        XCTAssertThrowsError(try pack(meeting: "Board 1999")) { error in
            XCTAssertTrue("\(error)".hasPrefix("there is no meeting called \"Board 1999\"; expected one of \"Board 2022-11-15\""), "\(error)")
        }
        XCTAssertThrowsError(try pack(since: "Board 2023-08-22")) { error in
            XCTAssertTrue("\(error)".contains("has not been recorded yet"), "\(error)")
        }
    }

    func testOneAreaOnly() throws {
        let html = try HTMLNode.parse(try pack(area: 2).html())
        XCTAssertEqual(html.all("section").compactMap { $0.attributes["id"] }.filter { $0.hasPrefix("area-") }, ["area-2"])
        XCTAssertEqual(html.first("table", "data-table", "decisions-open")?.all("tr").compactMap { $0.attributes["data-key"] }, ["D4"])
        XCTAssertThrowsError(try pack(area: 9))
    }

    func testAPlanWithNoMeetingsStillMakesAPack() throws {
        let plan = try Samples.plan(SamplePlans.fictional)
        let html = try HTMLNode.parse(try pack(plan).html())
        XCTAssertEqual(html.all("h1").first?.allText, "Board pack")
        XCTAssertEqual(html.all("section").count, 2 + plan.areas.count + 6)
    }
}

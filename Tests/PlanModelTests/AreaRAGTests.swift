import PlanModel
import TestSupport
import XCTest

/// An area's RAG as a board member asks for it: the SRO's judgement in the latest highlight,
/// marked as such, else the roll-up of its actions.
final class AreaRAGTests: XCTestCase {
    func testTheLatestHighlightsJudgementElseTheRollUp() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        plan.meetings = []
        let rollup = try XCTUnwrap(plan.rollupStatus(ofArea: 3))
        XCTAssertEqual(plan.rag(ofArea: 3), AreaRAG(status: rollup, judgedAt: nil, rollup: rollup), "no highlight: the roll-up")
        XCTAssertEqual(plan.rag(ofArea: 3).words, "\(rollup.label) (the roll-up of its actions)")

        plan.meetings = [
            Meeting(name: "Board Sep", date: TestDates.date("2023-09-12"), highlights: [Highlight(area: 3, rag: .green, reason: "Recovering")]),
            Meeting(name: "Board Jul", date: TestDates.date("2023-07-11"), highlights: [Highlight(area: 3, rag: .red, reason: "Slipping")]),
        ]
        let judged = plan.rag(ofArea: 3)
        XCTAssertEqual(judged.status, .green, "the latest meeting's, whatever the order they were added in")
        XCTAssertEqual(judged.judgedAt, "Board Sep")
        XCTAssertEqual(judged.words, "Green (the SRO’s judgement at Board Sep; the actions roll up to \(rollup.label))")

        plan.meetings.append(Meeting(name: "Board Oct", date: TestDates.date("2023-10-10"), highlights: [Highlight(area: 3)]))
        XCTAssertFalse(plan.rag(ofArea: 3).isJudged, "a latest highlight that follows the roll-up gives the roll-up")
        XCTAssertEqual(plan.rag(ofArea: 3).status, rollup)
    }
}

/// A conflict says what changed in people's words: the field as the screen names it, dates
/// as "31 Jan 2027", never the file's names or ISO dates.
final class ConflictWordsTests: XCTestCase {
    func testAByWhenConflictReadsAsPeopleSayIt() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        let seen = try XCTUnwrap(plan.action("3b"))
        plan = try plan.applying(plan.setting(.byWhen, ofAction: "3b", to: .date(TestDates.date("2027-01-31")))).plan
        let late = Edit.set(.byWhen, of: seen, to: .date(TestDates.date("2027-06-30")))
        XCTAssertThrowsError(try plan.applying(late)) { error in
            let message = (error as? EditError)?.message ?? "\(error)"
            XCTAssertEqual(message, "3b by-when is now 31 Jan 2027, not \(seen.byWhen?.display ?? "—") as you saw it; nothing was changed")
        }
    }
}

/// The illustrative sample's story reads as current once its dates move to today: its words
/// name no month of a year and no year of their own (the dates are in date fields, which move).
final class SampleStoryWordsTests: XCTestCase {
    func testTheStoryNamesNoMonthOrYearInItsWords() throws {
        let data = try Data(contentsOf: try Samples.url(SamplePlans.devonIllustrative))
        let json = try JSONSerialization.jsonObject(with: data)
        let months = "January|February|March|April|May|June|July|August|September|October|November|December"
        let dated = try NSRegularExpression(pattern: "\\b(\(months))( 20\\d\\d)?\\b|\\b(until|in|by|to) 20\\d\\d\\b")
        var found: [String] = []
        func walk(_ value: Any, _ key: String) {
            if let object = value as? [String: Any] {
                // The findings are the inspectors' words, quoted as the plan has them.
                for (k, v) in object where k != "findings" { walk(v, k) }
            } else if let array = value as? [Any] {
                for v in array { walk(v, key) }
            } else if let text = value as? String, ["text", "progress", "asks", "title", "reason", "nextSteps", "escalations", "shows"].contains(key),
                      dated.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                found.append("\(key): \(text)")
            }
        }
        walk(json, "")
        XCTAssertEqual(found, [], found.joined(separator: "\n"))
    }
}

import Foundation
import PlanModel
import PlanReport
import TestSupport
import XCTest

/// The plan as families read it: what the published page shows, what it keeps internal,
/// and how it reads to a screen reader.
final class PublicPlanTests: XCTestCase {
    let today = TestDates.illustrativeToday

    /// Unique words planted in every internal field of the illustrative plan (with meetings),
    /// each field its own word, so a leak names the field.
    struct Planted {
        var plan: Plan
        /// Field name → the word planted there.
        var words: [String: String]
    }

    func planted() throws -> Planted {
        var plan = try Samples.illustrativeWithMeetings()
        var words: [String: String] = [:]
        var counter = 0
        func word(_ field: String) -> String {
            counter += 1
            let w = "Zq\(field.filter(\.isLetter).prefix(12))\(counter)xv"
            words[field + "#\(counter)"] = w
            return w
        }
        for a in plan.areas.indices {
            for i in plan.areas[a].actions.indices {
                plan.areas[a].actions[i].leads.append(word("lead"))
                plan.areas[a].actions[i].seniorResponsibleOfficer = word("sro")
                plan.areas[a].actions[i].notes.append(Note(id: "planted-\(counter)", date: today, author: word("noteAuthor"), text: word("noteText")))
            }
        }
        for r in plan.risks.indices {
            plan.risks[r].risk += " " + word("riskText")
            plan.risks[r].owner = word("riskOwner")
            plan.risks[r].mitigation += " " + word("riskMitigation")
            plan.risks[r].progress += " " + word("riskProgress")
        }
        for m in plan.meetings.indices {
            for d in plan.meetings[m].decisions.indices {
                plan.meetings[m].decisions[d].text += " " + word("decisionText")
                plan.meetings[m].decisions[d].owner = word("decisionOwner")
            }
            for h in plan.meetings[m].highlights.indices {
                plan.meetings[m].highlights[h].reason += " " + word("highlightReason")
                plan.meetings[m].highlights[h].progress += " " + word("highlightProgress")
                plan.meetings[m].highlights[h].nextSteps += " " + word("highlightNext")
                plan.meetings[m].highlights[h].escalations += " " + word("highlightEscalations")
                plan.meetings[m].highlights[h].asks += " " + word("highlightAsks")
            }
        }
        plan.header.advisers.append(Person(name: word("adviser"), role: "SEND adviser", organisation: "DfE"))
        for k in plan.kpis.indices where plan.kpis[k].baseline != nil {
            plan.kpis[k].baseline?.note = word("baselineNote")
        }
        plan.settings.publication = Publication(last: Published(number: 3, on: today, by: word("publishedBy"), to: word("publishedTo"),
                                                                 format: "html", fingerprint: word("fingerprint"), shown: word("shown")))
        XCTAssertGreaterThan(plan.meetings.flatMap(\.decisions).count, 0, "the sample needs decisions to plant in")
        XCTAssertGreaterThan(plan.meetings.flatMap(\.highlights).count, 0, "the sample needs highlights to plant in")
        return Planted(plan: plan, words: words)
    }

    /// Everything `publish` can write for a plan: the one page, every page of the site, the Markdown.
    func everything(_ plan: Plan) -> String {
        let page = PublicPlan(plan: plan, log: [], today: today)
        return ([page.page(), page.markdown()] + page.site().map(\.text)).joined(separator: "\n")
    }

    func leaks(_ text: String, _ words: [String: String], only fields: (String) -> Bool = { _ in true }) -> [String] {
        words.filter { fields($0.key) && text.contains($0.value) }.map(\.key).sorted()
    }

    // MARK: What is internal

    func testNoInternalFieldReachesThePageTheSiteOrTheMarkdownUntilMarkedPublic() throws {
        let p = try planted()
        XCTAssertGreaterThan(p.words.count, 100)
        XCTAssertEqual(leaks(everything(p.plan), p.words), [], "internal words published")
    }

    func testEachKindMarkedPublicShowsThatKindAndNothingElse() throws {
        let p = try planted()
        let kinds: [(Publication.Part, [String])] = [
            (.notes, ["noteText"]),
            (.risks, ["riskText", "riskMitigation", "riskProgress"]),
            (.decisions, ["decisionText"]),
            (.leads, ["lead", "sro", "adviser"]),
        ]
        for (part, fields) in kinds {
            var plan = p.plan
            plan.settings.publication?.parts = [part]
            let text = everything(plan)
            func kind(_ key: String) -> String { String(key.prefix { $0 != "#" }) }
            for field in fields {
                XCTAssertFalse(leaks(text, p.words) { kind($0) == field }.isEmpty, "\(part): \(field) is not shown")
            }
            // Owners and note authors are names: public only when leads are, even on a public risk or note.
            let shownElsewhere = leaks(text, p.words) { !fields.contains(kind($0)) }
            XCTAssertEqual(shownElsewhere, [], "\(part) public, but other internal words appear")
        }
    }

    func testASingleActionsNotesOrASingleRiskOrDecisionCanBePublicAlone() throws {
        let p = try planted()
        var plan = p.plan
        let action = try XCTUnwrap(plan.areas.first?.actions.first)
        let other = try XCTUnwrap(plan.allActions.last)
        let risk = try XCTUnwrap(plan.risks.first)
        let otherRisk = try XCTUnwrap(plan.risks.last)
        let decision = try XCTUnwrap(plan.meetings.flatMap(\.decisions).first)
        plan.settings.publication?.notesOf = [action.ref]
        plan.settings.publication?.risks = [risk.ref]
        plan.settings.publication?.decisions = [decision.number]
        let text = everything(plan)
        XCTAssertTrue(text.contains(try XCTUnwrap(action.notes.last?.text)))
        XCTAssertFalse(text.contains(try XCTUnwrap(other.notes.last?.text)))
        XCTAssertTrue(text.contains(risk.mitigation.split(separator: " ").last.map(String.init) ?? "?"))
        XCTAssertFalse(text.contains(otherRisk.mitigation.split(separator: " ").last.map(String.init) ?? "?"))
        XCTAssertTrue(text.contains(decision.text.split(separator: " ").last.map(String.init) ?? "?"))
        XCTAssertEqual(PublicPlan(plan: plan, log: [], today: today).preview.filter { $0.appears }.map(\.what).filter { $0.contains("risk ") }, ["risk \(risk.ref)"])
    }

    func testThePreviewListsEachInternalItemAsLeftOut() throws {
        let plan = try Samples.illustrativeWithMeetings()
        let preview = PublicPlan(plan: plan, log: [], today: today).preview
        let left = preview.filter { !$0.appears }.map(\.what)
        for risk in plan.risks { XCTAssertTrue(left.contains("risk \(risk.ref)"), "risk \(risk.ref) not listed as left out") }
        for d in plan.meetings.flatMap(\.decisions) { XCTAssertTrue(left.contains("decision \(d.label)")) }
        XCTAssertTrue(left.contains { $0.hasPrefix("progress notes of action 1a") })
        XCTAssertTrue(left.contains { $0.hasPrefix("evidence links") })
        XCTAssertTrue(left.contains { $0.hasPrefix("named leads") })
    }

    // MARK: The same bytes

    func testPublishingAgainWithNothingChangedGivesTheSameBytesEvenAfterThePublicationIsRecorded() throws {
        var plan = try Samples.illustrativeWithMeetings()
        let log = [ChangeRecord(seq: 1, at: Date(timeIntervalSince1970: 1_692_000_000), user: "chair", kind: .import, target: nil, summary: "imported", edit: nil, inverse: nil)]
        let first = PublicPlan(plan: plan, log: log, today: today)
        let record = Published(number: 1, on: today, by: "chair", to: "site", format: "html", fingerprint: Fingerprint.of(first.site()), shown: "nothing internal")
        let edit = Edit.structure(.setPlanField(field: .publication, from: .publication(nil), to: .publication(Publication(last: record))))
        let (after, _) = try plan.applying(edit)
        plan = after
        let recorded = log + [ChangeRecord(seq: 2, at: Date(timeIntervalSince1970: 1_692_900_000), user: "chair", kind: .edit, target: nil,
                                           summary: edit.summary(in: plan), edit: edit, inverse: nil)]
        let second = PublicPlan(plan: plan, log: recorded, today: today)
        XCTAssertEqual(second.page(), first.page())
        XCTAssertEqual(second.site(), first.site())
        XCTAssertEqual(second.markdown(), first.markdown())
        XCTAssertEqual(Fingerprint.of(second.site()), record.fingerprint)
        XCTAssertTrue(second.page().contains("Last updated 14 August 2023."), "the publication itself is not an update")
    }

    func testAPublicationIsNoChangeSinceTheLastMeetingButChangingWhatIsPublicIs() throws {
        let plan = try Samples.illustrativeWithMeetings()
        var published = plan
        published.settings.publication = Publication(last: Published(number: 1, on: today, by: "chair", to: "site", format: "html",
                                                                      fingerprint: "fnv1a64:0000000000000000", shown: "nothing internal"))
        XCTAssertEqual(SinceSummary(then: plan, now: published).total, 0)
        var marked = published
        marked.settings.publication?.parts = [.risks]
        XCTAssertEqual(SinceSummary(then: published, now: marked).items, [SinceSummary.Item(.structure, "settings")])
    }

    // MARK: Reading it

    func testThePageHasLangASkipLinkToMainNoScriptAndHeadingsInOrder() throws {
        let page = PublicPlan(plan: try Samples.illustrativeWithMeetings(), log: [], today: today)
        let pages = [page.page()] + page.site().filter { $0.name.hasSuffix(".html") }.map(\.text)
        for html in pages {
            let root = try HTMLNode.parse(html)
            XCTAssertEqual(root.all("html").first?.attributes["lang"], "en-GB")
            let skip = try XCTUnwrap(root.all("a").first, "the first link is the skip link")
            XCTAssertEqual(skip.attributes["href"], "#main")
            XCTAssertEqual(root.all("main").first?.attributes["id"], "main")
            XCTAssertTrue(root.all("script").isEmpty)
            let levels = root.elements.compactMap { $0.name.count == 2 && $0.name.hasPrefix("h") ? Int($0.name.dropFirst()) : nil }
            XCTAssertEqual(levels.first, 1)
            XCTAssertEqual(levels.filter { $0 == 1 }.count, 1, "one h1 a page")
            for (a, b) in zip(levels, levels.dropFirst()) { XCTAssertLessThanOrEqual(b, a + 1, "a heading skips a level: \(levels)") }
            for svg in root.all("svg") {
                XCTAssertEqual(svg.attributes["role"], "img")
                XCTAssertFalse((svg.attributes["aria-label"] ?? "").isEmpty, "a chart without a text equivalent")
            }
        }
    }

    func testStatusIsInWordsAndEachKPIHasItsSentence() throws {
        let plan = try Samples.illustrativeWithMeetings()
        let page = PublicPlan(plan: plan, log: [], today: today).page()
        XCTAssertTrue(page.contains("On track (green)"))
        XCTAssertTrue(page.contains("Off track (red)"))
        XCTAssertTrue(page.contains("EHC plans issued on time: 55% in July 2023; the aim is 58% by July 2023. Higher is better."), "K4's sentence")
        XCTAssertTrue(page.contains("Delayed annual reviews outstanding: 420 in July 2023; the aim is 200 by July 2023. Lower is better."), "K1's sentence")
        let late = try XCTUnwrap(plan.allActions.first { $0.isOpen && ($0.byWhen.map { $0 < today } ?? false) })
        XCTAssertTrue(page.contains("Action \(late.ref): "))
        XCTAssertTrue(page.contains("and is late"))
    }

    func testTheCouncilsStyleComesAfterPlanboardsAndCannotCloseTheStyleElement() throws {
        let page = PublicPlan(plan: try Samples.plan(SamplePlans.fictional), log: [], today: today)
        let html = page.page(style: "h1 { color: #123456 } </style><script>alert(1)</script>")
        XCTAssertTrue(html.contains("h1 { color: #123456 }"))
        let parts = html.components(separatedBy: "</style>")
        XCTAssertEqual(parts.count, 2, "one style element, closed once")
        XCTAssertFalse(parts[1].contains("<script"), "the council's text stayed inside the style element")
        let site = page.site(style: "h1 { color: #123456 }")
        XCTAssertEqual(site.first { $0.name == "council.css" }?.text, "h1 { color: #123456 }")
        XCTAssertTrue(try XCTUnwrap(site.first { $0.name == "index.html" }).text.contains("<link rel=\"stylesheet\" href=\"council.css\" />"))
    }

    func testPlanTextIsEscapedOnThePage() throws {
        var plan = try Samples.plan(SamplePlans.fictional)
        plan.areas[0].title = "<img src=x onerror=alert(1)> & co"
        let html = PublicPlan(plan: plan, log: [], today: today).page()
        XCTAssertFalse(html.contains("<img src=x"))
        XCTAssertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; co"))
        XCTAssertNoThrow(try HTMLNode.parse(html))
    }
}

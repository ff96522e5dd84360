import Foundation
import PlanModel
import TestSupport
import XCTest

/// A chair publishes the plan for families with the real binary: a site, one page and
/// Markdown; what is public is chosen; each publication is in the log; a real browser reads it.
final class PublishEndToEndTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("publish") }
    override func tearDown() { folder = nil }

    @discardableResult
    func planboard(_ args: String..., user: String = "chair") throws -> PlanboardBinary.Result {
        try PlanboardBinary.run(args, environment: ["PLANBOARD_TODAY": SamplePlans.illustrativeStoryDay, "USER": user])
    }

    func imported(_ sample: String) throws -> String {
        let db = folder.path("\(sample).sqlite")
        let result = try planboard("import", try Samples.url(sample).path, "--db", db)
        XCTAssertEqual(result.status, 0, result.stderr)
        return db
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func files(in dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent(name))
        }
        return out
    }

    // MARK: A real browser

    func testEverySamplePublishedPassesAxeAt375And1280AndAt200PercentZoomWithoutSidewaysScrolling() throws {
        var pages: [String] = []
        for sample in SamplePlans.all {
            let db = try imported(sample)
            let stem = sample.replacingOccurrences(of: ".json", with: "")
            let site = folder.path("\(stem)-site")
            let one = folder.path("\(stem).html")
            XCTAssertEqual(try planboard("publish", "-o", site, "--db", db).status, 0)
            XCTAssertEqual(try planboard("publish", "-o", one, "--db", db).status, 0)
            pages.append(one)
            pages += try FileManager.default.contentsOfDirectory(atPath: site).sorted().filter { $0.hasSuffix(".html") }
                .map { (site as NSString).appendingPathComponent($0) }
        }
        let output = try TestOutput.folder("publish")
        // 640 px is how a 1280 px window lays out at 200% zoom.
        for width in [375, 640, 1280] {
            let result = try AxeCheck.run(pages, width: width, screenshot: output.appendingPathComponent("published-\(width).png").path)
            try AccessibilityTests.passes(result)
            for page in pages {
                XCTAssertTrue(result.report.contains("\(page): 0 violations"), "\(width) px: \(result.report)")
                XCTAssertTrue(result.report.contains("\(page): no sideways scrolling at \(width) px"), result.report)
            }
        }
    }

    // MARK: Same bytes, and the log

    func testPublishingTwiceWritesTheSameBytesAndTheLogSaysWhoPublishedWhatAndWhen() throws {
        let db = try imported(SamplePlans.devonIllustrative)
        let site = folder.path("site")
        let first = try planboard("publish", "-o", site, "--db", db, user: "Alex Chair")
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try files(in: site)
        XCTAssertEqual(Set(before.keys), ["index.html", "area-1.html", "area-2.html", "area-3.html", "area-4.html", "style.css"])
        let second = try planboard("publish", "-o", site, "--db", db, user: "Alex Chair")
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try files(in: site), before, "the second publication changed the bytes")

        let page = folder.path("plan.html")
        XCTAssertEqual(try planboard("publish", "-o", page, "--db", db).status, 0)
        let onePage = try read(page)
        XCTAssertEqual(try planboard("publish", "-o", page, "--db", db).status, 0)
        XCTAssertEqual(try read(page), onePage)

        let log = try planboard("log", "--db", db)
        let lines = log.stdout.split(separator: "\n").filter { $0.contains("published the plan for families") }
        XCTAssertEqual(lines.count, 4, log.stdout)
        XCTAssertTrue(lines[0].contains("\tAlex Chair\t"), String(lines[0]))
        XCTAssertTrue(lines[0].contains("publication 1, html to \(site) (a site), fingerprint fnv1a64:"), String(lines[0]))
        XCTAssertTrue(lines[0].contains("public: nothing internal"), String(lines[0]))
        XCTAssertTrue(lines[3].contains("publication 4, html to \(page)"), String(lines[3]))
        // The same bytes, the same fingerprint.
        func fingerprint(_ line: Substring) -> Substring? { line.range(of: "fnv1a64:").map { line[$0.lowerBound...].prefix(24) } }
        XCTAssertEqual(fingerprint(lines[0]), fingerprint(lines[1]))
        XCTAssertEqual(fingerprint(lines[2]), fingerprint(lines[3]))
        // A publication is one change, and undo takes it back like any other.
        XCTAssertEqual(try planboard("undo", "--db", db, user: "chair").status, 0)
    }

    // MARK: What is public is chosen

    func testAChairMarksRisksAndOneActionsNotesPublicAndThePreviewAndPageFollow() throws {
        let db = try imported(SamplePlans.devonIllustrative)
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let risk = try XCTUnwrap(plan.risks.first)
        let action = try XCTUnwrap(plan.allActions.first { !$0.notes.isEmpty })
        let other = try XCTUnwrap(plan.allActions.last { !$0.notes.isEmpty && $0.ref != action.ref })
        let note = try XCTUnwrap(action.notes.last?.text)

        var preview = try planboard("publish", "--preview", "--db", db)
        XCTAssertEqual(preview.status, 0, preview.stderr)
        XCTAssertTrue(preview.stdout.contains("  - risk \(risk.ref)\n"), preview.stdout)
        XCTAssertTrue(preview.stdout.contains("  - progress notes of action \(action.ref) ("), preview.stdout)
        let page = folder.path("plan.html")
        XCTAssertEqual(try planboard("publish", "-o", page, "--db", db).status, 0)
        XCTAssertFalse(try read(page).contains(Self.escaped(risk.mitigation)))
        XCTAssertFalse(try read(page).contains(Self.escaped(note)))

        XCTAssertEqual(try planboard("publish", "set", "risks", "public", "--db", db).status, 0)
        let set = try planboard("publish", "set", "notes", "public", "--item", action.ref, "--db", db)
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertTrue(set.stdout.contains("public: risks, the notes of action \(action.ref)"), set.stdout)
        preview = try planboard("publish", "--preview", "--db", db)
        XCTAssertTrue(preview.stdout.contains("  + risk \(risk.ref)\n"), preview.stdout)
        XCTAssertTrue(preview.stdout.contains("  + progress notes of action \(action.ref) ("), preview.stdout)
        XCTAssertTrue(preview.stdout.contains("  - progress notes of action \(other.ref) ("), preview.stdout)
        XCTAssertEqual(try planboard("publish", "-o", page, "--db", db).status, 0)
        let html = try read(page)
        XCTAssertTrue(html.contains(Self.escaped(risk.mitigation)))
        XCTAssertTrue(html.contains(Self.escaped(note)))
        XCTAssertFalse(html.contains(Self.escaped(try XCTUnwrap(other.notes.last?.text))))

        let log = try planboard("log", "--db", db).stdout
        XCTAssertTrue(log.contains("publication setting → public: risks"), log)
        XCTAssertTrue(log.contains("); public: risks, the notes of action \(action.ref)"), "the publication says what was public:\n\(log)")
    }

    func testBadRequestsAreRefusedWithTheirReasonAndChangeNothing() throws {
        let db = try imported(SamplePlans.devonIllustrative)
        var result = try planboard("publish", "set", "risks", "public", "--item", "R999", "--db", db)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("there is no risk R999; expected one of R1"), result.stderr)
        result = try planboard("publish", "set", "leads", "public", "--item", "1a", "--db", db)
        XCTAssertTrue(result.stderr.contains("--item is for notes, risks and decisions"), result.stderr)
        result = try planboard("publish", "-o", folder.path("x.html"), "--style", folder.path("missing.css"), "--db", db)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("cannot read the style file \(folder.path("missing.css")): there is no such file; expected a CSS file. Nothing was written"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path("x.html")))
        let file = folder.path("a-file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        result = try planboard("publish", "-o", file, "--db", db)
        XCTAssertTrue(result.stderr.contains("is a file; expected a folder for the site, or a name ending .html for one page. Nothing was written"), result.stderr)
        XCTAssertEqual(try read(file), "x")
        let log = try planboard("log", "--db", db).stdout
        XCTAssertFalse(log.contains("publication"), log)
    }

    func testMarkdownAndAThemedPage() throws {
        let db = try imported(SamplePlans.fictional)
        let md = try planboard("publish", "--format", "md", "--db", db)
        XCTAssertEqual(md.status, 0, md.stderr)
        XCTAssertTrue(md.stdout.hasPrefix("# Northmoor"), String(md.stdout.prefix(80)))
        XCTAssertTrue(md.stdout.contains("## How progress is measured"))
        let css = folder.path("council.css")
        try Data("body { background: #fffff0; }".utf8).write(to: URL(fileURLWithPath: css))
        let site = folder.path("site")
        XCTAssertEqual(try planboard("publish", "-o", site, "--style", css, "--db", db).status, 0)
        XCTAssertEqual(try read((site as NSString).appendingPathComponent("council.css")), "body { background: #fffff0; }")
    }

    func testAChairSaysHowFamiliesGiveFeedbackAndCanTakeItOffAgain() throws {
        let db = try imported(SamplePlans.devon)
        let page = folder.path("plan.html")
        XCTAssertEqual(try planboard("publish", "-o", page, "--db", db).status, 0)
        XCTAssertFalse(try read(page).contains("Tell us what you think"))
        XCTAssertTrue(try planboard("publish", "--preview", "--db", db).stdout.contains("  - how to give feedback: none set yet"))
        let set = try planboard("publish", "feedback", "Email send.feedback@example.gov.uk", "--db", db)
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertEqual(try planboard("publish", "-o", page, "--db", db).status, 0)
        let html = try read(page)
        XCTAssertTrue(html.contains("<h3>Tell us what you think</h3>\n<p>Email send.feedback@example.gov.uk</p>"), html)
        XCTAssertEqual(try planboard("publish", "feedback", "", "--db", db).status, 0)
        XCTAssertEqual(try planboard("publish", "-o", page, "--db", db).status, 0)
        XCTAssertFalse(try read(page).contains("send.feedback@example.gov.uk"))
    }

    func testAnAreaTakenOutOfThePlanTakesItsPageOffTheSiteAndNothingElseIsRemoved() throws {
        let db = try imported(SamplePlans.fictional)
        let site = folder.path("site")
        XCTAssertEqual(try planboard("publish", "-o", site, "--db", db).status, 0)
        let own = (site as NSString).appendingPathComponent("area-9.html")
        try Data("<p>the council's own page</p>".utf8).write(to: URL(fileURLWithPath: own))
        XCTAssertTrue(FileManager.default.fileExists(atPath: (site as NSString).appendingPathComponent("area-5.html")))
        let removed = try planboard("area", "remove", "5", "--yes", "--db", db)
        XCTAssertEqual(removed.status, 0, removed.stderr)
        let again = try planboard("publish", "-o", site, "--db", db)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("area-5.html: its area is no longer in the plan"), again.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: (site as NSString).appendingPathComponent("area-5.html")))
        XCTAssertEqual(try read(own), "<p>the council's own page</p>")
        XCTAssertFalse(try read((site as NSString).appendingPathComponent("index.html")).contains("area-5.html"))
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}

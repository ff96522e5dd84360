import Foundation
import PlanModel
import TestSupport
import XCTest

/// `planboard report --kind review` with the real binary: the progress review in Markdown,
/// HTML, PDF through a real browser and Word through pandoc, and the questions it refuses.
final class ReviewReportEndToEndTests: XCTestCase {
    let revised = "agreed 31 Dec 2022 → revised 31 Jan 2023 (agreed 14 Feb 2023)"
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }

    override func setUpWithError() throws {
        folder = try TempFolder("review-report")
        let imported = try planboard("import", try Samples.url(SamplePlans.devonIllustrative).path, "--db", db)
        XCTAssertEqual(imported.status, 0, imported.stderr)
    }

    override func tearDown() { folder = nil }

    func planboard(_ args: String...) throws -> PlanboardBinary.Result {
        try PlanboardBinary.run(args, environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "secretary"])
    }

    /// A program the tests need; missing is a failure in CI (which installs it) and a skip elsewhere.
    func tool(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        if let found = path.split(separator: ":").map({ "\($0)/\(name)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return found
        }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("\(name) is not installed; scripts/setup installs it") }
        throw XCTSkip("\(name) is not installed here (scripts/setup installs it; CI runs this test for real)")
    }

    func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool) \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    func testTheSixMonthReviewIsWrittenInEveryFormatAndSaysTheSame() throws {
        let md = try planboard("report", "--kind", "review", "--at", "6", "--format", "md", "--db", db)
        XCTAssertEqual(md.status, 0, md.stderr)
        XCTAssertTrue(md.stdout.contains("# Progress review at 6 months"))
        XCTAssertTrue(md.stdout.contains(revised))
        XCTAssertTrue(md.stdout.contains("**Period reviewed:** 16 Aug 2022 to 16 Feb 2023"))

        let html = folder.path("review.html")
        let written = try planboard("report", "--kind", "review", "--at", "6", "-o", html, "--db", db)
        XCTAssertTrue(written.stderr.contains("wrote the progress review to \(html)"), written.stderr)
        let tree = try HTMLNode.parse(String(contentsOfFile: html, encoding: .utf8))
        XCTAssertEqual(tree.all("svg").count, 6, "a chart per KPI")

        let pdf = folder.path("review.pdf")
        _ = try tool("chromium")
        XCTAssertEqual(try planboard("report", "--kind", "review", "--at", "6", "--format", "pdf", "-o", pdf, "--db", db).status, 0)
        let text = try run(try tool("pdftotext"), [pdf, "-"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains("Progress review at 6 months"), text)
        XCTAssertTrue(text.contains(revised), "the PDF shows the revised date with its agreement")

        let docx = folder.path("review.docx")
        XCTAssertEqual(try planboard("report", "--kind", "review", "--at", "6", "--format", "docx", "-o", docx, "--db", db).status, 0)
        let words = try run(try tool("pandoc"), ["-f", "docx", "-t", "plain", "--wrap=none", docx])
        XCTAssertTrue(words.contains(revised), "the Word document shows it too")
        try checkWordHasAChartPerKPIAndAPagePerSection(docx, charts: 6, sections: 10)
    }

    func testTheWordPackHasItsChartsAndHeatmapAsImagesAndAPagePerSection() throws {
        let docx = folder.path("pack.docx")
        XCTAssertEqual(try planboard("report", "--format", "docx", "-o", docx, "--db", db).status, 0)
        try checkWordHasAChartPerKPIAndAPagePerSection(docx, charts: 7, sections: 13)
    }

    /// Reads the docx (a zip) with Python's zipfile: its images, its page breaks and its headings.
    func checkWordHasAChartPerKPIAndAPagePerSection(_ docx: String, charts: Int, sections: Int, line: UInt = #line) throws {
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            doc = z.read('word/document.xml').decode()
            print(len([n for n in z.namelist() if n.startswith('word/media/') and n.endswith('.svg')]))
            print(doc.count('<w:br w:type="page"/>'))
            print(doc.count('w:val="Heading2"'))
            print(doc.count('<w:shd w:val="clear" w:color="auto" w:fill="F8D7DA" />'))
            footer = z.read('word/footer1.xml').decode()
            print(1 if ' PAGE ' in footer and ' NUMPAGES ' in footer and 'footerReference' in doc else 0)
            """
        let counts = try run(try tool("python3"), ["-c", script, docx]).split(separator: "\n").compactMap { Int($0) }
        XCTAssertEqual(counts.count, 5, line: line)
        guard counts.count == 5 else { return }
        XCTAssertEqual(counts[0], charts, "each chart is an image", line: line)
        XCTAssertEqual(counts[1], sections - 1, "each section after the cover starts a new page", line: line)
        XCTAssertGreaterThanOrEqual(counts[2], sections - 1, "each section's heading is a Word heading, so the navigation pane lists it", line: line)
        XCTAssertGreaterThan(counts[3], 0, "Red status cells are shaded", line: line)
        XCTAssertEqual(counts[4], 1, "every page has a footer with its number and the number of pages", line: line)
    }

    func testAReviewNeedsOnePeriodAndRefusesThePacksOptions() throws {
        let neither = try planboard("report", "--kind", "review", "--db", db)
        XCTAssertEqual(neither.status, 2, neither.stderr)
        XCTAssertTrue(neither.stderr.contains("--kind review needs one of --at MONTHS"), neither.stderr)
        let both = try planboard("report", "--kind", "review", "--at", "6", "--area", "3", "--db", db)
        XCTAssertTrue(both.stderr.contains("--meeting, --since and --area are for the board pack"), both.stderr)
        let backwards = try planboard("report", "--kind", "review", "--period", "2023-02-16..2022-08-16", "--db", db)
        XCTAssertEqual(backwards.status, 1)
        XCTAssertTrue(backwards.stderr.contains("ends before it starts"), backwards.stderr)
        let garbled = try planboard("report", "--kind", "review", "--period", "last spring", "--db", db)
        XCTAssertTrue(garbled.stderr.contains("expected FROM..TO"), garbled.stderr)
        let packAt = try planboard("report", "--at", "6", "--db", db)
        XCTAssertTrue(packAt.stderr.contains("--at and --period are for --kind review"), packAt.stderr)
    }
}

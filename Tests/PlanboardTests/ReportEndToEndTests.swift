import Foundation
import PlanModel
import TestSupport
import XCTest

/// A secretary's session with the real binary: meetings, highlights, decisions and the pack,
/// in HTML, Markdown, PDF through a real browser and Word through pandoc.
final class ReportEndToEndTests: SecretaryPlanTestCase {
    override class var folderName: String { "report" }

    func pack(_ extra: String...) throws -> HTMLNode {
        let out = folder.path("pack-\(UUID().uuidString).html")
        let result = try PlanboardBinary.run(["report", "--db", db, "-o", out] + extra, environment: ["PLANBOARD_TODAY": "2023-08-15"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try HTMLNode.parse(String(contentsOfFile: out, encoding: .utf8))
    }

    /// A program the tests need; missing is a failure in CI (which installs it) and a skip elsewhere.
    func tool(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        if let found = path.split(separator: ":").map({ "\($0)/\(name)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
            return found
        }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            XCTFail("\(name) is not installed; scripts/setup installs it")
            throw XCTSkip("\(name) missing")
        }
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

    // MARK: The pack's figures

    func testAFullDiskAReadOnlyFileAPrivateFileAndALinkAreEachWrittenAsExportWritesThem() throws {
        for format in ["html", "md"] {
            let full = try planboard("report", "--format", format, "-o", "/dev/full", "--db", db)
            XCTAssertEqual(full.status, 1, "\(format): \(full.stderr)")
            XCTAssertTrue(full.stderr.contains("cannot write /dev/full: No space left on device"), full.stderr)
        }
        // Standard output on a full disk: the shell's redirection.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" report --db \"$1\" > /dev/full", PlanboardBinary.url.path, db]
        let err = Pipe()
        shell.standardError = err
        try shell.run()
        let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 1, said)
        XCTAssertTrue(said.contains("cannot write to standard output: No space left on device"), said)

        let readOnly = folder.path("read-only.html")
        try Data("theirs".utf8).write(to: URL(fileURLWithPath: readOnly))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly)
        let refused = try planboard("report", "-o", readOnly, "--db", db)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("it is read-only"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: readOnly, encoding: .utf8), "theirs", "left as it was")

        let mine = folder.path("mine.html")
        try Data("old".utf8).write(to: URL(fileURLWithPath: mine))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: mine)
        XCTAssertEqual(try planboard("report", "-o", mine, "--db", db).status, 0)
        XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: mine)[.posixPermissions] as? NSNumber)?.intValue, 0o600,
                       "a private file stays private")

        let link = folder.path("latest.html")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "packs/latest.html")
        let dangling = try planboard("report", "-o", link, "--db", db)
        XCTAssertEqual(dangling.status, 1, "the link's folder does not exist")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "packs/latest.html", "the link is not replaced by a file")
    }

    func testThePacksCountsEqualPlanboardSummary() throws {
        let summary = try planboard("summary", "--db", db)
        XCTAssertEqual(summary.status, 0, summary.stderr)
        let html = try pack()
        let table = try XCTUnwrap(html.first("table", "data-table", "summary-areas"))
        let lines = summary.stdout.split(separator: "\n").map(String.init)
        let plan = try Samples.illustrativeWithMeetings()
        for area in plan.areas {
            // "     22 actions: Not started 3, Red 3, Amber 5, Green 6, Complete 5; overdue 9, due soon 0"
            let titleLine = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("  \(area.number). ") })
            let numbers = lines[titleLine + 1].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            let row = try XCTUnwrap(table.all("tr").first { $0.attributes["data-key"] == String(area.number) })
            let cells = row.all("td").map(\.allText).dropFirst().compactMap { Int($0) }
            XCTAssertEqual(cells, numbers, "area \(area.number): pack \(cells), summary \(numbers)")
        }
    }

    func testTheHTMLPackHasNoScriptAndFetchesNothing() throws {
        let out = folder.path("pack.html")
        XCTAssertEqual(try planboard("report", "--db", db, "-o", out).status, 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertFalse(text.lowercased().contains("<script"))
        XCTAssertFalse(text.lowercased().contains("http"))
        XCTAssertEqual(try planboard("report", "--db", db).stdout, text, "without -o the pack goes to standard output")
    }

    // MARK: A secretary's meeting

    func testADecisionRecordedThroughTheCLIAppearsInTheNextPack() throws {
        let added = try planboard("decision", "add", "Publish the communication charter by October", "--meeting", "Board 2023-08-22",
                                  "--owner", "Jackie Ross", "--by-when", "31/10/2023", "--area", "2", "--db", db)
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(added.stdout, "Recorded decision D8 at \"Board 2023-08-22\", about area 2.\n")
        let row = try XCTUnwrap(try pack().first("table", "data-table", "decisions-open")?.all("tr").first { $0.attributes["data-key"] == "D8" })
        XCTAssertTrue(row.allText.contains("Publish the communication charter by October"), row.allText)
        XCTAssertTrue(row.allText.contains("31 Oct 2023"))
        XCTAssertTrue(row.allText.contains("○ Open"))

        XCTAssertEqual(try planboard("decision", "done", "D8", "--db", db).stdout, "Decision D8 is done.\n")
        let done = try pack().first("table", "data-table", "decisions-done")?.all("tr").compactMap { $0.attributes["data-key"] }
        XCTAssertEqual(done, ["D1", "D2", "D5", "D6", "D8"])
    }

    func testADecisionTurnedIntoAnActionAppearsInItsArea() throws {
        let made = try planboard("decision", "to-action", "4", "--db", db)
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(made.stdout, "Decision D4 is now action 2b in area 2.\n")
        let html = try pack()
        let row = try XCTUnwrap(html.first("table", "data-table", "actions-2")?.all("tr").first { $0.attributes["data-key"] == "2b" })
        XCTAssertTrue(row.allText.contains("Set up a working group with the parent carer forum"), row.allText)
        XCTAssertTrue(row.allText.contains("○ Not started"))
        XCTAssertTrue(html.first("tr", "data-key", "2b")?.allText.contains("Jackie Ross") ?? false)
        // One step in the change log: one undo takes it all back.
        XCTAssertEqual(try planboard("undo", "--db", db).status, 0)
        XCTAssertNil(try pack().first("table", "data-table", "actions-2")?.all("tr").first { $0.attributes["data-key"] == "2b" })
    }

    func testMeetingHighlightAndRecordFromTheCommandLine() throws {
        XCTAssertEqual(try planboard("meeting", "add", "Board 2023-10-10", "--date", "10 Oct 2023", "--db", db).status, 0)
        let refused = try planboard("highlight", "1", "--meeting", "Board 2023-10-10", "--rag", "green", "--db", db)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "planboard: area 1 rolls up to Red; judging it Green needs a reason: say why with --reason\n")
        let saved = try planboard("highlight", "1", "--meeting", "Board 2023-10-10", "--rag", "green", "--reason", "Pay review agreed",
                                  "--progress", "New grades advertised", "--next", "Interviews", "--escalate", "None", "--ask", "Note progress", "--db", db)
        XCTAssertEqual(saved.status, 0, saved.stderr)
        let html = try pack()
        let area1 = try XCTUnwrap(html.first("section", "id", "area-1")).allText
        XCTAssertTrue(area1.contains("RAG: ✓ Green — the SRO’s judgement; the actions roll up to ● Red"), area1)
        XCTAssertTrue(area1.contains("New grades advertised"))
        XCTAssertTrue(html.all("h1").first?.allText == "Board pack: Board 2023-10-10")
        XCTAssertTrue(area1.contains("What changed since Board 2023-07-18"), "the drafted 22 August board is not recorded yet")

        let recorded = try planboard("meeting", "record", "Board 2023-08-22", "--db", db)
        XCTAssertEqual(recorded.status, 0, recorded.stderr)
        XCTAssertTrue(try XCTUnwrap(try pack().first("section", "id", "area-1")).allText.contains("What changed since Board 2023-08-22"))
        let list = try planboard("meeting", "list", "--db", db).stdout
        XCTAssertTrue(list.contains("2023-08-22  Board 2023-08-22: recorded (checkpoint \"Board 2023-08-22\")"), list)
    }

    // MARK: Other formats

    func testTheMarkdownPackIsTheGoldenPack() throws {
        let result = try planboard("report", "--format", "md", "--db", db)
        XCTAssertEqual(result.status, 0, result.stderr)
        let golden = Samples.repositoryRoot.appendingPathComponent("Tests/PlanReportTests/Golden/devon-illustrative-pack.md")
        XCTAssertEqual(result.stdout, try String(contentsOf: golden, encoding: .utf8))
    }

    func testThePackPrintsToPDFInARealBrowser() throws {
        _ = try tool("chromium")
        let pdftotext = try tool("pdftotext")
        let pdfinfo = try tool("pdfinfo")
        let out = folder.path("pack.pdf")
        let result = try planboard("report", "--format", "pdf", "-o", out, "--db", db)
        XCTAssertEqual(result.status, 0, result.stderr)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertEqual(bytes.prefix(5), Data("%PDF-".utf8))
        let text = try run(pdftotext, [out, "-"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for area in try Samples.illustrativeWithMeetings().areas {
            XCTAssertTrue(text.contains("Area \(area.number): \(area.title)"), "area \(area.number) in the PDF")
        }
        for heading in ["Exceptions", "Red actions (5)", "Overdue actions (13)", "KPIs off target (6)", "Decisions log", "Risk heatmap"] {
            XCTAssertTrue(text.contains(heading), heading)
        }
        XCTAssertTrue(text.contains("Devon Local Area — Board 2023-08-22 (22 Aug 2023)"), "the footer on the printed page")
        let info = try run(pdfinfo, [out])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        XCTAssertTrue(text.contains("Page 1 of \(pages)") && text.contains("Page \(pages) of \(pages)"), "page numbers")
        XCTAssertTrue(info.contains("A4"), info)
        XCTAssertGreaterThan(pages, 8, "a page per section at least")
        print("board pack: \(pages) A4 pages, \(bytes.count) bytes of PDF")
    }

    func testThePackBecomesAWordDocumentThroughPandoc() throws {
        _ = try tool("pandoc")
        let out = folder.path("pack.docx")
        let result = try planboard("report", "--format", "docx", "-o", out, "--db", db)
        XCTAssertEqual(result.status, 0, result.stderr)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertEqual(bytes.prefix(2), Data("PK".utf8), "a docx is a zip")
        // Back to text through pandoc: the content is there.
        let text = try run(try tool("pandoc"), ["-f", "docx", "-t", "plain", out])
        XCTAssertTrue(text.contains("Decisions log"))
        XCTAssertTrue(text.contains("EHC plan timeliness and quality"))
    }

    func testAMissingConverterSaysHowToInstallItAndWritesNothing() throws {
        let out = folder.path("pack.pdf")
        let pdf = try planboard("report", "--format", "pdf", "-o", out, "--db", db, env: ["PATH": folder.path("empty")])
        XCTAssertEqual(pdf.status, 1)
        XCTAssertTrue(pdf.stderr.contains("PDF needs chromium or chromium-browser, which is not on PATH; install it: apt-get install chromium"), pdf.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        let docx = try planboard("report", "--format", "docx", "-o", folder.path("pack.docx"), "--db", db, env: ["PATH": folder.path("empty")])
        XCTAssertEqual(docx.status, 1)
        XCTAssertTrue(docx.stderr.contains("install it: apt-get install pandoc"), docx.stderr)
        XCTAssertEqual(try planboard("report", "--format", "pdf", "--db", db).status, 2, "a PDF needs -o")
    }

    func testEveryNewCommandHasHelpAndUsageErrorsExitTwo() throws {
        for command in [["report"], ["meeting"], ["meeting", "add"], ["meeting", "list"], ["meeting", "record"], ["highlight"],
                        ["decision"], ["decision", "add"], ["decision", "done"], ["decision", "reopen"], ["decision", "to-action"], ["decision", "list"]] {
            let help = try PlanboardBinary.run(command + ["--help"])
            XCTAssertEqual(help.status, 0, command.joined(separator: " "))
            XCTAssertTrue(help.stdout.contains("USAGE:"), command.joined(separator: " "))
        }
        XCTAssertEqual(try planboard("report", "--format", "odt", "--db", db).status, 2)
        XCTAssertEqual(try planboard("decision", "add", "x", "--area", "1", "--risk", "R1", "--db", db).status, 2)
        let unknown = try planboard("report", "--meeting", "Board 1999", "--db", db)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.hasPrefix("planboard: there is no meeting called \"Board 1999\"; expected one of \"Board 2022-11-15\""), unknown.stderr)
        let noDecision = try planboard("decision", "done", "99", "--db", db)
        XCTAssertEqual(noDecision.status, 1)
        XCTAssertEqual(noDecision.stderr, "planboard: there is no decision D99; `planboard decision list` shows them\n")
    }

    func testWritingThroughALinkKeepsTheLink() throws {
        let target = folder.path("packs-target.html")
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        let link = folder.path("latest.html")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertEqual(try planboard("report", "--db", db, "-o", link).status, 0)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        XCTAssertTrue(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }

    // MARK: Files from before meetings

    func testTheDatabaseMadeByThePreviousPlanboardMakesAPack() throws {
        let copy = folder.path("round1.sqlite")
        try FileManager.default.copyItem(atPath: Samples.roundOneFixture("plan.sqlite").path, toPath: copy)
        XCTAssertEqual(try planboard("meeting", "list", "--db", copy).stdout,
                       "No meetings yet: add one with `planboard meeting add NAME --date D`.\n")
        let html = folder.path("old.html")
        XCTAssertEqual(try planboard("report", "--db", copy, "-o", html).status, 0)
        let tree = try HTMLNode.parse(String(contentsOfFile: html, encoding: .utf8))
        XCTAssertEqual(tree.all("h1").first?.allText, "Board pack")
        XCTAssertEqual(try planboard("meeting", "add", "Board 2023-09-12", "--date", "2023-09-12", "--db", copy).status, 0)
        XCTAssertEqual(try planboard("import", Samples.roundOneFixture("plan.json").path, "--db", folder.path("fresh.sqlite")).status, 0)
    }
}

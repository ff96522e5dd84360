import Foundation
import GRDB
import PlanModel
import TestSupport
import XCTest

/// Where `report` writes, in every format, beside `export`: a full disk, a device, a link that
/// points nowhere yet, and a terminal that plan text must not act on. Each runs the real binary.
final class ReportOutputTests: SecretaryPlanTestCase {
    override class var folderName: String { "report-output" }

    override func setUpWithError() throws {
        signal(SIGPIPE, SIG_IGN)
        try super.setUpWithError()
    }

    /// A converter the format needs; missing is a failure in CI (which installs it) and a skip elsewhere.
    func requireTool(_ name: String) throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        if path.split(separator: ":").contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }) { return }
        if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("\(name) is not installed; scripts/setup installs it") }
        throw XCTSkip("\(name) is not installed here (scripts/setup installs it)")
    }

    /// Runs `command` (a shell line; `$PB` is planboard, `$DB` the plan) with its standard
    /// input, output and error on a pseudo-terminal, through `script`: what a person at a
    /// terminal would see, byte for byte.
    func inTerminal(_ command: String) throws -> (status: Int32, screen: String) {
        let ran = try shell("script -qec \(EndToEndTests.quoted(command)) /dev/null")
        return (ran.status, ran.stdout)
    }

    /// Runs a shell line with standard output and error caught; `$PB` is planboard, `$DB` the plan.
    func shell(_ command: String) throws -> PlanboardBinary.Result {
        try PlanboardBinary.shell(command, environment: ["DB": db, "PLANBOARD_TODAY": "2023-08-15"])
    }

    /// Control characters other than the line breaks and tabs that output is made of.
    func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { s in
            (s.value < 0x20 && s != "\n" && s != "\t" && s != "\r") || s.value == 0x7F || (0x80...0x9F).contains(s.value)
        }.map { String(format: "U+%04X", $0.value) }
    }

    // MARK: A full disk

    func testTheBinaryFormatsAndExportToAFullDiskExitOneSayingSo() throws {
        try requireTool("pandoc")
        try requireTool("chromium")
        for format in ["pdf", "docx"] {
            let full = try planboard("report", "--format", format, "-o", "/dev/full", "--db", db)
            XCTAssertEqual(full.status, 1, "\(format): \(full.stderr)")
            XCTAssertEqual(full.stderr, "planboard: cannot write /dev/full: No space left on device\n", format)
        }
        let export = try planboard("export", "-o", "/dev/full", "--db", db)
        XCTAssertEqual(export.status, 1, export.stderr)
        XCTAssertEqual(export.stderr, "planboard: cannot write /dev/full: No space left on device\n")
    }

    func testEveryTextReportToAFullStandardOutputExitsOneSayingSo() throws {
        for args in ["--format md", "--kind review --at 6", "--kind review --at 6 --format md"] {
            let result = try shell("\"$PB\" report \(args) --db \"$DB\" > /dev/full")
            XCTAssertEqual(result.status, 1, "\(args): \(result.stderr)")
            XCTAssertEqual(result.stderr, "planboard: cannot write to standard output: No space left on device\n", args)
        }
    }

    // MARK: Links and devices

    func testADanglingLinkIsFollowedAndWhatItNamesIsWrittenAsExportWritesIt() throws {
        try FileManager.default.createDirectory(atPath: folder.path("packs"), withIntermediateDirectories: false)
        for (command, name, start) in [("report", "latest.html", "<!DOCTYPE html>"), ("export", "latest.json", "{")] {
            let link = folder.path(name)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "packs/\(name)")
            let result = try planboard(command, "-o", link, "--db", db)
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "packs/\(name)", "\(command): the link is still a link")
            XCTAssertTrue(try String(contentsOfFile: folder.path("packs/\(name)"), encoding: .utf8).hasPrefix(start),
                          "\(command) wrote the file the link names")
        }
    }

    func testReportIntoDevNullWritesIntoTheDeviceAndLeavesItADevice() throws {
        for format in ["html", "md"] {
            let result = try planboard("report", "--format", format, "-o", "/dev/null", "--db", db)
            XCTAssertEqual(result.status, 0, "\(format): \(result.stderr)")
            var info = stat()
            XCTAssertEqual(lstat("/dev/null", &info), 0)
            XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "\(format): /dev/null is still a device")
        }
    }

    // MARK: A terminal

    func testPlanTextHoldingEscapesNeverReachesATerminalRawFromAnyReportFormat() throws {
        let evil = "Bad\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{9B}31m"
        try DatabaseQueue(path: db).write { db in
            try db.execute(sql: "UPDATE area SET title = title || ?", arguments: [evil])
            try db.execute(sql: "UPDATE risk SET risk = ?", arguments: [evil])
            try db.execute(sql: "UPDATE action SET text = ?", arguments: [evil])
        }
        for args in ["", "--format md", "--kind review --at 6", "--kind review --at 6 --format md",
                     "-o /dev/tty", "--format md -o /dev/tty"] {
            let shown = try inTerminal("\"$PB\" report \(args) --db \"$DB\"")
            XCTAssertEqual(shown.status, 0, "report \(args): \(shown.screen.suffix(300))")
            XCTAssertEqual(rawControls(shown.screen), [], "report \(args) sent a control character to the terminal")
            // (Markdown writes the brackets as \[ and \].)
            XCTAssertTrue(shown.screen.contains("Bad^[") && shown.screen.contains("PWNED^G^["), "report \(args) shows the text, visibly")
        }
        try requireTool("pandoc")
        try requireTool("chromium")
        for format in ["pdf", "docx"] {
            let shown = try inTerminal("\"$PB\" report --format \(format) -o /dev/tty --db \"$DB\"")
            XCTAssertEqual(shown.status, 1, format)
            XCTAssertTrue(shown.screen.contains("cannot write a binary file into the terminal /dev/tty"), shown.screen.suffix(300) + "")
            XCTAssertEqual(rawControls(shown.screen), [], format)
        }
    }
}

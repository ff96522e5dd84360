import Foundation
import XCTest
@testable import PlanExchange
import PlanModel

/// The reader's bad-input suite: every malformed file is refused with exactly the message
/// recorded next to it.
///
/// `BadInput/NN-name.json` is written by `BadInput/make-bad-inputs.py` from the fictional
/// sample, and `NN-name.expected` holds the whole `PlanFileError.description` for it, with
/// the file named by its file name. Cases too big to keep in the repository (a 1 MB text
/// field, very deep nesting) are built here in memory.
final class BadInputTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInput")
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let sampleFolder = repositoryRoot.appendingPathComponent("sample-data")

    /// The error the reader throws for `bytes`, or nil when it accepts them.
    func rejection(_ bytes: [UInt8], file: String) -> PlanFileError? {
        do {
            _ = try PlanDecoding.plan(bytes: bytes, file: file)
            return nil
        } catch {
            return error
        }
    }

    func testEveryBadFileIsRefusedWithItsExpectedMessage() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertGreaterThanOrEqual(files.count, 25, "the bad-input suite should hold at least 25 files")
        for url in files {
            let name = url.lastPathComponent
            let expectedURL = url.deletingPathExtension().appendingPathExtension("expected")
            guard let expectedText = try? String(contentsOf: expectedURL, encoding: .utf8) else {
                XCTFail("\(name): no \(expectedURL.lastPathComponent) beside it; run make-bad-inputs.py --expected")
                continue
            }
            let expected = expectedText.hasSuffix("\n") ? String(expectedText.dropLast()) : expectedText
            let bytes = [UInt8](try Data(contentsOf: url))
            guard let error = rejection(bytes, file: name) else {
                XCTFail("\(name): was accepted; expected it to be refused with:\n\(expected)")
                continue
            }
            XCTAssertEqual(error.file, name, "\(name): the error names the wrong file")
            XCTAssertFalse(error.problems.isEmpty, "\(name): refused with no problems")
            XCTAssertEqual(error.description, expected, "\(name): the message is not the one in \(expectedURL.lastPathComponent)")
        }
    }

    func testEveryBadFileHasItsExpectedMessageAndNoStrayOnes() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        let json = Set(names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) })
        let expected = Set(names.filter { $0.hasSuffix(".expected") }.map { String($0.dropLast(".expected".count)) })
        XCTAssertEqual(json.subtracting(expected).sorted(), [], "bad-input files without an .expected file")
        XCTAssertEqual(expected.subtracting(json).sorted(), [], ".expected files without a bad-input file")
    }

    // MARK: Cases built in memory

    /// The fictional sample's text, and where (line, column) `needle` starts in it.
    func sample(finding needle: String) throws -> (text: String, line: Int, column: Int) {
        let text = try String(contentsOf: Self.sampleFolder.appendingPathComponent("fictional-five-areas.json"), encoding: .utf8)
        let ranges = text.ranges(of: needle)
        XCTAssertEqual(ranges.count, 1, "expected \(needle) once in the sample")
        let start = try XCTUnwrap(ranges.first).lowerBound
        let before = text[..<start]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        let column = text.unicodeScalars[lineStart..<start].count + 1
        return (text, line, column)
    }

    /// The sample with one note's text replaced by `replacement`, and the place of that text.
    func sampleWithNoteText(_ replacement: String) throws -> (bytes: [UInt8], line: Int, column: Int) {
        let field = "\"text\": "
        let note = "\"Signed off by the Health and Wellbeing Board.\""
        let found = try sample(finding: field + note)
        let text = found.text.replacingOccurrences(of: field + note, with: field + "\"" + replacement + "\"")
        return ([UInt8](text.utf8), found.line, found.column + field.count)
    }

    func testAOneMegabyteTextFieldIsRefused() throws {
        let (bytes, line, column) = try sampleWithNoteText(String(repeating: "a", count: 1_000_001))
        XCTAssertGreaterThan(bytes.count, 1_000_000)
        let error = try XCTUnwrap(rejection(bytes, file: "1mb-note.json"), "a 1 MB note was accepted")
        XCTAssertEqual(error.description, """
            1mb-note.json: 1 problem; nothing was imported.
              1mb-note.json: areas[0].actions[0].notes[0].text (line \(line), column \(column)): is 1000001 characters long; expected at most 100000
              (References, links and the other rules are checked once these are put right.)
            """)
    }

    func testTextLengthCountsCharactersNotBytes() throws {
        // ’ is three bytes in UTF-8: 100,000 of them (300,000 bytes) fit, 100,001 do not.
        let fits = try sampleWithNoteText(String(repeating: "’", count: Validator.maxTextLength))
        XCTAssertNil(rejection(fits.bytes, file: "longest-note.json"), "a note of exactly 100,000 characters was refused")

        let over = try sampleWithNoteText(String(repeating: "’", count: Validator.maxTextLength + 1))
        let error = try XCTUnwrap(rejection(over.bytes, file: "too-long-note.json"), "a note of 100,001 characters was accepted")
        XCTAssertEqual(error.description, """
            too-long-note.json: 1 problem; nothing was imported.
              too-long-note.json: areas[0].actions[0].notes[0].text (line \(over.line), column \(over.column)): is 100001 characters long; expected at most 100000
              (References, links and the other rules are checked once these are put right.)
            """)
    }

    func testVeryDeepNestingIsRefusedWithoutExhaustingTheStack() throws {
        // 100,000 nested lists (200 kB): the parser must stop at its depth limit, not recurse.
        let depth = 100_000
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: depth) + [UInt8](repeating: UInt8(ascii: "]"), count: depth)
        let error = try XCTUnwrap(rejection(bytes, file: "deep.json"), "100,000 nested lists were accepted")
        XCTAssertEqual(error.description, """
            deep.json: 1 problem; nothing was imported.
              deep.json: line 1, column \(JSONParser.maxDepth + 1): values are nested more than \(JSONParser.maxDepth) deep; expected a planboard plan
            """)
    }

    // MARK: Good input

    func testEverySampleIsAccepted() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Self.sampleFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertFalse(files.isEmpty, "no samples found in \(Self.sampleFolder.path)")
        for url in files {
            let name = url.lastPathComponent
            if let error = rejection([UInt8](try Data(contentsOf: url)), file: name) {
                XCTFail("\(name): a shipped sample was refused:\n\(error.description)")
            }
        }
    }
}

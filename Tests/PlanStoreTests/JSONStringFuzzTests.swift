import Foundation
import PlanExchange
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// The strict reader of plan files (`JSONParser`), the reader of the store's JSON columns
/// (`ColumnJSON`) and Foundation's `JSONSerialization` read text in quotes alike: each takes
/// or refuses the same inputs, and takes them as the same text. A plan exported by one and
/// read by another cannot change on the way.
final class JSONStringFuzzTests: XCTestCase {
    /// What a reader made of `["…"]`: the text's scalars, or nil when it refused it.
    typealias Reading = [UInt32]?

    func strict(_ bytes: [UInt8]) -> Reading {
        guard case let .array(items)? = try? JSONParser.parse(bytes).value, items.count == 1,
              case let .string(text) = items[0].value else { return nil }
        return text.unicodeScalars.map(\.value)
    }

    func column(_ bytes: [UInt8]) -> Reading {
        guard let items = try? bytes.withUnsafeBufferPointer({ try ColumnJSON.strings(bytes: $0) }), items.count == 1 else { return nil }
        return items[0].unicodeScalars.map(\.value)
    }

    func foundation(_ bytes: [UInt8]) -> Reading {
        guard let items = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String], items.count == 1 else { return nil }
        return items[0].unicodeScalars.map(\.value)
    }

    /// `["…"]` around the body given.
    func literal(_ body: [UInt8]) -> [UInt8] { Array("[\"".utf8) + body + Array("\"]".utf8) }

    func testALoneSurrogateIsRefusedByBothReadersAsFoundationRefusesIt() {
        for body in [#"\ud800"#, #"\udc00"#, #"a\ud83d"#, #"\ud83d\u0041"#, #"\ud83d\ud83d"#, #"\ude00\ud83d"#, #"\ud800x"#] {
            let bytes = literal(Array(body.utf8))
            XCTAssertNil(foundation(bytes), body)
            XCTAssertNil(strict(bytes), body)
            XCTAssertNil(column(bytes), "\(body): refused, not read as U+FFFD")
        }
        let pair = literal(Array(#"\ud83d\ude00"#.utf8))
        XCTAssertEqual(column(pair), [0x1F600])
        XCTAssertEqual(strict(pair), [0x1F600])
    }

    func testAUEscapeTakesFourHexadecimalDigitsAndNothingElse() {
        for body in [#"\u+041"#, #"\u-041"#, #"\u 041"#, #"\u004"#, #"\u00G1"#] {
            let bytes = literal(Array(body.utf8))
            XCTAssertNil(foundation(bytes), body)
            XCTAssertNil(strict(bytes), body)
            XCTAssertNil(column(bytes), body)
        }
        XCTAssertEqual(strict(literal(Array(#"\u00E9\u00e9"#.utf8))), [0xE9, 0xE9])
    }

    func testBytesThatAreNotUTF8AreRefusedByTheColumnReaderToo() {
        for bad: [UInt8] in [[0xFF], [0xC3], [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x61, 0xE2, 0x82]] {
            let bytes = literal(bad)
            XCTAssertNil(foundation(bytes), "\(bad)")
            XCTAssertNil(strict(bytes), "\(bad)")
            XCTAssertNil(column(bytes), "\(bad): refused, not read as U+FFFD")
        }
    }

    /// Twenty thousand texts made of escapes (good and bad), surrogates (paired and lone),
    /// raw control characters, multi-byte and broken UTF-8, quotes and backslashes.
    func testEveryReaderTakesOrRefusesTheSameTextsAndReadsThemAlike() {
        var random = SeededRandom(state: 20_261_207)
        var accepted = 0
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            var body: [UInt8] = []
            for _ in 0..<random.below(8) + 1 { body += piece(&random) }
            let bytes = literal(body)
            let expected = foundation(bytes)
            let byStrict = strict(bytes)
            let byColumn = column(bytes)
            if expected != nil { accepted += 1 }
            if byStrict != byColumn || withoutBOM(byStrict) != withoutBOM(expected), disagreements.count < 10 {
                disagreements.append("\(bytes.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : String(format: "<%02X>", $0) }.joined()): "
                                     + "Foundation \(describe(expected)), JSONParser \(describe(byStrict)), ColumnJSON \(describe(byColumn))")
            }
        }
        XCTAssertEqual(disagreements, [])
        // Both outcomes are well represented, so agreement means something.
        XCTAssertGreaterThan(accepted, 2_000)
        XCTAssertLessThan(accepted, 18_000)
    }

    /// The text without U+FEFF. Foundation on Linux drops a byte order mark that starts a run of
    /// plain bytes inside text (text of U+FEFF alone reads as empty; between two letters it is kept):
    /// RFC 8259 lets a reader skip one only before the whole text, so planboard keeps it, and
    /// only there does it differ from Foundation.
    func withoutBOM(_ reading: Reading) -> Reading { reading.map { $0.filter { $0 != 0xFEFF } } }

    func testAByteOrderMarkInsideTextIsKept() {
        let bytes = literal(Array("\\n\u{FEFF}x".utf8))
        XCTAssertEqual(strict(bytes), [0x0A, 0xFEFF, 0x78])
        XCTAssertEqual(column(bytes), [0x0A, 0xFEFF, 0x78])
    }

    func describe(_ reading: Reading) -> String {
        reading.map { "[" + $0.map { String($0, radix: 16) }.joined(separator: " ") + "]" } ?? "refused"
    }

    /// One piece of a text's body, good or bad.
    func piece(_ random: inout SeededRandom) -> [UInt8] {
        func hex(_ n: UInt32) -> [UInt8] {
            let digits = String(n, radix: 16, uppercase: random.below(2) == 0)
            return Array(("\\u" + String(repeating: "0", count: 4 - digits.count) + digits).utf8)
        }
        switch random.below(14) {
        case 0, 1:
            let plain = Array("abc XYZ 019 -_.,;:!?()[]{}<>=+*&^%$#@~`'|/".utf8) + [0x7F]
            return (0..<random.below(4) + 1).map { _ in plain[random.below(plain.count)] }
        case 2:
            let escapes = Array(#""\/bfnrt"#.utf8)
            return [0x5C, escapes[random.below(escapes.count)]]
        case 3:
            let bad = Array("xaU0 '\u{01}v9".utf8) + [0x80, 0xE9]
            return [0x5C, bad[random.below(bad.count)]]
        case 4: return hex(UInt32(random.below(0xD800)))
        case 5: return hex(UInt32(0xE000 + random.below(0x2000)))
        case 6: return hex(UInt32(0xD800 + random.below(0x400))) + hex(UInt32(0xDC00 + random.below(0x400)))
        case 7: return hex(UInt32(0xD800 + random.below(0x800)))
        case 8:
            let broken = ["\\u12", "\\u+041", "\\u-001", "\\u 123", "\\u00G0", "\\uDC00\\uD800", "\\uD800\\u0041", "\\uD800\\", "\\"]
            return Array(broken[random.below(broken.count)].utf8)
        case 9: return [UInt8(random.below(0x20))]
        case 10:
            let texts = ["é", "€", "😀", "中文", "e\u{301}", "\u{85}", "\u{FEFF}", "\u{10FFFF}", "\u{FFFE}", "£"]
            return Array(texts[random.below(texts.count)].utf8)
        case 11:
            let invalid: [[UInt8]] = [[0xFF], [0xFE], [0xC0, 0x80], [0xC1, 0xBF], [0x80], [0xBF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80],
                                      [0xED, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE0, 0x80, 0xAF]]
            return invalid[random.below(invalid.count)]
        case 12: return random.below(4) == 0 ? [0x22] : [0x5C, 0x22]
        default: return random.below(4) == 0 ? [0x5C] : [0x5C, 0x5C]
        }
    }
}


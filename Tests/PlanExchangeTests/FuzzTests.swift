import Foundation
import PlanExchange
import PlanModel
import TestSupport
import XCTest

/// A seeded mutation fuzzer over the JSON reader and `validate`: a fixed number of mutated
/// samples, the same ones every run. Each must be read or refused with a message; none may
/// crash, hang or put a raw control character in the message.
final class FuzzTests: XCTestCase {
    /// Bytes that make interesting trouble: JSON punctuation, escapes, control characters,
    /// bytes that are not UTF-8, and the start of a UTF-8 sequence cut short.
    static let interesting: [[UInt8]] = [
        Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("]".utf8), Array(",".utf8), Array(":".utf8),
        Array("\"".utf8), Array("\\".utf8), Array("\\u".utf8), Array("\\ud800".utf8), Array("\\u001b[2J".utf8),
        [0x1B, 0x5B, 0x32, 0x4A], [0x07], [0x00], [0x0A], [0x09], [0x0D], [0x7F], [0xC2, 0x9B], [0xFF], [0xE2, 0x80],
        Array("null".utf8), Array("true".utf8), Array("-".utf8), Array("1e400".utf8), Array("123456789012345678901234567890".utf8),
        Array("0.5".utf8), Array("\"2023-02-30\"".utf8), Array("\"red\"".utf8), Array("\"3b\"".utf8), Array("\u{202E}".utf8),
    ]

    static func mutate(_ input: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var bytes = input
        for _ in 0...rng.below(4) {
            guard !bytes.isEmpty else { return Self.interesting[rng.below(Self.interesting.count)] }
            let at = rng.below(bytes.count)
            switch rng.below(7) {
            case 0: bytes[at] ^= UInt8(1 << rng.below(8))
            case 1: bytes.insert(contentsOf: Self.interesting[rng.below(Self.interesting.count)], at: at)
            case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.below(64)))
            case 3:
                let from = rng.below(bytes.count)
                let chunk = Array(bytes[from..<min(bytes.count, from + 1 + rng.below(200))])
                bytes.insert(contentsOf: chunk, at: at)
            case 4: bytes = Array(bytes[0..<at])
            case 5: bytes[at] = UInt8(truncatingIfNeeded: rng.below(256))
            default:
                let end = min(bytes.count, at + 1 + rng.below(16))
                bytes.replaceSubrange(at..<end, with: Self.interesting[rng.below(Self.interesting.count)])
            }
        }
        return bytes
    }

    func testMutatedSamplesAreReadOrRefusedWithMessagesThatHoldNoControlCharacter() throws {
        let cases = 600
        var rng = SeededRandom(state: 0x5EED_0008)
        var refusedCount = 0, acceptedCount = 0
        let samples = try SamplePlans.all.map { [UInt8](try Samples.bytes($0)) }
        for n in 0..<cases {
            let input = Self.mutate(samples[n % samples.count], &rng)
            do {
                let plan = try PlanDecoding.plan(bytes: input, file: "case-\(n).json")
                acceptedCount += 1
                // A file that is accepted is a valid plan, and writes back to a file that reads.
                XCTAssertEqual(Validator().problems(in: plan), [], "case \(n) was accepted with problems")
                XCTAssertNoThrow(try PlanDecoding.plan(bytes: Array(PlanEncoding.json(plan).utf8), file: "again.json"), "case \(n)")
            } catch {
                refusedCount += 1
                let message = error.description
                XCTAssertTrue(message.hasPrefix("case-\(n).json: "), "case \(n): \(message.prefix(200))")
                let controls = message.unicodeScalars.filter { s in
                    (s.value < 0x20 && s != "\n") || s.value == 0x7F || (0x80...0x9F).contains(s.value)
                }
                XCTAssertTrue(controls.isEmpty, "case \(n): the message holds \(controls.map { String(format: "U+%04X", $0.value) }): \(message.prefix(300))")
            }
        }
        XCTAssertEqual(refusedCount + acceptedCount, cases)
        XCTAssertGreaterThan(refusedCount, cases / 2, "most mutations break the file")
    }
}

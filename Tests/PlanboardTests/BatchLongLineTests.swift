import Foundation
import PlanModel
import TestSupport
import XCTest

/// `batch` with a line far longer than any update planboard can take.
final class BatchLongLineTests: XCTestCase {
    func testALineLongerThanAnyUpdateIsRefusedWithoutBeingHeldAndTheLinesAfterItAreRead() throws {
        let folder = try TempFolder("batch-long")
        let db = folder.path("plan.sqlite")
        let env = ["PLANBOARD_TODAY": "2023-08-15", "USER": "tester"]
        XCTAssertEqual(try PlanboardBinary.run(["import", try Samples.url(SamplePlans.devon).path, "--db", db], environment: env).status, 0)
        let file = folder.path("updates.txt")
        let long = String(repeating: "word ", count: 200_000)  // 1 MB
        try "3c --note \"\(long)\"\n1a --by-when 31/03/2023\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try PlanboardBinary.run(["batch", file, "--db", db], environment: env)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("error 1: the line is 1000012 bytes long; expected at most \(4 * Validator.maxTextLength + 64 * 1024)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("ok 2: "), result.stdout)
    }
}

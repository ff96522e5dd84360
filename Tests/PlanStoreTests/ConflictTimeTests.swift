import Foundation
import PlanStoreContract
import XCTest

/// When someone else changed it, said as people say a time and a day.
final class ConflictTimeTests: XCTestCase {
    func testATimeReadsAsAClockAndADayInWords() throws {
        var parts = DateComponents()
        (parts.year, parts.month, parts.day, parts.hour, parts.minute) = (2026, 11, 29, 14, 2)
        var calendar = Calendar(identifier: .gregorian)
        let utc = try XCTUnwrap(TimeZone(identifier: "UTC"))
        calendar.timeZone = utc
        let date = try XCTUnwrap(calendar.date(from: parts))
        XCTAssertEqual(ConflictMessage.localTime(date, in: utc), "14:02 on 29 Nov 2026", "never an ISO date")
    }
}

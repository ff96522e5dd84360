import PlanModel
import XCTest

/// The file form of a date is read byte by byte; it accepts exactly `YYYY-MM-DD` in ASCII
/// digits, as the reader that split on dashes did.
final class PlanDateISOTests: XCTestCase {
    func testOnlyTheCanonicalFormIsRead() {
        XCTAssertEqual(PlanDate(iso: "2023-03-31"), PlanDate(year: 2023, month: 3, day: 31))
        XCTAssertEqual(PlanDate(iso: "0001-01-01"), PlanDate(year: 1, month: 1, day: 1))
        for bad in ["", "2023-03-3", "2023-03-311", "2023/03/31", "+023-03-31", "2023-03-3a", "2023--3-31",
                    "2023-03-31 ", " 2023-03-31", "２０２３-03-31", "2023-0３-31", "0000-01-01", "2023-00-10", "2023-01-00"] {
            XCTAssertNil(PlanDate(iso: bad), bad)
        }
    }
}

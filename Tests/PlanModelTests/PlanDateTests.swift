import PlanModel
import XCTest

final class PlanDateTests: XCTestCase {
    func testImpossibleDatesAreRefused() {
        XCTAssertNil(PlanDate(iso: "2023-02-30"))
        XCTAssertNil(PlanDate(iso: "2023-02-29"), "2023 is not a leap year")
        XCTAssertNotNil(PlanDate(iso: "2024-02-29"))
        XCTAssertNil(PlanDate(iso: "2023-13-01"))
        XCTAssertNil(PlanDate(iso: "2023-04-31"))
        XCTAssertNil(PlanDate(iso: "1900-02-29"), "1900 is not a leap year")
        XCTAssertNotNil(PlanDate(iso: "2000-02-29"))
        XCTAssertNil(PlanDate(iso: "2023-3-31"), "the file form is zero-padded")
        XCTAssertNil(PlanDate(iso: "31/03/2023"))
    }

    func testTypedDatesAcceptTheFormsPeopleUse() {
        let expected = PlanDate(year: 2023, month: 3, day: 31)
        XCTAssertEqual(PlanDate(typed: "2023-03-31"), expected)
        XCTAssertEqual(PlanDate(typed: "31/03/2023"), expected, "UK order: day first")
        XCTAssertEqual(PlanDate(typed: "31/3/2023"), expected)
        XCTAssertEqual(PlanDate(typed: "31 Mar 2023"), expected)
        XCTAssertEqual(PlanDate(typed: "31 March 2023"), expected)
        XCTAssertEqual(PlanDate(typed: " 31 mar 2023 "), expected)
        XCTAssertNil(PlanDate(typed: "30/02/2023"))
        XCTAssertNil(PlanDate(typed: "31 Foo 2023"))
        XCTAssertNil(PlanDate(typed: "next week"))
    }

    func testDayNumbersRoundTripAndOrderLikeTheCalendar() {
        var previous: PlanDate?
        for n in stride(from: -719_000, through: 2_900_000, by: 997) {
            let date = PlanDate(dayNumber: n)
            XCTAssertEqual(date.dayNumber, n)
            XCTAssertEqual(PlanDate(iso: date.iso), date)
            if let previous { XCTAssertLessThan(previous, date) }
            previous = date
        }
        XCTAssertEqual(PlanDate(dayNumber: 0).iso, "1970-01-01")
        XCTAssertEqual(TestDate.d("2023-03-01").dayNumber - TestDate.d("2023-02-28").dayNumber, 1)
        XCTAssertEqual(TestDate.d("2024-03-01").dayNumber - TestDate.d("2024-02-28").dayNumber, 2)
        XCTAssertEqual(TestDate.d("2023-12-31").adding(days: 1), TestDate.d("2024-01-01"))
    }

    func testDisplayFormIsTheOnePeopleRead() {
        XCTAssertEqual(TestDate.d("2023-03-05").display, "5 Mar 2023")
        XCTAssertEqual(TestDate.d("2023-03-05").iso, "2023-03-05")
    }
}

enum TestDate {
    static func d(_ iso: String) -> PlanDate {
        guard let date = PlanDate(iso: iso) else { preconditionFailure(iso) }
        return date
    }
}

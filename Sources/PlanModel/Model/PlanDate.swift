import Foundation

/// A calendar date with no time of day or zone, as plans write them (`2023-03-31`).
///
/// Plans talk in days: a by-when, a review date, a checkpoint. Keeping dates as plain
/// year-month-day values makes them compare, print and round-trip exactly, with no
/// time-zone surprises.
public struct PlanDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns nil when no such day exists (2023-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= PlanDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the canonical form `YYYY-MM-DD` only.
    public init?(iso text: String) {
        // Byte by byte: files hold hundreds of thousands of dates.
        let b = text.utf8
        guard b.count == 10 else { return nil }
        var (y, m, d) = (0, 0, 0)
        for (k, byte) in b.enumerated() {
            if k == 4 || k == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if k < 4 { y = y * 10 + digit } else if k < 7 { m = m * 10 + digit } else { d = d * 10 + digit }
        }
        self.init(year: y, month: m, day: d)
    }

    /// Parses what people type: `2023-03-31`, `31/03/2023` (UK day first) or `31 Mar 2023`.
    public init?(typed text: String) {
        let trimmed = QuickTrim.whitespaces(text)
        if let iso = PlanDate(iso: trimmed) { self = iso; return }
        let slash = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if slash.count == 3, slash[2].count == 4,
           let d = Int(slash[0]), let m = Int(slash[1]), let y = Int(slash[2]) {
            guard let date = PlanDate(year: y, month: m, day: d) else { return nil }
            self = date
            return
        }
        let words = trimmed.split(separator: " ")
        if words.count == 3, let d = Int(words[0]), let y = Int(words[2]), words[2].count == 4,
           let m = PlanDate.monthNames.firstIndex(where: { $0.lowercased() == words[1].prefix(3).lowercased() }),
           words[1].count >= 3 {
            guard let date = PlanDate(year: y, month: m + 1, day: d) else { return nil }
            self = date
            return
        }
        return nil
    }

    /// The form every file and the database use: `YYYY-MM-DD`.
    public var iso: String {
        "\(PlanDate.pad(year, 4))-\(PlanDate.pad(month, 2))-\(PlanDate.pad(day, 2))"
    }

    /// The form people read: `31 Mar 2023`.
    public var display: String { "\(day) \(PlanDate.monthNames[month - 1]) \(year)" }

    public var description: String { iso }

    /// Days since 1970-01-01 (negative before), for arithmetic and comparison.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    public func adding(days: Int) -> PlanDate { PlanDate(dayNumber: dayNumber + days) }

    public static func < (lhs: PlanDate, rhs: PlanDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

extension PlanDate: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PlanDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

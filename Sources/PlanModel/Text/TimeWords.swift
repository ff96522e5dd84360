import Foundation

/// A moment as people read it in a message: "14:02 on 29 Nov 2026", never an ISO date.
public enum TimeWords {
    public static func clockAndDay(_ date: Date, in zone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        let day = PlanDate(year: c.year ?? 0, month: c.month ?? 1, day: c.day ?? 1).map(\.display) ?? "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))"
        return "\(two(c.hour)):\(two(c.minute)) on \(day)"
    }
}

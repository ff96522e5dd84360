import Foundation
import PlanModel

/// The words for an edit refused because the plan no longer holds what its author saw:
/// who changed it, to what, and when, found in the change log. The same wording as the
/// SQLite file's ("3b leads was changed by bob at 14:02 on 2026-11-29 to Sam Lee; your
/// undo was not applied"), so a refusal reads alike on either backend.
public enum ConflictMessage {
    public static func text(_ conflict: EditConflict, verb: String, log: [ChangeRecord]) -> String {
        let outcome = "your \(verb) was not applied"
        guard let last = log.last(where: { record in
            record.kind != .import && (record.edit?.wrote(conflict.target) == true || record.inverse?.wrote(conflict.target) == true)
        }) else {
            return "\(conflict.description.replacingOccurrences(of: "; nothing was changed", with: "")); \(outcome)"
        }
        let by = "by \(last.user) at \(localTime(last.at))"
        switch (conflict.expected, conflict.found) {
        case let (_?, found?): return "\(conflict.what) was changed \(by) to \(found); \(outcome)"
        case let (nil, found?): return "\(conflict.what) was changed \(by) (\(found)); \(outcome)"
        case (_, nil): return "\(conflict.what) was removed \(by); \(outcome)"
        }
    }

    /// A time as people read it in a message, in the machine's time zone: "14:02 on 2026-11-29".
    public static func localTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return "\(two(c.hour)):\(two(c.minute)) on \(c.year ?? 0)-\(two(c.month))-\(two(c.day))"
    }
}

import Foundation
import PlanModel

/// The words for an edit refused because the plan no longer holds what its author saw:
/// who changed it, to what, and when, found in the change log. The same wording as the
/// SQLite file's ("3b lead(s) was changed by bob at 14:02 on 29 Nov 2026 to Sam Lee; your
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

    /// A time as people read it in a message, in the machine's time zone: "14:02 on 29 Nov 2026".
    public static func localTime(_ date: Date, in zone: TimeZone = .current) -> String {
        TimeWords.clockAndDay(date, in: zone)
    }
}

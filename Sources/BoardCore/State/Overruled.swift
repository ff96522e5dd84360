import Foundation
import PlanModel

/// When someone else changes what this person changed last (knowingly: every change is
/// made over the value its author saw), the person is told who, what and when, rather than
/// finding their value quietly gone: "Jackie Ross: 3b status Red → Amber at 14:02 on 7 Dec
/// 2026, over your change".
enum Overruled {
    /// The notice for the newest line after `heard` by someone else that wrote over a value
    /// this user wrote last; nil when there is none.
    static func notice(in log: [ChangeRecord], after heard: Int64, user: String) -> String? {
        guard heard > 0, let firstNew = log.firstIndex(where: { $0.seq > heard }) else { return nil }
        for index in log.indices[firstNew...].reversed() {
            let record = log[index]
            guard record.user != user, let edit = record.edit else { continue }
            for target in edit.targets {
                // Who wrote this last before them.
                guard let previous = log[..<index].last(where: { $0.edit?.wrote(target) == true }), previous.user == user else { continue }
                return "\(record.user): \(record.summary) at \(TimeWords.clockAndDay(record.at)), over your change"
            }
        }
        return nil
    }
}

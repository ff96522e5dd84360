import Foundation
import PlanModel

/// Following a plan that others change, by applying the change log's new lines to the plan
/// in memory rather than reading the plan again (the change log is the history and the
/// feed: docs/ARCHITECTURE.md).
extension PlanStoring {
    /// Brings `plan` and `log`, which stand at log position `version`, up to date: each new
    /// edit, undo and redo is applied to the plan; an import, or a line that will not apply,
    /// reads the plan afresh (`fresh` gives it and the log position it stands at).
    public func following(_ plan: Plan, log: [ChangeRecord], from version: Int64,
                   fresh: () throws -> (Plan, Int64)) throws -> (followed: LoggedPlan, applied: Bool) {
        // `applied`: new lines were applied to the plan held (not read afresh, not none).
        let new = try changes(afterSeq: version)
        guard let last = new.last else { return (LoggedPlan(plan: plan, log: log, version: version), false) }
        var plan = plan
        for record in new {
            guard record.kind != .import, let edit = record.edit, let next = try? plan.applying(edit).plan else {
                let (loaded, at) = try fresh()
                let lines = try changes(afterSeq: version).filter { $0.seq <= at }
                return (LoggedPlan(plan: loaded, log: log + lines, version: at), false)
            }
            plan = next
        }
        return (LoggedPlan(plan: plan, log: log + new, version: last.seq), true)
    }

    /// Following by the log, for a store without a cheaper way: the plan is read afresh
    /// only when a line will not apply.
    public func follow(_ plan: Plan, log: [ChangeRecord], from version: Int64) throws -> LoggedPlan {
        try following(plan, log: log, from: version) {
            let at = try self.version()
            return (try load(), at)
        }.followed
    }
}

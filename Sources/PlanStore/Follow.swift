import Foundation
import GRDB
import PlanModel

/// Following a plan that others change, by applying the change log's new lines to the plan
/// in memory rather than reading the plan again (DESIGN.md: "The change log is the history
/// and the feed").
extension PlanStoring {
    /// Brings `plan` and `log`, which stand at log position `version`, up to date: each new
    /// edit, undo and redo is applied to the plan; an import, or a line that will not apply,
    /// reads the plan afresh (`fresh` gives it and the log position it stands at).
    func following(_ plan: Plan, log: [ChangeRecord], from version: Int64,
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

extension PlanStore {
    /// Brings `plan` and `log`, which stand at log position `version`, up to date with the
    /// file: each new edit, undo and redo is applied to the plan; an import (which replaces
    /// the plan and is not in the log as edits) reads the plan afresh. So does a line that
    /// will not apply, which only a file changed behind planboard's back would hold.
    public func follow(_ plan: Plan, log: [ChangeRecord], from version: Int64) throws -> LoggedPlan {
        // The plan and the log position it stands at, read together, when it must be read.
        let (followed, applied) = try following(plan, log: log, from: version, fresh: readTogether)
        if applied { cache = (followed.version, followed.plan) }
        return followed
    }

    private func readTogether() throws -> (Plan, Int64) {
        do {
            return try db.read { db in
                let plan = try self.current(db)
                return (plan, try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM change") ?? 0)
            }
        } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }
}

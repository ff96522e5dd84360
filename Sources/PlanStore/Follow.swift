import Foundation
import GRDB
import PlanModel

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

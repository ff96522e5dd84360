import Foundation
import GRDB
import PlanModel

/// Following a plan that others change, by applying the change log's new lines to the plan
/// in memory rather than reading the plan again (DESIGN.md: "The change log is the history
/// and the feed").
extension PlanStore {
    /// What a follower holds after catching up: the plan, the whole change log, and the
    /// log position both are at.
    public struct Followed: Sendable {
        public var plan: Plan
        public var log: [ChangeRecord]
        public var version: Int64
    }

    /// Brings `plan` and `log`, which stand at log position `version`, up to date with the
    /// file: each new edit, undo and redo is applied to the plan; an import (which replaces
    /// the plan and is not in the log as edits) reads the plan afresh. So does a line that
    /// will not apply, which only a file changed behind planboard's back would hold.
    public func follow(_ plan: Plan, log: [ChangeRecord], from version: Int64) throws -> Followed {
        let new = try changes(afterSeq: version)
        guard let last = new.last else { return Followed(plan: plan, log: log, version: version) }
        var plan = plan
        var fresh = false
        for record in new {
            guard record.kind != .import, let edit = record.edit, let next = try? plan.applying(edit).plan else {
                fresh = true
                break
            }
            plan = next
        }
        if fresh {
            // The plan and the log position it stands at, read together.
            let (loaded, at) = try readTogether()
            let lines = try changes(afterSeq: version).filter { $0.seq <= at }
            return Followed(plan: loaded, log: log + lines, version: at)
        }
        cache = (last.seq, plan)
        return Followed(plan: plan, log: log + new, version: last.seq)
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

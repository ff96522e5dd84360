import Foundation
import GRDB
import PlanModel

/// Changing one action from the command line without reading the whole plan.
///
/// `planboard set 3b --status green` needs action 3b, its notes, and what the rules about
/// an action refer to (the header, the areas, the KPI list), not the other 99,999 actions,
/// the risk register or the checkpoints. The plan these give holds only that much, so they
/// are for a command that changes a few actions and exits, never for a dashboard.
extension PlanStore {
    /// The plan with only the actions `refs` in its areas (and no risks or checkpoints), or
    /// the whole plan when one of them is not there (so a message can list what is).
    public func plan(around refs: [String]) throws -> Plan {
        do {
            return try db.read { db in
                if let part = try Self.part(db, refs: refs, file: path) { return part }
                return try FastRows.load(db, file: path)
            }
        } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }

    /// Applies one edit to the actions it names, read from the file in the write's own
    /// transaction, and logs it; returns the plan holding just those actions. An edit
    /// that adds, removes or renames, or is refused, goes the usual way (`apply`), so its
    /// checks and messages are the same.
    @discardableResult
    public func applyToPart(_ edit: Edit, at time: Date = Date()) throws -> Plan {
        var scope = WriteScope()
        guard scope.add(edit), scope.inPlace, !scope.actions.isEmpty else { return try apply(edit, at: time) }
        try checkWritable()
        let refs = scope.actions.unique
        do {
            let next: Plan? = try db.writeWithoutTransaction { db in
                var out: Plan?
                try db.inTransaction(.immediate) {
                    guard let plan = try Self.part(db, refs: refs, file: self.path),
                          let (next, inverse) = try? plan.applying(edit) else { return .rollback }
                    try PlanRows.write(next, over: plan, touching: edit, db)
                    try self.log(db, at: time, kind: .edit, target: nil, summary: edit.summary(in: next), edit: edit, inverse: inverse)
                    out = next
                    return .commit
                }
                return out
            }
            cache = nil
            if let next { return next }
        } catch {
            cache = nil
            throw Self.translate(error, path: path, waited: busyTimeout)
        }
        return try apply(edit, at: time)
    }

    /// The plan with only the actions `refs`, or nil when one is missing.
    static func part(_ db: Database, refs: [String], file: String) throws -> Plan? {
        // The small tables whole, and the named actions by reference, through the same
        // reader as a whole plan.
        let whole = try FastRows.load(db, file: file, shape: .actions(refs))
        let found = Set(whole.allActions.map(\.ref))
        return refs.allSatisfy(found.contains) ? whole : nil
    }
}

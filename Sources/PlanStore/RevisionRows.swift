import Foundation
import GRDB
import PlanModel

/// The revisions of actions' agreed by-whens: one row per action that has any, its
/// revisions as JSON text (they are few, and only ever read with their action).
enum RevisionRows {
    static func registerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-date-revisions") { db in
            try db.execute(sql: """
                CREATE TABLE date_revision (
                    action TEXT PRIMARY KEY,
                    revisions TEXT NOT NULL
                );
                """)
        }
    }

    /// Puts each action's revisions on the plan read from the other tables; actions the
    /// plan does not hold are left out. A file opened read-only before its migration has none.
    static func attach(to plan: inout Plan, _ db: Database, _ json: JSONColumns) throws {
        guard try db.tableExists("date_revision") else { return }
        for row in try Row.fetchAll(db, sql: "SELECT action, revisions FROM date_revision") {
            let ref: String = row[0]
            guard let at = plan.locate(action: ref) else { continue }
            plan.areas[at.area].actions[at.index].revisions = try json.decode([DateRevision].self, row[1], "revised dates of action \(ref)")
        }
    }

    /// Writes the revisions of every action that differ between `old` and `new`.
    static func write(_ new: Plan, over old: Plan?, _ db: Database) throws {
        var before: [String: [DateRevision]] = [:], after: [String: [DateRevision]] = [:]
        for action in old?.allActions ?? [] where !action.revisions.isEmpty { before[action.ref] = action.revisions }
        for action in new.allActions where !action.revisions.isEmpty { after[action.ref] = action.revisions }
        try write(Array(Set(before.keys).union(after.keys)), before: before, after: after, db)
    }

    /// Writes the revisions of these actions where they differ: what one edit touched.
    static func write(actions refs: [String], _ new: Plan, over old: Plan, _ db: Database) throws {
        var before: [String: [DateRevision]] = [:], after: [String: [DateRevision]] = [:]
        for ref in refs {
            if let revisions = old.action(ref)?.revisions, !revisions.isEmpty { before[ref] = revisions }
            if let revisions = new.action(ref)?.revisions, !revisions.isEmpty { after[ref] = revisions }
        }
        try write(refs, before: before, after: after, db)
    }

    static let table = SideTable(table: "date_revision", key: "action", value: "revisions")

    private static func write(_ refs: [String], before: [String: [DateRevision]], after: [String: [DateRevision]], _ db: Database) throws {
        let json = JSONColumns(file: "")
        try table.write(refs, before: before, after: after, text: { try json.text($0) }, db)
    }

    /// Writes a whole plan's revisions into the emptied table (an import).
    static func replaceAll(with plan: Plan, _ db: Database) throws {
        try table.clear(db)
        try write(plan, over: nil, db)
    }
}

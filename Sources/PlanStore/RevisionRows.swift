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
            before[ref] = old.action(ref)?.revisions ?? []
            after[ref] = new.action(ref)?.revisions ?? []
        }
        try write(refs, before: before, after: after, db)
    }

    private static func write(_ refs: [String], before: [String: [DateRevision]], after: [String: [DateRevision]], _ db: Database) throws {
        let json = JSONColumns(file: "")
        for ref in refs {
            let was = before[ref] ?? [], now = after[ref] ?? []
            guard was != now else { continue }
            if now.isEmpty {
                try db.cachedStatement(sql: "DELETE FROM date_revision WHERE action = ?").execute(arguments: [ref])
            } else {
                try db.cachedStatement(sql: """
                    INSERT INTO date_revision (action, revisions) VALUES (?, ?)
                    ON CONFLICT(action) DO UPDATE SET revisions = excluded.revisions
                    """).execute(arguments: [ref, try json.text(now)])
            }
        }
    }

    /// Writes a whole plan's revisions into the emptied table (an import).
    static func replaceAll(with plan: Plan, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM date_revision")
        try write(plan, over: nil, db)
    }
}

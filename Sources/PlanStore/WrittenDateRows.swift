import GRDB
import PlanModel

/// A by-when the plan wrote in words rather than as a date ("Ongoing", "TBC", "Termly"),
/// kept beside its action in a table of its own: only the actions that have one have a row.
enum WrittenDateRows {
    static func registerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-by-when-written") { db in
            try db.execute(sql: """
                CREATE TABLE action_by_when_written (
                    action TEXT PRIMARY KEY REFERENCES action(ref) ON DELETE CASCADE ON UPDATE CASCADE,
                    text TEXT NOT NULL
                )
                """)
        }
    }

    /// Every written by-when, by action. A file opened read-only before its migration has none.
    static func read(_ db: Database) throws -> [String: String] {
        guard try db.tableExists("action_by_when_written") else { return [:] }
        var out: [String: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT action, text FROM action_by_when_written")
        while let row = try rows.next() { out[row[0]] = row[1] }
        return out
    }

    static let table = SideTable(table: "action_by_when_written", key: "action", value: "text")

    /// Writes `action`'s written by-when as it holds it (none removes the row).
    static func write(_ action: Action, _ db: Database) throws {
        try table.put(action.ref, action.byWhenWritten, db)
    }

    /// Writes it only where there is one: for a table just emptied (a whole-plan write).
    static func insert(_ action: Action, _ db: Database) throws {
        guard let written = action.byWhenWritten else { return }
        try db.cachedStatement(sql: "INSERT INTO action_by_when_written (action, text) VALUES (?, ?)").execute(arguments: [action.ref, written])
    }
}

import Foundation
import GRDB
import PlanModel

/// What a secretary records of each meeting (attendance, minutes, matters arising): one row
/// per meeting that has any, as JSON text (read only with its meeting).
enum RecordRows {
    static func registerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-meeting-records") { db in
            try db.execute(sql: """
                CREATE TABLE meeting_record (
                    meeting TEXT PRIMARY KEY,
                    record TEXT NOT NULL
                );
                """)
        }
    }

    /// Puts each meeting's record on the plan read from the other tables. A file opened
    /// read-only before its migration has none.
    static func attach(to plan: inout Plan, _ db: Database, _ json: JSONColumns) throws {
        guard try db.tableExists("meeting_record") else { return }
        for row in try Row.fetchAll(db, sql: "SELECT meeting, record FROM meeting_record") {
            let name: String = row[0]
            guard let m = plan.meetings.firstIndex(where: { $0.name == name }) else { continue }
            plan.meetings[m].record = try json.decode(MeetingRecord.self, row[1], "record of meeting \"\(name)\"")
        }
    }

    /// Writes the records that differ between `old` and `new`, by meeting name.
    static func write(_ new: Plan, over old: Plan?, _ db: Database) throws {
        var before: [String: MeetingRecord] = [:], after: [String: MeetingRecord] = [:]
        for m in old?.meetings ?? [] where !m.record.isEmpty { before[m.name] = m.record }
        for m in new.meetings where !m.record.isEmpty { after[m.name] = m.record }
        let json = JSONColumns(file: "")
        try table.write(Set(before.keys).union(after.keys), before: before, after: after, text: { try json.text($0) }, db)
    }

    static let table = SideTable(table: "meeting_record", key: "meeting", value: "record")

    /// Writes a whole plan's records into the emptied table (an import).
    static func replaceAll(with plan: Plan, _ db: Database) throws {
        try table.clear(db)
        try write(plan, over: nil, db)
    }
}

import Foundation
import GRDB
import PlanModel

/// The meetings tables: the migration that adds them, and reading and writing them.
enum MeetingRows {
    /// Adds the meeting, highlight and decision tables. A file made before meetings
    /// existed gains them, empty, when it is opened for writing.
    static func registerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-meetings") { db in
            try db.execute(sql: """
                CREATE TABLE meeting (
                    name TEXT PRIMARY KEY,
                    date TEXT NOT NULL,
                    checkpoint TEXT,
                    by_when TEXT NOT NULL
                );
                CREATE TABLE highlight (
                    meeting TEXT NOT NULL REFERENCES meeting(name) ON DELETE CASCADE ON UPDATE CASCADE,
                    area INTEGER NOT NULL,
                    rag TEXT CHECK (rag IS NULL OR rag IN ('not-started', 'red', 'amber', 'green', 'complete')),
                    reason TEXT NOT NULL,
                    progress TEXT NOT NULL,
                    next_steps TEXT NOT NULL,
                    escalations TEXT NOT NULL,
                    asks TEXT NOT NULL,
                    PRIMARY KEY (meeting, area)
                );
                CREATE TABLE decision (
                    number INTEGER PRIMARY KEY,
                    meeting TEXT NOT NULL REFERENCES meeting(name) ON DELETE CASCADE ON UPDATE CASCADE,
                    text TEXT NOT NULL,
                    owner TEXT,
                    due TEXT,
                    done INTEGER NOT NULL CHECK (done IN (0, 1)),
                    link_area INTEGER,
                    link_action TEXT,
                    link_risk TEXT,
                    action TEXT
                );
                CREATE INDEX decision_meeting ON decision(meeting, number);
                """)
        }
    }

    /// Every meeting, in date order. A file opened read-only before its migration has none.
    static func load(_ db: Database, _ json: JSONColumns) throws -> [Meeting] {
        guard try db.tableExists("meeting") else { return [] }
        var highlights: [String: [Highlight]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM highlight ORDER BY meeting, area") {
            let rag: String? = row["rag"]
            highlights[row["meeting"], default: []].append(Highlight(
                area: row["area"], rag: rag.flatMap(Status.init(rawValue:)), reason: row["reason"], progress: row["progress"],
                nextSteps: row["next_steps"], escalations: row["escalations"], asks: row["asks"]))
        }
        var decisions: [String: [Decision]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM decision ORDER BY number") {
            let number: Int = row["number"]
            let link: DecisionLink? = if let n: Int = row["link_area"] { .area(n) }
                else if let ref: String = row["link_action"] { .action(ref) }
                else if let ref: String = row["link_risk"] { .risk(ref) }
                else { nil }
            decisions[row["meeting"], default: []].append(Decision(
                number: number, text: row["text"], owner: row["owner"],
                due: try json.optionalDate(row["due"], "decision D\(number) due date"),
                done: row["done"], link: link, action: row["action"]))
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM meeting ORDER BY date, name").map { row in
            let name: String = row["name"]
            return Meeting(name: name, date: try json.date(row["date"], "meeting \"\(name)\" date"), checkpoint: row["checkpoint"],
                           byWhen: try json.decode([ActionDate].self, row["by_when"], "meeting \"\(name)\" by-when dates"),
                           highlights: highlights[name] ?? [], decisions: decisions[name] ?? [])
        }
    }

    /// Writes the meetings that differ: each changed meeting is rewritten whole (they are small).
    static func write(_ new: [Meeting], over old: [Meeting], _ db: Database, _ json: JSONColumns) throws {
        guard new != old else { return }
        let before = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for meeting in old where after[meeting.name] != meeting {
            try db.execute(sql: "DELETE FROM meeting WHERE name = ?", arguments: [meeting.name])
        }
        for meeting in new where before[meeting.name] != meeting {
            try db.execute(sql: "INSERT INTO meeting (name, date, checkpoint, by_when) VALUES (?, ?, ?, ?)",
                           arguments: [meeting.name, meeting.date.iso, meeting.checkpoint, try json.text(meeting.byWhen)])
            for h in meeting.highlights {
                try db.execute(sql: """
                    INSERT INTO highlight (meeting, area, rag, reason, progress, next_steps, escalations, asks)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [meeting.name, h.area, h.rag?.rawValue, h.reason, h.progress, h.nextSteps, h.escalations, h.asks])
            }
            for d in meeting.decisions {
                var area: Int?, action: String?, risk: String?
                switch d.link {
                case let .area(n)?: area = n
                case let .action(ref)?: action = ref
                case let .risk(ref)?: risk = ref
                case nil: break
                }
                try db.execute(sql: """
                    INSERT INTO decision (number, meeting, text, owner, due, done, link_area, link_action, link_risk, action)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [d.number, meeting.name, d.text, d.owner, d.due?.iso, d.done, area, action, risk, d.action])
            }
        }
    }
}

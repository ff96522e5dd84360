import GRDB
import PlanModel

/// The database schema, built by migrations so older files upgrade in place.
///
/// Each part of the plan has its own table, with the fields people filter and sort on
/// (status, by-when, scores) as real columns. Small nested values that are only ever read
/// with their parent (findings, leads, a baseline) are JSON text.
enum Schema {
    /// Written into `PRAGMA application_id` so planboard knows its own files ("PLBD").
    static let applicationID: Int32 = 0x504C_4244

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                PRAGMA application_id = \(applicationID);
                CREATE TABLE plan (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    format TEXT NOT NULL,
                    header TEXT NOT NULL,
                    settings TEXT NOT NULL,
                    governance TEXT NOT NULL
                );
                CREATE TABLE area (
                    number INTEGER PRIMARY KEY,
                    position INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    weakness TEXT NOT NULL,
                    findings_source TEXT NOT NULL,
                    findings TEXT NOT NULL
                );
                CREATE TABLE action (
                    ref TEXT PRIMARY KEY,
                    area INTEGER NOT NULL REFERENCES area(number) ON DELETE CASCADE ON UPDATE CASCADE,
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    by_when TEXT,
                    leads TEXT NOT NULL,
                    sro TEXT,
                    status TEXT NOT NULL CHECK (status IN ('not-started', 'red', 'amber', 'green', 'complete')),
                    kpi_text TEXT NOT NULL,
                    kpis TEXT NOT NULL,
                    success_criteria TEXT NOT NULL
                );
                CREATE INDEX action_area ON action(area, position);
                CREATE TABLE note (
                    action TEXT NOT NULL REFERENCES action(ref) ON DELETE CASCADE ON UPDATE CASCADE,
                    position INTEGER NOT NULL,
                    date TEXT NOT NULL,
                    author TEXT NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (action, position)
                );
                CREATE TABLE risk (
                    ref TEXT PRIMARY KEY,
                    position INTEGER NOT NULL,
                    raised TEXT,
                    risk TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    inherent_likelihood INTEGER NOT NULL CHECK (inherent_likelihood BETWEEN 1 AND 5),
                    inherent_impact INTEGER NOT NULL CHECK (inherent_impact BETWEEN 1 AND 5),
                    mitigation TEXT NOT NULL,
                    residual_likelihood INTEGER NOT NULL CHECK (residual_likelihood BETWEEN 1 AND 5),
                    residual_impact INTEGER NOT NULL CHECK (residual_impact BETWEEN 1 AND 5),
                    target_likelihood INTEGER NOT NULL CHECK (target_likelihood BETWEEN 1 AND 5),
                    target_impact INTEGER NOT NULL CHECK (target_impact BETWEEN 1 AND 5),
                    progress TEXT NOT NULL,
                    review_date TEXT,
                    areas TEXT NOT NULL
                );
                CREATE TABLE kpi (
                    ref TEXT PRIMARY KEY,
                    position INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    unit TEXT NOT NULL,
                    better TEXT NOT NULL CHECK (better IN ('higher', 'lower')),
                    baseline TEXT,
                    comparator TEXT
                );
                CREATE TABLE milestone (
                    kpi TEXT NOT NULL REFERENCES kpi(ref) ON DELETE CASCADE ON UPDATE CASCADE,
                    position INTEGER NOT NULL,
                    label TEXT NOT NULL,
                    date TEXT,
                    target REAL,
                    actual REAL,
                    PRIMARY KEY (kpi, position)
                );
                CREATE TABLE checkpoint (
                    name TEXT PRIMARY KEY,
                    position INTEGER NOT NULL,
                    date TEXT NOT NULL,
                    snapshot TEXT NOT NULL
                );
                CREATE TABLE change (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    user TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'import')),
                    target INTEGER REFERENCES change(seq),
                    summary TEXT NOT NULL,
                    edit TEXT,
                    inverse TEXT
                );
                CREATE INDEX change_at ON change(at);
                """)
        }
        migrator.registerMigration("v2-note-ids") { db in
            // Notes get an identity, so an edit and its undo name the note they act on.
            // Ids come from each note's content, as the JSON reader derives them, made
            // unique within the action in position order.
            try db.execute(sql: "ALTER TABLE note ADD COLUMN id TEXT NOT NULL DEFAULT ''")
            let rows = try Row.fetchAll(db, sql: "SELECT action, position, date, author, text FROM note ORDER BY action, position")
            var taken: [String: Set<String>] = [:]
            for row in rows {
                let ref: String = row["action"]
                let position: Int = row["position"]
                let date: String = row["date"]
                let author: String = row["author"]
                let text: String = row["text"]
                let base = PlanDate(iso: date).map { Note.derivedID(date: $0, author: author, text: text) } ?? "note-\(position)"
                let id = Note.freeID(base, taken: taken[ref, default: []])
                taken[ref, default: []].insert(id)
                try db.execute(sql: "UPDATE note SET id = ? WHERE action = ? AND position = ?", arguments: [id, ref, position])
            }
            try db.execute(sql: "CREATE UNIQUE INDEX note_id ON note(action, id)")
        }
        MeetingRows.registerMigration(&migrator)
        PeopleRows.registerMigration(&migrator)
        WrittenDateRows.registerMigration(&migrator)
        EvidenceRows.registerMigration(&migrator)
        RevisionRows.registerMigration(&migrator)
        RecordRows.registerMigration(&migrator)
        return migrator
    }
}

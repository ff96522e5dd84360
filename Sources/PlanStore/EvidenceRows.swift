import Foundation
import GRDB
import PlanModel

/// The evidence table: the migration that adds it, and reading and writing it.
///
/// One table holds the evidence of actions, KPI figures and highlights, each row naming its
/// holder (`holder` is `action`, `figure` or `highlight`; `owner` the action's reference,
/// the KPI's reference or the meeting's name; `place` the milestone's place or the area's
/// number, 0 for an action). Rows are rewritten per holder when its evidence changes.
enum EvidenceRows {
    static func registerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-evidence") { db in
            try db.execute(sql: """
                CREATE TABLE evidence (
                    holder TEXT NOT NULL CHECK (holder IN ('action', 'figure', 'highlight')),
                    owner TEXT NOT NULL,
                    place INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    id TEXT NOT NULL,
                    title TEXT NOT NULL,
                    date TEXT NOT NULL,
                    location TEXT NOT NULL,
                    shows TEXT NOT NULL,
                    added_by TEXT NOT NULL,
                    PRIMARY KEY (holder, owner, place, position)
                );
                CREATE UNIQUE INDEX evidence_id ON evidence(holder, owner, place, id);
                """)
        }
    }

    private struct Key: Hashable {
        var holder: String
        var owner: String
        var place: Int

        init(_ holder: EvidenceHolder) {
            switch holder {
            case let .action(ref): self.holder = "action"; owner = ref; place = 0
            case let .figure(kpi, m): self.holder = "figure"; owner = kpi; place = m
            case let .highlight(meeting, area): self.holder = "highlight"; owner = meeting; place = area
            }
        }

        init?(holder: String, owner: String, place: Int) {
            guard ["action", "figure", "highlight"].contains(holder) else { return nil }
            self.holder = holder
            self.owner = owner
            self.place = place
        }

        var evidenceHolder: EvidenceHolder {
            switch holder {
            case "action": .action(owner)
            case "figure": .figure(kpi: owner, milestone: place)
            default: .highlight(meeting: owner, area: place)
            }
        }
    }

    /// Puts each holder's evidence on the plan read from the other tables. Rows for holders
    /// the plan does not hold (a part of a plan) are left out. A file opened read-only before
    /// its migration has no evidence.
    static func attach(to plan: inout Plan, _ db: Database, _ json: JSONColumns, actions: Bool = true) throws {
        guard try db.tableExists("evidence") else { return }
        var grouped: [(Key, [Evidence])] = []
        for row in try Row.fetchAll(db, sql: "SELECT holder, owner, place, id, title, date, location, shows, added_by FROM evidence ORDER BY holder, owner, place, position") {
            guard let key = Key(holder: row[0], owner: row[1], place: row[2]) else {
                throw StoreError(.corrupt, "\(json.file) is damaged: an evidence row is held by \"\(String(describing: row[0] as String?))\"; expected action, figure or highlight")
            }
            let title: String = row[4]
            let item = Evidence(id: row[3], title: title, date: try json.date(row[5], "date of the evidence “\(title)”"),
                                location: row[6], shows: row[7], addedBy: row[8])
            if let last = grouped.last, last.0 == key { grouped[grouped.count - 1].1.append(item) } else { grouped.append((key, [item])) }
        }
        // An outline's actions hold only their reference, status and by-when (and its revisions).
        for (key, items) in grouped where actions || key.holder != "action" { _ = plan.setEvidence(items, of: key.evidenceHolder) }
    }

    /// Writes every holder's evidence that differs between `old` and `new`.
    static func write(_ new: Plan, over old: Plan?, _ db: Database) throws {
        let before = Dictionary((old?.allEvidence ?? []).map { (Key($0.holder), $0.items) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.allEvidence.map { (Key($0.holder), $0.items) }, uniquingKeysWith: { a, _ in a })
        try write(Array(Set(before.keys).union(after.keys)), before: before, after: after, db)
    }

    /// Writes the evidence of these actions and KPIs where it differs: what one edit touched.
    static func write(actions: [String], kpis: [String], _ new: Plan, over old: Plan, _ db: Database) throws {
        var holders: [EvidenceHolder] = actions.map { .action($0) }
        for ref in kpis {
            let count = max(old.kpi(ref)?.milestones.count ?? 0, new.kpi(ref)?.milestones.count ?? 0)
            holders += (0..<count).map { .figure(kpi: ref, milestone: $0) }
        }
        var before: [Key: [Evidence]] = [:], after: [Key: [Evidence]] = [:]
        for holder in holders {
            before[Key(holder)] = old.evidence(of: holder) ?? []
            after[Key(holder)] = new.evidence(of: holder) ?? []
        }
        try write(holders.map(Key.init), before: before, after: after, db)
    }

    private static func write(_ keys: [Key], before: [Key: [Evidence]], after: [Key: [Evidence]], _ db: Database) throws {
        for key in keys {
            let was = before[key] ?? [], now = after[key] ?? []
            guard was != now else { continue }
            try db.cachedStatement(sql: "DELETE FROM evidence WHERE holder = ? AND owner = ? AND place = ?")
                .execute(arguments: [key.holder, key.owner, key.place])
            try insert(now, key, db)
        }
    }

    private static func insert(_ items: [Evidence], _ key: Key, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO evidence (holder, owner, place, position, id, title, date, location, shows, added_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (n, e) in items.enumerated() {
            try statement.execute(arguments: [key.holder, key.owner, key.place, n, e.id, e.title, e.date.iso, e.location, e.shows, e.addedBy])
        }
    }

    /// Writes a whole plan's evidence into the emptied table (an import).
    static func replaceAll(with plan: Plan, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM evidence")
        for (holder, items) in plan.allEvidence { try insert(items, Key(holder), db) }
    }
}

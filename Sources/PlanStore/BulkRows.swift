import Foundation
import GRDB
import PlanModel

/// Writes a whole plan into emptied tables (an import), with each statement prepared once
/// and the small JSON columns written by hand: 100,000 actions in seconds, not a minute.
enum BulkRows {
    static func replaceAll(with plan: Plan, _ db: Database) throws {
        for table in ["decision", "highlight", "meeting", "note", "milestone", "action", "area", "risk", "kpi", "checkpoint"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        let json = JSONColumns(file: "")
        try db.execute(sql: """
            INSERT INTO plan (id, format, header, settings, governance) VALUES (1, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET format = excluded.format, header = excluded.header,
                settings = excluded.settings, governance = excluded.governance
            """, arguments: [Plan.format, try json.text(plan.header), try json.text(plan.settings), try json.text(plan.governance)])

        let area = try db.makeStatement(sql: "INSERT INTO area (number, position, title, weakness, findings_source, findings) VALUES (?, ?, ?, ?, ?, ?)")
        let action = try db.makeStatement(sql: """
            INSERT INTO action (ref, area, position, text, by_when, leads, sro, status, kpi_text, kpis, success_criteria)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let note = try db.makeStatement(sql: "INSERT INTO note (action, position, id, date, author, text) VALUES (?, ?, ?, ?, ?, ?)")
        for (position, a) in plan.areas.enumerated() {
            try area.execute(arguments: [a.number, position, a.title, a.weakness, a.findingsSource, try json.text(a.findings)])
            for (p, x) in a.actions.enumerated() {
                try action.execute(arguments: [x.ref, a.number, p, x.text, x.byWhen?.iso, try ColumnJSON.text(x.leads),
                                               x.seniorResponsibleOfficer, x.status.rawValue, x.kpiText,
                                               try ColumnJSON.text(x.kpis), x.successCriteria])
                try WrittenDateRows.insert(x, db)
                for (n, y) in x.notes.enumerated() {
                    try note.execute(arguments: [x.ref, n, y.id, y.date.iso, y.author, y.text])
                }
            }
        }
        for (position, risk) in plan.risks.enumerated() {
            try PlanRows.upsert(risk, position: position, db)
        }
        let kpi = try db.makeStatement(sql: "INSERT INTO kpi (ref, position, name, unit, better, baseline, comparator) VALUES (?, ?, ?, ?, ?, ?, ?)")
        let milestone = try db.makeStatement(sql: "INSERT INTO milestone (kpi, position, label, date, target, actual) VALUES (?, ?, ?, ?, ?, ?)")
        for (position, k) in plan.kpis.enumerated() {
            try kpi.execute(arguments: [k.ref, position, k.name, k.unit, k.better.rawValue,
                                        try k.baseline.map(json.text), try k.comparator.map(json.text)])
            for (m, x) in k.milestones.enumerated() {
                try milestone.execute(arguments: [k.ref, m, x.label, x.date?.iso, x.target, x.actual])
            }
        }
        let checkpoint = try db.makeStatement(sql: "INSERT INTO checkpoint (name, position, date, snapshot) VALUES (?, ?, ?, ?)")
        for (position, c) in plan.checkpoints.enumerated() {
            try checkpoint.execute(arguments: [c.name, position, c.date.iso, try ColumnJSON.text(c)])
        }
        try MeetingRows.write(plan.meetings, over: [], db, json)
        try EvidenceRows.replaceAll(with: plan, db)
        try RevisionRows.replaceAll(with: plan, db)
        try RecordRows.replaceAll(with: plan, db)
    }
}

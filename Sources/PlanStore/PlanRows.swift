import Foundation
import GRDB
import PlanModel

/// Writes the difference between two plans to a file's tables (`FastRows` reads them).
enum PlanRows {
    /// Writes only what differs between `old` (what the file holds) and `new`.
    static func write(_ new: Plan, over old: Plan?, _ db: Database) throws {
        let json = JSONColumns(file: "")
        if old?.header != new.header || old?.settings != new.settings || old?.governance != new.governance {
            try db.execute(sql: """
                INSERT INTO plan (id, format, header, settings, governance) VALUES (1, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET format = excluded.format, header = excluded.header,
                    settings = excluded.settings, governance = excluded.governance
                """, arguments: [Plan.format, try json.text(new.header), try json.text(new.settings), try json.text(new.governance)])
        }

        // Areas, by number.
        let oldAreas = Dictionary((old?.areas ?? []).enumerated().map { ($0.element.number, ($0.offset, $0.element)) }, uniquingKeysWith: { a, _ in a })
        let newNumbers = Set(new.areas.map(\.number))
        for number in oldAreas.keys where !newNumbers.contains(number) {
            try db.execute(sql: "DELETE FROM area WHERE number = ?", arguments: [number])
        }
        for (position, area) in new.areas.enumerated() {
            if let (p, was) = oldAreas[area.number], p == position, was.title == area.title, was.weakness == area.weakness,
               was.findingsSource == area.findingsSource, was.findings == area.findings { continue }
            try db.execute(sql: """
                INSERT INTO area (number, position, title, weakness, findings_source, findings) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(number) DO UPDATE SET position = excluded.position, title = excluded.title,
                    weakness = excluded.weakness, findings_source = excluded.findings_source, findings = excluded.findings
                """, arguments: [area.number, position, area.title, area.weakness, area.findingsSource, try json.text(area.findings)])
        }

        // Actions, by reference, with their notes.
        var oldActions: [String: (area: Int, position: Int, action: Action)] = [:]
        for area in old?.areas ?? [] {
            for (position, action) in area.actions.enumerated() { oldActions[action.ref] = (area.number, position, action) }
        }
        var newRefs = Set<String>()
        for area in new.areas { for action in area.actions { newRefs.insert(action.ref) } }
        for ref in oldActions.keys where !newRefs.contains(ref) {
            try db.execute(sql: "DELETE FROM action WHERE ref = ?", arguments: [ref])
        }
        for area in new.areas {
            for (position, action) in area.actions.enumerated() {
                let was = oldActions[action.ref]
                if let was, was.area == area.number, was.position == position, was.action == action { continue }
                var fields = action
                fields.notes = was?.action.notes ?? []
                if was?.area != area.number || was?.position != position || was?.action != fields {
                    try upsert(action, area: area.number, position: position, db)
                }
                if was?.action.notes != action.notes { try replaceNotes(of: action, db) }
                if was?.action.byWhenWritten != action.byWhenWritten { try WrittenDateRows.write(action, db) }
            }
        }

        // Risks, by reference.
        let oldRisks = Dictionary((old?.risks ?? []).enumerated().map { ($0.element.ref, ($0.offset, $0.element)) }, uniquingKeysWith: { a, _ in a })
        let newRiskRefs = Set(new.risks.map(\.ref))
        for ref in oldRisks.keys where !newRiskRefs.contains(ref) {
            try db.execute(sql: "DELETE FROM risk WHERE ref = ?", arguments: [ref])
        }
        for (position, risk) in new.risks.enumerated() {
            if let (p, was) = oldRisks[risk.ref], p == position, was == risk { continue }
            try upsert(risk, position: position, db)
        }

        // KPIs, by reference, with their milestones.
        let oldKPIs = Dictionary((old?.kpis ?? []).enumerated().map { ($0.element.ref, ($0.offset, $0.element)) }, uniquingKeysWith: { a, _ in a })
        let newKPIRefs = Set(new.kpis.map(\.ref))
        for ref in oldKPIs.keys where !newKPIRefs.contains(ref) {
            try db.execute(sql: "DELETE FROM kpi WHERE ref = ?", arguments: [ref])
        }
        for (position, kpi) in new.kpis.enumerated() {
            let was = oldKPIs[kpi.ref]
            if let (p, w) = was, p == position, w == kpi { continue }
            var fields = kpi
            fields.milestones = was?.1.milestones ?? []
            if was?.0 != position || was?.1 != fields {
                try db.execute(sql: """
                    INSERT INTO kpi (ref, position, name, unit, better, baseline, comparator) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(ref) DO UPDATE SET position = excluded.position, name = excluded.name, unit = excluded.unit,
                        better = excluded.better, baseline = excluded.baseline, comparator = excluded.comparator
                    """, arguments: [kpi.ref, position, kpi.name, kpi.unit, kpi.better.rawValue,
                                     try kpi.baseline.map(json.text), try kpi.comparator.map(json.text)])
            }
            if was?.1.milestones != kpi.milestones {
                try db.execute(sql: "DELETE FROM milestone WHERE kpi = ?", arguments: [kpi.ref])
                for (m, milestone) in kpi.milestones.enumerated() {
                    try db.execute(sql: "INSERT INTO milestone (kpi, position, label, date, target, actual) VALUES (?, ?, ?, ?, ?, ?)",
                                   arguments: [kpi.ref, m, milestone.label, milestone.date?.iso, milestone.target, milestone.actual])
                }
            }
        }

        // Checkpoints, by name.
        let oldCheckpoints = Dictionary((old?.checkpoints ?? []).enumerated().map { ($0.element.name, ($0.offset, $0.element)) }, uniquingKeysWith: { a, _ in a })
        let newNames = Set(new.checkpoints.map(\.name))
        for name in oldCheckpoints.keys where !newNames.contains(name) {
            try db.execute(sql: "DELETE FROM checkpoint WHERE name = ?", arguments: [name])
        }
        for (position, checkpoint) in new.checkpoints.enumerated() {
            if let (p, was) = oldCheckpoints[checkpoint.name], p == position, was == checkpoint { continue }
            try db.execute(sql: """
                INSERT INTO checkpoint (name, position, date, snapshot) VALUES (?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET position = excluded.position, date = excluded.date, snapshot = excluded.snapshot
                """, arguments: [checkpoint.name, position, checkpoint.date.iso, try json.text(checkpoint)])
        }

        try MeetingRows.write(new.meetings, over: old?.meetings ?? [], db, json)
        try EvidenceRows.write(new, over: old, db)
        try RevisionRows.write(new, over: old, db)
        try RecordRows.write(new, over: old, db)
    }
}

/// JSON text in a column, with errors that name the file and the field.
struct JSONColumns {
    let file: String

    func text<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func decode<T: Decodable>(_ type: T.Type, _ text: String?, _ what: String) throws -> T {
        guard let text, let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else {
            throw StoreError(.corrupt, "\(file) is damaged: the \(what) cannot be read; expected the data planboard wrote. Restore the file from a backup or re-import the plan")
        }
        return value
    }

    func optional<T: Decodable>(_ type: T.Type, _ text: String?, _ what: String) throws -> T? {
        guard let text else { return nil }
        return try decode(T.self, text, what)
    }

    func date(_ text: String?, _ what: String) throws -> PlanDate {
        guard let text, let date = PlanDate(iso: text) else {
            throw StoreError(.corrupt, "\(file) is damaged: the \(what) is \"\(text ?? "missing")\"; expected a date YYYY-MM-DD")
        }
        return date
    }

    func optionalDate(_ text: String?, _ what: String) throws -> PlanDate? {
        guard let text else { return nil }
        return try date(text, what)
    }
}

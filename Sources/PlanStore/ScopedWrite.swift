import Foundation
import GRDB
import PlanModel

/// Writes what one edit changed, and nothing else: the rows of the actions, risks, KPIs and
/// checkpoints it names, and new positions where it added or removed one. Comparing two
/// whole plans (`PlanRows.write(_:over:_:)`) costs as much as the plan is large; this costs
/// as much as the edit. An edit this does not know is written by comparing whole plans.
extension PlanRows {
    static func write(_ new: Plan, over old: Plan, touching edit: Edit, _ db: Database) throws {
        var scope = WriteScope()
        guard scope.add(edit) else { return try write(new, over: old, db) }

        for ref in scope.actions.unique {
            try writeAction(ref, new: new, old: old, db)
        }
        let removedFrom = scope.removedActions.compactMap { ref in old.locate(action: ref).map { old.areas[$0.area].number } }
        for number in (scope.reorderedAreas + removedFrom).unique {
            guard let area = new.area(number: number) else { continue }
            let was = old.area(number: number).map { Dictionary($0.actions.enumerated().map { ($1.ref, $0) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
            let update = try db.cachedStatement(sql: "UPDATE action SET position = ? WHERE ref = ?")
            for (position, action) in area.actions.enumerated() where was[action.ref] != position {
                try update.execute(arguments: [position, action.ref])
            }
        }

        let oldRisks = scope.risks.isEmpty ? [:] : Dictionary(old.risks.enumerated().map { ($1.ref, $0) }, uniquingKeysWith: { a, _ in a })
        for ref in scope.risks.unique {
            guard let r = new.risks.firstIndex(where: { $0.ref == ref }) else {
                try db.cachedStatement(sql: "DELETE FROM risk WHERE ref = ?").execute(arguments: [ref])
                continue
            }
            if let o = oldRisks[ref], o == r, old.risks[o] == new.risks[r] { continue }
            try upsert(new.risks[r], position: r, db)
        }
        if scope.risksReordered {
            let update = try db.cachedStatement(sql: "UPDATE risk SET position = ? WHERE ref = ?")
            for (position, risk) in new.risks.enumerated() where oldRisks[risk.ref] != position {
                try update.execute(arguments: [position, risk.ref])
            }
        }

        for ref in scope.kpis.unique {
            guard let kpi = new.kpi(ref), old.kpi(ref)?.milestones != kpi.milestones else { continue }
            try db.execute(sql: "DELETE FROM milestone WHERE kpi = ?", arguments: [ref])
            for (m, milestone) in kpi.milestones.enumerated() {
                try db.cachedStatement(sql: "INSERT INTO milestone (kpi, position, label, date, target, actual) VALUES (?, ?, ?, ?, ?, ?)")
                    .execute(arguments: [ref, m, milestone.label, milestone.date?.iso, milestone.target, milestone.actual])
            }
        }

        if !scope.checkpoints.isEmpty {
            let oldNames = Dictionary(old.checkpoints.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
            let newNames = Set(new.checkpoints.map(\.name))
            for name in scope.checkpoints.unique where !newNames.contains(name) {
                try db.execute(sql: "DELETE FROM checkpoint WHERE name = ?", arguments: [name])
            }
            let touched = Set(scope.checkpoints)
            for (position, checkpoint) in new.checkpoints.enumerated() {
                let was = oldNames[checkpoint.name].map { old.checkpoints[$0] }
                if touched.contains(checkpoint.name), was != checkpoint {
                    try db.execute(sql: """
                        INSERT INTO checkpoint (name, position, date, snapshot) VALUES (?, ?, ?, ?)
                        ON CONFLICT(name) DO UPDATE SET position = excluded.position, date = excluded.date, snapshot = excluded.snapshot
                        """, arguments: [checkpoint.name, position, checkpoint.date.iso, try ColumnJSON.text(checkpoint)])
                } else if oldNames[checkpoint.name] != position {
                    try db.execute(sql: "UPDATE checkpoint SET position = ? WHERE name = ?", arguments: [position, checkpoint.name])
                }
            }
        }
        try EvidenceRows.write(actions: scope.actions.unique, kpis: scope.kpis.unique, new, over: old, db)
        try RevisionRows.write(actions: scope.actions.unique, new, over: old, db)
    }

    /// Writes one action's row and notes as `new` holds them, where they differ from `old`.
    /// Its position is written only when it moved, so a plan holding only this action
    /// (`PlanStore.plan(around:)`) writes correctly too.
    private static func writeAction(_ ref: String, new: Plan, old: Plan, _ db: Database) throws {
        let before = old.locate(action: ref)
        guard let at = new.locate(action: ref) else {
            if before != nil { try db.cachedStatement(sql: "DELETE FROM action WHERE ref = ?").execute(arguments: [ref]) }
            return
        }
        let area = new.areas[at.area].number
        let action = new.areas[at.area].actions[at.index]
        let was = before.map { old.areas[$0.area].actions[$0.index] }
        let moved = before.map { old.areas[$0.area].number != area || $0.index != at.index } ?? true
        if !moved, was == action { return }
        var fields = action
        fields.notes = was?.notes ?? []
        if moved {
            try upsert(action, area: area, position: at.index, db)
        } else if was != fields {
            try db.cachedStatement(sql: """
                UPDATE action SET text = ?, by_when = ?, leads = ?, sro = ?, status = ?, kpi_text = ?, kpis = ?, success_criteria = ?
                WHERE ref = ?
                """).execute(arguments: [action.text, action.byWhen?.iso, try ColumnJSON.text(action.leads),
                                         action.seniorResponsibleOfficer, action.status.rawValue, action.kpiText,
                                         try ColumnJSON.text(action.kpis), action.successCriteria, action.ref])
        }
        if was?.byWhenWritten != action.byWhenWritten { try WrittenDateRows.write(action, db) }
        if was?.notes != action.notes { try replaceNotes(of: action, db) }
    }

    /// Writes an action's row (not its notes), adding it or replacing what is there: the one
    /// statement for scoped and whole-plan writes.
    static func upsert(_ action: Action, area: Int, position: Int, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO action (ref, area, position, text, by_when, leads, sro, status, kpi_text, kpis, success_criteria)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(ref) DO UPDATE SET area = excluded.area, position = excluded.position, text = excluded.text,
                by_when = excluded.by_when, leads = excluded.leads, sro = excluded.sro, status = excluded.status,
                kpi_text = excluded.kpi_text, kpis = excluded.kpis, success_criteria = excluded.success_criteria
            """).execute(arguments: [action.ref, area, position, action.text, action.byWhen?.iso, try ColumnJSON.text(action.leads),
                                     action.seniorResponsibleOfficer, action.status.rawValue, action.kpiText,
                                     try ColumnJSON.text(action.kpis), action.successCriteria])
    }

    /// Replaces an action's notes with those it holds.
    static func replaceNotes(of action: Action, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM note WHERE action = ?").execute(arguments: [action.ref])
        let insert = try db.cachedStatement(sql: "INSERT INTO note (action, position, id, date, author, text) VALUES (?, ?, ?, ?, ?, ?)")
        for (n, note) in action.notes.enumerated() {
            try insert.execute(arguments: [action.ref, n, note.id, note.date.iso, note.author, note.text])
        }
    }

    static func upsert(_ risk: Risk, position: Int, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO risk (ref, position, raised, risk, owner, inherent_likelihood, inherent_impact, mitigation,
                residual_likelihood, residual_impact, target_likelihood, target_impact, progress, review_date, areas)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(ref) DO UPDATE SET position = excluded.position, raised = excluded.raised, risk = excluded.risk,
                owner = excluded.owner, inherent_likelihood = excluded.inherent_likelihood,
                inherent_impact = excluded.inherent_impact, mitigation = excluded.mitigation,
                residual_likelihood = excluded.residual_likelihood, residual_impact = excluded.residual_impact,
                target_likelihood = excluded.target_likelihood, target_impact = excluded.target_impact,
                progress = excluded.progress, review_date = excluded.review_date, areas = excluded.areas
            """).execute(arguments: [risk.ref, position, risk.raised?.iso, risk.risk, risk.owner, risk.inherent.likelihood,
                                     risk.inherent.impact, risk.mitigation, risk.residual.likelihood, risk.residual.impact,
                                     risk.target.likelihood, risk.target.impact, risk.progress, risk.reviewDate?.iso,
                                     ColumnJSON.text(risk.areas)])
    }
}

import Foundation
import GRDB
import PlanModel

/// Reads a whole plan from its tables, quickly: columns by position, not by name (a lookup
/// by name lowercases it each time), and the small JSON columns read by hand (`ColumnJSON`).
///
/// Gives exactly what `PlanRows.load` gives, with the same messages for a damaged file.
enum FastRows {
    ///
    /// With `only`, it reads just those actions (and their notes), and no risks or
    /// checkpoints: the part of a plan one command-line change needs (`PlanStore.plan(around:)`).
    static func load(_ db: Database, file: String, actions only: [String]? = nil) throws -> Plan {
        let refList = only.map { refs in "(" + refs.map { _ in "?" }.joined(separator: ", ") + ")" }
        let refArguments = StatementArguments(only ?? [])
        func damaged(_ what: String) -> StoreError {
            StoreError(.corrupt, "\(file) is damaged: the \(what) cannot be read; expected the data planboard wrote. Restore the file from a backup or re-import the plan")
        }
        func badDate(_ text: String?, _ what: String) -> StoreError {
            StoreError(.corrupt, "\(file) is damaged: the \(what) is \"\(text ?? "missing")\"; expected a date YYYY-MM-DD")
        }
        func date(_ text: String?, _ what: @autoclosure () -> String) throws -> PlanDate {
            guard let text, let date = ColumnJSON.date(text) else { throw badDate(text, what()) }
            return date
        }
        func optionalDate(_ text: String?, _ what: @autoclosure () -> String) throws -> PlanDate? {
            guard let text else { return nil }
            return try date(text, what())
        }
        func json<T>(_ text: String?, _ what: @autoclosure () -> String, _ read: (String) throws -> T) throws -> T {
            guard let text, let value = try? read(text) else { throw damaged(what()) }
            return value
        }

        guard let top = try Row.fetchOne(db, sql: "SELECT format, header, settings, governance FROM plan WHERE id = 1") else {
            throw StoreError(.corrupt, "\(file) has no plan in it (its plan table is empty); expected a plan imported with `planboard import`")
        }
        let format: String = top[0]
        guard format == Plan.format else {
            throw StoreError(.newerVersion, "\(file) holds a plan in format \"\(format)\"; this planboard reads \"\(Plan.format)\". Update planboard to open it")
        }
        let columns = JSONColumns(file: file)
        let header = try columns.decode(Header.self, top[1], "header")
        let settings = try columns.decode(Settings.self, top[2], "settings")
        let governance = try columns.decode(Governance.self, top[3], "governance")

        // A file opened read-only may predate note ids (its migration has not run).
        let noteHasID = try db.columns(in: "note").contains { $0.name == "id" }
        var notes: [String: [Note]] = [:]
        if only == nil { notes.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT action) FROM note") ?? 0) }
        let noteRows = try Row.fetchCursor(db, sql: "SELECT action, date, author, text\(noteHasID ? ", id" : "") FROM note\(refList.map { " WHERE action IN \($0)" } ?? "") ORDER BY action, position", arguments: refArguments)
        while let row = try noteRows.next() {
            let ref: String = row[0]
            let id: String? = noteHasID ? row[4] : nil
            notes[ref, default: []].append(Note(id: id?.isEmpty == false ? id : nil, date: try date(row[1], "note on \(ref)"),
                                                author: row[2], text: row[3]))
        }

        var actions: [Int: [Action]] = [:]
        let actionRows = try Row.fetchCursor(db, sql: """
            SELECT ref, area, text, by_when, leads, sro, status, kpi_text, kpis, success_criteria
            FROM action\(refList.map { " WHERE ref IN \($0)" } ?? "") ORDER BY area, position
            """, arguments: refArguments)
        var currentArea = Int.min
        var list: [Action] = []
        while let row = try actionRows.next() {
            let ref: String = row[0]
            let area: Int = row[1]
            if area != currentArea {
                if currentArea != Int.min { actions[currentArea] = list }
                currentArea = area
                list = actions[area] ?? []
            }
            let status: String = row[6]
            list.append(Action(
                ref: ref, text: row[2], byWhen: try optionalDate(row[3], "action \(ref) by-when"),
                leads: try json(row[4], "action \(ref) leads", ColumnJSON.strings),
                seniorResponsibleOfficer: row[5], status: Status(rawValue: status) ?? .notStarted,
                kpiText: row[7], kpis: try json(row[8], "action \(ref) KPIs", ColumnJSON.strings),
                successCriteria: row[9], notes: notes.removeValue(forKey: ref) ?? []))
        }
        if currentArea != Int.min { actions[currentArea] = list }

        var areas: [Area] = []
        let areaRows = try Row.fetchCursor(db, sql: "SELECT number, title, weakness, findings_source, findings FROM area ORDER BY position")
        while let row = try areaRows.next() {
            let number: Int = row[0]
            areas.append(Area(number: number, title: row[1], weakness: row[2], findingsSource: row[3],
                              findings: try json(row[4], "area \(number) findings", ColumnJSON.findings),
                              actions: actions[number] ?? []))
        }

        var risks: [Risk] = []
        let riskRows = try Row.fetchCursor(db, sql: only != nil ? "SELECT * FROM risk WHERE 0" : """
            SELECT ref, raised, risk, owner, inherent_likelihood, inherent_impact, mitigation, residual_likelihood,
                residual_impact, target_likelihood, target_impact, progress, review_date, areas
            FROM risk ORDER BY position
            """)
        while let row = try riskRows.next() {
            let ref: String = row[0]
            risks.append(Risk(ref: ref, raised: try optionalDate(row[1], "risk \(ref) raised"), risk: row[2], owner: row[3],
                              inherent: Score(likelihood: row[4], impact: row[5]), mitigation: row[6],
                              residual: Score(likelihood: row[7], impact: row[8]),
                              target: Score(likelihood: row[9], impact: row[10]),
                              progress: row[11], reviewDate: try optionalDate(row[12], "risk \(ref) review date"),
                              areas: try json(row[13], "risk \(ref) areas", ColumnJSON.ints)))
        }

        var milestones: [String: [Milestone]] = [:]
        let milestoneRows = try Row.fetchCursor(db, sql: "SELECT kpi, label, date, target, actual FROM milestone ORDER BY kpi, position")
        while let row = try milestoneRows.next() {
            let ref: String = row[0]
            milestones[ref, default: []].append(Milestone(label: row[1], date: try optionalDate(row[2], "KPI \(ref) milestone date"),
                                                          target: row[3], actual: row[4]))
        }
        var kpis: [KPI] = []
        let kpiRows = try Row.fetchCursor(db, sql: "SELECT ref, name, unit, better, baseline, comparator FROM kpi ORDER BY position")
        while let row = try kpiRows.next() {
            let ref: String = row[0]
            let better: String = row[3]
            let baseline: String? = row[4]
            let comparator: String? = row[5]
            kpis.append(KPI(ref: ref, name: row[1], unit: row[2], better: Better(rawValue: better) ?? .higher,
                            baseline: try baseline.map { try json($0, "KPI \(ref) baseline", ColumnJSON.measure) },
                            comparator: try comparator.map { try json($0, "KPI \(ref) comparator", ColumnJSON.comparator) },
                            milestones: milestones[ref] ?? []))
        }

        var checkpoints: [Checkpoint] = []
        let checkpointRows = try String.fetchCursor(db, sql: "SELECT snapshot FROM checkpoint\(only != nil ? " WHERE 0" : "") ORDER BY position")
        while let snapshot = try checkpointRows.next() {
            checkpoints.append(try json(snapshot, "checkpoint", ColumnJSON.checkpoint))
        }
        // A part of the plan for one command's actions needs no meetings; a whole plan does.
        let meetings = only == nil ? try MeetingRows.load(db, JSONColumns(file: file)) : []
        return Plan(header: header, settings: settings, governance: governance,
                    areas: areas, risks: risks, kpis: kpis, checkpoints: checkpoints, meetings: meetings)
    }
}

import Foundation
import GRDB
import GRDBSQLite
import PlanModel

/// Reads a whole plan from its tables, quickly: columns by position, not by name (a lookup
/// by name lowercases it each time), and the small JSON columns read by hand (`ColumnJSON`).
///
/// Gives exactly what `PlanRows.load` gives, with the same messages for a damaged file.
struct FastRows {
    /// How much of a plan to read.
    enum Shape: Equatable {
        /// All of it.
        case whole
        /// Just these actions (and their notes), and no risks, checkpoints or meetings: the
        /// part of a plan one command-line change needs (`PlanStore.plan(around:)`).
        case actions([String])
        /// Every action with its reference, status and by-when only, with the by-when's
        /// revisions (no text, leads, KPI links, success criteria, notes or evidence), and the rest whole, checkpoints as asked for:
        /// what the dashboard's first screen and `summary` show (`PlanStore.outline`).
        case outline(checkpoints: OutlineCheckpoints)
    }

    let db: Database
    let file: String
    let shape: Shape
    /// Whether the JSON columns are read by the strict reader (`StrictColumns`) instead of
    /// by hand (`ColumnJSON`): only the benchmark asks, to weigh one against the other.
    var strictColumns = false

    private var reader: any ColumnReading.Type { strictColumns ? StrictColumns.self : ColumnJSON.self }

    static func load(_ db: Database, file: String, shape: Shape = .whole) throws -> Plan {
        try FastRows(db: db, file: file, shape: shape).plan()
    }

    /// The checkpoint called `name`, whole, or nil when there is none.
    static func checkpoint(_ db: Database, file: String, named name: String) throws -> Checkpoint? {
        try FastRows(db: db, file: file, shape: .whole).snapshot("name = ?", name)
    }

    private var only: [String]? {
        if case let .actions(refs) = shape { return refs }
        return nil
    }

    /// ` WHERE column IN (?, ?)` for the actions asked for, or nothing for every action.
    private func filter(_ column: String) -> String {
        only.map { refs in " WHERE \(column) IN (" + refs.map { _ in "?" }.joined(separator: ", ") + ")" } ?? ""
    }

    private var refArguments: StatementArguments { StatementArguments(only ?? []) }

    private var isOutline: Bool {
        if case .outline = shape { return true }
        return false
    }

    /// How much of the checkpoints is read: none for one command's actions.
    private var checkpointDepth: OutlineCheckpoints {
        switch shape {
        case .whole: .whole
        case .actions: .none
        case let .outline(checkpoints): checkpoints
        }
    }

    func plan() throws -> Plan {
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
        let actions = isOutline ? try outlineActions() : try wholeActions(notes: try notes())
        // A part of the plan for one command's actions needs no risks, checkpoints or meetings.
        let part = only != nil
        var plan = Plan(header: header, settings: settings, governance: governance,
                        areas: try areas(actions), risks: part ? [] : try risks(), kpis: try kpis(),
                        checkpoints: try checkpoints(),
                        meetings: part ? [] : try MeetingRows.load(db, columns))
        try EvidenceRows.attach(to: &plan, db, columns, actions: !isOutline)
        try RevisionRows.attach(to: &plan, db, columns)
        try RecordRows.attach(to: &plan, db, columns)
        return plan
    }

    // MARK: Actions

    private func notes() throws -> [String: [Note]] {
        // A file opened read-only may predate note ids (its migration has not run).
        let noteHasID = try db.columns(in: "note").contains { $0.name == "id" }
        var notes: [String: [Note]] = [:]
        if only == nil { notes.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT action) FROM note") ?? 0) }
        let rows = try Row.fetchCursor(db, sql: "SELECT action, date, author, text\(noteHasID ? ", id" : "") FROM note\(filter("action")) ORDER BY action, position", arguments: refArguments)
        while let row = try rows.next() {
            let ref: String = row[0]
            let id: String? = noteHasID ? row[4] : nil
            notes[ref, default: []].append(Note(id: id?.isEmpty == false ? id : nil, date: try date(row[1], "note on \(ref)"),
                                                author: row[2], text: row[3]))
        }
        return notes
    }

    private func wholeActions(notes: [String: [Note]]) throws -> [Int: [Action]] {
        var notes = notes
        let written = try WrittenDateRows.read(db)
        let rows = try Row.fetchCursor(db, sql: """
            SELECT area, ref, text, by_when, leads, sro, status, kpi_text, kpis, success_criteria
            FROM action\(filter("ref")) ORDER BY area, position
            """, arguments: refArguments)
        return try byArea(rows) { row in
            let ref: String = row[1]
            let status: String = row[6]
            return Action(
                ref: ref, text: row[2], byWhen: try optionalDate(row[3], "action \(ref) by-when"),
                leads: try json(row[4], "action \(ref) leads", { try reader.strings($0) }),
                seniorResponsibleOfficer: row[5], status: Status(rawValue: status) ?? .notStarted,
                kpiText: row[7], kpis: try json(row[8], "action \(ref) KPIs", { try reader.strings($0) }),
                successCriteria: row[9], notes: notes.removeValue(forKey: ref) ?? [], byWhenWritten: written[ref])
        }
    }

    /// Every action with only what the roll-ups and "since" need; the rest is left empty.
    ///
    /// Read in the table's own order (the order they were written, nearly always the plan's)
    /// and put in order here: through the area index SQLite looks up every row again, which
    /// costs more than reading them.
    private func outlineActions() throws -> [Int: [Action]] {
        var actions: [Int: [Action]] = [:]
        var positions: [Int: [Int]] = [:]
        // The rows come area by area nearly always: the current area's lists are kept at hand
        // and put back when the area changes, not looked up in the tables for every row.
        var area = Int.min
        var list: [Action] = []
        var order: [Int] = []
        // Stepped by hand, the columns read where SQLite holds them: at 100,000 rows the
        // row-by-row conversions cost more than SQLite's own reading.
        let statement = try db.makeStatement(sql: "SELECT area, position, ref, by_when, status FROM action")
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
            let rowArea = Int(sqlite3_column_int64(raw, 0))
            if rowArea != area {
                if area != Int.min { (actions[area], positions[area]) = (list, order) }
                area = rowArea
                list = actions.removeValue(forKey: area) ?? []
                order = positions.removeValue(forKey: area) ?? []
            }
            let ref = Self.text(raw, 2) { String(decoding: $0, as: UTF8.self) } ?? ""
            let byWhen = try Self.text(raw, 3) { bytes in
                guard let date = ColumnJSON.date(bytes: bytes) else {
                    throw StoreError(.corrupt, "\(file) is damaged: the action \(ref) by-when is \"\(String(decoding: bytes, as: UTF8.self))\"; expected a date YYYY-MM-DD")
                }
                return date
            }
            let status = Self.text(raw, 4) { ColumnJSON.status(bytes: $0) } ?? nil
            list.append(Action(ref: ref, text: "", byWhen: byWhen, status: status ?? .notStarted))
            order.append(Int(sqlite3_column_int64(raw, 1)))
        }
        if area != Int.min { (actions[area], positions[area]) = (list, order) }
        for (area, order) in positions where zip(order, order.dropFirst()).contains(where: { $0 >= $1 }) {
            guard let list = actions[area] else { continue }
            actions[area] = order.indices.sorted { (order[$0], $0) < (order[$1], $1) }.map { list[$0] }
        }
        return actions
    }

    /// A text column of the current row as its bytes, read in place; nil when it is NULL.
    private static func text<T>(_ statement: OpaquePointer, _ column: Int32, _ read: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T? {
        // NULL reads as no pointer (an empty text as an empty one): no need to ask its type.
        guard let start = sqlite3_column_text(statement, column) else { return nil }
        return try read(UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(statement, column))))
    }

    /// Rows ordered by area (column 0) made into each area's list of actions.
    private func byArea(_ rows: RowCursor, _ make: (Row) throws -> Action) throws -> [Int: [Action]] {
        var actions: [Int: [Action]] = [:]
        var currentArea = Int.min
        var list: [Action] = []
        while let row = try rows.next() {
            let area: Int = row[0]
            if area != currentArea {
                if currentArea != Int.min { actions[currentArea] = list }
                currentArea = area
                list = actions[area] ?? []
            }
            list.append(try make(row))
        }
        if currentArea != Int.min { actions[currentArea] = list }
        return actions
    }

    // MARK: The rest

    private func areas(_ actions: [Int: [Action]]) throws -> [Area] {
        var areas: [Area] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT number, title, weakness, findings_source, findings FROM area ORDER BY position")
        while let row = try rows.next() {
            let number: Int = row[0]
            areas.append(Area(number: number, title: row[1], weakness: row[2], findingsSource: row[3],
                              findings: try json(row[4], "area \(number) findings", { try reader.findings($0) }),
                              actions: actions[number] ?? []))
        }
        return areas
    }

    private func risks() throws -> [Risk] {
        var risks: [Risk] = []
        var positions: [Int] = []
        // In the table's own order (nearly always the register's), put in order here: with
        // ORDER BY, SQLite sorted every whole row through a temporary table (no index has it).
        let rows = try Row.fetchCursor(db, sql: """
            SELECT ref, raised, risk, owner, inherent_likelihood, inherent_impact, mitigation, residual_likelihood,
                residual_impact, target_likelihood, target_impact, progress, review_date, areas, position
            FROM risk
            """)
        while let row = try rows.next() {
            positions.append(row[14])
            let ref: String = row[0]
            risks.append(Risk(ref: ref, raised: try optionalDate(row[1], "risk \(ref) raised"), risk: row[2], owner: row[3],
                              inherent: Score(likelihood: row[4], impact: row[5]), mitigation: row[6],
                              residual: Score(likelihood: row[7], impact: row[8]),
                              target: Score(likelihood: row[9], impact: row[10]),
                              progress: row[11], reviewDate: try optionalDate(row[12], "risk \(ref) review date"),
                              areas: try json(row[13], "risk \(ref) areas", { try reader.ints($0) })))
        }
        guard zip(positions, positions.dropFirst()).contains(where: { $0 >= $1 }) else { return risks }
        return positions.indices.sorted { (positions[$0], $0) < (positions[$1], $1) }.map { risks[$0] }
    }

    private func kpis() throws -> [KPI] {
        var milestones: [String: [Milestone]] = [:]
        let milestoneRows = try Row.fetchCursor(db, sql: "SELECT kpi, label, date, target, actual FROM milestone ORDER BY kpi, position")
        while let row = try milestoneRows.next() {
            let ref: String = row[0]
            milestones[ref, default: []].append(Milestone(label: row[1], date: try optionalDate(row[2], "KPI \(ref) milestone date"),
                                                          target: row[3], actual: row[4]))
        }
        var kpis: [KPI] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT ref, name, unit, better, baseline, comparator FROM kpi ORDER BY position")
        while let row = try rows.next() {
            let ref: String = row[0]
            let better: String = row[3]
            let baseline: String? = row[4]
            let comparator: String? = row[5]
            kpis.append(KPI(ref: ref, name: row[1], unit: row[2], better: Better(rawValue: better) ?? .higher,
                            baseline: try baseline.map { try json($0, "KPI \(ref) baseline", { try reader.measure($0) }) },
                            comparator: try comparator.map { try json($0, "KPI \(ref) comparator", { try reader.comparator($0) }) },
                            milestones: milestones[ref] ?? []))
        }
        return kpis
    }

    private func checkpoints() throws -> [Checkpoint] {
        switch checkpointDepth {
        case .none: return []
        case .named: return try namedCheckpoints()
        case .whole: break
        }
        // Their order first, then each by its row: sorting the snapshots themselves (megabytes
        // each at 100,000 actions) made SQLite copy them all into a temporary file.
        let order = try Int64.fetchAll(db, sql: "SELECT rowid FROM checkpoint ORDER BY position")
        return try order.map { rowid in
            guard let checkpoint = try snapshot("rowid = ?", rowid) else { throw damaged("checkpoint") }
            return checkpoint
        }
    }

    /// The one checkpoint `condition` picks, read where SQLite holds it (not copied into a
    /// String: a snapshot is megabytes); nil when there is none.
    private func snapshot(_ condition: String, _ argument: some DatabaseValueConvertible) throws -> Checkpoint? {
        // The row is read in place, so only while its cursor stands.
        let rows = try Row.fetchCursor(db, sql: "SELECT snapshot FROM checkpoint WHERE \(condition)", arguments: [argument])
        return try withExtendedLifetime(rows) {
            guard let row = try rows.next() else { return nil }
            let checkpoint = try row.withUnsafeData(atIndex: 0) { data in
                data?.withUnsafeBytes { raw in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    return try? reader.checkpoint(bytes: bytes)
                }
            }
            guard let checkpoint else { throw damaged("checkpoint") }
            return checkpoint
        }
    }

    /// Each checkpoint's name and date, without what it recorded (megabytes at 100,000 actions).
    private func namedCheckpoints() throws -> [Checkpoint] {
        var checkpoints: [Checkpoint] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT name, date FROM checkpoint ORDER BY position")
        while let row = try rows.next() {
            let name: String = row[0]
            checkpoints.append(Checkpoint(name: name, date: try date(row[1], "date of checkpoint \(name)")))
        }
        return checkpoints
    }

    // MARK: Columns

    private func damaged(_ what: String) -> StoreError {
        StoreError(.corrupt, "\(file) is damaged: the \(what) cannot be read; expected the data planboard wrote. Restore the file from a backup or re-import the plan")
    }

    private func date(_ text: String?, _ what: @autoclosure () -> String) throws -> PlanDate {
        guard let text, let date = ColumnJSON.date(text) else {
            throw StoreError(.corrupt, "\(file) is damaged: the \(what()) is \"\(text ?? "missing")\"; expected a date YYYY-MM-DD")
        }
        return date
    }

    private func optionalDate(_ text: String?, _ what: @autoclosure () -> String) throws -> PlanDate? {
        guard let text else { return nil }
        return try date(text, what())
    }

    private func json<T>(_ text: String?, _ what: @autoclosure () -> String, _ read: (String) throws -> T) throws -> T {
        guard let text, let value = try? read(text) else { throw damaged(what()) }
        return value
    }
}

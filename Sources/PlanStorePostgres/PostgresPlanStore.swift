import Foundation
import PlanModel
import PlanStore
import PostgresNIO

/// One plan in a PostgreSQL database, shared by a partnership.
///
/// Each change is one transaction: it locks the plan row (`SELECT … FOR UPDATE`, so writers
/// from every machine go one after another), reads the plan as it stands if anyone changed
/// it since this process last looked, applies the edit with the model's pure
/// `Plan.applying` (which refuses an edit that conflicts with the plan as it stands), writes
/// the parts that changed and the change-log line, signed by the role the server
/// authenticated, and sends `NOTIFY planboard` with the new log position. Every value
/// reaches the server as a bind parameter; no SQL is built from plan text.
public final class PostgresPlanStore: PlanStoring, @unchecked Sendable {
    public typealias Role = PlanRole

    public let location: PostgresLocation
    /// The role the server authenticated: the name every change of this process is signed with.
    public let user: String
    /// This person's planboard role (a server superuser or the schema's owner counts as chair).
    public let role: Role
    public var isReadOnly: Bool { role == .viewer }
    public var path: String { location.description }

    let session: PostgresSession
    private var cache: (version: Int64, plan: Plan, entries: [PlanPart.Key: PlanParts.Entry])?

    /// The channel every committed change is announced on, with its log position.
    public static let channel = "planboard"

    init(location: PostgresLocation, session: PostgresSession, user: String, role: Role) {
        self.location = location
        self.session = session
        self.user = user
        self.role = role
    }

    // MARK: Opening

    /// Opens the plan at `location`, logging in with the password from `environment`
    /// (`PGPASSWORD`, else the password file).
    public static func open(_ location: PostgresLocation,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresPlanStore {
        let session = PostgresSession(location: location, password: location.password(environment: environment))
        try session.connect()
        let (user, role) = try checkSchema(session, needPlan: true)
        return PostgresPlanStore(location: location, session: session, user: user, role: role)
    }

    /// Opens a database that may have the schema but no plan yet (for `copy` and `import`).
    static func openForLoading(_ location: PostgresLocation, environment: [String: String]) throws -> PostgresPlanStore {
        let session = PostgresSession(location: location, password: location.password(environment: environment))
        try session.connect()
        let (user, role) = try checkSchema(session, needPlan: false)
        return PostgresPlanStore(location: location, session: session, user: user, role: role)
    }

    /// Checks the database holds a planboard schema this version can read, and who we are.
    static func checkSchema(_ session: PostgresSession, needPlan: Bool) throws -> (user: String, role: Role) {
        let place = session.location.description
        let rows = try session.query("SELECT session_user::text, to_regclass('planboard.meta') IS NOT NULL, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)")
        guard let row = rows.first else { throw StoreError(.io, "\(place): the server did not say who is logged in") }
        let (user, hasSchema, isSuper) = try row.decode((String, Bool, Bool).self)
        guard hasSchema else {
            throw StoreError(.notAPlan, "the database \(session.location.database) at \(session.location.host):\(session.location.port) has no planboard schema; expected one made by `planboard server init --db \(place)` (run it once, as the database's owner)")
        }
        let version = try session.query("SELECT value FROM planboard.meta WHERE key = 'schema_version'").first
            .map { try $0.decode(String.self) }.flatMap(Int.init) ?? 0
        guard version <= PostgresSchema.version else {
            throw StoreError(.newerVersion, "the database \(session.location.database) holds a planboard schema of version \(version), written by a newer planboard; this one reads version \(PostgresSchema.version). Update planboard to open it")
        }
        let roleRow = try session.query("SELECT planboard.role_of(session_user), (SELECT nspowner = (SELECT oid FROM pg_roles WHERE rolname = session_user) FROM pg_namespace WHERE nspname = 'planboard')").first
        let (named, owner) = try roleRow?.decode((String?, Bool?).self) ?? (nil, nil)
        let role: Role
        if isSuper || owner == true {
            role = .chair
        } else if let named, let known = Role(rawValue: named) {
            role = known
        } else {
            throw StoreError(.refused, "\(user) may log in to \(place) but has no planboard role; expected a person added with `planboard people add \(user) --role viewer|editor|chair` by a chair")
        }
        if needPlan {
            let format = try session.query("SELECT format FROM planboard.plan WHERE id = 1").first.map { try $0.decode(String.self) }
            guard let format else {
                throw StoreError(.notFound, "the database \(session.location.database) has the planboard schema but no plan yet; expected one copied in with `planboard copy --from plan.sqlite --to \(place)` or imported with `planboard import FILE.json --db \(place)`")
            }
            guard format == Plan.format else {
                throw StoreError(.newerVersion, "\(place) holds a plan in format \"\(format)\"; this planboard reads \"\(Plan.format)\". Update planboard to open it")
            }
        }
        return (user, role)
    }

    // MARK: Reading

    public func version() throws -> Int64 {
        try reading { try self.currentVersion() }
    }

    public func load() throws -> Plan {
        try reading { try self.current(version: try self.currentVersion()) }
    }

    private func currentVersion() throws -> Int64 {
        guard let row = try session.query("SELECT version FROM planboard.plan WHERE id = 1").first else {
            throw StoreError(.notFound, "\(path) has no plan (its plan row is gone); expected one copied or imported")
        }
        return try row.decode(Int64.self)
    }

    /// The plan at `version`: from the cache when nobody has written since; when others
    /// have, by reading only the parts written after the cached version (and the list of
    /// parts, to see what was removed), so a busy plan costs a few small rows per change.
    private func current(version: Int64) throws -> Plan {
        if let cache, cache.version == version { return cache.plan }
        var entries: [PlanPart.Key: PlanParts.Entry]
        if let cache, cache.version < version {
            entries = cache.entries
            var present: Set<PlanPart.Key> = []
            for row in try session.query("SELECT kind, key FROM planboard.part") {
                let (kind, key) = try row.decode((String, String).self)
                present.insert(.init(kind: kind, key: key))
            }
            for key in entries.keys where !present.contains(key) { entries[key] = nil }
            let changed = try parts(since: cache.version)
            for (key, entry) in try PlanParts.decode(changed, place: path) { entries[key] = entry }
            if Set(entries.keys) != present {
                entries = try PlanParts.decode(try parts(since: nil), place: path)
            }
        } else {
            entries = try PlanParts.decode(try parts(since: nil), place: path)
        }
        let plan = try PlanParts.plan(from: entries, place: path)
        cache = (version, plan, entries)
        return plan
    }

    /// The part rows, all of them or those written after `since`.
    private func parts(since: Int64?) throws -> [PlanPart] {
        let query: PostgresQuery = if let since {
            "SELECT kind, key, parent, position, body FROM planboard.part WHERE rev > \(since)"
        } else {
            "SELECT kind, key, parent, position, body FROM planboard.part"
        }
        return try session.query(query).map { row in
            let (kind, key, parent, position, body) = try row.decode((String, String, String?, Int32, String).self)
            return PlanPart(id: .init(kind: kind, key: key), parent: parent, position: Int(position), body: body)
        }
    }

    /// Runs a read; when the connection was lost, connects again once and retries (a read
    /// changes nothing, so running it twice is safe).
    private func reading<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch where session.lost {
            cache = nil
            return try body()
        }
    }

    // MARK: Writing

    @discardableResult
    public func apply(_ edit: Edit, at time: Date) throws -> Plan {
        try write(at: time, verb: "change") { plan in
            let (next, inverse) = try plan.applying(edit)
            return (next, .init(kind: .edit, target: nil, summary: edit.summary(in: next), edit: edit, inverse: inverse))
        }?.plan ?? load()
    }

    public func replace(with plan: Plan, at time: Date, summary: String) throws {
        let plan = plan.uniquingNoteIDs()
        let problems = Validator().problems(in: plan)
        if let first = problems.first {
            throw StoreError(.refused, "the plan has \(problems.count) problem(s), e.g. \(first); nothing was changed")
        }
        try requireRole(.chair, for: "replace the whole plan")
        _ = try write(at: time, verb: "import") { _ in (plan, .init(kind: .import, target: nil, summary: summary, edit: nil, inverse: nil)) }
    }

    @discardableResult
    public func recordCheckpoint(name: String, date: PlanDate, at time: Date) throws -> Plan {
        try requireRole(.chair, for: "record a checkpoint")
        return try write(at: time, verb: "checkpoint") { plan in
            let edit = Edit.addCheckpoint(Checkpoint(name: name, date: date, of: plan), index: nil)
            let (next, inverse) = try plan.applying(edit)
            return (next, .init(kind: .edit, target: nil, summary: edit.summary(in: next), edit: edit, inverse: inverse))
        }?.plan ?? load()
    }

    public func undo(at time: Date) throws -> (plan: Plan, undone: ChangeRecord)? {
        try step(.undo, at: time)
    }

    public func redo(at time: Date) throws -> (plan: Plan, redone: ChangeRecord)? {
        try step(.redo, at: time).map { ($0.plan, $0.undone) }
    }

    private func step(_ kind: ChangeRecord.Kind, at time: Date) throws -> (plan: Plan, undone: ChangeRecord)? {
        var found: ChangeRecord?
        let result = try write(at: time, verb: kind.rawValue) { plan -> (Plan, LogLine)? in
            let log = try self.records(after: 0)
            guard let targetSeq = UndoPlan.target(kind, log: log, user: self.user),
                  let target = log.first(where: { $0.seq == targetSeq }),
                  let forward = kind == .undo ? target.inverse : target.edit else { return nil }
            found = target
            let (next, inverse) = try plan.applying(forward)
            return (next, .init(kind: kind, target: targetSeq, summary: target.stepSummary(kind, in: next), edit: forward, inverse: inverse))
        }
        guard let found, let result else { return nil }
        return (result.plan, found)
    }

    struct LogLine {
        var kind: ChangeRecord.Kind
        var target: Int64?
        var summary: String
        var edit: Edit?
        var inverse: Edit?
    }

    private func requireRole(_ needed: Role, for what: String) throws {
        guard role >= needed else {
            throw StoreError(.readOnly, "\(user) is \(role == .editor ? "an" : "a") \(role.rawValue) on \(path), and only \(needed == .chair ? "a chair" : "an editor or a chair") may \(what); nothing was changed. A chair can change roles with `planboard people set-role`")
        }
    }

    /// Runs `body` on the plan as the server holds it, inside one locked transaction, and
    /// commits what it returns with its log line. Nil when `body` had nothing to do.
    ///
    /// When the connection is lost before the commit was sent, the change was not saved, and
    /// the error says so. When it is lost while the server was committing, this connects
    /// again and looks for the change's token in the log: found, the change was saved; not
    /// found, it was not; the server still away, the error says it cannot tell yet.
    private func write(at time: Date, verb: String, _ body: @escaping (Plan) throws -> (Plan, LogLine)?) throws -> (plan: Plan, seq: Int64)? {
        if isReadOnly { try requireRole(.editor, for: "change the plan") }
        let token = UUID()
        var committing = false
        // Catch up with others' changes before taking the lock, so the locked part is short.
        if let version = try? currentVersion() { _ = try? current(version: version) }
        do {
            return try attemptWrite(at: time, token: token, committing: &committing, body)
        } catch let error as EditError {
            if let conflict = error.conflict {
                throw StoreError(.conflict, ConflictMessage.text(conflict, verb: verb, log: (try? records(after: 0)) ?? []))
            }
            throw StoreError(.refused, error.message)
        } catch where session.lost {
            cache = nil
            let place = "\(location.host):\(location.port)"
            guard committing else {
                throw StoreError(.io, "the change was NOT saved: \((error as? StoreError)?.message ?? "\(error)"). Try it again when the server is back")
            }
            let saved: Bool
            do {
                saved = try session.query("SELECT count(*) FROM planboard.change WHERE token = \(token)").first
                    .map { try $0.decode(Int64.self) } ?? 0 > 0
            } catch {
                throw StoreError(.io, "\(PostgresSession.lostMarker) the PostgreSQL server at \(place) while it was saving the change, and cannot reach it again to check; it may or may not have been saved: look for it in `planboard log` when the server is back")
            }
            guard saved else {
                throw StoreError(.io, "\(PostgresSession.lostMarker) the PostgreSQL server at \(place) before it confirmed the change; the change was NOT saved. Try it again")
            }
            return (try load(), try currentVersion())
        }
    }

    private func attemptWrite(at time: Date, token: UUID, committing: inout Bool,
                              _ body: @escaping (Plan) throws -> (Plan, LogLine)?) throws -> (plan: Plan, seq: Int64)? {
        try session.query("BEGIN")
        let written: (Plan, Int64)?
        do {
            written = try changeInTransaction(at: time, token: token, body)
        } catch {
            if session.isConnected { _ = try? session.query("ROLLBACK") }
            throw error
        }
        committing = true
        try session.query("COMMIT")
        guard let written else { return nil }
        cache = (written.1, written.0, PlanParts.entries(of: written.0))
        return (written.0, written.1)
    }

    private func changeInTransaction(at time: Date, token: UUID,
                                     _ body: (Plan) throws -> (Plan, LogLine)?) throws -> (Plan, Int64)? {
        guard let row = try session.query("SELECT version FROM planboard.plan WHERE id = 1 FOR UPDATE").first else {
            throw StoreError(.notFound, "\(path) has no plan; expected one copied or imported")
        }
        let version = try row.decode(Int64.self)
        let plan = try current(version: version)
        guard let (next, line) = try body(plan) else { return nil }
        let difference = try PlanParts.difference(from: plan, to: next)
        try checkRole(for: difference)
        let seq = version + 1
        try writeParts(difference, rev: seq)
        try session.query("UPDATE planboard.plan SET version = \(seq) WHERE id = 1")
        try insertLog(seq: seq, at: time, line: line, token: token)
        try session.query("SELECT pg_notify(\(Self.channel), \(String(seq)))")
        return (next, seq)
    }

    /// An editor may change actions (with their notes), risks and KPIs; the rest is a
    /// chair's. The server refuses the same (row-level security); this says it plainly first.
    private func checkRole(for difference: PlanParts.Difference) throws {
        guard role == .editor else { return }
        let others = difference.kinds.subtracting(PostgresSchema.editorKinds)
        if !others.isEmpty {
            let names = others.sorted().map { $0 == "area" ? "areas" : $0 == "checkpoint" ? "checkpoints" : "the plan's \($0)" }
            throw StoreError(.readOnly, "\(user) is an editor on \(path): editors may change actions, notes, KPI actuals and risks, but this change touches \(names.joined(separator: " and ")), which only a chair may change; nothing was changed")
        }
    }

    private func writeParts(_ difference: PlanParts.Difference, rev: Int64) throws {
        for key in difference.removed {
            let result = try session.query("DELETE FROM planboard.part WHERE kind = \(key.kind) AND key = \(key.key)")
            try expectOne(result, key)
        }
        for part in difference.changed {
            let result = try session.query("""
                UPDATE planboard.part SET parent = \(part.parent), position = \(Int32(part.position)), body = \(part.body), rev = \(rev)
                WHERE kind = \(part.id.kind) AND key = \(part.id.key)
                """)
            try expectOne(result, part.id)
        }
        for part in difference.added {
            try session.query("""
                INSERT INTO planboard.part (kind, key, parent, position, body, rev)
                VALUES (\(part.id.kind), \(part.id.key), \(part.parent), \(Int32(part.position)), \(part.body), \(rev))
                """)
        }
    }

    /// Row-level security hides rows a role may not change instead of failing; a write that
    /// touched no row was refused, and must not pass for saved.
    private func expectOne(_ result: PostgresQueryResult, _ key: PlanPart.Key) throws {
        guard result.metadata.rows == 1 else {
            throw StoreError(.readOnly, "the server did not let \(user) change the \(key.kind) \"\(key.key)\" on \(path); nothing was changed")
        }
    }

    private func insertLog(seq: Int64, at time: Date, line: LogLine, token: UUID) throws {
        let encoder = PlanParts.encoder()
        let edit = try line.edit.map { try PlanParts.text($0, encoder) }
        let inverse = try line.inverse.map { try PlanParts.text($0, encoder) }
        try session.query("""
            INSERT INTO planboard.change (seq, at, kind, target, summary, edit, inverse, token)
            VALUES (\(seq), \(ChangeTime.text(time)), \(line.kind.rawValue), \(line.target), \(line.summary), \(edit), \(inverse), \(token))
            """)
    }

    // MARK: The change log

    public func changes(afterSeq seq: Int64) throws -> [ChangeRecord] {
        try reading { try self.records(after: seq) }
    }

    public func changes(since time: Date) throws -> [ChangeRecord] {
        try reading {
            let first = try self.session.query("SELECT min(seq) FROM planboard.change WHERE at >= \(ChangeTime.text(time))").first
                .flatMap { try $0.decode(Int64?.self) }
            guard let first else { return [] }
            return try self.records(after: first - 1)
        }
    }

    func records(after seq: Int64) throws -> [ChangeRecord] {
        try session.query("SELECT seq, at, who, kind, target, summary, edit, inverse FROM planboard.change WHERE seq > \(seq) ORDER BY seq").map { row in
            let (seq, at, who, kind, target, summary, editText, inverseText) = try row.decode((Int64, String, String, String, Int64?, String, String?, String?).self)
            let edits: (edit: Edit?, inverse: Edit?)
            do {
                edits = try Edit.fromLog(edit: editText, inverse: inverseText)
            } catch {
                throw StoreError(.corrupt, "\(path) is damaged: change-log line \(seq) cannot be read; expected an edit planboard wrote. Copy the plan back from a backup")
            }
            return ChangeRecord(seq: seq, at: ChangeTime.date(at) ?? .distantPast, user: who, kind: ChangeRecord.Kind(rawValue: kind) ?? .edit,
                                target: target, summary: summary, edit: edits.edit, inverse: edits.inverse)
        }
    }

    /// Closes the connection. The store reconnects if used again.
    public func close() { session.close() }
}

/// Times in the change log: UTC with milliseconds, as text, exactly as the SQLite file keeps
/// them, so a copy either way gives back the same log.
enum ChangeTime {
    static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func date(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}

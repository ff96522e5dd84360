import Foundation
@_exported import PlanStoreContract
import GRDB
import PlanModel

/// One plan in one SQLite file.
///
/// Every change is an `Edit`, committed in its own transaction together with a change-log
/// line holding the edit and its inverse, so nothing acknowledged is ever lost and undo
/// survives a restart. Several processes may write one file: each write takes SQLite's
/// write lock (waiting up to `busyTimeout`) and applies its edit to the plan as it stands
/// in the file at that moment.
///
/// One connection (a `DatabaseQueue` in WAL mode) serves a process: the CLI and the
/// dashboard both work on one thread, so a pool's extra reader threads would buy nothing.
public final class PlanStore {
    /// The file, as the user named it.
    public let path: String
    /// Who the change log names for this process's changes.
    public let user: String
    /// True when the file cannot be written; every write then fails with `.readOnly`.
    public let isReadOnly: Bool

    let db: DatabaseQueue
    /// How long a write waits for another process's write to finish.
    let busyTimeout: TimeInterval
    /// The plan as of change-log position `version`, so a write need not reload the file
    /// when nobody else has written since.
    var cache: (version: Int64, plan: Plan)?

    public static let defaultBusyTimeout: TimeInterval = 10

    private init(path: String, user: String, db: DatabaseQueue, readOnly: Bool, busyTimeout: TimeInterval) {
        self.path = path
        self.busyTimeout = busyTimeout
        self.user = user
        self.db = db
        self.isReadOnly = readOnly
    }

    // MARK: Opening

    /// Opens an existing plan file. A file that cannot be written opens read-only, and so
    /// does any file when `forReading` is set (a command that only reads: it then takes no
    /// lock a writer needs and writes nothing, not even a migration).
    public static func open(path: String, user: String, busyTimeout: TimeInterval = defaultBusyTimeout,
                            forReading: Bool = false) throws -> PlanStore {
        try refuseAddress(path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.notFound, "\(path) does not exist; expected a planboard plan file")
        }
        try checkHeader(path)
        let readOnly = forReading || !isWritable(path)
        let look: DatabaseQueue
        do {
            // Look before touching: a read-only connection changes nothing, so a file that
            // is not ours (or is newer) is left exactly as it was.
            look = try openForReading(path, busyTimeout: busyTimeout)
            try look.read { db in
                let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let hasPlan = try db.tableExists("plan")
                guard id == Schema.applicationID || hasPlan else {
                    throw StoreError(.notAPlan, "\(path) is a SQLite database but not a planboard plan (it has no plan tables); expected a file planboard created. Give another path with --db")
                }
                if try Schema.migrator.hasBeenSuperseded(db) {
                    throw StoreError(.newerVersion, "\(path) was written by a newer planboard (its schema has changes this version does not know); update planboard to open it")
                }
            }
        } catch {
            throw translate(error, path: path, waited: busyTimeout)
        }
        if readOnly {
            return PlanStore(path: path, user: user, db: look, readOnly: true, busyTimeout: busyTimeout)
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        // Not `journalMode = .wal`: GRDB then writes a transaction whenever the `-wal` file
        // is empty (after every clean close), which makes opening wait for another
        // program's write and sync the disk twice. A plan file is in WAL mode from its
        // creation, and SQLite keeps that in the file; one that is not is put in it below.
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                }
            }
            // Migrating takes the write lock: only when there is something to migrate, so
            // opening never waits for another program's write.
            if try !queue.read({ try Schema.migrator.hasCompletedMigrations($0) }) {
                try Schema.migrator.migrate(queue)
            }
        } catch {
            throw translate(error, path: path, waited: busyTimeout)
        }
        return PlanStore(path: path, user: user, db: queue, readOnly: false, busyTimeout: busyTimeout)
    }

    /// A read-only connection that writes nothing beside the plan when it can help it.
    ///
    /// In WAL mode a reader makes the `-wal` and `-shm` files if they are missing, with
    /// the plan's own permissions: reading a plan marked read-only would leave read-only
    /// files that later writers cannot use. So a plan this process cannot write, with no
    /// `-shm` beside it (nobody has it open), is read as it stands on disk (SQLite's
    /// `immutable`), which makes nothing. The same is done where a reader cannot make them
    /// at all (a read-only folder, a full disk).
    static func openForReading(_ path: String, busyTimeout: TimeInterval) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        let immutable = "file:\(encoded)?immutable=1"
        if !isWritable(path) && !FileManager.default.fileExists(atPath: path + "-shm") {
            return try DatabaseQueue(path: immutable, configuration: config)
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_FULL, .SQLITE_IOERR].contains(error.resultCode) {
            return try DatabaseQueue(path: immutable, configuration: config)
        }
    }

    /// Creates a new plan file holding `plan`. Fails if the file exists.
    public static func create(path: String, plan: Plan, user: String, at time: Date = Date(),
                              busyTimeout: TimeInterval = defaultBusyTimeout) throws -> PlanStore {
        try refuseAddress(path)
        // An empty file (made by `touch`, or a failed copy) holds no plan: it may be filled.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        guard !FileManager.default.fileExists(atPath: path) || size == 0 else {
            throw StoreError(.refused, "\(path) already exists; expected a new file (use `planboard import --replace` to replace its plan)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.io, "cannot create the folder \(directory) for \(path): \(error.localizedDescription)")
            }
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.journalMode = .wal
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try Schema.migrator.migrate(queue)
            let store = PlanStore(path: path, user: user, db: queue, readOnly: false, busyTimeout: busyTimeout)
            try store.replace(with: plan, at: time, summary: "created from a plan")
            return store
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw translate(error, path: path, waited: busyTimeout)
        }
    }

    /// Refuses a PostgreSQL address given where a file path belongs, so that no command ever
    /// makes a folder `postgres:` with a file in it: a backstop behind the command line,
    /// which sends such an address to the shared plan. The address itself is not repeated,
    /// since it may hold a password.
    static func refuseAddress(_ path: String) throws {
        let scheme = path.prefix(12).lowercased()
        guard scheme.hasPrefix("postgres:") || scheme.hasPrefix("postgresql:") else { return }
        throw StoreError(.refused, "the plan given is a PostgreSQL address (postgres://…), not a file, and a SQLite plan file is never made or opened at such a path; nothing was created. Expected a file path, or a command that works on a shared plan (`planboard server init`, `planboard import FILE --db URL`, `planboard copy --to URL`)")
    }

    /// Checks the first bytes, so a file that is not SQLite is never touched.
    private static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.io, "\(path) cannot be read (permission denied); expected a readable planboard plan file")
        }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 16)) ?? Data()
        if magic.isEmpty {
            throw StoreError(.notAPlan, "\(path) is empty; expected a planboard plan file (create one with `planboard import FILE.json --db \(path)`)")
        }
        guard magic == Data("SQLite format 3\0".utf8) else {
            throw StoreError(.notAPlan, "\(path) is not a planboard plan (it is not a SQLite database); expected a file planboard created. To load a JSON plan use `planboard import`")
        }
    }

    /// Whether this process may write the file. Root may write anything, so the file's own
    /// permission bits also count: a plan someone marked read-only opens read-only.
    private static func isWritable(_ path: String) -> Bool {
        guard access(path, W_OK) == 0 else { return false }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
        return mode & 0o222 != 0
    }

    static func translate(_ error: Error, path: String, waited: TimeInterval = defaultBusyTimeout) -> Error {
        if error is StoreError { return error }
        guard let dbError = error as? DatabaseError else { return StoreError(.io, "\(path): \(error)") }
        switch dbError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.locked, "\(path) is locked by another program that is writing to it; waited \(formatNumber(waited)) s. Try again when it has finished")
        case .SQLITE_CORRUPT:
            return StoreError(.corrupt, "\(path) is damaged (SQLite reports: \(dbError.message ?? "corrupt")); expected an intact plan file. Restore it from a backup, or re-import the plan from JSON")
        case .SQLITE_NOTADB:
            return StoreError(.corrupt, "\(path) is damaged: it starts like a SQLite database but SQLite cannot read it; expected an intact plan file. Restore it from a backup")
        case .SQLITE_READONLY:
            return StoreError(.readOnly, "\(path) is read-only; nothing was changed. Make it writable to change the plan")
        case .SQLITE_CANTOPEN:
            return StoreError(.io, "\(path) cannot be opened (\(dbError.message ?? "cannot open")); expected a readable plan file in a folder that exists")
        case .SQLITE_FULL:
            return StoreError(.io, "\(path) cannot be written: the disk is full; nothing was changed")
        default:
            return StoreError(.io, "\(path): \(dbError.message ?? "database error \(dbError.resultCode.rawValue)")")
        }
    }

    // MARK: Reading

    /// The change-log position the file is at; it moves whenever anyone writes.
    public func version() throws -> Int64 {
        do {
            return try db.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM change") ?? 0 }
        } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }

    /// The whole plan as the file holds it now.
    public func load() throws -> Plan {
        do {
            return try db.read { db in try self.current(db) }
        } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }

    /// The plan with each action cut down to its reference, status and by-when (no text,
    /// leads, KPI links, success criteria or notes) and everything else whole: enough for the
    /// roll-ups, the score card, the highest risks and what changed since a checkpoint, which
    /// is what the dashboard's first screen and `summary` show. A fifth of the work of `load`.
    /// The checkpoints as asked: what each recorded is a decode of every action's status.
    public func outline(checkpoints: OutlineCheckpoints) throws -> Plan {
        do {
            return try db.read { db in try FastRows.load(db, file: path, shape: .outline(checkpoints: checkpoints)) }
        } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }

    /// The checkpoint called `name`, with what it recorded; nil when there is none.
    public func checkpoint(named name: String) throws -> Checkpoint? {
        do {
            return try db.read { db in try FastRows.checkpoint(db, file: path, named: name) }
        } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }

    /// How many actions the plan holds, counted by SQLite.
    public func actionCountIfQuick() throws -> Int? { try actionCount() }

    public func actionCount() throws -> Int {
        do {
            return try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM action") ?? 0 }
        } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }

    /// The actions `refs` that the plan holds, whole, with their notes (`planForCounting`).
    public func actions(_ refs: [String]) throws -> [Action]? {
        do {
            return try db.read { db in try FastRows.load(db, file: path, shape: .actions(refs)).allActions }
        } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }

    /// The whole plan, its change log and the log position they stand at, read together
    /// (the dashboard reads them on another thread while its first screen shows the outline).
    public func loadWithLog() throws -> LoggedPlan {
        do {
            return try db.read { db in
                let version = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM change") ?? 0
                return LoggedPlan(plan: try self.current(db), log: try self.records(db, after: 0), version: version)
            }
        } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }

    func current(_ db: Database) throws -> Plan {
        let version = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM change") ?? 0
        if let cache, cache.version == version { return cache.plan }
        let plan = try FastRows.load(db, file: path)
        cache = (version, plan)
        return plan
    }

    // MARK: Writing

    /// Applies one edit in one transaction and logs it; returns the plan after it.
    @discardableResult
    public func apply(_ edit: Edit, at time: Date = Date()) throws -> Plan {
        try write(verb: "change") { db, plan in
            let (next, inverse) = try plan.applying(edit)
            try PlanRows.write(next, over: plan, touching: edit, db)
            try self.log(db, at: time, kind: .edit, target: nil, summary: edit.summary(in: next), edit: edit, inverse: inverse)
            return next
        }.plan
    }

    /// Applies several edits in one transaction, each its own line in the change log (so
    /// each can be undone): all are saved or none is. A tracker import uses it.
    @discardableResult
    public func applyAll(_ edits: [Edit], at time: Date = Date()) throws -> Plan {
        try write(verb: "change") { db, plan in
            // The batch goes once the plan after it is made: a large one is not held twice.
            let current = try { () throws -> Plan in
                var batch = ActionEditBatch(plan)
                batch.reserveCapacity(edits.count)
                for edit in edits {
                    let (inverse, touched) = try batch.apply(edit)
                    try self.log(db, at: time, kind: .edit, target: nil, summary: edit.summary(in: touched), edit: edit, inverse: inverse)
                }
                return batch.plan
            }()
            try PlanRows.write(current, over: plan, db)
            return current
        }.plan
    }

    /// Replaces the whole plan (an import), all or nothing.
    public func replace(with plan: Plan, at time: Date = Date(), summary: String = "imported a plan") throws {
        // A plan read from a file has them unique already, and making them so copies every action.
        let plan = Self.hasUniqueNoteIDs(plan) ? plan : plan.uniquingNoteIDs()
        let problems = Validator().problems(in: plan)
        if let first = problems.first {
            throw StoreError(.refused, "the plan has \(problems.count) problem(s), e.g. \(first); nothing was changed")
        }
        try checkWritable()
        do {
            try db.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try BulkRows.replaceAll(with: plan, db)
                    try self.log(db, at: time, kind: .import, target: nil, summary: summary, edit: nil, inverse: nil)
                    return .commit
                }
            }
            cache = nil
        } catch {
            cache = nil
            throw Self.translate(error, path: path, waited: busyTimeout)
        }
    }

    /// Whether no action has two notes with one id.
    static func hasUniqueNoteIDs(_ plan: Plan) -> Bool {
        plan.areas.allSatisfy { area in
            area.actions.allSatisfy { $0.notes.count < 2 || Set($0.notes.map(\.id)).count == $0.notes.count }
        }
    }

    /// Records a checkpoint of the plan as it stands.
    @discardableResult
    public func recordCheckpoint(name: String, date: PlanDate, at time: Date = Date()) throws -> Plan {
        try write(verb: "checkpoint") { db, plan in
            let edit = Edit.addCheckpoint(Checkpoint(name: name, date: date, of: plan), index: nil)
            let (next, inverse) = try plan.applying(edit)
            try PlanRows.write(next, over: plan, touching: edit, db)
            try self.log(db, at: time, kind: .edit, target: nil, summary: edit.summary(in: next), edit: edit, inverse: inverse)
            return next
        }.plan
    }

    /// Undoes this user's latest change that is not yet undone. Nil when there is nothing to undo.
    public func undo(at time: Date = Date()) throws -> (plan: Plan, undone: ChangeRecord)? {
        try step(.undo, at: time)
    }

    /// Redoes this user's latest undone change. Nil when there is nothing to redo.
    public func redo(at time: Date = Date()) throws -> (plan: Plan, redone: ChangeRecord)? {
        try step(.redo, at: time).map { ($0.plan, $0.undone) }
    }

    private func step(_ kind: ChangeRecord.Kind, at time: Date) throws -> (plan: Plan, undone: ChangeRecord)? {
        var found: ChangeRecord?
        let result = try write(verb: kind.rawValue) { db, plan -> Plan in
            let log = try self.records(db, after: 0)
            let stacks = UndoStacks(log: log, user: self.user)
            guard let targetSeq = kind == .undo ? stacks.undo.last : stacks.redo.last,
                  let target = log.first(where: { $0.seq == targetSeq }),
                  let forward = kind == .undo ? target.inverse : target.edit else { return plan }
            found = target
            if let message = Self.trampled(by: target, kind: kind, log: log, plan: plan) {
                throw StoreError(.conflict, message)
            }
            let (next, inverse) = try plan.applying(forward)
            try PlanRows.write(next, over: plan, touching: forward, db)
            try self.log(db, at: time, kind: kind, target: targetSeq, summary: target.stepSummary(kind, in: next), edit: forward, inverse: inverse)
            return next
        }
        guard let found else { return nil }
        return (result.plan, found)
    }

    /// Why undoing (or redoing) `target` would trample a change that stands after it, or
    /// nil when it would not.
    ///
    /// The values an edit carries catch most of this, but not a later change that happens
    /// to leave the same value (carol sets the lead alice had set, then alice undoes): the
    /// log knows who changed what since, so the undo is refused then too. A later change
    /// that was itself undone does not count.
    static func trampled(by target: ChangeRecord, kind: ChangeRecord.Kind, log: [ChangeRecord], plan: Plan) -> String? {
        var standing: [Int64: (record: ChangeRecord, appliedAt: Int64)] = [:]
        var lastUndo: [Int64: Int64] = [:]
        let bySeq = Dictionary(log.map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
        for line in log {
            switch line.kind {
            case .import: standing = [:]
            case .edit: standing[line.seq] = (line, line.seq)
            case .undo:
                if let t = line.target { standing[t] = nil; lastUndo[t] = line.seq }
            case .redo:
                if let t = line.target, let record = bySeq[t] { standing[t] = (record, line.seq) }
            }
        }
        // Undo: changes applied after the target was; redo: after it was undone.
        guard let since = kind == .undo ? standing[target.seq]?.appliedAt : lastUndo[target.seq] else { return nil }
        let mine = (target.edit?.targets ?? []) + (target.inverse?.targets ?? [])
        let later = standing.values.filter { $0.appliedAt > since && $0.record.seq != target.seq }.sorted { $0.appliedAt < $1.appliedAt }
        for entry in later.reversed() {
            let theirs = (entry.record.edit?.targets ?? []) + (entry.record.inverse?.targets ?? [])
            guard let clash = mine.first(where: { m in theirs.contains { m.overlaps($0) } }) else { continue }
            let (what, now) = clash.described(in: plan)
            let when = bySeq[entry.appliedAt]?.at ?? entry.record.at
            let to = now.map { $0.isEmpty ? "" : " to \($0)" } ?? " (it is gone)"
            return "\(what) was changed by \(entry.record.user) at \(ConflictMessage.localTime(when))\(to); your \(kind.rawValue) was not applied"
        }
        return nil
    }

    /// Runs `body` inside an immediate transaction on the plan as the file holds it.
    /// `verb` names the operation in a refusal: "your undo was not applied".
    func write(verb: String, _ body: @escaping (Database, Plan) throws -> Plan) throws -> (plan: Plan, seq: Int64) {
        try checkWritable()
        do {
            let result: (Plan, Int64) = try db.writeWithoutTransaction { db in
                var out: (Plan, Int64)?
                try db.inTransaction(.immediate) {
                    let plan = try self.current(db)
                    let next = try body(db, plan)
                    out = (next, try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM change") ?? 0)
                    return .commit
                }
                guard let out else { throw StoreError(.io, "\(path): the change was not committed") }
                return out
            }
            cache = (result.1, result.0)
            return (result.0, result.1)
        } catch let error as EditError {
            if let conflict = error.conflict {
                throw StoreError(.conflict, conflictMessage(conflict, verb: verb))
            }
            throw StoreError(.refused, error.message)
        } catch {
            cache = nil
            throw Self.translate(error, path: path, waited: busyTimeout)
        }
    }

    /// Says who changed what an edit expected, to what and when, from the change log.
    func conflictMessage(_ conflict: EditConflict, verb: String) -> String {
        ConflictMessage.text(conflict, verb: verb, log: (try? changes()) ?? [])
    }

    func checkWritable() throws {
        if isReadOnly {
            throw StoreError(.readOnly, "\(path) is read-only, so it was opened for reading only; nothing was changed. Make the file writable to change the plan")
        }
    }

    // MARK: The change log

    func log(_ db: Database, at time: Date, kind: ChangeRecord.Kind, target: Int64?, summary: String,
                     edit: Edit?, inverse: Edit?) throws {
        let json = JSONColumns(file: path)
        // Prepared once per connection: a tracker's import writes 100,000 lines.
        try db.cachedStatement(sql: "INSERT INTO change (at, user, kind, target, summary, edit, inverse) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [LogTime.text(time), user, kind.rawValue, target, summary,
                                 try edit.map(json.text), try inverse.map(json.text)])
    }

    /// Every change after log position `seq`, oldest first.
    public func changes(afterSeq seq: Int64 = 0) throws -> [ChangeRecord] {
        do { return try db.read { db in try self.records(db, after: seq) } } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }

    /// Every change made at or after `time`.
    public func changes(since time: Date) throws -> [ChangeRecord] {
        do {
            return try db.read { db in
                let first = try Int64.fetchOne(db, sql: "SELECT MIN(seq) FROM change WHERE at >= ?", arguments: [LogTime.text(time)])
                guard let first else { return [] }
                return try self.records(db, after: first - 1)
            }
        } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }

    func records(_ db: Database, after seq: Int64) throws -> [ChangeRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM change WHERE seq > ? ORDER BY seq", arguments: [seq]).map(record)
    }

    private func records(_ db: Database, seqs: [Int64]) throws -> [ChangeRecord] {
        try seqs.compactMap { try Row.fetchOne(db, sql: "SELECT * FROM change WHERE seq = ?", arguments: [$0]) }.map(record)
    }

    private func record(_ row: Row) throws -> ChangeRecord {
        let kind: String = row["kind"]
        let at: String = row["at"]
        let seq: Int64 = row["seq"]
        let edits: (edit: Edit?, inverse: Edit?)
        do {
            edits = try Edit.fromLog(edit: row["edit"], inverse: row["inverse"])
        } catch {
            throw StoreError(.corrupt, "\(path) is damaged: change-log line \(seq) cannot be read; expected the data planboard wrote. Restore the file from a backup or re-import the plan")
        }
        return ChangeRecord(seq: row["seq"], at: LogTime.date(at) ?? Date.distantPast, user: row["user"],
                            kind: ChangeRecord.Kind(rawValue: kind) ?? .edit, target: row["target"], summary: row["summary"],
                            edit: edits.edit, inverse: edits.inverse)
    }

    /// Runs SQLite's own integrity check; "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        do {
            return try db.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n") }
        } catch { throw Self.translate(error, path: path, waited: busyTimeout) }
    }
}


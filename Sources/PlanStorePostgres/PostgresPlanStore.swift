import Foundation
import PlanModel
import PlanStoreContract
import PostgresNIO

/// One plan in a PostgreSQL database, shared by a partnership.
///
/// **One round trip per change.** The store holds the plan as it last read it, with each
/// part's revision. A change is worked out here, with the model's pure `Plan.applying` (the
/// rules live once, in Swift), and sent in one call to the server's `planboard.apply`, which
/// locks, checks that every part it touches still has the revision read here, checks the
/// caller's role and each part's shape, writes the parts and the signed log line, and
/// notifies, all in one statement: the plan-wide lock is held for that statement only. When
/// a part moved meanwhile, the store reads what changed (one call) and works the change out
/// again on the newer plan, so the model says who changed what when the change no longer
/// applies.
///
/// **One round trip per read.** `planboard.snapshot` returns who is logged in, their role,
/// the versions, the parts written since a revision and the log lines since a position in one
/// statement. How often reads ask again is the caller's choice (`Reads`): every read, as a
/// file's store does; a command's reads until its first change from the snapshot read when it
/// opened; the dashboard's at each `version()`, which it calls when the server announces a
/// change.
///
/// Every value reaches the server as a bind parameter; no SQL is built from plan text.
public final class PostgresPlanStore: PlanStoring, @unchecked Sendable {
    public typealias Role = PlanRole

    public let location: PostgresLocation
    /// The role the server authenticated: the name every change of this process is signed with.
    public let user: String
    /// This person's planboard role (a server superuser or the schema's owner counts as chair).
    public let role: Role
    public var enforcedRole: PlanRole? { role }
    public var isReadOnly: Bool { role == .viewer }
    public var isShared: Bool { true }
    public var serverPlace: String? { location.server }
    public var path: String { location.description }
    /// When reads ask the server again.
    public enum Reads: Sendable {
        /// Every read asks (one round trip each), as every read of a file reads the file.
        case asking
        /// Reads are the snapshot read when the store opened, with this store's own changes:
        /// a command sees one consistent plan and pays no further round trip to read it. A
        /// change made on it that touches a part someone else has changed since is refused
        /// by the server and worked out again on the newer plan, so reading no more often
        /// never overwrites anyone.
        case snapshot
        /// `version()` asks (but the first, which the opening's snapshot answers); the other
        /// reads are what the last `version()` brought in. For the dashboard, which calls
        /// `version()` whenever the server announces a change.
        case told
    }

    public var reads = Reads.asking

    let session: PostgresSession
    private var held: Held
    /// The snapshot held was read on opening and nothing was written since.
    private var fresh = true
    /// Where the plan is remembered between commands (`SnapshotCache`); nil keeps nothing.
    private let cache: SnapshotCache?
    /// The held parts came from the cache, not from this server now: every read but
    /// `plan(around:)` asks first, and a change names `cachedIdentity` so the server applies
    /// it only to the database it was read from.
    private var fromCache = false
    private var cachedIdentity: String?
    /// A command's change was worked out on the remembered plan (`plan(around:)`): it is made
    /// over what the server holds, as a fresh read would have made it (`Edit.rebased`).
    private var builtOnMemory = false

    /// The channel every committed change is announced on, with its log position.
    public static let channel = "planboard"

    /// The plan as last read, with what is needed to change it and to catch up.
    struct Held {
        /// The log position the parts are current to; nil while the database holds no plan.
        var version: Int64?
        var entries: [PlanPart.Key: PlanParts.Entry] = [:]
        var revs: [PlanPart.Key: Int64] = [:]
        var plan: Plan?
        var log: [ChangeRecord] = []
    }

    private init(location: PostgresLocation, session: PostgresSession, snapshot: Snapshot, cache: SnapshotCache? = nil) throws {
        self.location = location
        self.session = session
        self.user = snapshot.user
        self.role = snapshot.role
        self.cache = cache
        held = Held()
        try take(snapshot)
    }

    /// A store whose parts are those the cache remembered, with no round trip.
    private init(location: PostgresLocation, session: PostgresSession, cached entry: SnapshotCache.Entry, role: Role, cache: SnapshotCache) throws {
        self.location = location
        self.session = session
        self.user = entry.user
        self.role = role
        self.cache = cache
        held = Held()
        let parts = entry.parts.map { PlanPart(id: .init(kind: $0.kind, key: $0.key), parent: $0.parent, position: $0.position, body: $0.body) }
        held.entries = try PlanParts.decode(parts, place: location.description)
        for part in entry.parts { held.revs[.init(kind: part.kind, key: part.key)] = part.rev }
        held.plan = try PlanParts.plan(from: held.entries, place: location.description)
        held.version = entry.version
        fresh = false
        fromCache = true
        cachedIdentity = entry.identity
    }

    // MARK: Opening

    /// Opens the plan at `location`, logging in with the password from `environment`
    /// (`PGPASSWORD`, else the password file).
    public static func open(_ location: PostgresLocation,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresPlanStore {
        let store = try openForLoading(location, environment: environment)
        guard store.held.version != nil else {
            store.close()
            throw noPlanYet(location)
        }
        return store
    }

    /// Opens the plan at `location` for a command, starting from what `cache` remembers of
    /// it when that is recent (no read: a change is then one call to the server), else
    /// reading it as `open` does. Every change saved is remembered for the next command.
    public static func open(_ location: PostgresLocation, cache: SnapshotCache?,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PostgresPlanStore {
        guard let cache else { return try open(location, environment: environment) }
        let session = PostgresSession(location: location, password: location.password(environment: environment))
        try session.connect()
        if let entry = cache.entry(server: location.server, database: location.database, user: location.user),
           let role = Role(rawValue: entry.role), role >= .editor {
            do {
                return try PostgresPlanStore(location: location, session: session, cached: entry, role: role, cache: cache)
            } catch {
                // A remembered plan this planboard cannot read is only a cost: read the server's.
            }
        }
        let store: PostgresPlanStore
        do {
            store = try PostgresPlanStore(location: location, session: session,
                                          snapshot: try snapshot(session, after: -1, logAfter: 0, upgrade: true), cache: cache)
        } catch {
            session.close()
            throw error
        }
        guard store.held.version != nil else {
            store.close()
            throw noPlanYet(location)
        }
        return store
    }

    /// Opens a database that may have the schema but no plan yet (for `copy` and `import`).
    static func openForLoading(_ location: PostgresLocation, environment: [String: String]) throws -> PostgresPlanStore {
        let session = PostgresSession(location: location, password: location.password(environment: environment))
        try session.connect()
        do {
            return try PostgresPlanStore(location: location, session: session, snapshot: try snapshot(session, after: -1, logAfter: 0, upgrade: true))
        } catch {
            session.close()
            throw error
        }
    }

    static func noPlanYet(_ location: PostgresLocation) -> StoreError {
        StoreError(.notFound, "the database \(location.database) has the planboard schema but no plan yet; expected one copied in with `planboard copy --from plan.sqlite --to \(location)` or imported with `planboard import FILE.json --db \(location)`")
    }

    /// Reads a snapshot. A database of an older schema is upgraded first when the caller
    /// owns it (as a file is migrated when opened); anyone else is told who must.
    static func snapshot(_ session: PostgresSession, after: Int64, logAfter: Int64, upgrade: Bool = false) throws -> Snapshot {
        let place = session.location.description
        let rows: PostgresQueryResult
        do {
            rows = try session.query("SELECT what, kind, key, parent, position, body, rev, who, at, target, edit, inverse FROM planboard.snapshot(\(after), \(logAfter))")
        } catch {
            switch session.lastState {
            case "3F000", "42P01":
                throw StoreError(.notAPlan, "the database \(session.location.database) at \(session.location.server) has no planboard schema; expected one made by `planboard server init --db \(place)` (run it once, as the database's owner)")
            case "42883":
                guard upgrade else { throw error }
                try PostgresAdmin.upgrade(session)
                return try snapshot(session, after: after, logAfter: logAfter)
            case "42501":
                let who = (try? session.query("SELECT session_user::text").first?.decode(String.self)) ?? session.location.user
                throw noRole(who, at: place)
            default:
                throw error
            }
        }
        return try Snapshot(rows, place: place, session: session)
    }

    /// A login the server knows that holds no planboard role.
    static func noRole(_ who: String, at place: String) -> StoreError {
        StoreError(.refused, "\(who) may log in to \(place) but has no planboard role; expected a person added with `planboard people add \(who) --role viewer|editor|chair` by a chair")
    }

    /// One snapshot's rows, read.
    struct Snapshot {
        var user = ""
        var role = Role.viewer
        var version: Int64?
        var gone: [PlanPart.Key] = []
        var parts: [(part: PlanPart, rev: Int64)] = []
        var log: [ChangeRecord] = []

        init(_ rows: PostgresQueryResult, place: String, session: PostgresSession) throws {
            var sawMe = false
            for row in rows {
                let (what, kind, key, parent, position, body, rev, who, at, target, edit, inverse) =
                    try row.decode((String, String?, String?, String?, Int32?, String?, Int64?, String?, String?, Int64?, String?, String?).self)
                switch what {
                case "me":
                    sawMe = true
                    user = kind ?? ""
                    let schema = parent.flatMap { Int($0) } ?? 0
                    guard schema <= PostgresSchema.version else {
                        throw StoreError(.newerVersion, "the database \(session.location.database) holds a planboard schema of version \(schema), written by a newer planboard; this one reads version \(PostgresSchema.version). Update planboard to open it")
                    }
                    guard let named = key, let known = Role(rawValue: named) else { throw noRole(user, at: place) }
                    role = known
                    if let format = body {
                        guard format == Plan.format else {
                            throw StoreError(.newerVersion, "\(place) holds a plan in format \"\(format)\"; this planboard reads \"\(Plan.format)\". Update planboard to open it")
                        }
                        version = rev
                    }
                case "gone":
                    gone.append(.init(kind: kind ?? "", key: key ?? ""))
                case "part":
                    parts.append((PlanPart(id: .init(kind: kind ?? "", key: key ?? ""), parent: parent, position: Int(position ?? 0), body: body ?? ""), rev ?? 0))
                case "log":
                    log.append(PostgresPlanStore.record(seq: rev ?? 0, at: at ?? "", who: who ?? "", kind: kind ?? "", target: target,
                                                        summary: body ?? "", edit: edit, inverse: inverse))
                default:
                    continue
                }
            }
            guard sawMe else { throw StoreError(.corrupt, "\(place) is damaged: it has no schema version; expected the one `planboard server init` wrote") }
            log.sort { $0.seq < $1.seq }
        }
    }

    /// Takes a snapshot's parts and log lines into what is held.
    private func take(_ snapshot: Snapshot) throws {
        guard let version = snapshot.version else {
            held = Held()
            return
        }
        let decoded = try PlanParts.decode(snapshot.parts.map(\.part), place: path)
        if held.version == nil {
            held.entries = [:]
            held.revs = [:]
        }
        for key in snapshot.gone {
            held.entries[key] = nil
            held.revs[key] = nil
        }
        for (key, entry) in decoded { held.entries[key] = entry }
        for (part, rev) in snapshot.parts { held.revs[part.id] = rev }
        if held.version != version || held.plan == nil || !snapshot.parts.isEmpty || !snapshot.gone.isEmpty {
            held.plan = try PlanParts.plan(from: held.entries, place: path)
        }
        let last = held.log.last?.seq ?? 0
        held.log += snapshot.log.filter { $0.seq > last }
        held.version = version
    }

    /// Reads what changed since the snapshot held: one round trip. Parts remembered from an
    /// earlier command are dropped and everything is read: only the server's own revisions
    /// say what changed since, and the database may not be the one they came from.
    private func refresh() throws {
        if fromCache {
            held = Held()
            fromCache = false
            cachedIdentity = nil
        }
        let snapshot = try reading {
            try Self.snapshot(self.session, after: self.held.version ?? -1, logAfter: self.held.log.last?.seq ?? 0)
        }
        if held.version != nil && snapshot.version == nil {
            throw StoreError(.notFound, "\(path) has no plan any more (its plan row is gone); expected one copied or imported")
        }
        try take(snapshot)
    }

    /// A log line as read. One whose edit this planboard cannot read (a newer planboard's, or
    /// one written by hand through the server's function) is kept with its summary and who
    /// made it, and cannot be undone: one unreadable line never stops the plan opening.
    static func record(seq: Int64, at: String, who: String, kind: String, target: Int64?, summary: String,
                       edit: String?, inverse: String?) -> ChangeRecord {
        let edits: (edit: Edit?, inverse: Edit?) = (try? Edit.fromLog(edit: edit, inverse: inverse)) ?? (nil, nil)
        return ChangeRecord(seq: seq, at: ChangeTime.date(at) ?? .distantPast, user: who, kind: ChangeRecord.Kind(rawValue: kind) ?? .edit,
                            target: target, summary: summary, edit: edits.edit, inverse: edits.inverse)
    }

    // MARK: Reading

    public func version() throws -> Int64 {
        try catchUp(version: true)
        guard let version = held.version else { throw noPlan() }
        return version
    }

    public func load() throws -> Plan {
        try catchUp(version: false)
        guard let plan = held.plan else { throw noPlan() }
        return plan
    }

    /// Asks the server for what changed, or not, as `reads` says.
    private func catchUp(version: Bool) throws {
        if fromCache {
            try refresh()
            return
        }
        switch reads {
        case .asking:
            try refresh()
        case .snapshot:
            break
        case .told:
            guard version else { return }
            if !fresh { try refresh() }
            fresh = false
        }
    }

    /// The parts around `refs` for a command's one change: what the cache remembered, when
    /// it holds them all (the change is checked against the server's revisions when sent),
    /// else the plan as the server holds it.
    public func plan(around refs: [String]) throws -> Plan {
        if fromCache, let plan = held.plan, refs.allSatisfy({ plan.action($0) != nil }) {
            // Used once: should the command refuse because the plan remembered is behind,
            // running it again reads the server's.
            cache?.forget(server: location.server, database: location.database, user: user)
            builtOnMemory = true
            return plan
        }
        return try load()
    }

    private func noPlan() -> StoreError {
        StoreError(.notFound, "\(path) has no plan; expected one copied or imported")
    }

    /// The plan brought up to date: what the last read brought in (the dashboard's
    /// `version()`, called on the server's notice, has just asked), or, for a store whose
    /// every read asks, what the server holds now. One round trip at most.
    public func follow(_ plan: Plan, log: [ChangeRecord], from version: Int64) throws -> LoggedPlan {
        if reads == .asking { try refresh() }
        guard let plan = held.plan, let now = held.version else { throw noPlan() }
        return LoggedPlan(plan: plan, log: held.log, version: now)
    }

    /// Runs a read; when the connection was lost, connects again once and retries (a read
    /// changes nothing, so running it twice is safe).
    private func reading<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch where session.lost {
            return try body()
        }
    }

    // MARK: Writing

    @discardableResult
    public func apply(_ edit: Edit, at time: Date) throws -> Plan {
        let rebase = builtOnMemory
        return try write(verb: "change", whole: false) { plan, _ in
            let edit = rebase ? edit.rebased(on: plan) : edit
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
        _ = try write(verb: "import", whole: true) { _, _ in (plan, .init(kind: .import, target: nil, summary: summary, edit: nil, inverse: nil)) }
    }

    @discardableResult
    public func recordCheckpoint(name: String, date: PlanDate, at time: Date) throws -> Plan {
        try requireRole(.chair, for: "record a checkpoint")
        return try write(verb: "checkpoint", whole: true) { plan, _ in
            let edit = Edit.addCheckpoint(Checkpoint(name: name, date: date, of: plan), index: nil)
            let (next, inverse) = try plan.applying(edit)
            return (next, .init(kind: .edit, target: nil, summary: edit.summary(in: next), edit: edit, inverse: inverse))
        }?.plan ?? load()
    }

    public func undo(at time: Date) throws -> (plan: Plan, undone: ChangeRecord)? {
        try step(.undo)
    }

    public func redo(at time: Date) throws -> (plan: Plan, redone: ChangeRecord)? {
        try step(.redo).map { ($0.plan, $0.undone) }
    }

    private func step(_ kind: ChangeRecord.Kind) throws -> (plan: Plan, undone: ChangeRecord)? {
        // Which change is this person's to undo depends on the whole log: read it as it stands.
        if !fresh { try refreshForWrite() }
        var found: ChangeRecord?
        let result = try write(verb: kind.rawValue, whole: false) { plan, log -> (Plan, LogLine)? in
            found = nil
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
        if let refusal = refusal(needing: needed, for: what) { throw refusal }
    }

    private func refusal(needing needed: Role, for what: String) -> StoreError? {
        guard role < needed else { return nil }
        return StoreError(.readOnly, "\(user) is \(role == .editor ? "an" : "a") \(role.rawValue) on \(path), and only \(needed == .chair ? "a chair" : "an editor or a chair") may \(what); nothing was changed. A chair can change roles with `planboard people set-role`")
    }

    /// What `replace(with:)` (an import of a whole plan) would refuse for this person's role
    /// before writing, or nil when they may: a dry run gives the same refusal.
    public var replaceRefusal: StoreError? { refusal(needing: .chair, for: "replace the whole plan") }

    /// How often a change is worked out again, optimistically, when the parts it touches
    /// keep moving under it; after that it takes the plan's lock first (`locked`).
    static let attempts = 3

    /// Works `body` out on the plan held and sends it in one call. When a part it touches
    /// moved meanwhile (or the model refuses it on a plan that may be behind), reads what
    /// changed and works it out again; a refusal on the newest plan is the person's conflict.
    /// When the parts keep moving (many people adding notes to one action at once), the last
    /// try holds the plan's lock while it reads and sends, so every change gets in.
    /// `whole` refuses the change when anyone wrote since the plan was read (a checkpoint
    /// must record the plan as it stands; an import replaces all of it). Nil when `body` had
    /// nothing to do.
    ///
    /// When the connection is lost before the call was sent, the change was not saved, and
    /// the error says so. When it is lost while the server was answering, this connects
    /// again and looks for the change's token in the log: found, the change was saved; not
    /// found, it was not; the server still away, the error says it cannot tell yet.
    private func write(verb: String, whole: Bool,
                       _ body: (Plan, [ChangeRecord]) throws -> (Plan, LogLine)?) throws -> (plan: Plan, record: ChangeRecord)? {
        if isReadOnly { try requireRole(.editor, for: "change the plan") }
        let token = UUID()
        // The plan held is the one just read: a refusal by the model on it is the person's.
        var current = fresh && reads != .asking
        for attempt in 0..<Self.attempts {
            if attempt == Self.attempts - 1 {
                return try locked(verb: verb, whole: whole, token: token, body)
            }
            guard let (next, line) = try workOut(verb: verb, whole: whole, current: current, body) else {
                if !current {
                    try refreshForWrite()
                    current = true
                    continue
                }
                return nil
            }
            let change = try PlanParts.change(from: held.entries, revs: held.revs, to: next)
            try checkRole(for: change)
            do {
                return try send(change, next: next, line: line, whole: whole, token: token)
            } catch let error as StoreError where error.kind == .conflict && session.lastState == "PB001" {
                try refreshForWrite()
                current = true
            } catch is NotTheCachedDatabase {
                try refreshForWrite()
                current = true
            }
        }
        return nil
    }

    /// The change worked out on the plan held. Nil when there is nothing to do, or when the
    /// model refused it on a plan that may be behind (not `current`): the caller reads again.
    private func workOut(verb: String, whole: Bool, current: Bool,
                         _ body: (Plan, [ChangeRecord]) throws -> (Plan, LogLine)?) throws -> (Plan, LogLine)? {
        do {
            guard let plan = held.plan ?? (whole ? PlanParts.nothing : nil) else { throw noPlan() }
            return try body(plan, held.log)
        } catch let error as EditError {
            if !current { return nil }
            if let conflict = error.conflict {
                throw StoreError(.conflict, ConflictMessage.text(conflict, verb: verb, log: held.log))
            }
            throw StoreError(.refused, error.message)
        }
    }

    /// The last try: in one transaction, take the plan's lock, read what changed, work the
    /// change out and send it. Nobody else can write meanwhile, so it cannot be overtaken.
    private func locked(verb: String, whole: Bool, token: UUID,
                        _ body: (Plan, [ChangeRecord]) throws -> (Plan, LogLine)?) throws -> (plan: Plan, record: ChangeRecord)? {
        let place = location.server
        do {
            try session.query("BEGIN")
            try session.query("SELECT planboard.hold_plan()")
            try refresh()
        } catch let error as StoreError {
            if session.isConnected { _ = try? session.query("ROLLBACK") }
            throw error.kind == .io ? StoreError(.io, "the change was NOT saved: \(error.message). Try it again when the server is back") : error
        }
        let sent: (plan: Plan, record: ChangeRecord)
        do {
            guard let (next, line) = try workOut(verb: verb, whole: whole, current: true, body) else {
                try session.query("ROLLBACK")
                return nil
            }
            let change = try PlanParts.change(from: held.entries, revs: held.revs, to: next)
            try checkRole(for: change)
            sent = try send(change, next: next, line: line, whole: whole, token: token)
        } catch {
            if session.isConnected { _ = try? session.query("ROLLBACK") }
            held = Held()
            try? refresh()
            throw error
        }
        do {
            try session.query("COMMIT")
        } catch let error as StoreError where error.kind == .io && session.lost {
            held = Held()
            try confirmSaved(error, token: token, sent: session.sent)
            try refresh()
            fresh = false
            return (try load(), sent.record)
        } catch {
            held = Held()
            try? refresh()
            throw StoreError(.io, "the server at \(place) did not commit the change (\(error)); it was NOT saved. Try it again")
        }
        return sent
    }

    /// Reads what changed before working a change out again; a server that cannot be
    /// reached means the change was not saved.
    private func refreshForWrite() throws {
        do {
            try refresh()
        } catch let error as StoreError where error.kind == .io {
            throw StoreError(.io, "the change was NOT saved: \(error.message). Try it again when the server is back")
        }
    }

    /// One call to `planboard.apply`; the held plan then includes the change.
    private func send(_ change: PlanParts.Change, next: Plan, line: LogLine, whole: Bool, token: UUID) throws -> (plan: Plan, record: ChangeRecord) {
        let encoder = PlanParts.encoder()
        let edit = try line.edit.map { try PlanParts.text($0, encoder) }
        let inverse = try line.inverse.map { try PlanParts.text($0, encoder) }
        let base = held.version
        // The call names the database the parts were read from, and returns the name of the
        // one it reached: when the parts came from the cache and the names differ, nothing
        // is applied (the gate is evaluated before `apply` runs) and the plan is read again.
        let expected = fromCache ? cachedIdentity : nil
        let query: PostgresQuery = """
            WITH here AS (SELECT \(unescaped: Self.identity) AS name)
            SELECT a.seq, a.at, here.name FROM here LEFT JOIN LATERAL (
                SELECT * FROM planboard.apply(\(change.kinds), \(change.keys), \(change.revs), \(change.parents), \(change.positions), \(change.bodies),
                    \(whole ? base ?? 0 : nil), \(Plan.format), \(line.kind.rawValue), \(line.target), \(line.summary), \(edit), \(inverse), \(token))
                WHERE \(expected)::text IS NULL OR here.name = \(expected)::text) a ON true
            """
        let answer: (Int64, String)
        let identity: String
        do {
            guard let row = try session.query(query).first else {
                throw StoreError(.io, "the server at \(location.server) did not say where the change went in the log")
            }
            let (seq, at, name) = try row.decode((Int64?, String?, String).self)
            guard let seq, let at else { throw NotTheCachedDatabase() }
            answer = (seq, at)
            identity = name
        } catch let error as StoreError where error.kind == .io && session.lost {
            try confirmSaved(error, token: token, sent: session.sent)
            // Saved: read it back, with anything else written meanwhile.
            held = Held()
            try refresh()
            guard let plan = held.plan, let record = held.log.last(where: { $0.user == user && $0.summary == line.summary }) else {
                throw StoreError(.io, "the change was saved, but \(location.server) could not be read back; look for it in `planboard log`")
            }
            fresh = false
            return (plan, record)
        }
        let (seq, at) = answer
        let record = ChangeRecord(seq: seq, at: ChangeTime.date(at) ?? Date(), user: user, kind: line.kind, target: line.target,
                                  summary: line.summary, edit: line.edit, inverse: line.inverse)
        // The held parts now include this change.
        for key in change.removed {
            held.entries[key] = nil
            held.revs[key] = nil
        }
        for (key, entry) in change.written {
            held.entries[key] = entry
            held.revs[key] = seq
        }
        // When others wrote between the plan read and this change, the version held stays
        // where it was: the next read asks for everything written since, theirs and this one.
        held.plan = next
        if let base, seq == base + 1 {
            held.log.append(record)
            held.version = seq
        }
        fresh = false
        fromCache = false
        remember(identity: identity)
        return (next, record)
    }

    /// The gate of a change worked out on remembered parts found another database.
    private struct NotTheCachedDatabase: Error {}

    /// Names the database a change reaches, so remembered parts are only ever sent back to
    /// the one they were read from: its catalogue id (a dropped and recreated database gets
    /// another), the first line of its log (each has its own token and time), and the schema
    /// and plan formats (an upgrade starts afresh). Every planboard role may read all four.
    static let identity = """
        (SELECT d.oid::text FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())
            || '/' || COALESCE((SELECT COALESCE(c.token::text, '') || c.at FROM planboard.change c ORDER BY c.seq LIMIT 1), '')
            || '/' || COALESCE((SELECT m.value FROM planboard.meta m WHERE m.key = 'schema_version'), '')
            || '/' || COALESCE((SELECT p.format FROM planboard.plan p WHERE p.id = 1), '')
        """

    /// The database the last change reached, to remember the plan by when the store closes.
    private var toRemember: String?

    /// Notes that the plan as this change left it is to be kept for the next command (when
    /// it has a log to be named by: a database's first change cannot name itself yet). It is
    /// written once, when the store closes or goes, not after every change: a `batch` of a
    /// thousand lines encodes the plan once.
    private func remember(identity: String) {
        toRemember = identity.contains("//") ? nil : identity
    }

    /// Writes what `remember` noted.
    private func keepRemembered() {
        guard let identity = toRemember, let cache, let version = held.version else { return }
        toRemember = nil
        let encoder = PlanParts.encoder()
        var parts: [SnapshotCache.Entry.Part] = []
        for (key, entry) in held.entries {
            guard let rev = held.revs[key], let body = try? entry.value.text(encoder) else { return }
            parts.append(.init(kind: key.kind, key: key.key, parent: entry.parent, position: entry.position, body: body, rev: rev))
        }
        cache.keep(.init(server: location.server, database: location.database, user: location.user, role: role.rawValue,
                         identity: identity, version: version, saved: Date(), parts: parts))
    }

    /// The connection went while the change was on its way: returns when it was saved, and
    /// otherwise says plainly that it was not, or that it cannot tell yet.
    private func confirmSaved(_ error: StoreError, token: UUID, sent: Bool) throws {
        let place = location.server
        guard sent else {
            throw StoreError(.io, "the change was NOT saved: \(error.message). Try it again when the server is back")
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
    }

    /// An editor may change actions (with their notes), risks and KPI actuals; the rest is a
    /// chair's. The server refuses the same; this says it plainly first, without a round trip.
    private func checkRole(for change: PlanParts.Change) throws {
        guard role == .editor else { return }
        let others = change.kindsTouched.subtracting(PostgresSchema.editorKinds)
        if !others.isEmpty {
            let names = others.sorted().map { $0 == "area" ? "areas" : $0 == "checkpoint" ? "checkpoints" : $0 == "meeting" ? "meetings" : "the plan's \($0)" }
            throw StoreError(.readOnly, "\(user) is an editor on \(path): editors may change actions, notes, KPI actuals and risks, but this change touches \(names.joined(separator: " and ")), which only a chair may change; nothing was changed")
        }
        for key in change.removed where key.kind == "kpi" { throw kpiRefusal(key.key) }
        for (key, entry) in change.written where key.kind == "kpi" {
            guard let before = held.entries[key], before.position == entry.position,
                  case let .kpi(old) = before.value, case let .kpi(new) = entry.value,
                  old.withoutActuals == new.withoutActuals else { throw kpiRefusal(key.key) }
        }
    }

    private func kpiRefusal(_ ref: String) -> StoreError {
        StoreError(.readOnly, "\(user) is an editor on \(path): editors record KPI actuals, and only a chair may add, remove or rename the KPI \(ref) or change its milestones; nothing was changed")
    }

    // MARK: The change log

    public func changes(afterSeq seq: Int64) throws -> [ChangeRecord] {
        try catchUp(version: false)
        return held.log.filter { $0.seq > seq }
    }

    public func changes(since time: Date) throws -> [ChangeRecord] {
        try catchUp(version: false)
        guard let first = held.log.firstIndex(where: { $0.at >= time }) else { return [] }
        return Array(held.log[first...])
    }

    /// The log position the plan held is current to, without asking the server: a notice of
    /// a change at or before it (this store's own) needs no reading.
    public var heldVersion: Int64? { held.version }

    /// Reads the plan and log as they stand now (for `copy`).
    func refreshed() throws -> (plan: Plan, log: [ChangeRecord]) {
        try refresh()
        return (try load(), held.log)
    }

    /// Closes the connection. The store reconnects if used again.
    public func close() {
        keepRemembered()
        session.close()
    }

    deinit { keepRemembered() }
}

extension KPI {
    /// The KPI with no actuals: what an editor may not change.
    var withoutActuals: KPI {
        var kpi = self
        for index in kpi.milestones.indices { kpi.milestones[index].actual = nil }
        return kpi
    }
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

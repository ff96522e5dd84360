import Foundation
import PlanModel
import PlanStoreContract
import PostgresNIO

/// Setting up a shared plan: the schema and roles (`server init`), people and their roles,
/// and moving a whole plan with its history in and out (`copy`).
public enum PostgresAdmin {
    /// One person on the server and their planboard role.
    public typealias Person = PlanPerson

    /// Creates the planboard schema and the three roles in an empty database, in one
    /// transaction. Run it as the database's owner (or a superuser): that account keeps
    /// every right and counts as a chair.
    @discardableResult
    public static func initialise(_ location: PostgresLocation,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Initialised {
        let session = PostgresSession(location: location, password: location.password(environment: environment))
        defer { session.close() }
        try session.connect()
        let exists = try session.query("SELECT to_regnamespace('planboard') IS NOT NULL").first.map { try $0.decode(Bool.self) } ?? false
        if exists {
            let from = try upgrade(session)
            guard from < PostgresSchema.version else {
                throw StoreError(.refused, "the database \(location.database) already has a planboard schema; nothing was changed. Open it with --db \(location)")
            }
            return .upgraded(from: from)
        }
        try run([PostgresSchema.roles, PostgresSchema.tablesV1] + PostgresSchema.migrations, in: session)
        return .created
    }

    /// What `initialise` did.
    public enum Initialised: Equatable, Sendable {
        case created
        /// An older planboard's schema brought up to this one's, keeping the plan and its log.
        case upgraded(from: Int)
    }

    /// Brings a database's planboard schema up to this planboard's version, in one
    /// transaction. Only its owner (or a superuser) may; anyone else is told who must.
    /// Returns the version it was at.
    @discardableResult
    static func upgrade(_ session: PostgresSession) throws -> Int {
        let place = session.location.description
        let row = try session.query(PostgresQuery(unsafeSQL: """
            SELECT (SELECT m.value FROM planboard.meta m WHERE m.key = 'schema_version'), (\(isOwner))
            """)).first
        let (text, owner) = try row?.decode((String?, Bool?).self) ?? (nil, nil)
        let from = text.flatMap(Int.init) ?? 0
        guard from < PostgresSchema.version else { return from }
        guard from >= 1 else {
            throw StoreError(.corrupt, "\(place) is damaged: its planboard schema has no version; expected one written by `planboard server init`")
        }
        guard owner == true else {
            throw StoreError(.refused, "\(place) was set up by an older planboard (schema version \(from)); its owner must upgrade it once, by opening it or running `planboard server init --db \(place)` as the owner. Nothing was changed, and nothing is lost by upgrading")
        }
        try run(Array(PostgresSchema.migrations[(from - 1)...]), in: session)
        return from
    }

    /// Whether the caller owns the plan's schema (or is a superuser): who may upgrade it and
    /// copy a plan in with its signatures. SQL of planboard's own, no value in it.
    static let isOwner = """
        SELECT r.rolsuper OR r.oid = n.nspowner FROM pg_catalog.pg_roles r, pg_catalog.pg_namespace n
        WHERE r.rolname = session_user AND n.nspname = 'planboard'
        """

    /// Runs planboard's own scripts (no value from anyone in them), in one transaction.
    private static func run(_ scripts: [String], in session: PostgresSession) throws {
        try session.transaction {
            for statement in scripts.flatMap(statements) { try session.query(PostgresQuery(unsafeSQL: statement)) }
        }
    }

    /// Splits a script into statements at semicolons that end a line outside `$$` bodies:
    /// the server takes one statement per query when values are bound.
    static func statements(_ script: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inBody = false
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line)
            if text.trimmingCharacters(in: .whitespaces).hasPrefix("--") && !inBody { continue }
            current += text + "\n"
            if text.components(separatedBy: "$$").count % 2 == 0 { inBody.toggle() }
            if !inBody && text.trimmingCharacters(in: .whitespaces).hasSuffix(";") {
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { result.append(statement) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { result.append(rest) }
        return result
    }

    // MARK: People

    /// Adds a person (a login role on the server) with a planboard role. Only a chair may.
    public static func addPerson(_ name: String, role: PostgresPlanStore.Role, password: String?, at location: PostgresLocation,
                                 environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try setPerson(name, role: role, password: password, new: true, at: location, environment: environment)
    }

    /// Changes a person's planboard role. Only a chair may.
    public static func setRole(_ name: String, role: PostgresPlanStore.Role, at location: PostgresLocation,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try setPerson(name, role: role, password: nil, new: false, at: location, environment: environment)
    }

    private static func setPerson(_ name: String, role: PostgresPlanStore.Role, password: String?, new: Bool, at location: PostgresLocation,
                                  environment: [String: String]) throws {
        if let problem = PlanPerson.problem(with: name) { throw StoreError(.refused, problem) }
        let store = try PostgresPlanStore.openForLoading(location, environment: environment)
        defer { store.close() }
        // The server gets a SCRAM-SHA-256 verifier, never the password: it appears in no
        // server log, and the server checks logins against it as against its own.
        let verifier = password.map { ScramVerifier.make(password: $0) }
        do {
            try store.session.query("SELECT planboard.set_person(\(name), \(role.rawValue), \(verifier), \(new))")
        } catch let error as StoreError {
            // The function's own refusals carry the reason in the server's message.
            throw StoreError(error.kind == .io ? .refused : error.kind, error.message)
        }
    }

    /// Everyone on the server with a planboard role, by name.
    public static func people(at location: PostgresLocation,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [Person] {
        let store = try PostgresPlanStore.openForLoading(location, environment: environment)
        defer { store.close() }
        return try people(of: store.session)
    }

    private static func people(of session: PostgresSession) throws -> [Person] {
        let rows = try session.query("""
            SELECT r.rolname::text, planboard.role_of(r.rolname) FROM pg_catalog.pg_roles r
            WHERE r.rolcanlogin AND NOT r.rolsuper AND planboard.role_of(r.rolname) IS NOT NULL ORDER BY r.rolname
            """)
        return try rows.compactMap { row in
            let (name, role) = try row.decode((String, String).self)
            return PostgresPlanStore.Role(rawValue: role).map { Person(name: name, role: $0) }
        }
    }

    // MARK: Copying

    /// The plan with its whole change log.
    public static func history(of store: PostgresPlanStore) throws -> PlanHistory {
        // One snapshot, so the plan and the log agree.
        let (plan, log) = try store.refreshed()
        return PlanHistory(plan: plan, log: log, people: try people(of: store.session))
    }

    /// Puts `history` into a database that has the schema but no plan, all or nothing.
    /// The log keeps its original signatures, so only the database's owner (who ran
    /// `server init`, and who alone writes its tables) may do this. Returns the people left
    /// out, each with why.
    @discardableResult
    public static func create(_ location: PostgresLocation, history: PlanHistory,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [String] {
        let store = try PostgresPlanStore.openForLoading(location, environment: environment)
        defer { store.close() }
        return try create(store, history: history)
    }

    private static func create(_ store: PostgresPlanStore, history: PlanHistory) throws -> [String] {
        var history = history
        history.plan = history.plan.uniquingNoteIDs()
        let problems = Validator().problems(in: history.plan)
        if let first = problems.first {
            throw StoreError(.refused, "the plan has \(problems.count) problem(s), e.g. \(first); nothing was copied")
        }
        let location = store.location
        let session = store.session
        let encoder = PlanParts.encoder()
        return try session.transaction {
            let owner = try session.query(PostgresQuery(unsafeSQL: isOwner)).first.map { try $0.decode(Bool.self) } ?? false
            guard owner else {
                throw StoreError(.readOnly, "\(store.user) may not copy a plan into \(location): the change log keeps who made each change, so only the database's owner (who ran `planboard server init`) may bring one in; nothing was changed")
            }
            let existing = try session.query("SELECT count(*) FROM planboard.plan").first.map { try $0.decode(Int64.self) } ?? 0
            guard existing == 0 else {
                throw StoreError(.refused, "\(location) already holds a plan; expected an empty one made by `planboard server init`. Nothing was changed")
            }
            let leftOut = try grant(history.people, session: session, to: location)
            let version = history.log.map(\.seq).max() ?? 0
            try session.query("INSERT INTO planboard.plan (id, format, version) VALUES (1, \(Plan.format), \(version))")
            for part in try PlanParts.parts(of: history.plan) {
                try session.query("""
                    INSERT INTO planboard.part (kind, key, parent, position, body, rev)
                    VALUES (\(part.id.kind), \(part.id.key), \(part.parent), \(Int32(part.position)), \(part.body), \(version))
                    """)
            }
            for record in history.log {
                let edit = try record.edit.map { try PlanParts.text($0, encoder) }
                let inverse = try record.inverse.map { try PlanParts.text($0, encoder) }
                try session.query("""
                    INSERT INTO planboard.change (seq, at, who, kind, target, summary, edit, inverse)
                    VALUES (\(record.seq), \(ChangeTime.text(record.at)), \(record.user), \(record.kind.rawValue), \(record.target),
                            \(record.summary), \(edit), \(inverse))
                    """)
            }
            try session.query("SELECT pg_notify(\(PostgresPlanStore.channel), \(String(version)))")
            return leftOut
        }
    }

    /// Gives each person their role, creating the login of anyone the server does not know,
    /// inside the copy's transaction: one that cannot be made undoes the whole copy. Someone
    /// who already has a planboard role on this server keeps it (roles are server-wide, and a
    /// copied file must not change what they may do on other plans); a login planboard did
    /// not make is never given a role from a file. Returns those left out, with why.
    private static func grant(_ people: [Person], session: PostgresSession, to location: PostgresLocation) throws -> [String] {
        var leftOut: [String] = []
        for person in people {
            if let problem = PlanPerson.problem(with: person.name) {
                throw StoreError(.refused, "cannot copy the person \(person.name) into \(location): \(problem)")
            }
            let row = try session.query("""
                SELECT r.oid IS NOT NULL, planboard.role_of(r.rolname)
                FROM (SELECT 1) AS one LEFT JOIN pg_catalog.pg_roles r ON r.rolname = \(person.name)
                """).first
            let (exists, role) = try row?.decode((Bool, String?).self) ?? (false, nil)
            if let role {
                if role != person.role.rawValue {
                    leftOut.append("\(person.name) keeps the role \(role) they already have on this server (the file says \(person.role.rawValue))")
                }
                continue
            }
            if exists {
                leftOut.append("\(person.name) was left out: the server already has a login of that name that planboard did not make, and a file never gives such a login a role (a chair can, with `planboard people set-role` once the server's administrator has given them a planboard role)")
                continue
            }
            do {
                try session.query("SELECT planboard.set_person(\(person.name), \(person.role.rawValue), NULL, true)")
            } catch let error as StoreError {
                throw StoreError(.refused, "cannot give \(person.name) the role \(person.role.rawValue) on \(location) (\(error.message)); nothing was copied")
            }
        }
        return leftOut
    }

    /// Puts a plan (an import) into a database that has the schema but no plan yet, as one
    /// change signed by the person logged in: a chair or the owner.
    public static func create(_ location: PostgresLocation, plan: Plan, summary: String,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let store = try PostgresPlanStore.openForLoading(location, environment: environment)
        defer { store.close() }
        try store.replace(with: plan, summary: summary)
    }

    /// What `create(_:plan:summary:)` would refuse for this person's role before writing, or
    /// nil when they may: a dry run gives the same refusal, in the same words.
    public static func refusalToCreate(_ location: PostgresLocation,
                                       environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StoreError? {
        let store = try PostgresPlanStore.openForLoading(location, environment: environment)
        defer { store.close() }
        return store.replaceRefusal
    }
}

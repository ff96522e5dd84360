import Foundation
import PlanModel
import PlanStore
import PostgresNIO

/// Setting up a shared plan: the schema and roles (`server init`), people and their roles,
/// and moving a whole plan with its history in and out (`copy`).
public enum PostgresAdmin {
    /// One person on the server and their planboard role.
    public typealias Person = PlanPerson

    /// Creates the planboard schema and the three roles in an empty database, in one
    /// transaction. Run it as the database's owner (or a superuser): that account keeps
    /// every right and counts as a chair.
    public static func initialise(_ location: PostgresLocation,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let session = PostgresSession(location: location, password: location.password(environment: environment))
        defer { session.close() }
        try session.connect()
        let exists = try session.query("SELECT to_regnamespace('planboard') IS NOT NULL").first.map { try $0.decode(Bool.self) } ?? false
        if exists {
            throw StoreError(.refused, "the database \(location.database) already has a planboard schema; nothing was changed. Open it with --db \(location)")
        }
        try session.transaction {
            for statement in statements(PostgresSchema.roles) + statements(PostgresSchema.tables) {
                try session.query(PostgresQuery(unsafeSQL: statement))
            }
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
        do {
            try store.session.query("SELECT planboard.set_person(\(name), \(role.rawValue), \(password), \(new))")
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
            SELECT rolname::text, planboard.role_of(rolname) FROM pg_roles
            WHERE rolcanlogin AND NOT rolsuper AND planboard.role_of(rolname) IS NOT NULL ORDER BY rolname
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
        try store.session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        defer { _ = try? store.session.query("COMMIT") }
        return PlanHistory(plan: try store.load(), log: try store.records(after: 0), people: try people(of: store.session))
    }

    /// Puts `history` into a database that has the schema but no plan, all or nothing.
    /// The log keeps its original signatures, so only the database's owner (who ran
    /// `server init`) may do this: row-level security refuses anyone else.
    public static func create(_ location: PostgresLocation, history: PlanHistory,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let store = try PostgresPlanStore.openForLoading(location, environment: environment)
        defer { store.close() }
        try create(store, history: history)
    }

    private static func create(_ store: PostgresPlanStore, history: PlanHistory) throws {
        var history = history
        history.plan = history.plan.uniquingNoteIDs()
        let problems = Validator().problems(in: history.plan)
        if let first = problems.first {
            throw StoreError(.refused, "the plan has \(problems.count) problem(s), e.g. \(first); nothing was copied")
        }
        let location = store.location
        let session = store.session
        let encoder = PlanParts.encoder()
        try session.transaction {
            let owner = try session.query("""
                SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
                    OR nspowner = (SELECT oid FROM pg_roles WHERE rolname = session_user)
                FROM pg_namespace WHERE nspname = 'planboard'
                """).first.map { try $0.decode(Bool.self) } ?? false
            guard owner else {
                throw StoreError(.readOnly, "\(store.user) may not copy a plan into \(location): the change log keeps who made each change, so only the database's owner (who ran `planboard server init`) may bring one in; nothing was changed")
            }
            let existing = try session.query("SELECT count(*) FROM planboard.plan").first.map { try $0.decode(Int64.self) } ?? 0
            guard existing == 0 else {
                throw StoreError(.refused, "\(location) already holds a plan; expected an empty one made by `planboard server init`. Nothing was changed")
            }
            try grant(history.people, session: session, to: location)
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
        }
    }

    /// Gives each person their role, creating the login of anyone the server does not know,
    /// inside the copy's transaction: one that cannot be made undoes the whole copy.
    private static func grant(_ people: [Person], session: PostgresSession, to location: PostgresLocation) throws {
        for person in people {
            if let problem = PlanPerson.problem(with: person.name) {
                throw StoreError(.refused, "cannot copy the person \(person.name) into \(location): \(problem)")
            }
            do {
                // Someone who already has a planboard role on this server keeps it: roles are
                // server-wide, and a copied file must not change what they may do on other plans.
                try session.query("""
                    SELECT planboard.set_person(\(person.name), \(person.role.rawValue), NULL,
                                                NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(person.name)))
                    WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(person.name) AND planboard.role_of(rolname) IS NOT NULL)
                    """)
            } catch let error as StoreError {
                throw StoreError(.refused, "cannot give \(person.name) the role \(person.role.rawValue) on \(location) (\(error.message)); nothing was copied")
            }
        }
    }

    /// Puts a plan (an import) into a database that has the schema but no plan yet, signed
    /// by the person logged in.
    public static func create(_ location: PostgresLocation, plan: Plan, summary: String, at time: Date = Date(),
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let store = try PostgresPlanStore.openForLoading(location, environment: environment)
        defer { store.close() }
        try create(store, history: PlanHistory(plan: plan, log: [
            ChangeRecord(seq: 1, at: time, user: store.user, kind: .import, target: nil, summary: summary, edit: nil, inverse: nil),
        ]))
    }
}

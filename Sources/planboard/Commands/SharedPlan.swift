import ArgumentParser
import Foundation
import PlanExchange
import PlanModel
import PlanStore
import PlanStorePostgres

// A plan shared on a PostgreSQL server: `server init`, `people`, `copy`, and opening a
// `postgres://` --db.

extension StoreOptions {
    /// The PostgreSQL address in --db or $PLANBOARD_DB, or nil when the plan is a file.
    var postgresLocation: PostgresLocation? {
        get throws {
            let path = self.path
            return PostgresLocation.isURL(path) ? try PostgresLocation(url: path) : nil
        }
    }

    /// Opens the shared plan named by a `postgres://` --db. On PostgreSQL the person is the
    /// role the server authenticated; --user cannot sign as anyone else. A command starts
    /// from the plan as this person's last change left it, when that was recent
    /// (`SnapshotCache`: a change is then one call to the server); the dashboard, which reads
    /// everything and then follows the server, does not (`remembering: false`).
    func openPostgres(_ location: PostgresLocation, remembering: Bool = true) throws -> PostgresPlanStore {
        let cache = remembering && ProcessInfo.processInfo.environment["PLANBOARD_NO_CACHE"] == nil ? SnapshotCache.standard() : nil
        let store = try PostgresPlanStore.open(location, cache: cache)
        // A command reads the snapshot it opened with until it changes something.
        store.reads = .snapshot
        if let user, !user.isEmpty, user != store.user {
            throw CLIError("--user \(user) does not match who the server logged in (\(store.user)); on a shared plan every change is signed by the login. Leave --user out, or log in as \(user)")
        }
        return store
    }

    /// The --db address, which must be a PostgreSQL URL for `what`.
    func requirePostgres(for what: String) throws -> PostgresLocation {
        guard let location = try postgresLocation else {
            throw CLIError("\(what) works on a plan shared on a PostgreSQL server; --db is \(path), a file. Give --db postgres://USER@HOST:PORT/DB. On a SQLite file people and roles are advisory: changes are signed with --user")
        }
        return location
    }

    /// The plan file a `people` command works on, opened; nil when --db is a PostgreSQL URL.
    func peopleFile(forReading: Bool) throws -> PlanStore? {
        guard try postgresLocation == nil else { return nil }
        let path = self.path
        guard FileManager.default.fileExists(atPath: path) else { throw missing() }
        return try PlanStore.open(path: path, user: userName, forReading: forReading)
    }
}

/// What `people` says about roles kept in a SQLite file.
enum AdvisoryRoles {
    static func note(_ path: String) -> String {
        "Roles in a SQLite file (\(Visible.field(path))) are advisory: anyone who can write the file can change anything, and planboard does not check them. For roles the server enforces, share the plan on PostgreSQL with `planboard copy`, which takes the people with it."
    }
}

/// `planboard server init`: the schema and roles for a shared plan.
struct ServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Set up a PostgreSQL database to hold a shared plan.",
        subcommands: [ServerInit.self])
}

struct ServerInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create planboard's tables and the roles viewer, editor and chair in an empty database.",
        discussion: Prose.flowing("""
            Run once, as the database's owner (who keeps every right and counts as a chair). The \
            password comes from PGPASSWORD or ~/.pgpass. Then bring a plan in with `planboard copy` \
            or `planboard import`, and add people with `planboard people add`.
            """))

    @OptionGroup var store: StoreOptions

    func run() throws {
        let location = try store.requirePostgres(for: "server init")
        if case let .upgraded(from) = try PostgresAdmin.initialise(location) {
            try Output.line("Upgraded \(location) from planboard's schema version \(from): the plan, its change log and its people are kept; every change now goes through the server's own function.")
            return
        }
        try Output.line("Set up \(location): the planboard schema and the roles viewer, editor and chair. Next: `planboard copy --from plan.sqlite --to \(location)` or `planboard import FILE.json --db \(location)`, then `planboard people add NAME --role editor --db \(location)`.")
    }
}

/// `planboard people`: who may read and change a shared plan.
struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "List, add and change the people of a plan and their roles.",
        discussion: Prose.flowing("""
            Roles: viewer (reads everything, changes nothing), editor (actions, notes, KPI actuals, \
            risks), chair (also areas, checkpoints, meetings, import and people). On a PostgreSQL \
            server the server enforces them, for planboard and psql alike, and only a chair may add \
            people or change roles. In a SQLite file they are advisory: anyone who can write the \
            file can change anything, and planboard does not check them; `planboard copy` carries \
            them to a server.
            """),
        subcommands: [PeopleList.self, PeopleAdd.self, PeopleSetRole.self],
        defaultSubcommand: PeopleList.self)
}

extension PostgresPlanStore.Role: ExpressibleByArgument {}

struct PeopleList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List everyone with a role on the plan (its server, or its file).")

    @OptionGroup var store: StoreOptions

    func run() throws {
        if let file = try store.peopleFile(forReading: true) {
            let people = try file.people()
            for person in people {
                try Output.line("\(Escaped.text(person.name))\t\(person.role.rawValue)")
            }
            if people.isEmpty { Output.notice("nobody is in \(Visible.field(file.path)) yet; add people with `planboard people add NAME --role viewer|editor|chair`") }
            Output.notice(AdvisoryRoles.note(file.path))
            return
        }
        let location = try store.requirePostgres(for: "people list")
        for person in try PostgresAdmin.people(at: location) {
            try Output.line("\(Escaped.text(person.name))\t\(person.role.rawValue)")
        }
    }
}

struct PeopleAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a person (a login on the server) with a role.",
        discussion: "With --password-stdin the first line of standard input becomes their password; otherwise the server's administrator sets how they log in.")

    @Argument(help: "Their login name.") var name: String
    @Option(help: "viewer, editor or chair.") var role: PostgresPlanStore.Role
    @Flag(help: "Read their password from the first line of standard input.") var passwordStdin = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        if let file = try store.peopleFile(forReading: false) {
            guard !passwordStdin else {
                throw CLIError("--password-stdin sets a login on a PostgreSQL server; \(Visible.field(file.path)) is a SQLite file, which has no logins. Nothing was changed")
            }
            try file.setPerson(name, role: role, new: true)
            try Output.line("Added \(Escaped.text(name)) as \(role.rawValue). \(AdvisoryRoles.note(file.path))")
            return
        }
        let location = try store.requirePostgres(for: "people add")
        var password: String?
        if passwordStdin {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CLIError("--password-stdin was given but standard input held no password; nothing was changed")
            }
            password = line
        }
        try PostgresAdmin.addPerson(name, role: role, password: password, at: location)
        try Output.line("Added \(Escaped.text(name)) as \(role.rawValue).")
    }
}

struct PeopleSetRole: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Change a person's role.")

    @Argument(help: "Their login name.") var name: String
    @Option(help: "viewer, editor or chair.") var role: PostgresPlanStore.Role
    @OptionGroup var store: StoreOptions

    func run() throws {
        let done = "\(Escaped.text(name)) is now \(role == .editor ? "an" : "a") \(role.rawValue)."
        if let file = try store.peopleFile(forReading: false) {
            try file.setPerson(name, role: role, new: false)
            try Output.line("\(done) \(AdvisoryRoles.note(file.path))")
            return
        }
        let location = try store.requirePostgres(for: "people set-role")
        try PostgresAdmin.setRole(name, role: role, at: location)
        try Output.line(done)
    }
}

/// `planboard copy`: a plan with its change log and checkpoints, from a file or server to
/// another, all or nothing.
struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a plan with its change log, checkpoints and people between a SQLite file and a PostgreSQL database, all or nothing.",
        discussion: Prose.flowing("""
            The destination must be new: a file that does not exist yet, or a database made by \
            `planboard server init` that holds no plan. Copying into a database must be done by \
            its owner, since the log keeps who made each change. Into a database, each person \
            of the plan gets their role, and a login is made for anyone the server does not know \
            yet (they log in once the server's administrator sets how); if one cannot be, nothing \
            is copied. Out of a database, the people with a planboard role on the server are kept \
            in the file, where roles are advisory.
            """))

    @Option(help: ArgumentHelp("The plan to copy: a SQLite file or a postgres:// URL.", valueName: "path|url")) var from: String
    @Option(help: ArgumentHelp("Where to copy it: a new SQLite file or an empty postgres:// database.", valueName: "path|url")) var to: String

    func run() throws {
        let user = ProcessInfo.processInfo.environment["USER"] ?? "planboard"
        let history: PlanHistory
        if PostgresLocation.isURL(from) {
            let store = try PostgresPlanStore.open(try PostgresLocation(url: from))
            defer { store.close() }
            history = try PostgresAdmin.history(of: store)
        } else {
            history = try PlanStore.open(path: from, user: user).history()
        }
        let shownTo: String
        var leftOut: [String] = []
        if PostgresLocation.isURL(to) {
            let location = try PostgresLocation(url: to)
            leftOut = try PostgresAdmin.create(location, history: history)
            shownTo = location.description
        } else {
            try PlanStore.create(path: to, history: history)
            shownTo = to
        }
        let shownFrom = PostgresLocation.isURL(from) ? ((try? PostgresLocation(url: from))?.description ?? "the server") : from
        try Output.line("Copied \(shownFrom) to \(shownTo): \(Visible.field(history.plan.header.localArea)), \(counted(history.log.count, "change", "changes")) in the log, \(counted(history.plan.checkpoints.count, "checkpoint", "checkpoints")), \(counted(history.people.count, "person", "people")).")
        for note in leftOut { Output.notice(Escaped.text(note)) }
    }
}

/// Text from the server shown on a terminal: control characters made visible.
enum Escaped {
    static func text(_ value: String) -> String {
        value.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }
}

/// `planboard import` into a shared plan: into an empty database, or replacing its plan.
func importIntoPostgres(_ plan: Plan, file: String, replace: Bool, store options: StoreOptions) throws {
    let location = try options.requirePostgres(for: "import")
    let name = (file as NSString).lastPathComponent
    do {
        let store = try options.openPostgres(location)
        defer { store.close() }
        guard replace else {
            throw ImportDryRun.alreadyHolds("\(location)", try store.load().header.localArea)
        }
        try store.replace(with: plan, summary: "imported \(name) (replacing the plan)")
    } catch let error as StoreError where error.kind == .notFound && error.message.contains("no plan yet") {
        try PostgresAdmin.create(location, plan: plan, summary: "imported \(name)")
    }
    try Output.line("Imported \(Visible.field(file)) into \(location): \(Visible.field(plan.header.localArea)), \(counted(plan.areas.count, "area of weakness", "areas of weakness")), \(counted(plan.allActions.count, "action", "actions")), \(counted(plan.risks.count, "risk", "risks")), \(counted(plan.kpis.count, "KPI", "KPIs")).")
    try Output.line("Open it: \(options.openCommand)")
}

/// What a dry run of a whole-plan import into a shared plan would do there, read from the
/// server; nothing is written. Called after `ImportDryRun.checkWholePlan`, which gives every
/// refusal the real run gives (no --replace, or not a chair), so only what would be done is left.
func postgresImportOutlook(replace: Bool, store options: StoreOptions) throws -> String {
    let location = try options.requirePostgres(for: "import")
    do {
        let store = try options.openPostgres(location)
        defer { store.close() }
        let current = Visible.field(try store.load().header.localArea)
        return "\(location) holds the plan for \(current): the import would replace it as one change in the log, signed by \(store.user)."
    } catch let error as StoreError where error.kind == .notFound && error.message.contains("no plan yet") {
        return "\(location) has the planboard schema and no plan yet: the import would bring this one in."
    }
}

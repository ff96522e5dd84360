import Foundation
import PlanModel
import PlanStore
import PlanStorePostgres
import SamplePlans
import PlanExchange

/// Options every command that works on the plan file takes.
import ArgumentParser

struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The plan file (SQLite), or a shared plan: postgres://USER@HOST:PORT/DB?sslmode=disable|prefer|require|verify-ca|verify-full[&sslrootcert=CA.crt].", discussion: "Default: $PLANBOARD_DB, else $XDG_DATA_HOME/planboard/plan.sqlite (~/.local/share/planboard/plan.sqlite). To a server other than this machine, prefer (the default) acts as require: nothing goes in clear unless the address says sslmode=disable.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Who the change log names for your changes (default: the name in $XDG_CONFIG_HOME/planboard/config.toml, else $USER).", valueName: "name"))
    var user: String?

    /// The plan file, found in this order: --db, $PLANBOARD_DB, the plan in config.toml, then
    /// the XDG data folder (README: "Where the plan file is").
    var path: String {
        let env = ProcessInfo.processInfo.environment
        if let db, !db.isEmpty { return db }
        if let fromEnv = env["PLANBOARD_DB"], !fromEnv.isEmpty { return fromEnv }
        if let plan = UserConfig.load().plan { return plan }
        return Self.dataFolderPlan
    }

    /// The plan in the XDG data folder, where the first run makes one.
    static var dataFolderPlan: String {
        let env = ProcessInfo.processInfo.environment
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return ((data as NSString).appendingPathComponent("planboard") as NSString).appendingPathComponent("plan.sqlite")
    }

    /// Who signs the changes: --user, then the name in config.toml, then $USER or $LOGNAME,
    /// then the account's own name. Never "unknown": the dashboard asks when all are missing.
    var userName: String {
        if (user ?? "").isEmpty, let location = try? postgresLocation { return location.user }
        return knownUserName ?? Self.accountName ?? "planboard user \(getuid())"
    }

    /// The name from --user, config.toml, $USER or $LOGNAME, when one is given.
    var knownUserName: String? {
        if let user, !user.isEmpty { return user }
        if let name = UserConfig.load().name { return name }
        let env = ProcessInfo.processInfo.environment
        return env["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LOGNAME"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The login name of the account running planboard, from the password database.
    static var accountName: String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        let text = String(cString: name)
        return text.isEmpty ? nil : text
    }

    /// The exact command that opens this plan in the dashboard, to end `init` and `import`
    /// with: plain `planboard` only when that is the plan it opens.
    /// A shared plan's address is given as parsed, so a password written into it is never
    /// repeated.
    var openCommand: String {
        if isDefaultLocation { return "planboard" }
        let shown = (try? postgresLocation)??.description ?? path
        return "planboard --db \(ShellWords.quoted(shown))"
    }

    /// Whether the plan file is the default one (no --db, no $PLANBOARD_DB, none in
    /// config.toml but the data folder's): the only place a plan is ever made without being asked for.
    var isDefaultLocation: Bool {
        if let db, !db.isEmpty { return false }
        if let fromEnv = ProcessInfo.processInfo.environment["PLANBOARD_DB"], !fromEnv.isEmpty { return false }
        return path == Self.dataFolderPlan
    }

    /// Opens the plan, which must exist: a mistyped path is an error, never a new plan.
    /// `forReading` opens it read-only, for commands that only read.
    /// A `postgres://` address opens the shared plan.
    func open(forReading: Bool = false) throws -> any PlanStoring {
        if let location = try postgresLocation { return try openPostgres(location) }
        let path = self.path
        guard FileManager.default.fileExists(atPath: path) else { throw missing() }
        return try PlanStore.open(path: path, user: userName, forReading: forReading)
    }

    /// What to say when the named plan is not there; when config.toml named it, it says so,
    /// so a plain `planboard` that refuses to start points at the file to change.
    func missing() -> CLIError {
        let error = Self.missing(path)
        guard (db ?? "").isEmpty, (ProcessInfo.processInfo.environment["PLANBOARD_DB"] ?? "").isEmpty, UserConfig.load().plan != nil else { return error }
        return CLIError(error.message + ". The plan was named by the plan = line of \(UserConfig.path): change or remove that line, or give --db")
    }

    /// What to say when the named plan is not there.
    static func missing(_ path: String) -> CLIError {
        let scheme = path.prefix(12).lowercased()
        if scheme.hasPrefix("postgres:") || scheme.hasPrefix("postgresql:") {
            // Not repeated: a mistyped address may hold a password.
            return CLIError("the plan named (by --db, $PLANBOARD_DB or config.toml) looks like a PostgreSQL address but is not one: it needs two slashes after postgres:; nothing was changed. Expected postgres://USER@HOST:PORT/DB?sslmode=...")
        }
        let shown = Visible.field(path)
        return CLIError("there is no plan at \(shown); nothing was changed. Check the path, or create a plan there with `planboard init --db \(shown)` or `planboard import FILE.json --db \(shown)`")
    }

    /// Opens the plan for the dashboard. Only on the first run at the default location,
    /// when there is no plan yet, it creates one from the illustrative sample, returning
    /// what to tell the person (the dashboard shows it on screen). A shared PostgreSQL plan
    /// is only ever opened: one without its schema or plan says how to set it up.
    func openOrCreate() throws -> (any PlanStoring, created: String?) {
        if let location = try postgresLocation {
            // The dashboard reads again whenever the server announces a change.
            let store = try openPostgres(location, remembering: false)
            store.reads = .told
            return (store, nil)
        }
        let path = self.path
        if FileManager.default.fileExists(atPath: path) {
            return (try PlanStore.open(path: path, user: userName), nil)
        }
        guard isDefaultLocation else { throw missing() }
        guard let sample = SamplePlans.url(SamplePlans.devonIllustrative) else {
            throw CLIError("there is no plan at \(path), and the sample plan is not installed with this planboard; import one with `planboard import FILE.json`")
        }
        var plan = try PlanDecoding.plan(contentsOf: sample, name: SamplePlans.devonIllustrative)
        let today = try Today.date()
        var moved = ""
        if let storyDay = PlanDate(iso: SamplePlans.illustrativeStoryDay), storyDay != today {
            plan = plan.settingStory(asAt: storyDay, to: today)
            moved = " Its dates were moved so that the story, told as at \(storyDay.display), is set at today, \(today.display)."
        }
        let store = try PlanStore.create(path: path, plan: plan, user: userName)
        return (store, "there was no plan at \(path), so planboard created one from the illustrative Devon sample (\(SamplePlans.devonIllustrative)). Its dates, statuses, risks and figures are invented.\(moved)")
    }
}

/// Today, from the system clock, or from $PLANBOARD_TODAY (YYYY-MM-DD) so tests and
/// demonstrations can fix the date.
enum Today {
    static func date() throws -> PlanDate {
        if let fixed = ProcessInfo.processInfo.environment["PLANBOARD_TODAY"], !fixed.isEmpty {
            guard let date = PlanDate(iso: fixed) else {
                throw CLIError("PLANBOARD_TODAY is \"\(fixed)\"; expected a date YYYY-MM-DD")
            }
            return date
        }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return PlanDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? PlanDate(dayNumber: 0)
    }
}

/// A date option, read as the dashboard reads a typed date (`TypedText`), its message
/// naming the option. Empty is refused, not taken as "no date": it is most often a shell
/// variable that was not set; `none` says no date (`StructureCLI.optionalDate`).
func parseDate(_ text: String, option: String) throws -> PlanDate {
    switch TypedText.date(text) {
    case let .success(date?): return date
    case .success(nil): throw CLIError("\(option) is empty; give a date such as \(TypedText.dateExamples), or \(option) none for no date. Nothing was changed")
    case let .failure(refusal): throw CLIError("\(option): \(refusal.message). Nothing was changed")
    }
}

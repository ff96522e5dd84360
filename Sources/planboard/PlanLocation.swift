import Foundation
import PlanModel
import PlanStore
import PlanStorePostgres
import SamplePlans
import PlanExchange

/// Options every command that works on the plan file takes.
import ArgumentParser

struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The plan file (SQLite), or a shared plan: postgres://USER@HOST:PORT/DB?sslmode=disable|prefer|require.", discussion: "Default: $PLANBOARD_DB, else $XDG_DATA_HOME/planboard/plan.sqlite (~/.local/share/planboard/plan.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Who the change log names for your changes (default: $USER).", valueName: "name"))
    var user: String?

    /// The plan file, found as DESIGN.md says: --db, $PLANBOARD_DB, then the XDG data folder.
    var path: String {
        let env = ProcessInfo.processInfo.environment
        if let db, !db.isEmpty { return db }
        if let fromEnv = env["PLANBOARD_DB"], !fromEnv.isEmpty { return fromEnv }
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return ((data as NSString).appendingPathComponent("planboard") as NSString).appendingPathComponent("plan.sqlite")
    }

    var userName: String {
        if let user, !user.isEmpty { return user }
        if let location = try? postgresLocation { return location.user }
        let env = ProcessInfo.processInfo.environment
        return env["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LOGNAME"] ?? "unknown"
    }

    /// Opens the plan; on first run, when there is none, creates it from the illustrative
    /// sample and says so on standard error. A `postgres://` address opens the shared plan.
    func open() throws -> any PlanStoring {
        if let location = try postgresLocation { return try openPostgres(location) }
        let (store, created) = try openOrCreate()
        if let created { Output.notice(created) }
        return store
    }

    /// Opens the plan, or creates it from the illustrative sample, returning what to tell
    /// the person when it was created (the dashboard shows it on screen).
    func openOrCreate() throws -> (PlanStore, created: String?) {
        let path = self.path
        if PostgresLocation.isURL(path) {
            throw CLIError("the dashboard cannot open a shared PostgreSQL plan yet; the other commands can (summary, set, log, export ...)")
        }
        if FileManager.default.fileExists(atPath: path) {
            return (try PlanStore.open(path: path, user: userName), nil)
        }
        guard let sample = SamplePlans.url(SamplePlans.devonIllustrative) else {
            throw CLIError("there is no plan at \(path), and the sample plan is not installed with this planboard; import one with `planboard import FILE.json`")
        }
        let plan = try PlanDecoding.plan(contentsOf: sample, name: SamplePlans.devonIllustrative)
        let store = try PlanStore.create(path: path, plan: plan, user: userName)
        return (store, "there was no plan at \(path), so planboard created one from the illustrative Devon sample (\(SamplePlans.devonIllustrative)). Its dates, statuses, risks and figures are invented.")
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

/// Parses a date argument the way people type it.
func parseDate(_ text: String, option: String) throws -> PlanDate {
    guard let date = PlanDate(typed: text) else {
        throw CLIError("\(option) \"\(text)\" is not a date; expected a real date such as 2023-03-31, 31/03/2023 or 31 Mar 2023")
    }
    return date
}

import ArgumentParser
import Foundation
import PlanModel
import PlanStore
import PlanStorePostgres

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new, empty plan file.",
        discussion: Prose.flowing("""
            The new plan has no areas, actions, risks or KPIs yet. Build it with the commands
            `header`, `governance`, `area`, `finding`, `kpi` and `set`, or in the dashboard.
            init never touches anything already at the path: an existing file, a link (even one
            pointing nowhere), a folder or a device is refused and left as it was.
            A shared plan on PostgreSQL is not made with init: run `planboard server init
            --db URL`, then `planboard import FILE --db URL` or `planboard copy`.
            Example: planboard init northmoor.sqlite --local-area "Northmoor Local Area"
            """))

    @Option(name: .customLong("local-area"), help: ArgumentHelp("The local area's name, e.g. \"Devon Local Area\".", valueName: "name"))
    var localArea: String?

    @Argument(help: ArgumentHelp("The plan file to make: the same as --db, for those who type it first.", valueName: "file"))
    var file: String?

    @OptionGroup var given: StoreOptions

    /// Where the plan goes: the file named first, else --db and its defaults.
    var store: StoreOptions {
        var store = given
        if let file { store.db = file }
        return store
    }

    func validate() throws {
        if let file, let db = given.db, file != db {
            throw ValidationError("Two places for one new plan: \(file) and --db \(db). Give one of them.")
        }
    }

    /// The name a plan gets when none is given; `header set --local-area` changes it.
    static let unnamed = "Unnamed local area"

    func run() throws {
        let path = store.path
        if PostgresLocation.isURL(path) { throw Init.sharedPlanRefusal(path) }
        for candidate in [path, path + "-wal", path + "-shm", path + "-journal"] {
            if let what = Init.occupant(candidate) {
                throw CLIError("\(candidate) already exists (\(what)); nothing was changed. init makes a new plan only where there is nothing yet: give another path with --db")
            }
        }
        let name = localArea?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let plan = Plan(header: Header(localArea: name.isEmpty ? Init.unnamed : name, title: ""), governance: Governance(), areas: [])
        if let problem = Validator().problems(in: plan).first {
            throw CLIError("--local-area: \(problem.message)")
        }
        _ = try PlanStore.create(path: path, plan: plan, user: store.userName)
        try Output.line("Created an empty plan for \(Visible.field(plan.header.localArea)) at \(Visible.field(path)).")
        let db = store.isDefaultLocation ? "" : " --db \(ShellWords.quoted(path))"
        if localArea == nil { try Output.line("Name the local area with: planboard header set --local-area NAME\(db)") }
        try Output.line("Next: planboard area add --title TITLE --weakness TEXT\(db), or open the dashboard: \(store.openCommand)")
    }

    /// Why init makes no plan at a `postgres://` address, and what to run instead. The
    /// address is shown as parsed, so a password written into it is never repeated.
    static func sharedPlanRefusal(_ address: String) -> CLIError {
        let shown = (try? PostgresLocation(url: address))?.description ?? "URL"
        return CLIError("init makes a new plan file, and --db is a shared plan on a PostgreSQL server (\(shown)); nothing was created, here or on the server. To start a shared plan, run once, as the database's owner, `planboard server init --db \(shown)`, then bring a plan in with `planboard import FILE.json|FILE.docx --db \(shown)` or `planboard copy --from plan.sqlite --to \(shown)`")
    }

    /// What sits at `path` without following links: nil when nothing does.
    static func occupant(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT ? nil : "it cannot be inspected: \(String(cString: strerror(errno)))" }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return "a symbolic link"
        case S_IFDIR: return "a folder"
        case S_IFREG: return info.st_size == 0 ? "an empty file" : "a file"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        default: return "something"
        }
    }
}

import ArgumentParser
import BoardCore
import BoardLoop
import Foundation
import PlanModel
import PlanStorePostgres
import ShippedThemes

struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the dashboard (what `planboard` with no command does).",
        discussion: Prose.flowing("""
            Browse the areas of weakness, their actions and the governance; set statuses with
            r a g c -, edit by-when (w), leads (L) and text in place; add notes (p); undo (u).
            M opens the board meetings: highlights, decisions (D), and W writes the board pack.
            Press ? inside for every key and what each colour and glyph means.
            Themes: default, light (projectors), high-contrast, colour-blind, mono, or your own in
            $XDG_CONFIG_HOME/planboard/themes/. NO_COLOR set to anything means mono.
            """))

    @Option(help: ArgumentHelp("Colour theme (default, light, high-contrast, colour-blind, mono, or your own); default: the theme in $XDG_CONFIG_HOME/planboard/config.toml, else default.", valueName: "name"))
    var theme: String?

    @Flag(name: .customLong("keep-theme"), help: "Keep --theme as your default, in $XDG_CONFIG_HOME/planboard/config.toml.")
    var keepTheme = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let status = try MainActor.assumeIsolated {
            let started = DispatchTime.now()
            Allocator.oneArena()
            let noColour = ProcessInfo.processInfo.environment["NO_COLOR"] != nil
            let settings = UserConfig.load()
            let chosen = try ThemeLoader.load(noColour ? "mono" : theme ?? settings.theme ?? "default")
            if keepTheme {
                guard let theme else { throw CLIError("--keep-theme keeps the theme given with --theme; give one, e.g. --theme light --keep-theme") }
                var kept = settings
                kept.theme = theme
                do {
                    try kept.save()
                } catch {
                    throw CLIError("could not keep the theme in \(UserConfig.path) (\(error.localizedDescription)); nothing was changed")
                }
            }
            Phases.mark("theme", since: started)
            var store = self.store
            // Ask for a name only where the dashboard can run: a pipe or a dumb terminal is
            // refused first, without a question.
            // A shared plan signs changes with the login the server checked: nothing to ask.
            let asks = store.knownUserName == nil && !PostgresLocation.isURL(store.path)
            if asks {
                do { _ = try Terminal.usableTerm() } catch let error as Terminal.Unavailable { throw CLIError(error.message) }
            }
            if asks, let name = try NameQuestion.ask(keeping: settings, plan: store.path) {
                store.user = name
            }
            let (db, created) = try store.openOrCreate()
            Phases.mark("open", since: started)
            let terminal: Terminal
            do {
                terminal = try Terminal(theme: chosen, noColour: noColour)
            } catch let error as Terminal.Unavailable {
                throw CLIError(error.message)
            }
            defer { terminal.end() }
            Phases.mark("terminal", since: started)
            let loop = try DashboardLoop(source: StoreSource(db), terminal: terminal, clock: SystemClock(), editor: ExternalEditor(),
                                         today: try Today.date(), stopProcess: stopForSuspend, packWriter: PackFile())
            Phases.mark("load", since: started)
            loop.note = BenchFile.note
            if let created {
                let when = created.contains("dates were moved") ? ", set at today" : ""
                loop.tell("New plan from the illustrative Devon sample\(when) (its figures are invented): \(db.path)")
            }
            // Where this plan was left last time, once the plan is there to open it on.
            let lastPlace = created == nil ? Places.load(for: db.path) : nil
            if let lastPlace, !loop.isLoading { loop.restore(lastPlace) }
            loop.start()
            Phases.recordFirstFrame(since: started)
            var loading = loop.isLoading
            while loop.step(waiting: loop.turnWait) {
                guard loading, !loop.isLoading else { continue }
                loading = false
                if let lastPlace { loop.restore(lastPlace) }
                BenchFile.note("whole_plan_ms", since: started)
            }
            let unsaved = loop.finish()
            Places.save(loop.state.place, for: db.path)
            if !unsaved.isEmpty {
                terminal.end()
                for problem in unsaved { Output.notice("not saved as the dashboard closed: \(Visible.field(problem))") }
                return Int32(1)
            }
            return Int32(0)
        }
        if status != 0 { throw ExitCode(status) }
    }
}

/// Asks once, on the plain terminal before the dashboard starts, for the name that signs
/// the person's changes, when nothing else gives one ($USER unset, no --user, none in
/// config.toml), and keeps that name, and only that, in config.toml: the plan and theme of
/// this run were not chosen to be kept (a plan given with --db may not even exist).
enum NameQuestion {
    static func ask(keeping settings: UserConfig, plan: String) throws -> String? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return nil }
        let suggestion = StoreOptions.accountName.map { " [\($0)]" } ?? ""
        FileHandle.standardOutput.write(Data("""
            planboard signs every change with the name of the person who made it, and $USER is not set.
            Your name, as the board should see it\(suggestion): 
            """.utf8))
        let typed = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces)
        let visible = typed.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }
        let name = String(String.UnicodeScalarView(visible)).trimmingCharacters(in: .whitespaces)
        guard let chosen = name.isEmpty ? StoreOptions.accountName : name else {
            throw CLIError("planboard needs a name to sign changes with; run it again and type one, or pass --user NAME")
        }
        var kept = settings
        kept.name = chosen
        do {
            try kept.save()
            FileHandle.standardOutput.write(Data("Kept in \(UserConfig.path); change it there.\n".utf8))
        } catch {
            FileHandle.standardError.write(Data("planboard: could not keep your name in \(UserConfig.path) (\(error.localizedDescription)); it will ask again next time\n".utf8))
        }
        return chosen
    }
}

/// Milestones on the way to the first frame, for the benchmark ($PLANBOARD_BENCH_FILE).
@MainActor
enum Phases {
    static var marks: [(String, Double)] = []

    static func mark(_ name: String, since start: DispatchTime) {
        guard ProcessInfo.processInfo.environment["PLANBOARD_BENCH_FILE"] != nil else { return }
        marks.append((name, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000))
    }

    /// For the benchmark: how long from start to the first complete frame.
    static func recordFirstFrame(since start: DispatchTime) {
        guard let path = ProcessInfo.processInfo.environment["PLANBOARD_BENCH_FILE"] else { return }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
        let phases = marks.map { "phase_\($0.0)_ms \($0.1)\n" }.joined()
        // The processor time of the whole process so far (the plan's loading thread starts
        // after this frame): steadier than the wall time on a shared machine.
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
        try? Data("first_frame_ms \(ms)\nfirst_frame_cpu_ms \(cpu)\n\(phases)".utf8).write(to: URL(fileURLWithPath: path))
    }
}

/// Finds a theme: the user's own folder first, then the shipped ones.
enum ThemeLoader {
    static func userFolder() -> String {
        let env = ProcessInfo.processInfo.environment
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".config")
        return ((config as NSString).appendingPathComponent("planboard") as NSString).appendingPathComponent("themes")
    }

    static func load(_ name: String) throws -> Theme {
        let userFile = (userFolder() as NSString).appendingPathComponent("\(name).toml")
        do {
            if FileManager.default.fileExists(atPath: userFile) {
                return try Theme.parse(try String(contentsOfFile: userFile, encoding: .utf8), file: userFile)
            }
            if let text = ShippedThemes.text(name) {
                return try Theme.parse(text, file: "themes/\(name).toml")
            }
        } catch let error as ThemeError {
            throw CLIError(error.message)
        }
        let own = (try? FileManager.default.contentsOfDirectory(atPath: userFolder()))?
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) } ?? []
        throw CLIError("there is no theme called \"\(name)\"; expected one of \((ShippedThemes.names + own).joined(separator: ", ")) (your own go in \(userFolder()))")
    }
}

/// The allocator as the dashboard's two threads need it.
enum Allocator {
    /// One glibc allocator arena for every thread. The whole plan is read on a second thread,
    /// and with an arena of its own what that thread frees is not reused by the main thread:
    /// about 10 MB more at the peak with 100,000 actions.
    static func oneArena() {
        #if os(Linux)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8  // M_ARENA_MAX in <malloc.h>, which Swift's Glibc module leaves out
        guard let program = dlopen(nil, RTLD_NOW), let symbol = dlsym(program, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, 1)
        #endif
    }
}

extension Dashboard {
    /// The dashboard with `--db`, `--user` and `--theme` read by hand, when the arguments
    /// are those options alone, each once, as `--name value` or `--name=value` with a value
    /// that is neither empty nor like an option. Anything else is nil, and ArgumentParser
    /// reads it with its own messages: this only spares the usual start its reflection.
    static func plain(_ arguments: [String]) -> Dashboard? {
        var values: [String: String] = [:]
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            let name: String
            let value: String
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            } else {
                guard let next = rest.popFirst() else { return nil }
                name = argument
                value = next
            }
            guard ["--db", "--user", "--theme"].contains(name), values[name] == nil,
                  !value.isEmpty, !value.hasPrefix("-") else { return nil }
            values[name] = value
        }
        var store = StoreOptions()
        store.db = values["--db"]
        store.user = values["--user"]
        var dashboard = Dashboard()
        dashboard.theme = values["--theme"]
        dashboard.keepTheme = false
        dashboard.store = store
        return dashboard
    }
}

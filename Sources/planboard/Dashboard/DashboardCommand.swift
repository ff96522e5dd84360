import ArgumentParser
import BoardCore
import BoardLoop
import Foundation
import ShippedThemes

struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the dashboard (what `planboard` with no command does).",
        discussion: """
            Browse the areas of weakness, their actions and the governance; set statuses with
            r a g c -, edit by-when (w), leads (L) and text in place; add notes (p); undo (u).
            M opens the board meetings: highlights, decisions (D), and W writes the board pack.
            Press ? inside for every key and what each colour and glyph means.
            Themes: default, light (projectors), high-contrast, colour-blind, mono, or your own in
            $XDG_CONFIG_HOME/planboard/themes/. NO_COLOR set to anything means mono.
            """)

    @Option(help: ArgumentHelp("Colour theme (default, light, high-contrast, colour-blind, mono, or your own).", valueName: "name"))
    var theme: String = "default"

    @OptionGroup var store: StoreOptions

    func run() throws {
        let status = try MainActor.assumeIsolated {
            let started = DispatchTime.now()
            let noColour = ProcessInfo.processInfo.environment["NO_COLOR"] != nil
            let chosen = try ThemeLoader.load(noColour ? "mono" : theme)
            Phases.mark("theme", since: started)
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
            if let created {
                let when = created.contains("dates were moved") ? " set at today" : ""
                loop.tell("New plan \(db.path), from the illustrative Devon sample\(when): its figures are invented.")
            }
            loop.start()
            Phases.recordFirstFrame(since: started)
            while loop.step(waiting: 100) {}
            return Int32(0)
        }
        if status != 0 { throw ExitCode(status) }
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
        try? Data("first_frame_ms \(ms)\n\(phases)".utf8).write(to: URL(fileURLWithPath: path))
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

import BoardCore
import CNcurses
import Foundation
import PlanModel
import PlanStore

/// Runs the dashboard: reads input, updates the state, performs effects, draws, and
/// notices when another process changes the plan file.
@MainActor
final class DashboardLoop {
    private let store: PlanStore
    private let theme: Theme
    private let noColour: Bool
    private var state: BoardState
    private var version: Int64 = 0
    private let started: DispatchTime
    /// How often to look for changes made by another process (well inside the one second promised).
    private let pollInterval: UInt64 = 300_000_000

    init(store: PlanStore, theme: Theme, noColour: Bool, today: PlanDate, started: DispatchTime) throws {
        self.store = store
        self.theme = theme
        self.noColour = noColour
        self.started = started
        let plan = try store.load()
        Phases.mark("load", since: started)
        state = BoardState(plan: plan, log: try store.changes(), today: today, user: store.user, readOnly: store.isReadOnly)
        version = try store.version()
        Phases.mark("log", since: started)
    }

    /// Shows a message on the first screen.
    func tell(_ message: String) {
        _ = state.update(.saved(state.plan, state.log, said: message))
    }

    /// Returns the exit status.
    func run() throws -> Int32 {
        let terminal: Terminal
        do {
            terminal = try Terminal(theme: theme, noColour: noColour)
        } catch let error as Terminal.Unavailable {
            throw CLIError(error.message)
        }
        defer { terminal.end() }
        Phases.mark("terminal", since: started)
        let size = terminal.size
        _ = state.update(.resize(width: size.width, height: size.height))
        terminal.draw(Render.screen(state))
        recordFirstFrame()
        var lastPoll = DispatchTime.now()
        while true {
            if cn_take_quit_signal() != 0 { return 0 }
            if cn_take_suspend_signal() != 0 {
                terminal.suspend { kill(getpid(), SIGSTOP) }
                terminal.draw(Render.screen(state))
            }
            var dirty = false
            if let message = terminal.read(milliseconds: 100) {
                let effects = state.update(message)
                dirty = true
                for effect in effects {
                    if case .quit = effect { return 0 }
                    perform(effect, terminal)
                }
            }
            let now = DispatchTime.now()
            var noticed: DispatchTime?
            if now.uptimeNanoseconds - lastPoll.uptimeNanoseconds >= pollInterval {
                lastPoll = now
                if poll() { dirty = true; noticed = now }
            }
            if dirty { terminal.draw(Render.screen(state)) }
            if let noticed { BenchFile.note("follow_ms", since: noticed) }
        }
    }

    /// Picks up changes made by another planboard or the CLI, keeping the place and any
    /// edit in progress (they live in the state, which only takes the new plan).
    private func poll() -> Bool {
        var changed = false
        if let today = try? Today.date(), today != state.today {
            _ = state.update(.today(today))
            changed = true
        }
        guard let now = try? store.version(), now != version else { return changed }
        do {
            let followed = try store.follow(state.plan, log: state.log, from: version)
            version = followed.version
            _ = state.update(.planChanged(followed.plan, followed.log))
        } catch {
            _ = state.update(.failed("Could not read the change made elsewhere: \(error)"))
        }
        return true
    }

    private func perform(_ effect: Effect, _ terminal: Terminal) {
        do {
            switch effect {
            case let .apply(edit, done):
                let plan = try store.apply(edit)
                saved(plan, said: done)
            case .undo:
                guard let (plan, undone) = try store.undo() else {
                    _ = state.update(.failed("Nothing of yours to undo."))
                    return
                }
                saved(plan, said: "Undone: \(undone.summary)")
            case .redo:
                guard let (plan, redone) = try store.redo() else {
                    _ = state.update(.failed("Nothing to redo."))
                    return
                }
                saved(plan, said: "Redone: \(redone.summary)")
            case let .openEditor(ref, field, text):
                let edited = ExternalEditor.edit(text, terminal: terminal)
                let effects = state.update(.editorReturned(ref: ref, field: field, text: edited == text ? nil : edited))
                for effect in effects { perform(effect, terminal) }
            case let .recordCheckpoint(name, date):
                let plan = try store.recordCheckpoint(name: name, date: date)
                saved(plan, said: "Recorded checkpoint “\(name)” (\(date.display)): every status, score and actual as they stand.")
            case .quit:
                break
            }
        } catch let error as StoreError {
            _ = state.update(.failed(error.message))
        } catch {
            _ = state.update(.failed("\(error)"))
        }
    }

    private func saved(_ plan: Plan, said: String) {
        // Only the log's new lines: this edit's, and any made elsewhere that the store took in.
        let new = (try? store.changes(afterSeq: version)) ?? []
        version = new.last?.seq ?? version
        BenchFile.note("own_edit_log_lines", Double(new.count))
        _ = state.update(.saved(plan, state.log + new, said: said))
    }

    /// For the benchmark: how long from start to the first complete frame.
    private func recordFirstFrame() {
        guard let path = ProcessInfo.processInfo.environment["PLANBOARD_BENCH_FILE"] else { return }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        let phases = Phases.marks.map { "phase_\($0.0)_ms \($0.1)\n" }.joined()
        try? Data("first_frame_ms \(ms)\n\(phases)".utf8).write(to: URL(fileURLWithPath: path))
    }
}

/// Runs `$VISUAL` or `$EDITOR` on a temporary file, with the terminal handed over to it.
@MainActor
enum ExternalEditor {
    static func edit(_ text: String, terminal: Terminal) -> String? {
        let env = ProcessInfo.processInfo.environment
        let editor = env["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("planboard-\(getpid())-\(UUID().uuidString).txt")
        do { try Data(text.utf8).write(to: file) } catch { return nil }
        defer { try? FileManager.default.removeItem(at: file) }
        var status: Int32 = -1
        terminal.suspend {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "\(editor) \"$1\"", "planboard-editor", file.path]
            do {
                try process.run()
                process.waitUntilExit()
                status = process.terminationStatus
            } catch {
                status = -1
            }
        }
        guard status == 0, let data = try? Data(contentsOf: file) else { return nil }
        var edited = String(decoding: data, as: UTF8.self)
        if edited.hasSuffix("\n") { edited.removeLast() }
        return edited
    }
}

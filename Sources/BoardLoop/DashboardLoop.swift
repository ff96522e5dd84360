import BoardCore
import PlanModel

/// Runs the dashboard: reads input, updates the state, performs effects, draws, and
/// notices when another process changes the plan. Everything it touches is behind a
/// contract, so tests run it on an in-memory terminal with a clock they move by hand.
@MainActor
public final class DashboardLoop {
    private let source: any PlanSource
    private let terminal: any BoardTerminal
    private let clock: any BoardClock
    private let editor: any LongTextEditor
    /// Stops the process for Ctrl-Z (SIGSTOP in the program); returns when it is resumed.
    private let stopProcess: () -> Void
    public private(set) var state: BoardState
    private var version: Int64 = 0
    private var lastPoll: UInt64 = 0
    private var dirty = true
    /// How often to look for changes made by another process (well inside the one second promised).
    public static let pollInterval: UInt64 = 300_000_000

    public init(source: any PlanSource, terminal: any BoardTerminal, clock: any BoardClock, editor: any LongTextEditor,
                today: PlanDate, stopProcess: @escaping () -> Void = {}) throws {
        self.source = source
        self.terminal = terminal
        self.clock = clock
        self.editor = editor
        self.stopProcess = stopProcess
        state = BoardState(plan: try source.load(), log: try source.changeLog(), today: today, user: source.user, readOnly: source.isReadOnly)
        version = try source.version()
    }

    /// Shows a message on the first screen.
    public func tell(_ message: String) {
        _ = state.update(.saved(state.plan, state.log, said: message))
    }

    /// Runs until the person quits or a signal says to; returns the exit status.
    public func run() -> Int32 {
        start()
        while step(waiting: 100) {}
        return 0
    }

    /// Takes the terminal's size and draws the first frame.
    public func start() {
        let size = terminal.size
        _ = state.update(.resize(width: size.width, height: size.height))
        terminal.draw(Render.screen(state))
        lastPoll = clock.nanoseconds()
        dirty = false
    }

    /// One turn of the loop: signals, one input, a poll when due, a draw when anything
    /// changed. Returns false when the dashboard should close.
    @discardableResult
    public func step(waiting milliseconds: Int32 = 0) -> Bool {
        if terminal.takeQuitSignal() { return false }
        if terminal.takeSuspendSignal() {
            terminal.suspend(stopProcess)
            dirty = true
        }
        if let message = terminal.read(milliseconds: milliseconds) {
            dirty = true
            for effect in state.update(message) {
                if case .quit = effect { return false }
                perform(effect)
            }
        }
        pollWhenDue()
        if dirty { terminal.draw(Render.screen(state)) }
        dirty = false
        return true
    }

    private func pollWhenDue() {
        let now = clock.nanoseconds()
        guard now &- lastPoll >= Self.pollInterval else { return }
        lastPoll = now
        if poll() { dirty = true }
    }

    /// Picks up the date turning and changes made by another planboard or the CLI, keeping
    /// the place and any edit in progress (they live in the state, which only takes the new plan).
    private func poll() -> Bool {
        var changed = false
        if let today = clock.today(), today != state.today {
            _ = state.update(.today(today))
            changed = true
        }
        guard let now = try? source.version(), now != version else { return changed }
        do {
            let plan = try source.load()
            let log = try source.changeLog()
            version = now
            _ = state.update(.planChanged(plan, log))
        } catch {
            _ = state.update(.failed("Could not read the change made elsewhere: \(error)"))
        }
        return true
    }

    private func perform(_ effect: Effect) {
        do {
            switch effect {
            case let .apply(edit, done): saved(try source.apply(edit), said: done)
            case .undo: try undo()
            case .redo: try redo()
            case let .openEditor(ref, field, text):
                let edited = editor.edit(text, on: terminal)
                for effect in state.update(.editorReturned(ref: ref, field: field, text: edited == text ? nil : edited)) { perform(effect) }
            case let .openStructureEditor(what, text):
                let edited = editor.edit(text, on: terminal)
                for effect in state.update(.structureEditorReturned(what, text: edited == text ? nil : edited)) { perform(effect) }
            case let .recordCheckpoint(name, date):
                saved(try source.recordCheckpoint(name: name, date: date),
                      said: "Recorded checkpoint “\(name)” (\(date.display)): every status, score and actual as they stand.")
            case .quit:
                break
            }
        } catch {
            _ = state.update(.failed("\(error)"))
        }
    }

    private func undo() throws {
        guard let (plan, undone) = try source.undo() else {
            _ = state.update(.failed("Nothing of yours to undo."))
            return
        }
        saved(plan, said: "Undone: \(undone.summary)")
    }

    private func redo() throws {
        guard let (plan, redone) = try source.redo() else {
            _ = state.update(.failed("Nothing to redo."))
            return
        }
        saved(plan, said: "Redone: \(redone.summary)")
    }

    private func saved(_ plan: Plan, said: String) {
        let log = (try? source.changeLog()) ?? state.log
        version = (try? source.version()) ?? version
        _ = state.update(.saved(plan, log, said: said))
    }
}

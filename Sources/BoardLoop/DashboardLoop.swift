import BoardCore
import Foundation
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
    private let packWriter: (any PackWriter)?
    /// Stops the process for Ctrl-Z (SIGSTOP in the program); returns when it is resumed.
    private let stopProcess: () -> Void
    public private(set) var state: BoardState
    private var version: Int64 = 0
    private var lastPoll: UInt64 = 0
    private var dirty = true
    /// Whether the source tells of changes (a shared plan), so the loop need not poll.
    private var toldOfChanges = false
    /// A change the source told of that could not be read yet: looked for again at each poll.
    private var missedNotice = false
    /// The whole plan on its way, while the state holds only its outline.
    private var loading: PlanLoading?
    /// A change on its way to a shared plan's server, with what to say when it is saved.
    private var saving: (pending: PendingSave, done: String, retry: Retry?)?
    /// Changes and steps made while one is on its way: sent, in order, once it has answered.
    private var waiting: [Effect] = []
    /// Whether the state holds only the outline, the whole plan not yet in (the state's own flag).
    private var holdsOutline: Bool { state.holdsOutline }
    /// Figures for the benchmark, by name: `follow_ms`, from noticing a change made elsewhere
    /// to having drawn it, and `own_edit_log_lines`, the change-log lines read after the
    /// dashboard's own edit. Does nothing unless set.
    public var note: (String, Double) -> Void = { _, _ in }
    /// How often to look for changes made by another process (well inside the one second
    /// promised) when the source is not told of them, and for the date turning.
    public static let pollInterval: UInt64 = 300_000_000

    public init(source: any PlanSource, terminal: any BoardTerminal, clock: any BoardClock, editor: any LongTextEditor,
                today: PlanDate, stopProcess: @escaping () -> Void = {}, packWriter: (any PackWriter)? = nil) throws {
        self.source = source
        self.terminal = terminal
        self.clock = clock
        self.editor = editor
        self.packWriter = packWriter
        self.stopProcess = stopProcess
        // The first screen needs counts, not every action's text: with an outline it is
        // drawn from that while the whole plan is read on another thread.
        version = try source.version()
        let outline = try source.outline()
        // The change log comes with the whole plan when there is an outline: the first
        // screen shows none of it, and years of history are not worth waiting for.
        state = BoardState(plan: try outline ?? source.load(), log: outline == nil ? try source.changeLog() : [], today: today,
                           user: source.user, readOnly: source.isReadOnly, role: source.role)
        state.holdsOutline = outline != nil
    }

    /// Whether the state holds only the plan's outline, the whole plan still on its way.
    public var isLoading: Bool { holdsOutline }

    /// Whether a change is on its way to the server.
    public var isSaving: Bool { saving != nil }

    /// Waits for the change on its way, takes the server's answer and draws it (tests, and
    /// a dashboard closing with a change in flight).
    @discardableResult
    public func awaitSave() -> String? {
        guard let saving else { return nil }
        _ = try? saving.pending.wait()
        let problem = finishSaving(saving)
        terminal.draw(Render.screen(state))
        return problem
    }

    /// Opens the dashboard where it was left (`BoardPlace`), drawn at the next turn.
    public func restore(_ place: BoardPlace) {
        state.restore(place)
    }

    /// Shows a message on the first screen.
    public func tell(_ message: String) {
        _ = state.update(.saved(state.plan, state.log, said: message))
    }

    /// Runs until the person quits or a signal says to; returns the exit status.
    public func run() -> Int32 {
        start()
        while step(waiting: turnWait) {}
        finish()
        return 0
    }

    /// How long a turn waits for a key: a source told of changes (a shared plan) is looked
    /// at every 20 ms, so a change another person saved shows within a few hundredths of a
    /// second; while one's own change is on its way, every 5 ms, so "saved" follows the
    /// server's answer at once; otherwise every 100 ms.
    public var turnWait: Int32 { saving != nil ? 5 : toldOfChanges ? 20 : 100 }

    /// Before the dashboard closes: a change on its way, and those waiting behind it, are
    /// saved, never dropped. Returns what was not saved, in words, to say once the terminal
    /// is the shell's again.
    @discardableResult
    public func finish() -> [String] {
        var unsaved: [String] = []
        while saving != nil {
            if let problem = awaitSave() { unsaved.append(problem) }
        }
        return unsaved
    }

    /// Takes the terminal's size and draws the first frame.
    public func start() {
        let size = terminal.size
        _ = state.update(.resize(width: size.width, height: size.height))
        terminal.draw(Render.screen(state))
        lastPoll = clock.nanoseconds()
        dirty = false
        // Only now, so the first frame has the processor to itself on a busy machine.
        if holdsOutline { loading = source.loadInBackground() }
    }

    /// One turn of the loop: signals, one input, the server's state and any change it told
    /// of, a poll when due, a draw when anything changed. Returns false when the dashboard
    /// should close.
    @discardableResult
    public func step(waiting milliseconds: Int32 = 0) -> Bool {
        if terminal.takeQuitSignal() { return false }
        if terminal.takeSuspendSignal() {
            terminal.suspend(stopProcess)
            dirty = true
        }
        // While the whole plan is on its way, look for it often; a key waits for it.
        let message = terminal.read(milliseconds: holdsOutline ? min(milliseconds, 10) : milliseconds)
        if holdsOutline, message != nil || loading?.isDone != false { finishLoading(loading) }
        if let saving, saving.pending.isDone { finishSaving(saving) }
        if let message {
            dirty = true
            for effect in state.update(message) {
                if case .quit = effect { return false }
                perform(effect)
            }
        }
        if watchServer() { dirty = true }
        let noticed = pollWhenDue()
        if dirty { terminal.draw(Render.screen(state)) }
        dirty = false
        if let noticed { note("follow_ms", Double(clock.nanoseconds() &- noticed) / 1_000_000) }
        return true
    }

    /// A shared plan's server going away or coming back, and a change it told of: looked at
    /// every turn (both are a flag behind a lock), so a change shows within a turn (≤ 100 ms).
    private func watchServer() -> Bool {
        var changed = false
        let trouble = source.trouble.map(Self.sentence)
        if trouble != state.serverTrouble {
            _ = state.update(.server(trouble))
            changed = true
        }
        // The store is the saving thread's until it answers; a notice waits for it.
        guard saving == nil else { return changed }
        let notice = source.takeChangeNotice()
        toldOfChanges = notice != nil
        if notice == true, catchUp() { changed = true }
        return changed
    }

    /// Puts the whole plan in place of the outline, keeping the place: the screen looks the
    /// same, and every key from now on acts on the whole plan. If the other thread could not
    /// read it, it is read here.
    private func finishLoading(_ loading: PlanLoading?) {
        self.loading = nil
        state.holdsOutline = false
        dirty = true
        do {
            let loaded: LoggedPlan
            do {
                guard let loading else { throw LoadFailure(message: "the whole plan was not asked for") }
                loaded = try loading.wait()
            } catch {
                let now = try source.version()
                loaded = LoggedPlan(plan: try source.load(), log: try source.changeLog(), version: now)
            }
            version = loaded.version
            _ = state.update(.planChanged(loaded.plan, loaded.log))
        } catch {
            _ = state.update(.failed("Could not read the whole plan: \(error)"))
        }
    }

    /// Polls when it is time; returns when a change was noticed, if one was.
    private func pollWhenDue() -> UInt64? {
        let now = clock.nanoseconds()
        guard !holdsOutline, saving == nil, now &- lastPoll >= Self.pollInterval else { return nil }
        lastPoll = now
        guard poll() else { return nil }
        dirty = true
        return now
    }

    /// Picks up the date turning and, from a source that is not told of changes, changes
    /// made by another planboard or the CLI.
    private func poll() -> Bool {
        var changed = false
        if let today = clock.today(), today != state.today {
            _ = state.update(.today(today))
            changed = true
        }
        // A notice whose change could not be read (the server faltered) is tried again here.
        if !toldOfChanges || missedNotice, catchUp() { changed = true }
        return changed
    }

    /// Brings the plan up to date with changes made elsewhere, keeping the place and any
    /// edit in progress (they live in the state, which only takes the new plan).
    private func catchUp() -> Bool {
        guard let now = try? source.version() else {
            missedNotice = true
            return false
        }
        missedNotice = false
        guard now != version else { return false }
        do {
            // The log's new lines applied to the plan held: work for the change, not the plan.
            let followed = try source.follow(state.plan, log: state.log, from: version)
            version = followed.version
            _ = state.update(.planChanged(followed.plan, followed.log))
        } catch {
            missedNotice = true
            _ = state.update(.failed("Could not read the change made elsewhere: \(error)"))
        }
        return true
    }

    private func perform(_ effect: Effect) {
        // While a change is on its way, the next change or step waits for its answer; the
        // screen shows what it will make meanwhile, marked as saving.
        if saving != nil || !waiting.isEmpty, effect.needsTheStore {
            waiting.append(effect)
            if case let .apply(edit, _, _) = effect { showSaving(edit) }
            return
        }
        do {
            switch effect {
            case let .apply(edit, done, retry):
                if let pending = source.saveInBackground(edit) {
                    saving = (pending, done, retry)
                    showSaving(edit)
                    return
                }
                do {
                    saved(try source.apply(edit), said: done)
                } catch let conflict as PlanConflict {
                    refused(conflict, retry: retry)
                } catch let notSaved as PlanNotSaved {
                    _ = state.update(.notSaved(said: Self.sentence(notSaved.message), retry: retry))
                }
            case .undo: try undo()
            case .redo: try redo()
            case let .openEditor(request):
                let edited = editor.edit(request.text, on: terminal)
                for effect in state.update(.editorReturned(request, text: edited == request.text ? nil : edited)) { perform(effect) }
            case let .recordCheckpoint(name, date):
                saved(try source.recordCheckpoint(name: name, date: date),
                      said: "Recorded checkpoint “\(name)” (\(date.display)): every status, score and actual as they stand.")
            case let .writePack(meeting, since):
                guard let packWriter else {
                    _ = state.update(.failed("This dashboard cannot write files; use `planboard report --meeting \"\(meeting)\" -o FILE`."))
                    return
                }
                let place = try packWriter.writePack(state.plan, log: state.log, meeting: meeting, since: since, today: state.today)
                _ = state.update(.said("Wrote the board pack for “\(meeting)” to \(place)."))
            case .quit:
                break
            }
        } catch let notSaved as PlanNotSaved {
            _ = state.update(.notSaved(said: Self.sentence(notSaved.message), retry: nil))
        } catch {
            _ = state.update(.failed("\(error)"))
        }
    }

    /// Shows the change as it will be once saved, saying it is not saved yet.
    private func showSaving(_ edit: Edit) {
        if let (next, _) = try? state.plan.applying(edit) {
            _ = state.update(.planChanged(next, state.log))
        }
        _ = state.update(.said("Saving…"))
    }

    /// A change shown while saving that was not saved: the plan as the store holds it again.
    private func showUnsaved() {
        if let plan = try? source.load() { _ = state.update(.planChanged(plan, state.log)) }
    }

    /// The server answered: saved (say so), refused (show why), or not saved (put the
    /// question back); then send what waited for it. Returns what went wrong, in words,
    /// when the change was not saved.
    @discardableResult
    private func finishSaving(_ saving: (pending: PendingSave, done: String, retry: Retry?)) -> String? {
        self.saving = nil
        dirty = true
        var problem: String?
        do {
            saved(try saving.pending.wait(), said: saving.done)
        } catch let conflict as PlanConflict {
            problem = Self.sentence(conflict.message)
            refused(conflict, retry: saving.retry)
        } catch let notSaved as PlanNotSaved {
            problem = Self.sentence(notSaved.message)
            showUnsaved()
            _ = state.update(.notSaved(said: Self.sentence(notSaved.message), retry: saving.retry))
        } catch {
            problem = "\(error)"
            showUnsaved()
            _ = state.update(.failed("\(error)"))
        }
        let next = waiting
        waiting = []
        for effect in next { perform(effect) }
        return problem
    }

    private func undo() throws {
        let step: (plan: Plan, undone: ChangeRecord)?
        do { step = try source.undo() } catch let conflict as PlanConflict { return refused(conflict, retry: nil) }
        guard let (plan, undone) = step else {
            _ = state.update(.failed("Nothing of yours to undo."))
            return
        }
        saved(plan, said: undone.edit?.undoneSummary(in: plan) ?? "Undid: \(undone.summary)")
    }

    private func redo() throws {
        let step: (plan: Plan, redone: ChangeRecord)?
        do { step = try source.redo() } catch let conflict as PlanConflict { return refused(conflict, retry: nil) }
        guard let (plan, redone) = step else {
            _ = state.update(.failed("Nothing to redo."))
            return
        }
        saved(plan, said: redone.edit?.redoneSummary(in: plan) ?? "Redid: \(redone.summary)")
    }

    /// Someone else changed what the person saw: show the plan as it is now, say who changed
    /// what, and put the question back with what was typed, so Enter applies it knowingly.
    private func refused(_ conflict: PlanConflict, retry: Retry?) {
        do {
            let plan = try source.load()
            let log = try source.changeLog()
            version = try source.version()
            for effect in state.update(.conflicted(plan, log, said: Self.sentence(conflict.message), retry: retry)) { perform(effect) }
        } catch {
            _ = state.update(.failed("\(Self.sentence(conflict.message)). The newer plan could not be read: \(error)"))
        }
    }

    /// A store message as a sentence on screen: capital first, no full stop (one is added).
    static func sentence(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix(".") { text.removeLast() }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    private func saved(_ plan: Plan, said: String) {
        // Only the log's new lines: this edit's, and any made elsewhere that the store took in.
        let new = (try? source.changes(afterSeq: version)) ?? []
        version = new.last?.seq ?? version
        note("own_edit_log_lines", Double(new.count))
        _ = state.update(.saved(plan, state.log + new, said: said))
    }
}

extension Effect {
    /// Whether performing it uses the plan's store (and so waits for a change on its way).
    var needsTheStore: Bool {
        switch self {
        case .apply, .undo, .redo, .recordCheckpoint: true
        case .openEditor, .writePack, .quit: false
        }
    }
}

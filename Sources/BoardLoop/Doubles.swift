import Foundation
import BoardCore
import PlanModel

/// A terminal in memory, for tests of the loop: input is queued by hand, every frame drawn
/// is kept, and handing the terminal over is counted rather than done.
@MainActor
public final class MemoryTerminal: BoardTerminal {
    public var size: (width: Int, height: Int)
    /// What `read` returns next, in order; nil entries stand for a timeout with no input.
    public var input: [Message?] = []
    /// Every frame drawn, oldest first.
    public private(set) var frames: [ScreenBuffer] = []
    /// How many times the terminal was handed over and taken back.
    public private(set) var suspensions = 0
    /// Whether the terminal is handed over right now (true only inside `suspend`).
    public private(set) var isSuspended = false
    /// Set to deliver a signal on the next turn of the loop.
    public var quitSignal = false
    public var suspendSignal = false

    public init(width: Int = 80, height: Int = 24) {
        size = (width, height)
    }

    /// The last frame, as lines of text.
    public var screen: String { frames.last?.lines.joined(separator: "\n") ?? "" }

    /// Queues keys, one message each.
    public func press(_ keys: Key...) { input += keys.map { Message.key($0) } }

    /// Queues text as single keys.
    public func type(_ text: String) { input += text.map { Message.key(.char($0)) } }

    /// Changes the size and queues the resize the terminal would report.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        input.append(.resize(width: width, height: height))
    }

    public func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }

    public func read(milliseconds: Int32) -> Message? { input.isEmpty ? nil : input.removeFirst() }

    public func suspend(_ body: () -> Void) {
        isSuspended = true
        body()
        isSuspended = false
        suspensions += 1
    }

    public func takeQuitSignal() -> Bool {
        defer { quitSignal = false }
        return quitSignal
    }

    public func takeSuspendSignal() -> Bool {
        defer { suspendSignal = false }
        return suspendSignal
    }
}

/// A clock that moves only when told, like swift-nio's embedded event loop.
@MainActor
public final class ManualClock: BoardClock {
    public private(set) var now: UInt64 = 0
    public var date: PlanDate?

    public init(today: PlanDate? = nil) { date = today }

    public func advance(milliseconds: UInt64) { now += milliseconds * 1_000_000 }

    public func nanoseconds() -> UInt64 { now }
    public func today() -> PlanDate? { date }
}

/// A plan held in memory, with a change log and undo, standing in for the store: a plan
/// file by default, or (with `tellsOfChanges`) a shared plan whose server tells of each
/// change, gives a role, and can go away (`serverAway`) as a stopped server does.
@MainActor
public final class MemoryPlanSource: PlanSource {
    public private(set) var plan: Plan
    public private(set) var log: [ChangeRecord] = []
    public let user: String
    public var isReadOnly = false
    public var role: PlanRole?
    /// Whether it stands for a shared plan, telling of each change instead of being polled.
    public var tellsOfChanges = false
    /// While true, the server is away: every read and write fails as postgres-nio's do,
    /// and `trouble` says so.
    public var serverAway = false
    /// How many times the loop asked for the version (polling costs a query on a server).
    public private(set) var versionReads = 0
    /// How many of the next version reads fail (the server faltering for a moment while
    /// its notice still arrives).
    public var failingReads = 0
    private var noticed = false
    /// When the next change is made, as its log line records it.
    public var now = Date(timeIntervalSince1970: 1_692_108_000)
    private var seq: Int64 = 0
    /// Set to hand the loop this outline first and the whole plan from another thread, as
    /// the store does; nil reads the whole plan at once.
    public var firstOutline: Plan?
    /// Set to make reading the whole plan on the other thread fail.
    public var backgroundReadFails = false

    /// Set to save on another thread, as a shared plan does: each save answers only when the
    /// test opens `saveGate`.
    public var savesInBackground = false
    public let saveGate = DispatchSemaphore(value: 0)

    public init(plan: Plan, user: String = "tester") {
        self.plan = plan
        self.user = user
    }

    public func saveInBackground(_ edit: Edit) -> PendingSave? {
        guard savesInBackground else { return nil }
        // The outcome is settled now; the loop hears of it when the gate opens.
        let outcome = Result { try apply(edit) }
        let gate = saveGate
        return PendingSave {
            gate.wait()
            return try outcome.get()
        }
    }

    /// A change made by someone else, as another process would make it.
    public func changeElsewhere(_ edit: Edit, by user: String = "elsewhere") throws {
        try record(edit, by: user)
        noticed = true
    }

    public var trouble: String? {
        serverAway ? "the PostgreSQL server at db.example:5432 is not answering; changes are NOT saved until it is back (planboard keeps trying)" : nil
    }

    public func takeChangeNotice() -> Bool? {
        guard tellsOfChanges else { return nil }
        // Like the feed: nothing is heard while the server is away, and on its return the
        // feed tells of the log position as it stands.
        guard noticed, !serverAway else { return false }
        noticed = false
        return true
    }

    public func load() throws -> Plan { try reachable(); return plan }
    public func outline() throws -> Plan? { firstOutline }

    public func loadInBackground() -> PlanLoading? {
        let loaded = LoggedPlan(plan: plan, log: log, version: seq)
        let fails = backgroundReadFails
        return PlanLoading {
            if fails { throw PlanConflict("the other thread could not read the plan") }
            return loaded
        }
    }
    public func changeLog() throws -> [ChangeRecord] { try reachable(); return log }
    public func version() throws -> Int64 {
        versionReads += 1
        try reachable()
        if failingReads > 0 {
            failingReads -= 1
            throw PlanNotSaved("the server did not answer the read")
        }
        return seq
    }

    public func apply(_ edit: Edit) throws -> Plan {
        guard !serverAway else {
            throw PlanNotSaved("the change was NOT saved: cannot reach the PostgreSQL server at db.example:5432 (connection refused). Try it again when the server is back")
        }
        try record(edit, by: user)
        return plan
    }

    /// Reads fail while the server is away, as the store's do.
    private func reachable() throws {
        if serverAway { throw PlanNotSaved("cannot reach the PostgreSQL server at db.example:5432 (connection refused)") }
    }

    public func undo() throws -> (plan: Plan, undone: ChangeRecord)? {
        guard let last = log.last(where: { $0.user == user && $0.kind == .edit }), let inverse = last.inverse else { return nil }
        plan = try checked(verb: "undo") { try plan.applying(inverse).plan }
        seq += 1
        log.append(ChangeRecord(seq: seq, at: now, user: user, kind: .undo, target: last.seq, summary: last.stepSummary(.undo, in: plan),
                                edit: inverse, inverse: last.edit))
        return (plan, last)
    }

    public func redo() throws -> (plan: Plan, redone: ChangeRecord)? { nil }

    public func recordCheckpoint(name: String, date: PlanDate) throws -> Plan {
        try apply(.addCheckpoint(Checkpoint(name: name, date: date, of: plan), index: nil))
    }

    private func record(_ edit: Edit, by user: String) throws {
        let (next, inverse) = try checked(verb: "change") { try plan.applying(edit) }
        plan = next
        seq += 1
        log.append(ChangeRecord(seq: seq, at: now, user: user, kind: .edit, target: nil, summary: edit.summary(in: plan), edit: edit, inverse: inverse))
    }

    /// Refuses an out-of-date change as the store does: who changed it, to what, and when.
    private func checked<T>(verb: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as EditError {
            guard let conflict = error.conflict else { throw error }
            let outcome = "your \(verb) was not applied"
            guard let last = log.last(where: { $0.edit?.wrote(conflict.target) == true || $0.inverse?.wrote(conflict.target) == true }) else {
                throw PlanConflict("\(conflict.description.replacingOccurrences(of: "; nothing was changed", with: "")); \(outcome)")
            }
            let by = "by \(last.user) at \(Self.time(last.at))"
            switch conflict.found {
            case let found? where conflict.expected != nil: throw PlanConflict("\(conflict.what) was changed \(by) to \(found); \(outcome)")
            case let found?: throw PlanConflict("\(conflict.what) was changed \(by) (\(found)); \(outcome)")
            case nil: throw PlanConflict("\(conflict.what) was removed \(by); \(outcome)")
            }
        }
    }

    /// "14:02 on 15 Aug 2023", as the stores say it, in UTC so tests read the same anywhere.
    static func time(_ date: Date) -> String {
        TimeWords.clockAndDay(date, in: TimeZone(identifier: "UTC") ?? .current)
    }
}

import BoardCore
import BoardLoop
import CNcurses
import Foundation
import PlanModel
import PlanStore

/// The store as the dashboard loop sees it: a plan file or a shared PostgreSQL plan.
///
/// On a shared plan it listens for the server's notice of each committed change (`NOTIFY`),
/// so the loop looks for changes only when told; a file has no such notice, and the loop
/// checks its version now and then, which is cheap there.
@MainActor
final class StoreSource: PlanSource {
    let store: any PlanStoring
    private let notice = ChangeNotice()
    /// The server's notice of changes (stopped when released); nil for a file.
    private var feed: (any ChangeFollowing)?

    init(_ store: any PlanStoring) {
        self.store = store
        let notice = self.notice
        // No feed (the server refused to listen) leaves the loop checking the version instead.
        feed = try? store.follow { seq in notice.note(seq) }
    }

    var user: String { store.user }
    var isReadOnly: Bool { store.isReadOnly }
    var role: PlanRole? { store.enforcedRole }
    var trouble: String? { feed?.trouble }
    /// A notice of a change the store already holds (this dashboard's own, saved a moment
    /// before the server announced it) needs no reading.
    func takeChangeNotice() -> Bool? {
        guard feed != nil else { return nil }
        guard let seq = notice.take() else { return false }
        if let held = store.heldVersion, seq <= held { return false }
        return true
    }

    func load() throws -> Plan { try store.load() }
    func changeLog() throws -> [ChangeRecord] { try store.changes() }
    func version() throws -> Int64 { try store.version() }
    func apply(_ edit: Edit) throws -> Plan { try refusals { try store.apply(edit) } }

    /// A shared plan's change is saved on another thread, so keys keep answering for the
    /// round trip; a file's is quick enough to wait for. The loop leaves the store alone
    /// until the save has answered.
    func saveInBackground(_ edit: Edit) -> PendingSave? {
        guard store.isShared else { return nil }
        let lent = LentStore(store)
        return PendingSave { try Self.refusals(lent.store) { try lent.store.apply(edit) } }
    }
    func undo() throws -> (plan: Plan, undone: ChangeRecord)? { try refusals { try store.undo() } }
    func redo() throws -> (plan: Plan, redone: ChangeRecord)? { try refusals { try store.redo() } }
    func recordCheckpoint(name: String, date: PlanDate) throws -> Plan { try refusals { try store.recordCheckpoint(name: name, date: date) } }
    func changes(afterSeq seq: Int64) throws -> [ChangeRecord] { try store.changes(afterSeq: seq) }

    /// The store's refusals as the loop knows them: an out-of-date change (on either
    /// backend) so the dashboard shows the newer plan and asks again, and a change a shared
    /// plan's server did not save (it went away) so the question comes back with what was
    /// typed. Any other error passes through as it is.
    private func refusals<T>(_ body: () throws -> T) throws -> T {
        try Self.refusals(store, body)
    }

    nonisolated private static func refusals<T>(_ store: any PlanStoring, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError where error.kind == .conflict {
            throw PlanConflict(error.message)
        } catch let error as StoreError where error.kind == .io {
            guard let place = store.serverPlace else { throw error }
            throw PlanNotSaved(Self.notSaved(error.message, at: place))
        }
    }

    /// The store's "NOT saved" for a server that could not be reached, said short enough to
    /// sit above the question it puts back; its other messages (a change that may or may
    /// not have been saved) are kept whole.
    nonisolated static func notSaved(_ message: String, at place: String) -> String {
        guard message.hasPrefix("the change was NOT saved") else { return message }
        return "NOT saved: the PostgreSQL server at \(place) is not answering"
    }

    /// A large plan file draws its first screen from the outline; a shared plan, and a plan
    /// of a size people keep (a few hundred actions), are read whole at once: reading them
    /// costs less than the second frame the outline would lead to.
    func outline() throws -> Plan? {
        guard let count = try store.actionCountIfQuick(), count >= Self.outlineFrom else { return nil }
        return try store.outline()
    }

    /// How many actions a plan file holds before its first screen is drawn from the outline.
    static let outlineFrom = 2_000

    /// The store's own connection reads the whole plan on the other thread (a second
    /// connection to the file in this process lost the dashboard's later writes in tests);
    /// the loop leaves the store alone until it has taken the result.
    func loadInBackground() -> PlanLoading? {
        let lent = LentStore(store)
        return PlanLoading { try lent.store.loadWithLog() }
    }

    /// The log's new lines applied to the plan held; the plan read afresh only when a line
    /// will not apply (an import).
    func follow(_ plan: Plan, log: [ChangeRecord], from version: Int64) throws -> LoggedPlan {
        try store.follow(plan, log: log, from: version)
    }
}

/// The server's notice of a change, from the feed's thread to the loop's: the latest log
/// position announced, behind a lock.
final class ChangeNotice: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: Int64?

    func note(_ seq: Int64) { lock.withLock { latest = max(latest ?? seq, seq) } }

    /// The latest position announced since last asked, if any.
    func take() -> Int64? {
        lock.withLock {
            defer { latest = nil }
            return latest
        }
    }
}

/// The store handed to another thread (loading the whole plan, or saving a change on a
/// shared plan): the loop leaves it alone until that thread is done, so it is never used by
/// two threads at once.
private final class LentStore: @unchecked Sendable {
    let store: any PlanStoring
    init(_ store: any PlanStoring) { self.store = store }
}

/// The machine's clock, with `$PLANBOARD_TODAY` fixing the date.
@MainActor
final class SystemClock: BoardClock {
    func nanoseconds() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    func today() -> PlanDate? { try? Today.date() }
}

/// Stops the process for Ctrl-Z; returns once the shell resumes it.
func stopForSuspend() {
    kill(getpid(), SIGSTOP)
}

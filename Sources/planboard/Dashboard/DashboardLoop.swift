import BoardLoop
import CNcurses
import Foundation
import PlanModel
import PlanStore

/// The store as the dashboard loop sees it.
@MainActor
final class StoreSource: PlanSource {
    let store: PlanStore

    init(_ store: PlanStore) { self.store = store }

    var user: String { store.user }
    var isReadOnly: Bool { store.isReadOnly }
    func load() throws -> Plan { try store.load() }
    func changeLog() throws -> [ChangeRecord] { try store.changes() }
    func version() throws -> Int64 { try store.version() }
    func apply(_ edit: Edit) throws -> Plan { try conflicts { try store.apply(edit) } }
    func undo() throws -> (plan: Plan, undone: ChangeRecord)? { try conflicts { try store.undo() } }
    func redo() throws -> (plan: Plan, redone: ChangeRecord)? { try conflicts { try store.redo() } }

    /// The store's refusal of an out-of-date change, as the loop knows it, so the dashboard
    /// shows the newer plan and asks again; any other error passes through as it is.
    private func conflicts<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError where error.kind == .conflict {
            throw PlanConflict(error.message)
        }
    }
    func recordCheckpoint(name: String, date: PlanDate) throws -> Plan { try store.recordCheckpoint(name: name, date: date) }
    func changes(afterSeq seq: Int64) throws -> [ChangeRecord] { try store.changes(afterSeq: seq) }
    func outline() throws -> Plan? { try store.outline() }

    /// The store's own connection reads the whole plan on the other thread (a second
    /// connection to the file in this process lost the dashboard's later writes in tests);
    /// the loop leaves the store alone until it has taken the result.
    func loadInBackground() -> PlanLoading? {
        let lent = LentStore(store)
        return PlanLoading {
            let whole = try lent.store.loadWithLog()
            return LoadedPlan(plan: whole.plan, log: whole.log, version: whole.version)
        }
    }

    func follow(_ plan: Plan, log: [ChangeRecord], from version: Int64) throws -> (plan: Plan, log: [ChangeRecord], version: Int64) {
        let followed = try store.follow(plan, log: log, from: version)
        return (followed.plan, followed.log, followed.version)
    }
}

/// The store handed to the loading thread: only that thread uses it until the loop takes
/// the whole plan (keys and polls wait for it), so it is never used by two threads at once.
private final class LentStore: @unchecked Sendable {
    let store: PlanStore
    init(_ store: PlanStore) { self.store = store }
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

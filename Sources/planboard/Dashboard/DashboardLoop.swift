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

    /// A connection of its own reads the whole plan, so the two threads share nothing.
    func loadInBackground() -> PlanLoading? {
        let path = store.path
        let user = store.user
        return PlanLoading {
            let whole = try PlanStore.open(path: path, user: user, forReading: true).loadWithLog()
            return LoadedPlan(plan: whole.plan, log: whole.log, version: whole.version)
        }
    }

    func keep(_ loaded: LoadedPlan) { store.keep(loaded.plan, asOf: loaded.version) }

    func follow(_ plan: Plan, log: [ChangeRecord], from version: Int64) throws -> (plan: Plan, log: [ChangeRecord], version: Int64) {
        let followed = try store.follow(plan, log: log, from: version)
        return (followed.plan, followed.log, followed.version)
    }
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

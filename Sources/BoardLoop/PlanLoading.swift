import Foundation
import PlanModel

/// Work done on a thread of its own while the dashboard goes on answering keys; the loop
/// takes the outcome when it is ready, or waits for it when it must.
public final class InBackground<Value: Sendable>: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let result = Locked<Result<Value, any Error>?>(nil)

    /// Starts `work` on a new thread at once, named for `what` it does.
    public init(_ what: String, _ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [result, finished] in
            let outcome: Result<Value, any Error>
            do { outcome = .success(try work()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            finished.signal()
        }
        thread.name = "planboard: \(what)"
        thread.start()
    }

    /// Whether the work is done (or failed).
    public var isDone: Bool { result.withLock { $0 != nil } }

    /// The outcome, waiting for it if need be; the work's error if it failed.
    public func wait() throws -> Value {
        while true {
            if let outcome = result.withLock({ $0 }) { return try outcome.get() }
            finished.wait()
            finished.signal()
        }
    }
}

/// The whole plan being read on a thread of its own while the dashboard shows its first
/// screen from the plan's outline (`PlanSource.outline`), so the person sees the figures
/// without waiting for every action's text. A key that needs the whole plan waits for it.
public typealias PlanLoading = InBackground<LoggedPlan>

extension InBackground where Value == LoggedPlan {
    /// Starts reading the whole plan on a new thread.
    public convenience init(_ read: @escaping @Sendable () throws -> LoggedPlan) {
        self.init("loading the plan", read)
    }
}

/// A change on its way to the plan's store on a thread of its own, so the dashboard keeps
/// answering keys while a shared plan's server, a network away, commits it: the plan as
/// saved, or why it was not.
public typealias PendingSave = InBackground<Plan>

extension InBackground where Value == Plan {
    /// Starts saving a change on a new thread.
    public convenience init(_ save: @escaping @Sendable () throws -> Plan) {
        self.init("saving a change", save)
    }
}

/// Why the plan could not be read, as the error said it.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// A value guarded by a lock, shared between the loading thread and the loop.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

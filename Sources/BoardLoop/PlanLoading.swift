import Foundation
import PlanModel

/// The whole plan being read on a thread of its own while the dashboard shows its first
/// screen from the plan's outline (`PlanSource.outline`), so the person sees the figures
/// without waiting for every action's text. The loop takes the result when it is ready, or
/// waits for it when a key needs the whole plan.
public final class PlanLoading: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let result = Locked<Result<LoggedPlan, LoadFailure>?>(nil)

    /// Starts `read` on a new thread at once.
    public init(_ read: @escaping @Sendable () throws -> LoggedPlan) {
        let thread = Thread { [result, finished] in
            let outcome: Result<LoggedPlan, LoadFailure>
            do { outcome = .success(try read()) } catch { outcome = .failure(LoadFailure(message: "\(error)")) }
            result.withLock { $0 = outcome }
            finished.signal()
        }
        thread.name = "planboard: loading the plan"
        thread.start()
    }

    /// Whether the plan has been read (or reading it failed).
    public var isDone: Bool { result.withLock { $0 != nil } }

    /// The plan, waiting for it if need be; the error if it could not be read.
    public func wait() throws -> LoggedPlan {
        while true {
            if let outcome = result.withLock({ $0 }) { return try outcome.get() }
            finished.wait()
            finished.signal()
        }
    }
}

/// A change on its way to the plan's store on a thread of its own, so the dashboard keeps
/// answering keys while a shared plan's server, a network away, commits it. The loop takes
/// the outcome when it is ready: the plan as saved, or why it was not.
public final class PendingSave: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let result = Locked<Result<Plan, any Error>?>(nil)

    /// Starts `save` on a new thread at once.
    public init(_ save: @escaping @Sendable () throws -> Plan) {
        let thread = Thread { [result, finished] in
            let outcome: Result<Plan, any Error>
            do { outcome = .success(try save()) } catch { outcome = .failure(error) }
            result.withLock { $0 = outcome }
            finished.signal()
        }
        thread.name = "planboard: saving a change"
        thread.start()
    }

    /// Whether the store has answered.
    public var isDone: Bool { result.withLock { $0 != nil } }

    /// The plan as saved, waiting for it if need be; the store's refusal if it was refused.
    public func wait() throws -> Plan {
        while true {
            if let outcome = result.withLock({ $0 }) { return try outcome.get() }
            finished.wait()
            finished.signal()
        }
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

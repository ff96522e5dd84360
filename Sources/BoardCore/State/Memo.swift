import Foundation
import PlanModel

/// Remembers values derived from the plan (roll-ups, the triage list, what changed since a
/// checkpoint), so drawing a screen costs the rows on it rather than a pass over 10,000
/// actions. Every value is keyed by everything it is made from, including the plan's
/// version, so it can never be stale; the state stays the single source of truth.
final class Memo: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private var entries: [String: (key: AnyHashable, value: Any)] = [:]
    private var lastVersion = 0

    /// A version number no other plan held by this memo has had.
    func nextVersion() -> Int {
        lock.lock()
        defer { lock.unlock() }
        lastVersion += 1
        return lastVersion
    }

    func value<Key: Hashable, Value>(_ name: String, _ key: Key, make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries[name], entry.key == AnyHashable(key), let value = entry.value as? Value { return value }
        let value = make()
        entries[name] = (AnyHashable(key), value)
        return value
    }
}

/// Hashable stand-ins for the inputs of derived values.
struct PlanKey: Hashable {
    var version: Int
    var today: PlanDate
    var extra: [String] = []
}

extension BoardState {
    var planKey: PlanKey { PlanKey(version: planVersion, today: today) }

    func key(_ extra: String...) -> PlanKey { PlanKey(version: planVersion, today: today, extra: extra) }

    /// Every action in plan order.
    public var allActions: [Action] { memo.value("allActions", planKey) { plan.allActions } }

    /// Each area's roll-up, in plan order.
    public var rollups: [AreaRollup] {
        memo.value("rollups", planKey) { plan.areas.map { plan.rollup(of: $0, today: today) } }
    }

    /// The roll-up of every action.
    public var overall: AreaRollup {
        memo.value("overall", planKey) { AreaRollup(combining: rollups) }
    }

    /// Everything that changed since a checkpoint, worked out once per plan and log.
    public func sinceSummary(_ checkpoint: Checkpoint) -> SinceSummary {
        memo.value("since:\(checkpoint.name)", key(checkpoint.name, checkpoint.date.iso, String(log.count), String(log.last?.seq ?? 0))) {
            SinceSummary(then: plan.asItWas(at: checkpoint, log: log.since(checkpoint)), now: plan)
        }
    }

    /// The actions that move each KPI.
    public func actions(movingKPI ref: String) -> [Action] {
        let index = memo.value("actionsByKPI", planKey) { () -> [String: [Action]] in
            var byKPI: [String: [Action]] = [:]
            for action in allActions { for kpi in action.kpis { byKPI[kpi, default: []].append(action) } }
            return byKPI
        }
        return index[ref] ?? []
    }

    /// The five highest residual risks, sorted once per plan (not on every key).
    var topRisks: [Risk] { memo.value("topRisks", planKey) { Array(plan.risksByResidual.prefix(5)) } }

    /// The search's matches, by reference.
    func matchingRefs(_ query: String) -> Set<String> {
        memo.value("matches", key(query)) { Set(matches(query).map(\.ref)) }
    }
}

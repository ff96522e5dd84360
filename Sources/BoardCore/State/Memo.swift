import Foundation
import PlanModel

/// Remembers values derived from the plan (roll-ups, the triage list, what changed since a
/// checkpoint), so drawing a screen costs the rows on it rather than a pass over 10,000
/// actions. Every value is keyed by everything it is made from, including the plan's
/// version, so it can never be stale; the state stays the single source of truth.
final class Memo: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private var entries: [String: (key: AnyHashable, value: Any)] = [:]
    private var parts: [String: (list: Any, key: AnyHashable, value: Any)] = [:]
    private var slots: [String: Any] = [:]
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

    /// A value made from one list (an area's actions, the risks), kept with the list it was
    /// made from and made again only when the plan holds a different list. An edit replaces
    /// the list it changes and leaves the others shared, so after a change only the changed
    /// area's figures are worked out again. Holding the list keeps its storage alive and
    /// unchanged (a shared array is copied before it is written), so the same storage
    /// means the same elements.
    func part<Element, Key: Hashable, Value>(_ name: String, of list: [Element], _ key: Key, make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let entry = parts[name], entry.key == AnyHashable(key), let held = entry.list as? [Element],
           Self.sameStorage(held, list), let value = entry.value as? Value {
            return value
        }
        let value = make()
        parts[name] = (list, AnyHashable(key), value)
        return value
    }

    /// A value kept under a name for a caller that itself decides whether it still holds
    /// (the plan as it was at a checkpoint, carried forward across new changes).
    func kept<Value>(_ name: String, as type: Value.Type) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return slots[name] as? Value
    }

    func keep<Value>(_ name: String, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        slots[name] = value
    }

    static func sameStorage<Element>(_ a: [Element], _ b: [Element]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }
}

/// Hashable stand-ins for the inputs of derived values.
struct PlanKey: Hashable {
    var version: Int
    var today: PlanDate
    var extra: [String] = []
}

/// Everything a kept body is made from besides the screen's own state.
struct BodyKey: Hashable {
    var plan: PlanKey
    var width: Int
    var height: Int
    var search: String?
    var since: String?
    var logCount: Int
    var lastSeq: Int64?
}

extension BoardState {
    var planKey: PlanKey { PlanKey(version: planVersion, today: today) }

    func key(_ extra: String...) -> PlanKey { PlanKey(version: planVersion, today: today, extra: extra) }

    /// Every action in plan order, read where it lies.
    public var allActions: PlanActions { PlanActions(plan.areas) }

    /// Each area's roll-up, in plan order.
    public var rollups: [AreaRollup] {
        memo.value("rollups", planKey) { rollupsByPart() }
    }

    /// Each area's RAG (the SRO's judgement, else its roll-up), in plan order, once per plan.
    public var areaRAGs: [AreaRAG] {
        memo.value("rags", planKey) {
            zip(plan.areas, rollups).map { plan.rag(ofArea: $0.number, rollingUpTo: $1.worst) }
        }
    }

    /// The roll-up of every action.
    public var overall: AreaRollup {
        memo.value("overall", planKey) { AreaRollup(combining: rollups) }
    }

    /// Everything that changed since a checkpoint, worked out once per plan and log.
    public func sinceSummary(_ checkpoint: Checkpoint) -> SinceSummary {
        memo.value("since:\(checkpoint.name)", key(checkpoint.name, checkpoint.date.iso, String(log.count), String(log.last?.seq ?? 0))) {
            sinceSummaryByPart(checkpoint)
        }
    }

    /// What changed since a checkpoint, worked out once per plan.
    public func changes(since checkpoint: Checkpoint) -> [PlanChange] {
        memo.value("changes:\(checkpoint.name)", key(checkpoint.name, checkpoint.date.iso)) { changesByPart(since: checkpoint) }
    }

    /// The actions that move each KPI.
    public func actions(movingKPI ref: String) -> [Action] { linkedActions(ref).actions }

    /// The actions that move a KPI, with where each sits in the list.
    func linkedActions(_ ref: String) -> ShownActions {
        let index = memo.value("actionsByKPI", planKey) { () -> [String: ShownActions] in
            var byKPI: [String: [Action]] = [:]
            for area in plan.areas {
                for action in area.actions { for kpi in action.kpis { byKPI[kpi, default: []].append(action) } }
            }
            return byKPI.mapValues(ShownActions.init)
        }
        return index[ref] ?? ShownActions([])
    }

    /// The five highest residual risks, sorted once per plan (not on every key).
    var topRisks: [Risk] { memo.value("topRisks", planKey) { topRisksByPart() } }

    /// A screen's lines before any is marked selected, kept between keys: made again only
    /// when something they show can have changed (the plan, the log, today, the size, the
    /// search or the checkpoint compared with). The screen marks its selection on the copy.
    func keptBody(_ id: ScreenID, make: () -> Body) -> Body {
        let key = BodyKey(plan: planKey, width: width, height: height, search: search, since: since.map { "\($0.name)\u{0}\($0.date.iso)" },
                          logCount: log.count, lastSeq: log.last?.seq)
        return memo.value("body:\(id)", key, make: make)
    }

    /// The search's matches, by reference.
    func matchingRefs(_ query: String) -> Set<String> {
        memo.value("matches", key(query)) { Set(matches(query).map(\.ref)) }
    }
}

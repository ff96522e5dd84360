import PlanModel

/// SplitMix64 for property tests: the generator `SyntheticPlan` uses, so a failing seed can
/// be run again.
public typealias SeededRandom = SyntheticPlan.Random

extension SyntheticPlan.Random {
    /// One of the items, or nil when there are none.
    public mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[next(items.count)] }
}

import PlanModel

/// SplitMix64 for property and fuzz tests: the generator `SyntheticPlan` uses, so a failing
/// seed can be run again. The one seeded generator of the tests.
public typealias SeededRandom = SyntheticPlan.Random

extension SyntheticPlan.Random {
    /// One of the items, or nil when there are none.
    public mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[next(items.count)] }

    /// One of the items, which must not be empty.
    public mutating func one<T>(of items: [T]) -> T { items[next(items.count)] }

    /// A number from 0 to `n - 1` (0 when `n` is not above 0).
    public mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : next(n) }
}

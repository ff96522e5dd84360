/// SplitMix64 for property tests: small, and the same sequence everywhere, so a failing
/// seed can be run again.
public struct SeededRandom {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    /// A number in 0..<bound.
    public mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(1, bound)))
    }

    /// One of the items, or nil when there are none.
    public mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[next(items.count)] }
}

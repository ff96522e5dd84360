/// Names that are nearly the same: what a typing slip or a different case would give. One
/// check for every place a name is typed (a lead in the dashboard or from the command line)
/// and for a mistyped command.
public enum NearNames {
    /// The names in `known` that `name` is close to.
    public static func near(_ name: String, in known: [String]) -> [String] {
        let typed = name.lowercased()
        return known.filter { person in
            let other = person.lowercased()
            return other == typed || distance(Array(other), Array(typed)) <= max(1, min(other.count, typed.count) / 5)
                || (typed.count >= 4 && other.hasPrefix(typed))
        }
    }

    /// The edit distance between two strings (insertions, deletions, substitutions).
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

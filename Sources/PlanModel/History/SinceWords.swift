/// How a `SinceSummary` reads: its changes gathered into groups, each a count with its
/// parts ("6 statuses (3 started, 2 better, 1 worse)"), the groups adding up to the total.
extension SinceSummary {
    /// Kinds of change read together, under one count.
    public struct Group: Sendable {
        public var one: String
        public var many: String
        /// The kinds in the group, each with the word for its part ("later").
        public var kinds: [Kind]
        public var parts: [String]

        init(_ one: String, _ many: String, _ kinds: [(Kind, String)] ) {
            self.one = one
            self.many = many
            self.kinds = kinds.map(\.0)
            self.parts = kinds.map(\.1)
        }

        public static let statuses = Group("status", "statuses", [(.started, "started"), (.better, "better"), (.worse, "worse"), (.sideways, "back to not started")])
        public static let byWhens = Group("by-when moved", "by-whens moved", [(.later, "later"), (.earlier, "earlier"), (.dateSet, "set"), (.dateCleared, "cleared")])
        public static let risks = Group("risk score", "risk scores", [(.riskUp, "up"), (.riskDown, "down")])

        /// Every group, in the order they are read; every kind is in exactly one.
        public static let all: [Group] = [
            statuses,
            Group("action added", "actions added", [(.actionAdded, "")]),
            Group("action removed", "actions removed", [(.actionRemoved, "")]),
            byWhens,
            Group("lead changed", "leads changed", [(.leads, "")]),
            Group("KPI figure recorded", "KPI figures recorded", [(.actual, "")]),
            risks,
            Group("risk added", "risks added", [(.riskAdded, "")]),
            Group("risk removed", "risks removed", [(.riskRemoved, "")]),
            Group("note added", "notes added", [(.noteAdded, "")]),
            Group("note removed", "notes removed", [(.noteRemoved, "")]),
            Group("action edited", "actions edited", [(.actionEdited, "")]),
            Group("risk edited", "risks edited", [(.riskEdited, "")]),
            Group("change to areas, KPIs or header", "changes to areas, KPIs or header", [(.structure, "")]),
            Group("meeting", "meetings", [(.meeting, "")]),
            Group("decision", "decisions", [(.decision, "")]),
            Group("checkpoint", "checkpoints", [(.checkpoint, "")]),
        ]
    }

    /// How many changes a group holds.
    public func count(_ group: Group) -> Int { items.reduce(0) { $0 + (group.kinds.contains($1.kind) ? 1 : 0) } }

    /// Each group with changes, as words: "6 statuses moved (3 started, 2 better, 1 worse)".
    public var phrases: [String] {
        // Counted in one pass: a summary of thousands of changes is read on every draw.
        var tally: [Kind: Int] = [:]
        for item in items { tally[item.kind, default: 0] += 1 }
        return Group.all.compactMap { group in
            let n = group.kinds.reduce(0) { $0 + (tally[$1] ?? 0) }
            guard n > 0 else { return nil }
            let parts = zip(group.kinds, group.parts).compactMap { kind, word -> String? in
                let k = tally[kind] ?? 0
                return k > 0 && !word.isEmpty ? "\(k) \(word)" : nil
            }
            return "\(n) \(n == 1 ? group.one : group.many)" + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))")
        }
    }

    /// The total and its parts on one line: "14 changes: 6 statuses moved (…) · 1 action added".
    public var line: String {
        total == 0 ? "no changes" : "\(counted(total, "change")): " + phrases.joined(separator: " · ")
    }

    /// One change in words: "3q by-when 31 Dec 2022 → 31 Mar 2027 (later)".
    public static func words(_ item: Item) -> String {
        let group = Group.all.first { $0.kinds.contains(item.kind) }
        let what = group.map { g in
            let part = zip(g.kinds, g.parts).first { $0.0 == item.kind }?.1 ?? ""
            return part.isEmpty ? g.one : "\(g.one.split(separator: " ").first ?? "") \(part)"
        } ?? item.kind.rawValue
        let values = item.from.isEmpty && item.to.isEmpty ? "" : item.from.isEmpty ? ": \(item.to)" : item.to.isEmpty ? ": \(item.from)" : ": \(item.from) → \(item.to)"
        return "\(item.ref) \(item.part.isEmpty ? "" : item.part + " ")\(what)\(values)"
    }
}

import PlanExchange
import PlanModel

/// How the store's small JSON columns (leads, KPI links, findings, risk areas, a baseline, a
/// comparator, checkpoint snapshots) are read into values.
protocol ColumnReading {
    static func strings(_ text: String) throws -> [String]
    static func ints(_ text: String) throws -> [Int]
    static func findings(_ text: String) throws -> [Finding]
    static func measure(_ text: String) throws -> Measure
    static func comparator(_ text: String) throws -> PlanModel.Comparator
    static func checkpoint(bytes: UnsafeBufferPointer<UInt8>) throws -> Checkpoint
}

extension ColumnJSON: ColumnReading {}

/// The store's small JSON columns read by the strict reader of plan files (`JSONParser`),
/// value for value as `ColumnJSON` reads them by hand: what the benchmark weighs the hand
/// reader against (planboard-bench-store, docs/BENCHMARKS.md), and what the tests hold it to.
enum StrictColumns: ColumnReading {
    struct Malformed: Error {}

    static func strings(_ text: String) throws -> [String] {
        try items(try parse(text)).map(string)
    }

    static func ints(_ text: String) throws -> [Int] {
        try items(try parse(text)).map(int)
    }

    static func findings(_ text: String) throws -> [Finding] {
        try items(try parse(text)).map { node in
            let o = try members(node)
            return Finding(letter: try string(o["letter"]), text: try string(o["text"]))
        }
    }

    static func measure(_ text: String) throws -> Measure {
        let o = try members(try parse(text))
        return Measure(value: try number(o["value"]), date: try optionalDate(o["date"]), note: try string(o["note"]))
    }

    static func comparator(_ text: String) throws -> PlanModel.Comparator {
        let o = try members(try parse(text))
        return PlanModel.Comparator(label: try string(o["label"]), value: try number(o["value"]))
    }

    static func checkpoint(bytes: UnsafeBufferPointer<UInt8>) throws -> Checkpoint {
        let o = try members(try parse(Array(bytes)))
        func score(_ node: JSONNode?) throws -> Score {
            let s = try members(node)
            return Score(likelihood: try int(s["likelihood"]), impact: try int(s["impact"]))
        }
        return Checkpoint(
            name: try string(o["name"]), date: try date(o["date"]),
            actions: try items(o["actions"]).map { node in
                let a = try members(node)
                guard let status = Status(rawValue: try string(a["status"])) else { throw Malformed() }
                return Checkpoint.ActionState(ref: try string(a["ref"]), status: status)
            },
            risks: try items(o["risks"]).map { node in
                let r = try members(node)
                return Checkpoint.RiskState(ref: try string(r["ref"]), inherent: try score(r["inherent"]),
                                            residual: try score(r["residual"]), target: try score(r["target"]))
            },
            kpis: try items(o["kpis"]).map { node in
                let k = try members(node)
                return Checkpoint.KPIState(ref: try string(k["ref"]), actuals: try items(k["actuals"]).map { node in
                    node.value == .null ? nil : try number(node)
                })
            })
    }

    // MARK: Values

    private static func parse(_ text: String) throws -> JSONNode { try parse(Array(text.utf8)) }

    private static func parse(_ bytes: [UInt8]) throws -> JSONNode {
        do { return try JSONParser.parse(bytes) } catch { throw Malformed() }
    }

    /// An object's members, looked up by key (a key this reader does not know is passed over,
    /// as `ColumnJSON` does). A handful each: comparing costs less than hashing.
    private struct Members {
        let members: [(key: String, value: JSONNode)]

        subscript(key: String) -> JSONNode? {
            for member in members where member.key == key { return member.value }
            return nil
        }
    }

    private static func members(_ node: JSONNode?) throws -> Members {
        guard case let .object(members)? = node?.value else { throw Malformed() }
        return Members(members: members)
    }

    private static func items(_ node: JSONNode?) throws -> [JSONNode] {
        guard case let .array(items)? = node?.value else { throw Malformed() }
        return items
    }

    private static func string(_ node: JSONNode?) throws -> String {
        guard case let .string(text)? = node?.value else { throw Malformed() }
        return text
    }

    private static func number(_ node: JSONNode?) throws -> Double {
        guard case let .number(value)? = node?.value else { throw Malformed() }
        return value
    }

    private static func int(_ node: JSONNode?) throws -> Int {
        let value = try number(node)
        guard value.rounded() == value, let n = Int(exactly: value) else { throw Malformed() }
        return n
    }

    private static func date(_ node: JSONNode?) throws -> PlanDate {
        guard let date = PlanDate(iso: try string(node)) else { throw Malformed() }
        return date
    }

    private static func optionalDate(_ node: JSONNode?) throws -> PlanDate? {
        guard let node, node.value != .null else { return nil }
        return try date(node)
    }
}

/// A parsed JSON value that remembers where in the file it started, so errors can say
/// "line 12, column 7".
public struct JSONNode: Equatable, Sendable {
    public enum Value: Equatable, Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONNode])
        /// Keys in file order.
        case object([(key: String, value: JSONNode)])

        public static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.null, .null): true
            case let (.bool(a), .bool(b)): a == b
            case let (.number(a), .number(b)): a == b
            case let (.string(a), .string(b)): a == b
            case let (.array(a), .array(b)): a == b
            case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: false
            }
        }
    }

    public var value: Value
    public var line: Int
    public var column: Int
    /// For text longer than `JSONParser.maxTextScalars`: its full length in Unicode
    /// scalars (the value holds only the start of it).
    public var oversizedLength: Int?

    public init(_ value: Value, line: Int = 0, column: Int = 0) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The line and column of every value, by its path (`areas[2].actions[4].byWhen`), so
    /// problems found after reading can still point into the file.
    public func positions() -> [String: (line: Int, column: Int)] {
        var out: [String: (line: Int, column: Int)] = [:]
        func walk(_ node: JSONNode, _ path: String) {
            out[path] = (node.line, node.column)
            switch node.value {
            case let .array(items):
                for (i, item) in items.enumerated() { walk(item, "\(path)[\(i)]") }
            case let .object(members):
                for member in members { walk(member.value, path.isEmpty ? member.key : "\(path).\(member.key)") }
            default:
                break
            }
        }
        walk(self, "")
        return out
    }

    /// What kind of value this is, in words for error messages.
    public var kindName: String {
        switch value {
        case .null: "null"
        case let .bool(b): b ? "true" : "false"
        case .number: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// A value to write, with keys in the order they must appear.
public indirect enum JSONOut: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONOut])
    case object([(String, JSONOut)])

    public static func == (lhs: JSONOut, rhs: JSONOut) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// `nil` becomes `null`.
    public static func optional<T>(_ value: T?, _ make: (T) -> JSONOut) -> JSONOut {
        value.map(make) ?? .null
    }
}

import PlanModel

/// Reads typed fields out of parsed JSON, recording a `Problem` with its path, line and
/// column for every field that is missing, unknown or of the wrong type.
///
/// Every accessor returns nil after recording a problem, so a reader can go on and find
/// every error in a file in one pass.
struct FieldReader {
    private(set) var problems: [Problem] = []

    mutating func report(_ path: String, _ node: JSONNode?, _ message: String) {
        problems.append(Problem(path: path, message: message, line: node?.line, column: node?.column))
    }

    /// An object with exactly `keys`, and any of `optional`: unknown keys and missing keys
    /// are both problems.
    ///
    /// The fields are looked up in the object's own members (a handful each), which costs
    /// less than hashing them into a dictionary for each of a plan's half a million objects.
    mutating func object(_ node: JSONNode?, _ path: @autoclosure () -> String, keys: [String], optional: [String] = []) -> Fields? {
        guard let node else { return nil }
        guard case let .object(members) = node.value else {
            report(path(), node, "is \(node.kindName); expected an object with \(keys.joined(separator: ", "))")
            return nil
        }
        var known = 0
        for member in members {
            if keys.contains(member.key) {
                known += 1
            } else if !optional.contains(member.key) {
                report(join(path(), member.key), member.value, "is not a field planboard knows here; expected only \((keys + optional).joined(separator: ", "))")
            }
        }
        let fields = Fields(members: members)
        // The parser refuses a key given twice, so as many known members as keys means none is missing.
        if known < keys.count {
            for key in keys where fields[key] == nil {
                report(join(path(), key), node, "is missing; expected \"\(key)\" in every \(FieldReader.thing(at: path())) (see docs/FORMAT.md)")
            }
        }
        return fields
    }

    mutating func array(_ node: JSONNode?, _ path: @autoclosure () -> String, of what: String) -> [JSONNode]? {
        guard let node else { return nil }
        guard case let .array(items) = node.value else {
            report(path(), node, "is \(node.kindName); expected a list of \(what)")
            return nil
        }
        return items
    }

    mutating func string(_ node: JSONNode?, _ path: @autoclosure () -> String) -> String? {
        guard let node else { return nil }
        guard case let .string(s) = node.value else {
            report(path(), node, "is \(node.kindName); expected text in double quotes")
            return nil
        }
        if let length = node.oversizedLength {
            report(path(), node, "is \(length) characters long; expected at most \(Validator.maxTextLength)")
            return nil
        }
        if let issue = Validator.textIssue(s) {
            report(path(), node, issue)
            return nil
        }
        return s
    }

    /// Text or null. The outer optional is nil on a problem.
    mutating func optionalString(_ node: JSONNode?, _ path: @autoclosure () -> String) -> String?? {
        guard let node else { return nil }
        if case .null = node.value { return .some(nil) }
        guard case .string = node.value else {
            report(path(), node, "is \(node.kindName); expected text in double quotes or null")
            return nil
        }
        return string(node, path()).map { .some($0) }
    }

    mutating func strings(_ node: JSONNode?, _ path: @autoclosure () -> String) -> [String]? {
        guard let items = array(node, path(), of: "text values") else { return nil }
        let values = items.enumerated().map { string($0.element, "\(path())[\($0.offset)]") }
        return values.contains(where: { $0 == nil }) ? nil : values.compactMap { $0 }
    }

    mutating func number(_ node: JSONNode?, _ path: @autoclosure () -> String) -> Double? {
        guard let node else { return nil }
        guard case let .number(n) = node.value else {
            report(path(), node, "is \(node.kindName); expected a number")
            return nil
        }
        if let issue = KPI.figureIssue(n) {
            report(path(), node, issue)
            return nil
        }
        return n
    }

    mutating func optionalNumber(_ node: JSONNode?, _ path: @autoclosure () -> String) -> Double?? {
        guard let node else { return nil }
        if case .null = node.value { return .some(nil) }
        guard case .number = node.value else {
            report(path(), node, "is \(node.kindName); expected a number or null")
            return nil
        }
        return number(node, path()).map { .some($0) }
    }

    mutating func int(_ node: JSONNode?, _ path: @autoclosure () -> String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let node else { return nil }
        guard case let .number(n) = node.value, n.rounded() == n, abs(n) < 1e9 else {
            let found = if case let .number(n) = node.value { "the number \(formatNumber(n))" } else { node.kindName }
            report(path(), node, "is \(found); expected a whole number\(range.map { " \($0.lowerBound) to \($0.upperBound)" } ?? "")")
            return nil
        }
        let value = Int(n)
        if let range, !range.contains(value) {
            report(path(), node, "is \(value); expected \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    mutating func date(_ node: JSONNode?, _ path: @autoclosure () -> String) -> PlanDate? {
        guard let node else { return nil }
        guard case let .string(s) = node.value else {
            report(path(), node, "is \(node.kindName); expected a date written YYYY-MM-DD")
            return nil
        }
        guard let date = PlanDate(iso: s) else {
            let shaped = s.count == 10 && s.split(separator: "-").count == 3
            report(path(), node, shaped ? "is \"\(s)\", which is not a real date; expected a date that exists, written YYYY-MM-DD"
                                      : "is \"\(s)\"; expected a date written YYYY-MM-DD")
            return nil
        }
        return date
    }

    mutating func optionalDate(_ node: JSONNode?, _ path: @autoclosure () -> String) -> PlanDate?? {
        guard let node else { return nil }
        if case .null = node.value { return .some(nil) }
        return date(node, path()).map { .some($0) }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: JSONNode?, _ path: @autoclosure () -> String, _: T.Type) -> T? where T.RawValue == String {
        guard let s = string(node, path()) else { return nil }
        guard let value = T(rawValue: s) else {
            report(path(), node, "is \"\(s)\"; expected one of \(T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
            return nil
        }
        return value
    }

    /// What the object at a path is, in words: `areas[0].actions[3]` is an action.
    static func thing(at path: String) -> String {
        let last = path.split(separator: ".").last.map { String($0.prefix { $0 != "[" }) } ?? ""
        let names = ["": "plan", "header": "plan header", "settings": "settings", "governance": "governance",
                     "reportingLines": "reporting line", "accountableOfficers": "person", "advisers": "person",
                     "areas": "area of weakness", "findings": "finding", "actions": "action", "notes": "note",
                     "risks": "risk", "inherent": "score", "residual": "score", "target": "score", "kpis": "KPI",
                     "baseline": "baseline", "comparator": "comparator", "milestones": "milestone",
                     "checkpoints": "checkpoint", "evidence": "evidence item"]
        return names[last] ?? "object here"
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

/// An object's members, looked up by key.
struct Fields {
    let members: [(key: String, value: JSONNode)]

    subscript(key: String) -> JSONNode? {
        for member in members where member.key == key { return member.value }
        return nil
    }
}

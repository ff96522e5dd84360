import PlanModel

/// What the person says a column means, with `--column "HEADER=FIELD"`: for headers planboard
/// does not know ("Budget code=ignore", "Description=action") or reads otherwise.
public struct ColumnChoices: Equatable, Sendable {
    /// By header, normalised: the field, or nil to leave the column out.
    private var byHeader: [String: ColumnRole?] = [:]
    /// The headers as the person wrote them, in order, for saying which matched nothing.
    public private(set) var headers: [String] = []

    public init() {}

    /// The fields a column can be given, by the name `--column` takes.
    static let fields: [(name: String, role: ColumnRole?)] = [
        ("action", .action), ("ref", .ref), ("by-when", .byWhen), ("lead", .lead), ("sro", .sro), ("status", .status),
        ("kpi", .kpiText), ("success-criteria", .successCriteria), ("progress", .progress), ("ignore", nil),
    ]

    /// The field names, for messages: "action, ref, by-when … or ignore".
    public static var fieldList: String {
        let names = fields.map(\.name)
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    /// Reads each `HEADER=FIELD`; a bad one is refused naming it and what was expected.
    public static func parse(_ options: [String]) throws(ColumnChoiceError) -> ColumnChoices {
        var out = ColumnChoices()
        for option in options {
            guard let equals = option.lastIndex(of: "=") else {
                throw ColumnChoiceError("--column \"\(option)\" has no \"=\"; expected HEADER=FIELD, e.g. --column \"Description=action\", with FIELD one of \(fieldList)")
            }
            let header = String(option[..<equals]).trimmingCharacters(in: .whitespaces)
            let field = ColumnMatcher.normalise(String(option[option.index(after: equals)...])).replacingOccurrences(of: " ", with: "-")
            let key = ColumnMatcher.normalise(header)
            guard !key.isEmpty else {
                throw ColumnChoiceError("--column \"\(option)\" names no header before \"=\"; expected HEADER=FIELD, e.g. --column \"Description=action\"")
            }
            let aliases = ["date": "by-when", "bywhen": "by-when", "deadline": "by-when", "leads": "lead", "owner": "lead",
                           "reference": "ref", "rag": "status", "kpi-text": "kpi", "success": "success-criteria",
                           "notes": "progress", "note": "progress", "none": "ignore", "skip": "ignore"]
            let name = aliases[field] ?? field
            guard let chosen = fields.first(where: { $0.name == name }) else {
                throw ColumnChoiceError("--column \"\(option)\": \"\(field)\" is not a field planboard has; expected one of \(fieldList)")
            }
            if out.byHeader[key] == nil { out.headers.append(header) }
            out.byHeader[key] = .some(chosen.role)
        }
        return out
    }

    public var isEmpty: Bool { byHeader.isEmpty }

    /// What the person chose for a column with this header: nil when they said nothing,
    /// `.some(nil)` when they said to leave it out.
    func choice(for header: String) -> ColumnRole?? {
        byHeader[ColumnMatcher.normalise(header)]
    }

    /// The role of an actions table's column: the person's choice, else planboard's reading.
    func actionRole(_ header: String) -> ColumnRole? {
        if let chosen = choice(for: header) { return chosen }
        return ColumnMatcher.actionRole(header)
    }
}

/// A `--column` option planboard cannot read.
public struct ColumnChoiceError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension ColumnMatcher {
    /// Says what became of a header column that was given no role: left out by the person's
    /// choice, a second column of a role already taken, or words planboard does not know.
    static func unused(_ header: String, choices: ColumnChoices, taken: Set<ColumnRole>) -> (skipped: Bool, what: String) {
        let shown = QuickTrim.oneLine(header)
        if case .some(.none) = choices.choice(for: header) {
            return (true, "the column \"\(shown)\", left out as --column said")
        }
        if let role = ColumnMatcher.actionRole(header), taken.contains(role) {
            return (false, "the column \"\(shown)\" is a second \(role.label) column; its cells were not placed. To use it instead, add --column \"\(shown)=\(fieldName(role))\" and --column for the first; to leave it out, --column \"\(shown)=ignore\"")
        }
        return (false, "the column \"\(shown)\" is not one planboard knows; its cells were not placed. To place them, say what it holds with --column \"\(shown)=FIELD\", FIELD one of \(ColumnChoices.fieldList)")
    }

    static func fieldName(_ role: ColumnRole) -> String {
        ColumnChoices.fields.first { $0.role == role }?.name ?? role.label
    }
}

import PlanModel

/// What a cell means, never how it looks: themes map roles to colours and attributes.
public enum Role: Hashable, Sendable {
    case normal
    case dim
    case title
    case header
    case notice
    case heading
    case tableHeader
    case selection
    case status(Status)
    case overdue
    case dueSoon
    case heat(RiskBand)
    case kpi(KPIStatus)
    case keyHint
    case keyLabel
    case message
    case error
    case input
    case escaped
    case match
    case link

    /// Every role, for themes and the help legend.
    public static let all: [Role] = [.normal, .dim, .title, .header, .notice, .heading, .tableHeader, .selection]
        + Status.allCases.map(Role.status) + [.overdue, .dueSoon] + RiskBand.allCases.map(Role.heat)
        + KPIStatus.allCases.map(Role.kpi) + [.keyHint, .keyLabel, .message, .error, .input, .escaped, .match, .link]

    /// The name themes use: `status.red`, `heat.high`, `selection` ...
    public var name: String {
        switch self {
        case .normal: "normal"
        case .dim: "dim"
        case .title: "title"
        case .header: "header"
        case .notice: "notice"
        case .heading: "heading"
        case .tableHeader: "tableHeader"
        case .selection: "selection"
        case let .status(s): "status.\(s.rawValue)"
        case .overdue: "overdue"
        case .dueSoon: "dueSoon"
        case let .heat(b): "heat.\(b.rawValue)"
        case let .kpi(k): "kpi.\(k.rawValue)"
        case .keyHint: "keyHint"
        case .keyLabel: "keyLabel"
        case .message: "message"
        case .error: "error"
        case .input: "input"
        case .escaped: "escaped"
        case .match: "match"
        case .link: "link"
        }
    }

    /// One character per role, for golden files that show the roles as a grid.
    public var code: Character {
        switch self {
        case .normal: "."
        case .dim: ","
        case .title: "T"
        case .header: "H"
        case .notice: "!"
        case .heading: "h"
        case .tableHeader: "t"
        case .selection: "#"
        case let .status(status): caseCode(status, in: "nragc")
        case .overdue: "O"
        case .dueSoon: "S"
        case let .heat(band): caseCode(band, in: "123")
        case let .kpi(status): caseCode(status, in: "GARN")
        case .keyHint: "k"
        case .keyLabel: "K"
        case .message: "m"
        case .error: "E"
        case .input: "i"
        case .escaped: "^"
        case .match: "M"
        case .link: "l"
        }
    }
}

extension Status {
    /// The glyph shown beside the letter, so a status reads without colour.
    public var glyph: Character {
        switch self {
        case .notStarted: "○"
        case .red: "●"
        case .amber: "▲"
        case .green: "✓"
        case .complete: "■"
        }
    }

    /// Letter and glyph together: `R ●`.
    public var badge: String { "\(letter) \(glyph)" }
}

/// The code of a value from a string holding one code per case, in case order.
private func caseCode<T: CaseIterable & Equatable>(_ value: T, in codes: String) -> Character {
    let index = Array(T.allCases).firstIndex(of: value) ?? 0
    let characters = Array(codes)
    return characters.indices.contains(index) ? characters[index] : "?"
}

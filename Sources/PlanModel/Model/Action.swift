import Foundation

/// The state of an action, as public-sector trackers colour it (BRAG: blue is complete).
public enum Status: String, Codable, Sendable, CaseIterable, Comparable {
    case notStarted = "not-started"
    case red
    case amber
    case green
    case complete

    /// The name people read: "Not started", "Red" ...
    public var label: String {
        switch self {
        case .notStarted: "Not started"
        case .red: "Red"
        case .amber: "Amber"
        case .green: "Green"
        case .complete: "Complete"
        }
    }

    /// A single letter, so status never depends on colour alone.
    public var letter: Character {
        switch self {
        case .notStarted: "–"
        case .red: "R"
        case .amber: "A"
        case .green: "G"
        case .complete: "C"
        }
    }

    /// Red and Amber need a reason: a progress note saying why.
    public var needsReason: Bool { self == .red || self == .amber }

    /// How much a status calls for attention, for roll-ups: red is worst.
    public var concern: Int {
        switch self {
        case .red: 4
        case .amber: 3
        case .notStarted: 2
        case .green: 1
        case .complete: 0
        }
    }

    /// Accepts the file form (`not-started`), the label (`Not started`) and single letters.
    public init?(typed text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        switch t {
        case "not-started", "notstarted", "n", "-", "–", "grey", "gray": self = .notStarted
        case "red", "r": self = .red
        case "amber", "a": self = .amber
        case "green", "g": self = .green
        case "complete", "completed", "c", "blue", "b": self = .complete
        default: return nil
        }
    }

    public static func < (lhs: Status, rhs: Status) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// A dated progress note on an action.
public struct Note: Codable, Equatable, Sendable {
    public var date: PlanDate
    public var author: String
    public var text: String

    public init(date: PlanDate, author: String, text: String) {
        self.date = date
        self.author = author
        self.text = text
    }
}

/// One action designed to lead to improvement.
public struct Action: Codable, Equatable, Sendable {
    /// Unique in the plan, e.g. `3b` or `3a.ii`.
    public var ref: String
    public var text: String
    public var byWhen: PlanDate?
    public var leads: [String]
    public var seniorResponsibleOfficer: String?
    public var status: Status
    /// The plan's "KPI used to measure" column as written.
    public var kpiText: String
    /// References of the KPIs on the score card that this action moves.
    public var kpis: [String]
    public var successCriteria: String
    public var notes: [Note]

    public init(ref: String, text: String, byWhen: PlanDate? = nil, leads: [String] = [],
                seniorResponsibleOfficer: String? = nil, status: Status = .notStarted,
                kpiText: String = "", kpis: [String] = [], successCriteria: String = "",
                notes: [Note] = []) {
        self.ref = ref
        self.text = text
        self.byWhen = byWhen
        self.leads = leads
        self.seniorResponsibleOfficer = seniorResponsibleOfficer
        self.status = status
        self.kpiText = kpiText
        self.kpis = kpis
        self.successCriteria = successCriteria
        self.notes = notes
    }
}

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
        var t = QuickTrim.whitespaces(text).lowercased()
        if t.utf8.contains(where: { $0 == 0x20 || $0 == 0x5F }) {
            t = t.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        }
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
///
/// A note has an identity, `id`, unique among its action's notes, so an edit (and its
/// undo) names the note it acts on and never its position. By default the id is derived
/// from the note's content (`Note.derivedID`), so the same file read twice gives the same
/// ids and a JSON file need not carry them (see docs/FORMAT.md).
public struct Note: Codable, Equatable, Sendable {
    public var id: String
    public var date: PlanDate
    public var author: String
    public var text: String

    public init(id: String? = nil, date: PlanDate, author: String, text: String) {
        self.id = id ?? Note.derivedID(date: date, author: author, text: text)
        self.date = date
        self.author = author
        self.text = text
    }

    private enum CodingKeys: String, CodingKey { case id, date, author, text }

    /// Reads a note; one written before notes had ids gets its derived id.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let date = try c.decode(PlanDate.self, forKey: .date)
        let author = try c.decode(String.self, forKey: .author)
        let text = try c.decode(String.self, forKey: .text)
        self.init(id: try c.decodeIfPresent(String.self, forKey: .id), date: date, author: author, text: text)
    }

    /// The id a note gets from its date, author and text: 16 hex digits of FNV-1a.
    public static func derivedID(date: PlanDate, author: String, text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(date.iso)\u{1F}\(author)\u{1F}\(text)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The same notes with ids made unique: a repeated id gets `-2`, `-3` ... in order.
    public static func uniquingIDs(_ notes: [Note]) -> [Note] {
        var seen = Set<String>()
        return notes.map { note in
            var note = note
            note.id = Note.freeID(note.id, taken: seen)
            seen.insert(note.id)
            return note
        }
    }

    /// `id`, or the first of `id-2`, `id-3` ... not in `taken`.
    public static func freeID(_ id: String, taken: Set<String>) -> String {
        guard taken.contains(id) else { return id }
        var n = 2
        while taken.contains("\(id)-\(n)") { n += 1 }
        return "\(id)-\(n)"
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
    /// The by-when as the plan wrote it when it is not a date ("Ongoing", "TBC", "Termly"),
    /// kept so it is not lost; shown where the date would be while there is no date.
    public var byWhenWritten: String?
    /// What shows the action's effect (see `Evidence`).
    public var evidence: [Evidence] = []
    /// Changes to its agreed by-when, with their reasons (see `DateRevision`).
    public var revisions: [DateRevision] = []

    public init(ref: String, text: String, byWhen: PlanDate? = nil, leads: [String] = [],
                seniorResponsibleOfficer: String? = nil, status: Status = .notStarted,
                kpiText: String = "", kpis: [String] = [], successCriteria: String = "",
                notes: [Note] = [], byWhenWritten: String? = nil) {
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
        self.byWhenWritten = byWhenWritten
    }
}

extension Plan {
    /// The same plan with every action's note ids unique (see `Note.uniquingIDs`).
    public func uniquingNoteIDs() -> Plan {
        var plan = self
        for a in plan.areas.indices {
            for i in plan.areas[a].actions.indices {
                plan.areas[a].actions[i].notes = Note.uniquingIDs(plan.areas[a].actions[i].notes)
            }
        }
        return plan
    }
}

/// What the plan shows families when it is published (`planboard publish`): a plan's
/// setting, kept in `Settings.publication`.
///
/// The published page always carries what the plan is for: the inspection, each area of
/// weakness with its actions, their status and by-when, the KPIs and their figures, and the
/// accountable officers. Everything else is internal until a chair marks it public: a whole
/// kind of thing (`parts`), or single items (the notes of one action, one risk, one decision).
/// The last publication is recorded here too, so that each one is a change in the log.
public struct Publication: Codable, Equatable, Sendable {
    /// The kinds of thing that are internal unless marked public.
    public enum Part: String, Codable, Sendable, CaseIterable {
        /// Progress notes on actions (also the reason given for a Red or Amber status).
        case notes
        /// The risk register.
        case risks
        /// The board's decisions.
        case decisions
        /// Names below the accountable officers: action leads, senior responsible officers,
        /// advisers, risk and decision owners.
        case leads
        /// Links to evidence. The plan keeps no evidence links yet; when it does, they are
        /// internal unless this is public.
        case evidence

        /// How it reads in messages and the preview.
        public var label: String {
            switch self {
            case .notes: "progress notes"
            case .risks: "risks"
            case .decisions: "decisions"
            case .leads: "named leads below the accountable officers"
            case .evidence: "evidence links"
            }
        }
    }

    /// Kinds made public as a whole.
    public var parts: [Part]
    /// Actions (by reference) whose progress notes are public though notes as a whole are not.
    public var notesOf: [String]
    /// Risks (by reference) that are public though risks as a whole are not.
    public var risks: [String]
    /// Decisions (by number) that are public though decisions as a whole are not.
    public var decisions: [Int]
    /// How families give feedback on the plan (an address, a link, a phone number), shown on the page.
    public var feedback: String?
    /// The latest publication; never shown on the page itself.
    public var last: Published?

    public init(parts: [Part] = [], notesOf: [String] = [], risks: [String] = [], decisions: [Int] = [],
                feedback: String? = nil, last: Published? = nil) {
        self.parts = parts
        self.notesOf = notesOf
        self.risks = risks
        self.decisions = decisions
        self.feedback = feedback
        self.last = last
    }

    /// Whether nothing is set: such a publication is not written (`Settings.publication` is nil).
    public var isDefault: Bool { self == Publication() }

    public func isPublic(_ part: Part) -> Bool { parts.contains(part) }
    public func notesArePublic(of action: String) -> Bool { isPublic(.notes) || notesOf.contains(action) }
    public func riskIsPublic(_ ref: String) -> Bool { isPublic(.risks) || risks.contains(ref) }
    public func decisionIsPublic(_ number: Int) -> Bool { isPublic(.decisions) || decisions.contains(number) }

    /// This publication with `part` public or internal; kinds kept in a fixed order.
    public func setting(_ part: Part, public isPublic: Bool) -> Publication {
        var copy = self
        let wanted = Set(parts).union(isPublic ? [part] : []).subtracting(isPublic ? [] : [part])
        copy.parts = Part.allCases.filter(wanted.contains)
        return copy
    }

    // Keys are written only when set, so a plan that never published keeps its bytes.
    private enum CodingKeys: String, CodingKey { case parts = "public", notesOf, risks, decisions, feedback, last }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        parts = try c.decodeIfPresent([Part].self, forKey: .parts) ?? []
        notesOf = try c.decodeIfPresent([String].self, forKey: .notesOf) ?? []
        risks = try c.decodeIfPresent([String].self, forKey: .risks) ?? []
        decisions = try c.decodeIfPresent([Int].self, forKey: .decisions) ?? []
        feedback = try c.decodeIfPresent(String.self, forKey: .feedback)
        last = try c.decodeIfPresent(Published.self, forKey: .last)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !parts.isEmpty { try c.encode(parts, forKey: .parts) }
        if !notesOf.isEmpty { try c.encode(notesOf, forKey: .notesOf) }
        if !risks.isEmpty { try c.encode(risks, forKey: .risks) }
        if !decisions.isEmpty { try c.encode(decisions, forKey: .decisions) }
        try c.encodeIfPresent(feedback, forKey: .feedback)
        try c.encodeIfPresent(last, forKey: .last)
    }
}

/// One publication: its number, when, by whom, where to, and a fingerprint of what was written.
public struct Published: Codable, Equatable, Sendable {
    /// 1 for the first publication, then one more each time, so every publication is a change.
    public var number: Int
    public var on: PlanDate
    public var by: String
    /// Where it was written, as the chair gave it (a folder, a file, or "standard output").
    public var to: String
    /// "html" or "md".
    public var format: String
    /// A fingerprint of the bytes written: the same page gives the same fingerprint.
    public var fingerprint: String
    /// What was public beyond the always-public parts, in words ("nothing internal", "risks, notes of 3b").
    public var shown: String

    public init(number: Int, on: PlanDate, by: String, to: String, format: String, fingerprint: String, shown: String) {
        self.number = number
        self.on = on
        self.by = by
        self.to = to
        self.format = format
        self.fingerprint = fingerprint
        self.shown = shown
    }
}

extension Settings {
    /// The publication setting, with the default (nothing public, never published) for a plan that has none.
    public var publicationOrDefault: Publication { publication ?? Publication() }

    /// These settings without the record of the last publication: what the board and families read.
    public var withoutLastPublication: Settings {
        var copy = self
        copy.publication?.last = nil
        if copy.publication?.isDefault == true { copy.publication = nil }
        return copy
    }
}

extension Publication {
    /// What is public beyond what always is, in words: "nothing internal" when nothing is.
    public var shownWords: String {
        var said = parts.map(\.label)
        if !isPublic(.notes) { said += notesOf.map { "the notes of action \($0)" } }
        if !isPublic(.risks) { said += risks.map { "risk \($0)" } }
        if !isPublic(.decisions) { said += decisions.map { "decision D\($0)" } }
        return said.isEmpty ? "nothing internal" : said.joined(separator: ", ")
    }

    /// The setting as a log line reads it.
    public var words: String {
        "public: " + shownWords + (feedback == nil ? "" : "; feedback text set")
    }

    /// A change of the setting in a log line: a publication says what went where; a change
    /// of what is public says what is public now.
    static func change(from: StructureValue, to: StructureValue) -> String {
        guard case let .publication(old) = from, case let .publication(new) = to else { return "publication → \(to.words)" }
        let before = old ?? Publication(), after = new ?? Publication()
        var settingsBefore = before, settingsAfter = after
        settingsBefore.last = nil
        settingsAfter.last = nil
        if settingsBefore == settingsAfter, let last = after.last, last != before.last {
            return "published the plan for families (publication \(last.number), \(last.format) to \(last.to), fingerprint \(last.fingerprint)); public: \(last.shown)"
        }
        return "publication setting → \(after.words)"
    }
}

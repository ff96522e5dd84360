/// Why an edit could not be applied. The plan is left as it was.
public struct EditError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// Set when the plan no longer holds what the edit's author saw: someone else changed
    /// it, or an undo would trample a later edit. The store names who, when and to what.
    public var conflict: EditConflict?

    public init(_ message: String) {
        self.message = message
        self.conflict = nil
    }

    public init(conflict: EditConflict) {
        self.conflict = conflict
        self.message = conflict.description
    }

    public var description: String { message }
}

/// What an edit expected to find and what the plan holds instead.
public struct EditConflict: Equatable, Sendable, CustomStringConvertible {
    /// The thing an edit acts on, by identity.
    public enum Target: Hashable, Sendable {
        /// One field of an action; nil field means the action as a whole.
        case action(String, ActionField?)
        case note(action: String, id: String)
        /// One field of a risk; nil field means the risk as a whole.
        case risk(String, RiskField?)
        case actual(kpi: String, milestone: Int)
        case checkpoint(String)
        /// A meeting as a whole (its name, date, checkpoint).
        case meeting(String)
        case highlight(meeting: String, area: Int)
        /// A decision, by its number (D1, D2 ...).
        case decision(Int)
        /// Part of the plan's structure, by path: ["area", "3", "title"], ["kpi", "K1"],
        /// ["plan", "narrative"]. A path overlaps every path it starts or that starts it.
        case structure([String])
        /// An evidence item, by its holder and id.
        case evidence(EvidenceHolder, id: String)
    }

    public var target: Target
    /// How people name it: "3b leads", "the note on 3b \"Short of staff\"".
    public var what: String
    /// What the person saw, as it reads; nil for a whole item (an action, a note ...).
    public var expected: String?
    /// What the plan holds now, as it reads (for a whole item, what changed); nil when it is gone.
    public var found: String?

    public init(target: Target, what: String, expected: String?, found: String?) {
        self.target = target
        self.what = what
        self.expected = expected
        self.found = found
    }

    public var description: String {
        switch (expected, found) {
        case let (expected?, found?): "\(what) is now \(found), not \(expected) as you saw it; nothing was changed"
        case let (nil, found?): "\(what) has changed since you saw it (\(found)); nothing was changed"
        case (_, nil): "\(what) is no longer there; nothing was changed"
        }
    }
}

/// The plan as agreed with DfE and NHS England: when, with whom, and every action's
/// by-when as agreed. Each agreement is a baseline; re-agreeing the plan after a review
/// starts a new one and keeps the old (`Header.agreements`, oldest first).
public struct Agreement: Codable, Equatable, Sendable {
    public var date: PlanDate
    /// Who it was agreed with, e.g. the DfE and NHS England advisers from the header.
    public var with: [String]
    /// How it is described: "agreed at the 6-month review".
    public var note: String
    /// Every action's by-when as agreed.
    public var byWhen: [ActionDate]

    public init(date: PlanDate, with: [String] = [], note: String = "", byWhen: [ActionDate] = []) {
        self.date = date
        self.with = with
        self.note = note
        self.byWhen = byWhen
    }
}

/// A change to an action's agreed by-when, with its reason: proposed until a chair
/// records that it was agreed (by whom, on what date).
public struct DateRevision: Codable, Equatable, Sendable {
    /// Which baseline it revises: 1 for the plan as first agreed, 2 after re-agreeing ...
    public var baseline: Int
    public var from: PlanDate?
    public var to: PlanDate?
    public var reason: String
    public var proposedBy: String
    public var proposedOn: PlanDate
    /// Who agreed it ("the DfE adviser at the 6-month review"); nil while proposed.
    public var agreedBy: String?
    public var agreedOn: PlanDate?

    public init(baseline: Int, from: PlanDate?, to: PlanDate?, reason: String, proposedBy: String, proposedOn: PlanDate,
                agreedBy: String? = nil, agreedOn: PlanDate? = nil) {
        self.baseline = baseline
        self.from = from
        self.to = to
        self.reason = reason
        self.proposedBy = proposedBy
        self.proposedOn = proposedOn
        self.agreedBy = agreedBy
        self.agreedOn = agreedOn
    }

    public var isAgreed: Bool { agreedOn != nil }
}

/// Where an action's by-when stands against the agreed plan.
public struct DateStanding: Equatable, Sendable {
    /// The by-when in the plan as agreed (nil: the action had none, or was not in it).
    public var agreed: PlanDate?
    /// Whether the action was in the agreed plan at all.
    public var inAgreedPlan: Bool
    /// The by-when now.
    public var now: PlanDate?
    /// The latest revision of this baseline, if any.
    public var revision: DateRevision?

    /// The by-when has moved from the agreed one.
    public var moved: Bool { inAgreedPlan && now != agreed }
    /// Moved, and no agreed revision brings it to where it is now.
    public var unagreed: Bool { moved && !(revision.map { $0.isAgreed && $0.to == now } ?? false) }

    /// Where `action` stands against `agreement`, the plan's baseline number `baseline`; nil without one.
    public init?(of action: Action, agreement: Agreement?, baseline: Int) {
        guard let agreement else { return nil }
        let agreed = agreement.byWhen.first { $0.ref == action.ref }
        self.init(agreed: agreed?.byWhen, inAgreedPlan: agreed != nil, now: action.byWhen,
                  revision: action.revisions.last { $0.baseline == baseline })
    }

    public init(agreed: PlanDate?, inAgreedPlan: Bool, now: PlanDate?, revision: DateRevision?) {
        self.agreed = agreed
        self.inAgreedPlan = inAgreedPlan
        self.now = now
        self.revision = revision
    }

    /// "agreed 31 Mar 2023 → revised 30 Jun 2023 (agreed 12 Apr 2023)", or nil when it has not moved.
    public var words: String? {
        guard moved else { return nil }
        let was = "agreed \(agreed?.display ?? "no date")"
        let to = "revised \(now?.display ?? "no date")"
        if let revision, revision.to == now {
            if let on = revision.agreedOn { return "\(was) → \(to) (agreed \(on.display))" }
            return "\(was) → \(to) (proposed, not yet agreed)"
        }
        return "\(was) → \(to) (no revision recorded)"
    }
}

extension Plan {
    /// The plan as agreed now: the latest agreement, or nil before the plan is agreed.
    public var agreement: Agreement? { header.agreements.last }

    /// The baseline number of the current agreement (1 for the first), 0 before any.
    public var baseline: Int { header.agreements.count }

    /// Where an action's by-when stands against the agreed plan; nil before the plan is agreed.
    public func dateStanding(of action: Action) -> DateStanding? {
        DateStanding(of: action, agreement: agreement, baseline: baseline)
    }

    /// Actions whose by-when moved from the agreed plan, each with where it stands.
    public var revisedDates: [(action: Action, standing: DateStanding)] {
        allActions.compactMap { action in
            guard let standing = dateStanding(of: action), standing.moved else { return nil }
            return (action, standing)
        }
    }

    /// The moves nobody has agreed yet: what the triage lists.
    public var unagreedMoves: [(action: Action, standing: DateStanding)] { revisedDates.filter { $0.standing.unagreed } }
}

// Agreements and revisions are optional wherever they are stored as Codable JSON, as
// evidence is (see Evidence.swift): older parts and log lines have none, and none is not written.
extension KeyedDecodingContainer {
    public func decode(_ type: [Agreement].Type, forKey key: Key) throws -> [Agreement] {
        try decodeIfPresent(type, forKey: key) ?? []
    }

    public func decode(_ type: [DateRevision].Type, forKey key: Key) throws -> [DateRevision] {
        try decodeIfPresent(type, forKey: key) ?? []
    }
}

extension KeyedEncodingContainer {
    public mutating func encode(_ value: [Agreement], forKey key: Key) throws {
        if !value.isEmpty { try encodeIfPresent(value, forKey: key) }
    }

    public mutating func encode(_ value: [DateRevision], forKey key: Key) throws {
        if !value.isEmpty { try encodeIfPresent(value, forKey: key) }
    }
}

import Foundation

/// Agreeing the plan and revising its agreed dates, each as an edit with its inverse.
///
/// A revision is named by its action and its content (what the person saw), never by its
/// position, so an undo or a second chair's agreement made meanwhile is refused, not trampled.
public enum AgreementEdit: Codable, Equatable, Sendable {
    /// Records that the plan was agreed: a new baseline of every action's by-when.
    case agreePlan(Agreement)
    /// Takes back the latest agreement, which must still be exactly as given.
    case withdrawAgreement(Agreement)
    /// Adds a revision to an action's by-when (a proposal, or one already agreed).
    case addRevision(ref: String, revision: DateRevision)
    /// Removes an action's revision, which must still be exactly as given.
    case removeRevision(ref: String, revision: DateRevision)
    /// Changes a revision (a chair recording that it was agreed), from what the person saw.
    case setRevision(ref: String, from: DateRevision, to: DateRevision)

    /// How it reads in the log.
    public var summary: String {
        switch self {
        case let .agreePlan(a):
            "plan agreed on \(a.date.display)" + (a.with.isEmpty ? "" : " with \(a.with.joined(separator: ", "))")
        case let .withdrawAgreement(a): "withdrew the plan's agreement of \(a.date.display)"
        case let .addRevision(ref, r):
            "\(ref) revised by-when \(r.from?.display ?? "none") → \(r.to?.display ?? "none") \(r.isAgreed ? "(agreed)" : "proposed"): \(Edit.clip(r.reason))"
        case let .removeRevision(ref, r): "removed \(ref)'s revised by-when \(r.to?.display ?? "none")"
        case let .setRevision(ref, from, to):
            if let on = to.agreedOn, !from.isAgreed {
                "\(ref) revised by-when \(to.to?.display ?? "none") agreed on \(on.display)" + (to.agreedBy.map { " by \($0)" } ?? "")
            } else if from.isAgreed, !to.isAgreed {
                "\(ref) revised by-when \(to.to?.display ?? "none") no longer agreed"
            } else {
                "\(ref) revised by-when changed"
            }
        }
    }
}

extension Plan {
    /// An edit agreeing the plan as it stands on `date`: every action's by-when as the baseline.
    public func agreeing(on date: PlanDate, with people: [String], note: String = "") -> Edit {
        .agreement(.agreePlan(Agreement(date: date, with: people, note: note,
                                        byWhen: allActions.map { ActionDate(ref: $0.ref, byWhen: $0.byWhen) })))
    }

    /// An edit moving an action's by-when with its reason, recorded as a proposed revision
    /// of the agreed plan (or, before the plan is agreed, as a plain change of date).
    public func revisingByWhen(of ref: String, to date: PlanDate?, reason: String, by person: String, on day: PlanDate) -> Edit {
        let set = setting(.byWhen, ofAction: ref, to: .date(date))
        guard baseline > 0, let action = action(ref) else { return set }
        let revision = DateRevision(baseline: baseline, from: action.byWhen, to: date, reason: reason, proposedBy: person, proposedOn: day)
        return .batch([set, .agreement(.addRevision(ref: ref, revision: revision))])
    }

    /// Applies an agreement edit, returning its inverse. Called from `apply(_:)` for `.agreement`.
    mutating func applyAgreement(_ edit: AgreementEdit) throws -> AgreementEdit {
        switch edit {
        case let .agreePlan(agreement):
            if let last = header.agreements.last, agreement.date < last.date {
                throw EditError("the plan was last agreed on \(last.date.display); a new agreement cannot be dated \(agreement.date.display), before it")
            }
            header.agreements.append(agreement)
            return .withdrawAgreement(agreement)
        case let .withdrawAgreement(agreement):
            guard let last = header.agreements.last, last == agreement else {
                throw EditError(conflict: EditConflict(target: .structure(["plan", "agreement"]), what: "the plan's agreement of \(agreement.date.display)",
                                                       expected: nil, found: header.agreements.last.map { "now agreed on \($0.date.display)" }))
            }
            header.agreements.removeLast()
            return .agreePlan(agreement)
        case let .addRevision(ref, revision):
            guard let at = locate(action: ref) else { throw EditError.noAction(ref) }
            guard !revision.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw EditError("a change of an agreed date needs a reason; say why \(ref) moves")
            }
            areas[at.area].actions[at.index].revisions.append(revision)
            return .removeRevision(ref: ref, revision: revision)
        case let .removeRevision(ref, revision):
            guard let at = locate(action: ref) else { throw EditError.noAction(ref) }
            guard let r = areas[at.area].actions[at.index].revisions.lastIndex(of: revision) else {
                throw EditError(conflict: EditConflict(target: .action(ref, .byWhen), what: "\(ref)'s revised by-when \(revision.to?.display ?? "none")",
                                                       expected: nil, found: nil))
            }
            areas[at.area].actions[at.index].revisions.remove(at: r)
            return .addRevision(ref: ref, revision: revision)
        case let .setRevision(ref, from, to):
            guard let at = locate(action: ref) else { throw EditError.noAction(ref) }
            guard let r = areas[at.area].actions[at.index].revisions.lastIndex(of: from) else {
                throw EditError(conflict: EditConflict(target: .action(ref, .byWhen), what: "\(ref)'s revised by-when \(from.to?.display ?? "none")",
                                                       expected: nil, found: areas[at.area].actions[at.index].revisions.last.map { Plan.describe($0) }))
            }
            areas[at.area].actions[at.index].revisions[r] = to
            return .setRevision(ref: ref, from: to, to: from)
        }
    }

    static func describe(_ r: DateRevision) -> String {
        "\(r.to?.display ?? "no date"), " + (r.agreedOn.map { "agreed \($0.display)" } ?? "proposed")
    }
}

extension AgreementEdit {
    /// The action a revision edit acts on; nil for the plan's agreement.
    public var ref: String? {
        switch self {
        case .agreePlan, .withdrawAgreement: nil
        case let .addRevision(ref, _), let .removeRevision(ref, _), let .setRevision(ref, _, _): ref
        }
    }
}

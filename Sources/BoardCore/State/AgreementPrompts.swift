import Foundation
import PlanModel

/// The agreed plan in the dashboard: moving an agreed by-when asks why (a revision,
/// proposed until agreed), and a chair records that a proposed move was agreed.
enum AgreementKeys {
    private enum Own: Hashable, Sendable { case agree }
    static let agreeCommand = Command.own(Own.agree)

    static var bindings: [Binding] {
        [Binding([.char("Y")], agreeCommand, "Record that the action's proposed change of its agreed date was agreed, and by whom",
                 needs: [.writable, .chair, .action])]
    }
}

extension BoardState {
    /// When a by-when typed for `ref` moves it away from its agreed date, the question
    /// asking why (the move becomes a revision); nil when no reason is needed.
    func revisionQuestion(_ ref: String, saw: FieldValue, to date: PlanDate?, retry: Retry?) -> Step? {
        guard let action = plan.action(ref), let standing = plan.dateStanding(of: action), standing.inAgreedPlan,
              date != standing.agreed, case let .date(from) = saw else { return nil }
        let baseline = plan.baseline
        return .ask(.prompt(Prompt("Why does \(ref) move from \(standing.agreed?.display ?? "no date")? ",
                                   hint: "The agreed date moves only when a chair agrees · Enter save · Esc cancel") { text, board in
            let reason = text.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { return .refuse("A change of an agreed date needs a reason: say why, then Enter (Esc cancels).") }
            let revision = DateRevision(baseline: baseline, from: from, to: date, reason: reason, proposedBy: board.user, proposedOn: board.today)
            let edit = Edit.batch([.setAction(ref: ref, field: .byWhen, from: saw, to: .date(date)), .agreement(.addRevision(ref: ref, revision: revision))])
            // Refused because the date changed meanwhile, the date question comes back with what was typed.
            return .done([.effect(.apply(edit, done: "\(ref) by when \(date?.display ?? "none"): proposed, until a chair records it agreed (\(Bindings.key(AgreementKeys.agreeCommand, on: ActionScreen.self)) on its screen).",
                                         retry: retry))])
        }))
    }

    /// A chair recording that `action`'s proposed revision was agreed, by whom, today.
    func agreeRevisionSteps(_ action: Action) -> [Step] {
        guard let proposed = action.revisions.last(where: { $0.baseline == plan.baseline && !$0.isAgreed }) else {
            return [.say("\(action.ref) has no proposed change of its agreed date to agree.")]
        }
        let ref = action.ref
        return [.ask(.prompt(Prompt("Who agreed \(ref)'s move to \(proposed.to?.display ?? "no date")? ",
                                    hint: "e.g. DfE adviser, 6-month review; dated today · Enter save · Esc cancel") { text, board in
            let who = text.trimmingCharacters(in: .whitespaces)
            guard !who.isEmpty else { return .refuse("Say who agreed it, then Enter (Esc cancels).") }
            // The proposal as the board answering holds it: as seen, or the newer one when asked again.
            guard let proposed = board.plan.action(ref)?.revisions.last(where: { $0.baseline == board.plan.baseline && !$0.isAgreed }) else {
                return .refuse("\(ref) has no proposed change of its agreed date any more (Esc cancels).")
            }
            var agreed = proposed
            agreed.agreedBy = who
            agreed.agreedOn = board.today
            return .done([.effect(.apply(.agreement(.setRevision(ref: ref, from: proposed, to: agreed)),
                                         done: "\(ref)'s revised date \(proposed.to?.display ?? "none") agreed \(board.today.display) by \(TextLayout.fit(who, 40))."))])
        }))]
    }
}

enum AgreementViews {
    /// The line under an action's by-when once the plan is agreed and the date has moved:
    /// "⚑ agreed 31 Mar 2023 → revised 30 Jun 2023 (proposed, not yet agreed)".
    static func standingSegments(_ action: Action, _ plan: Plan) -> [Line.Segment]? {
        guard let standing = plan.dateStanding(of: action), let words = standing.words else { return nil }
        return [Line.Segment((standing.unagreed ? "⚑ " : "✓ ") + words, standing.unagreed ? .dueSoon : .dim, keepsRole: true)]
    }
}

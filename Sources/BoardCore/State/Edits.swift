import PlanModel

/// Every `Edit` the dashboard makes is built in this file, from what the person saw: the
/// item as it stood when its prompt, question or editor opened, or the row on screen when a
/// one-key change was pressed. Never from the plan at submit time, which may already hold
/// someone else's newer value that the edit would then overwrite unseen.
///
/// An edit typed into a question also says how to ask it again (`Retry`): when the store
/// refuses it because the plan changed since, the question comes back over the newer
/// plan with what was typed, and the second Enter carries the newer value as its `from`.
extension BoardState {
    /// Sets an action's status from the one on screen; Red and Amber carry the reason as a note.
    func statusEdit(_ seen: Action, _ status: Status, reason: String?) -> Step {
        let note = reason.map { Note(date: today, author: user, text: $0) }
        let now = seen.status == status ? "stays" : "is now"
        let said = reason == nil ? "\(seen.ref) \(now) \(status.label)." : "\(seen.ref) \(now) \(status.label); the reason is saved as a progress note."
        return .effect(.apply(.setStatus(ref: seen.ref, from: seen.status, to: status, reason: note), done: said,
                              retry: reason.map { .reason(ref: seen.ref, status: status, typed: $0) }))
    }

    /// Sets one field of an action from its value when the prompt (or editor) opened.
    func actionFieldEdit(_ ref: String, _ field: ActionField, saw: FieldValue, _ value: FieldValue, shown: String, retry: Retry?) -> Step {
        .effect(.apply(.setAction(ref: ref, field: field, from: saw, to: value),
                       done: "Saved \(field.label) of \(ref): \(TextLayout.fit(shown.isEmpty ? "(empty)" : shown, 40)).", retry: retry))
    }

    func noteEdit(_ ref: String, _ text: String) -> Step {
        .effect(.apply(.addNote(ref: ref, index: nil, note: Note(date: today, author: user, text: text)), done: "Note added to \(ref)."))
    }

    func newActionEdit(area: Int, ref: String, text: String) -> Step {
        .effect(.apply(.addAction(area: area, index: nil, action: Action(ref: ref, text: text)),
                       done: "Added \(ref). Press \(Bindings.key(.editByWhen)) for its by-when, \(Bindings.key(.editLead)) for its lead."))
    }

    /// Removes an action as the person saw it when asked to confirm.
    func removeActionEdit(_ seen: Action) -> Step {
        .effect(.apply(.removeAction(ref: seen.ref, action: seen), done: "Deleted \(seen.ref). Press \(Bindings.key(.undo)) to undo.",
                       retry: .removeAction(ref: seen.ref)))
    }

    /// Sets one field of a risk from its value when the question opened.
    func riskFieldEdit(_ seen: Risk, _ field: RiskField, _ value: FieldValue, typed: String) -> Step {
        .effect(.apply(.set(field, of: seen, to: value), done: "Saved \(field.label) of \(seen.ref).",
                       retry: .riskField(ref: seen.ref, field: field, typed: typed)))
    }

    /// Sets a risk's score at one stage from the score the person saw.
    func scoreEdit(_ seen: Risk, _ stage: Risk.Stage, likelihood: Int, impact: Int) -> Step {
        let (l, i): (RiskField, RiskField) = switch stage {
        case .inherent: (.inherentLikelihood, .inherentImpact)
        case .residual: (.residualLikelihood, .residualImpact)
        case .target: (.targetLikelihood, .targetImpact)
        }
        let score = likelihood * impact
        // Mitigation lowers a risk: a residual score above the inherent one is most often a slip.
        var warning = ""
        let (residual, inherent) = stage == .residual ? (score, seen.inherent.value) : stage == .inherent ? (seen.residual.value, score) : (0, 0)
        if residual > inherent {
            warning = " Check it: the residual score (\(residual)) is above the inherent score (\(inherent)), as if mitigation made the risk worse."
        }
        return .effect(.apply(.batch([.set(l, of: seen, to: .level(likelihood)), .set(i, of: seen, to: .level(impact))]),
                              done: "\(seen.ref) \(stage.rawValue) score is now \(likelihood) × \(impact) = \(score) (\(plan.settings.band(for: score).label)).\(warning)",
                              retry: .score(ref: seen.ref, stage: stage, likelihood: likelihood, impact: impact)))
    }

    func newRiskEdit(_ ref: String, _ text: String) -> Step {
        let score = Score(likelihood: 3, impact: 3)
        let risk = Risk(ref: ref, raised: today, risk: text, owner: user, inherent: score, residual: score, target: score)
        return .effect(.apply(.addRisk(index: nil, risk: risk), done: "Added \(ref), scored 3 × 3 for now: Enter on a score to change it."))
    }

    /// Removes a risk as the person saw it when asked to confirm.
    func removeRiskEdit(_ seen: Risk) -> Step {
        .effect(.apply(.removeRisk(ref: seen.ref, risk: seen), done: "Removed \(seen.ref). Press \(Bindings.key(.undo)) to undo.",
                       retry: .removeRisk(ref: seen.ref)))
    }

    /// Records a KPI's actual at one milestone, from the actual shown when the prompt opened.
    func actualEdit(_ seen: KPI, milestone: Int, _ value: Double?, typed: String) -> Step {
        let saw = seen.milestones.indices.contains(milestone) ? seen.milestones[milestone].actual : nil
        let label = seen.milestones.indices.contains(milestone) ? seen.milestones[milestone].label : ""
        return .effect(.apply(.setActual(kpi: seen.ref, milestone: milestone, from: saw, to: value),
                              done: value.map { "\(seen.ref) actual at \(label): \(formatNumber($0))." } ?? "\(seen.ref) actual at \(label) cleared.",
                              retry: .actual(kpi: seen.ref, milestone: milestone, typed: typed)))
    }
}

/// How to put a refused edit's question back: what was asked, and what the person typed.
/// Built with the edit; used when the store refuses it because the plan changed since.
public enum Retry: Equatable, Sendable {
    case actionField(ref: String, field: ActionField, typed: String)
    /// A Red or Amber status with its typed reason.
    case reason(ref: String, status: Status, typed: String)
    /// Text from `$EDITOR`: too long for a prompt, so it is offered to apply as it is.
    case editor(EditorAgain)
    case riskField(ref: String, field: RiskField, typed: String)
    case score(ref: String, stage: Risk.Stage, likelihood: Int, impact: Int)
    case actual(kpi: String, milestone: Int, typed: String)
    case removeAction(ref: String)
    case removeRisk(ref: String)
    /// A highlight's or a decision's text, typed or from `$EDITOR` (`item`: its line on the agenda).
    case meetingItem(meeting: String, item: Target, typed: String)
    /// Any other prompt: the same question over the plan as it is now, holding what was typed.
    case prompt(PromptAgain)
}

extension BoardState {
    /// The question of a refused edit, asked again over the plan as it is now (so applying
    /// it carries the newer value as what the person saw), with what they typed kept.
    /// Nil when the item has gone, as there is nothing left to apply it to.
    func askAgain(_ retry: Retry) -> Overlay? {
        switch retry {
        case let .actionField(ref, field, typed):
            // The names typed were asked about before the edit was sent: not again.
            let accepted = field == .leads ? TypedText.names(typed) : []
            return plan.action(ref).map { .prompt(fieldPrompt($0, field, newPeople: accepted).typed(typed)) }
        case let .reason(ref, status, typed):
            return plan.action(ref).map { .prompt(reasonPrompt($0, status).typed(typed)) }
        case let .editor(again):
            return again.request.read(plan).map { .picker(applyAgainPicker(again, newer: $0)) }
        case let .riskField(ref, field, typed):
            guard let risk = plan.risk(ref), case let .prompt(prompt) = riskFieldQuestion(risk, field) else { return nil }
            return .prompt(prompt.typed(typed))
        case let .score(ref, stage, likelihood, impact):
            return plan.risk(ref).map { .picker(scoreAgainPicker($0, stage, likelihood: likelihood, impact: impact)) }
        case let .actual(ref, milestone, typed):
            guard let kpi = plan.kpi(ref), kpi.milestones.indices.contains(milestone) else { return nil }
            return .prompt(actualPrompt(kpi, milestone: milestone).typed(typed))
        case let .removeAction(ref):
            return plan.action(ref).map { .confirm(deleteConfirm($0)) }
        case let .removeRisk(ref):
            return plan.risk(ref).map { .confirm(removeRiskConfirm($0, closing: false)) }
        case let .meetingItem(meeting, item, typed):
            return askAgainMeetingItem(meeting: meeting, item: item, typed: typed)
        case let .prompt(again):
            var prompt = again.prompt.typed(again.typed)
            prompt.seen = plan
            return .prompt(prompt)
        }
    }

    /// Offers text edited in `$EDITOR` again, to apply over the newer text with one Enter.
    private func applyAgainPicker(_ again: EditorAgain, newer: String) -> Picker {
        Picker(label: "Your text for \(again.request.what) is kept: apply it over the newer one?",
               bar: "Enter apply yours · Esc drop yours, keep theirs", showsCursor: false) { _, key, board in
            guard key == .enter else { return .refuse("Enter applies your text; Esc drops it.") }
            return again.request.returned(again.edited, newer, board).following(seen: nil, again: .editor(again))
        }
    }

    /// Offers a refused score again, to apply over the newer one with one Enter.
    private func scoreAgainPicker(_ seen: Risk, _ stage: Risk.Stage, likelihood: Int, impact: Int) -> Picker {
        Picker(label: "\(seen.ref) \(stage.rawValue) score: apply yours, \(likelihood) × \(impact), over the newer one?",
               bar: "Enter apply yours · Esc keep theirs", showsCursor: false) { _, key, board in
            guard key == .enter else { return .refuse("Enter applies your score; Esc keeps theirs.") }
            return .done([board.scoreEdit(seen, stage, likelihood: likelihood, impact: impact)])
        }
    }
}

extension Prompt {
    /// The same prompt holding `text`, as if typed.
    func typed(_ text: String) -> Prompt {
        var prompt = self
        prompt.editor = LineEditor(text)
        return prompt
    }
}

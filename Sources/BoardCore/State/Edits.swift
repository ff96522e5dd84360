import PlanModel

/// Every `Edit` the dashboard makes is built in this file, from what the plan holds now, so
/// a change to how edits are written (what the person saw, stable identities) is made here.
extension BoardState {
    /// Sets an action's status; Red and Amber carry the reason as a note.
    func statusEdit(_ ref: String, _ status: Status, reason: String?) -> Step {
        let note = reason.map { Note(date: today, author: user, text: $0) }
        let said = reason == nil ? "\(ref) is now \(status.label)." : "\(ref) is now \(status.label); the reason is saved as a progress note."
        return .effect(.apply(plan.settingStatus(ofAction: ref, to: status, reason: note), done: said))
    }

    func actionFieldEdit(_ ref: String, _ field: ActionField, _ value: FieldValue, shown: String) -> Step {
        .effect(.apply(plan.setting(field, ofAction: ref, to: value),
                       done: "Saved \(field.label) of \(ref): \(TextLayout.fit(shown.isEmpty ? "(empty)" : shown, 40))."))
    }

    func noteEdit(_ ref: String, _ text: String) -> Step {
        .effect(.apply(.addNote(ref: ref, index: nil, note: Note(date: today, author: user, text: text)), done: "Note added to \(ref)."))
    }

    func newActionEdit(area: Int, ref: String, text: String) -> Step {
        .effect(.apply(.addAction(area: area, index: nil, action: Action(ref: ref, text: text)),
                       done: "Added \(ref). Press \(Bindings.key(.editByWhen)) for its by-when, \(Bindings.key(.editLead)) for its lead."))
    }

    func removeActionEdit(_ ref: String) -> Step {
        guard let edit = plan.removing(action: ref) else { return .refuse("There is no action \(ref) any more.") }
        return .effect(.apply(edit, done: "Deleted \(ref). Press \(Bindings.key(.undo)) to undo."))
    }

    func riskFieldEdit(_ ref: String, _ field: RiskField, _ value: FieldValue) -> Step {
        .effect(.apply(plan.setting(field, ofRisk: ref, to: value), done: "Saved \(field.label) of \(ref)."))
    }

    func scoreEdit(_ ref: String, _ stage: Risk.Stage, likelihood: Int, impact: Int) -> Step {
        let (l, i): (RiskField, RiskField) = switch stage {
        case .inherent: (.inherentLikelihood, .inherentImpact)
        case .residual: (.residualLikelihood, .residualImpact)
        case .target: (.targetLikelihood, .targetImpact)
        }
        let score = likelihood * impact
        // Mitigation lowers a risk: a residual score above the inherent one is most often a slip.
        var warning = ""
        if let risk = plan.risk(ref) {
            let (residual, inherent) = stage == .residual ? (score, risk.inherent.value) : stage == .inherent ? (risk.residual.value, score) : (0, 0)
            if residual > inherent {
                warning = " Check it: the residual score (\(residual)) is above the inherent score (\(inherent)), as if mitigation made the risk worse."
            }
        }
        return .effect(.apply(.batch([plan.setting(l, ofRisk: ref, to: .level(likelihood)), plan.setting(i, ofRisk: ref, to: .level(impact))]),
                              done: "\(ref) \(stage.rawValue) score is now \(likelihood) × \(impact) = \(score) (\(plan.settings.band(for: score).label)).\(warning)"))
    }

    func newRiskEdit(_ ref: String, _ text: String) -> Step {
        let score = Score(likelihood: 3, impact: 3)
        let risk = Risk(ref: ref, raised: today, risk: text, owner: user, inherent: score, residual: score, target: score)
        return .effect(.apply(.addRisk(index: nil, risk: risk), done: "Added \(ref), scored 3 × 3 for now: Enter on a score to change it."))
    }

    func removeRiskEdit(_ ref: String) -> Step {
        guard let edit = plan.removing(risk: ref) else { return .refuse("There is no risk \(ref) any more.") }
        return .effect(.apply(edit, done: "Removed \(ref). Press \(Bindings.key(.undo)) to undo."))
    }

    func actualEdit(_ ref: String, milestone: Int, _ value: Double?) -> Step {
        let label = plan.kpi(ref).map { $0.milestones.indices.contains(milestone) ? $0.milestones[milestone].label : "" } ?? ""
        return .effect(.apply(plan.settingActual(kpi: ref, milestone: milestone, to: value),
                              done: value.map { "\(ref) actual at \(label): \(formatNumber($0))." } ?? "\(ref) actual at \(label) cleared."))
    }
}

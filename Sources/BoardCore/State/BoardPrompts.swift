import PlanModel

/// The questions asked about risks, KPI actuals, checkpoints and searches.
extension BoardState {
    /// Edits a risk's field: scores by two digits, the rest as text. The risk is kept as
    /// it is now, so the edit replaces what the person saw when the question opened.
    func riskFieldQuestion(_ risk: Risk, _ field: RiskField) -> Overlay {
        if let stage = field.stage { return .picker(scorePicker(risk, stage)) }
        let ref = risk.ref
        let hint: @Sendable (String, BoardState) -> String = switch field {
        case .raised, .reviewDate: { text, _ in Render.dateHint(text) }
        case .areas: { _, _ in "Area numbers separated by commas · Enter save · Esc cancel" }
        default: { _, _ in "Enter save · Esc cancel" }
        }
        return .prompt(Prompt("\(ref) \(field.label): ", risk.text(of: field), hint: hint) { text, board in
            board.commitRisk(field, of: risk, text: text)
        })
    }

    private func commitRisk(_ field: RiskField, of seen: Risk, text raw: String) -> Submission {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let ref = seen.ref
        func edit(_ value: FieldValue) -> Step { riskFieldEdit(seen, field, value, typed: raw) }
        switch field {
        case .raised, .reviewDate:
            switch TypedText.date(text) {
            case let .failure(refusal): return .refuse(refusal.message + " (Esc cancels).")
            case let .success(date): return .done([edit(.date(date))])
            }
        case .areas:
            let parts = TypedText.names(text)
            let numbers = parts.compactMap { Int($0) }
            guard numbers.count == parts.count, numbers.allSatisfy({ plan.area(number: $0) != nil }) else {
                return .refuse("Give area numbers separated by commas, from \(plan.areas.map { String($0.number) }.joined(separator: ", ")).")
            }
            return .done([edit(.numbers(numbers))])
        case .ref:
            switch TypedText.reference(text, replacing: ref, example: "R11", taken: plan.risk(text) != nil) {
            case let .failure(refusal): return .refuse(refusal.message)
            case .success: return .done([.renamed(from: .risk(ref), to: .risk(text)), edit(.text(text))])
            }
        case .risk where text.isEmpty:
            return .refuse("A risk needs some text (Esc cancels).")
        default:
            return .done([edit(.text(raw))])
        }
    }

    /// A score as two digits: likelihood, then impact.
    private func scorePicker(_ seen: Risk, _ stage: Risk.Stage) -> Picker {
        let ref = seen.ref
        return Picker(label: "\(ref) \(stage.rawValue) score: type the likelihood (1–5) ",
               bar: "1 2 3 4 5 one digit each: likelihood, then impact · Esc cancel", showsCursor: true) { picker, key, board in
            guard case let .char(c) = key, let digit = c.wholeNumberValue, (1...5).contains(digit) else {
                return .refuse("Type a digit 1 to 5 (Esc cancels).")
            }
            guard let likelihood = picker.gathered else {
                picker.gathered = digit
                picker.label = "\(ref) \(stage.rawValue) score: type the impact (1–5), likelihood \(digit) "
                return nil
            }
            return .done([board.scoreEdit(seen, stage, likelihood: likelihood, impact: digit)])
        }
    }

    func newRiskPrompt() -> Prompt {
        Prompt("New risk, reference: ", suggestedRiskRef(), hint: "e.g. R11 · Enter next · Esc cancel") { text, board in
            let typed = text.trimmingCharacters(in: .whitespaces)
            switch TypedText.reference(typed, replacing: nil, example: "R11", taken: board.plan.risk(typed) != nil) {
            case let .failure(refusal): return .refuse(refusal.message)
            case let .success(ref):
                return .done([.ask(.prompt(Prompt("\(ref) risk: ", hint: "What could go wrong · Enter add · Esc cancel") { text, board in
                    let text = text.trimmingCharacters(in: .whitespaces)
                    guard !text.isEmpty else { return .refuse("Describe the risk, then Enter (Esc cancels).") }
                    return .done([board.newRiskEdit(ref, text), .focus(.risk(ref))])
                }))])
            }
        }
    }

    /// Asks before removing a risk; `closing` closes the risk's own screen as it goes.
    func removeRiskConfirm(_ risk: Risk, closing: Bool) -> Confirm {
        Confirm(question: "Remove risk \(risk.ref) from the register? y removes, anything else keeps it [y/N]",
                bar: "y remove  N keep (default)", yes: (closing ? [.pop] : []) + [removeRiskEdit(risk)], no: "\(risk.ref) was not removed.")
    }

    func suggestedRiskRef() -> String {
        var n = plan.risks.count + 1
        while plan.risk("R\(n)") != nil { n += 1 }
        return "R\(n)"
    }

    /// Entering or correcting a KPI's actual at one milestone.
    func actualPrompt(_ kpi: KPI, milestone: Int) -> Prompt {
        let point = kpi.milestones[milestone]
        let ref = kpi.ref
        let label = "\(ref) actual at \(point.label)\(point.target.map { " (target \(formatNumber($0)))" } ?? ""): "
        return Prompt(label, point.actual.map(formatNumber) ?? "", hint: { text, _ in
            let check = switch TypedText.number(text) {
            case .success(nil): "empty clears it"
            case .success: "✓ \(TypedText.numberText(text))"
            case .failure: "✗ not a number"
            }
            return "\(check) · Enter save · Esc cancel"
        }, submit: { text, board in
            switch TypedText.number(text) {
            case let .failure(refusal): return .refuse(refusal.message + ", or nothing to clear it.")
            case let .success(value): return .done([board.actualEdit(kpi, milestone: milestone, value, typed: text)])
            }
        })
    }

    /// Recording a checkpoint: its name, then its date.
    func checkpointNamePrompt() -> Prompt {
        Prompt("Checkpoint name: ", "Board \(today.iso)", hint: "e.g. Board \(today.iso) · Enter next · Esc cancel") { text, board in
            let name = text.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { return .refuse("A checkpoint needs a name, e.g. Board \(board.today.iso).") }
            if board.plan.checkpoint(named: name) != nil { return .refuse("There is already a checkpoint called “\(name)”.") }
            return .done([.ask(.prompt(board.checkpointDatePrompt(name)))])
        }
    }

    private func checkpointDatePrompt(_ name: String) -> Prompt {
        Prompt("\(name), dated: ", today.iso, hint: { text, _ in
            let valid = if case let .success(date?) = TypedText.date(text) { "✓ \(date.display)" } else { "✗ not a date yet" }
            return "\(valid) · Enter records every status, score and actual · Esc cancel"
        }, submit: { text, _ in
            guard case let .success(date?) = TypedText.date(text) else {
                return .refuse("“\(text)” is not a date: type \(TypedText.dateForms).")
            }
            return .done([.since(name), .effect(.recordCheckpoint(name: name, date: date))])
        })
    }

    /// Searching actions from anywhere; the hint counts the matches as you type. It starts
    /// empty (typing never adds to the last search); Up brings back earlier searches.
    func searchPrompt() -> Prompt {
        var prompt = Prompt("/", hint: { text, board in
            guard !text.isEmpty else {
                let recall = board.searchHistory.isEmpty ? "" : "↑ earlier searches · "
                return "\(recall)Search actions, notes, risks and KPIs · Enter go · Esc cancel"
            }
            let count = board.hits(text.trimmingCharacters(in: .whitespaces)).count
            return "\(count) match\(count == 1 ? "" : "es") · Enter go · Esc cancel"
        }, submit: { text, board in
            let query = text.trimmingCharacters(in: .whitespaces)
            guard !query.isEmpty else { return .done([.search(nil)]) }
            return .done([.search(query)] + board.jumpToMatch(query, forward: true, including: true))
        })
        prompt.history = searchHistory
        return prompt
    }
}

extension Risk {
    /// A field's value as the editor shows it.
    func text(of field: RiskField) -> String {
        switch field {
        case .ref: ref
        case .raised: raised?.iso ?? ""
        case .risk: risk
        case .owner: owner
        case .mitigation: mitigation
        case .progress: progress
        case .reviewDate: reviewDate?.iso ?? ""
        case .areas: areas.map(String.init).joined(separator: ", ")
        case .inherentLikelihood, .inherentImpact: "\(inherent.likelihood)\(inherent.impact)"
        case .residualLikelihood, .residualImpact: "\(residual.likelihood)\(residual.impact)"
        case .targetLikelihood, .targetImpact: "\(target.likelihood)\(target.impact)"
        }
    }
}

extension RiskField {
    /// The field's name as people say it.
    public var label: String {
        switch self {
        case .ref: "reference"
        case .raised: "date raised"
        case .risk: "risk"
        case .owner: "owner"
        case .inherentLikelihood, .inherentImpact: "inherent score"
        case .mitigation: "mitigation"
        case .residualLikelihood, .residualImpact: "residual score"
        case .targetLikelihood, .targetImpact: "target score"
        case .progress: "progress"
        case .reviewDate: "review date"
        case .areas: "linked areas"
        }
    }

    /// The score a field belongs to, for the score fields.
    var stage: Risk.Stage? {
        switch self {
        case .inherentLikelihood, .inherentImpact: .inherent
        case .residualLikelihood, .residualImpact: .residual
        case .targetLikelihood, .targetImpact: .target
        default: nil
        }
    }
}

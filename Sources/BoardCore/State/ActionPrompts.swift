import PlanModel

/// The questions asked about actions: a status's reason, a field's new value, a note, a new
/// action, and whether to delete one.
extension BoardState {
    /// The commands that act on the selected action, wherever it is selected.
    mutating func actionCommand(_ command: Command) -> [Step] {
        guard let action = currentAction else { return [] }
        // Pin the selection to this action, so it stays selected when the edit re-sorts the list.
        changeTop { $0.focus(.action(action.ref), $1) }
        switch command {
        case let .setStatus(status): return setStatus(action, status)
        case .editByWhen: return [.ask(.prompt(fieldPrompt(action, .byWhen)))]
        case .editLead: return [.ask(.prompt(fieldPrompt(action, .leads)))]
        case .editText: return [.ask(.prompt(fieldPrompt(action, .text)))]
        case .editInEditor: return editInEditor(action)
        case .addNote: return [.ask(.prompt(notePrompt(action.ref)))]
        case .deleteAction: return [.ask(.confirm(deleteConfirm(action)))]
        default: return []
        }
    }

    private func setStatus(_ action: Action, _ status: Status) -> [Step] {
        if status.needsReason { return [.ask(.prompt(reasonPrompt(action, status)))] }
        if action.status == status { return [.say("\(action.ref) is already \(status.label).")] }
        return [statusEdit(action, status, reason: nil)]
    }

    /// $EDITOR on the long text selected (the action's text, its KPI text or its success
    /// criteria); on any other field, the action's text, the one most often rewritten.
    private func editInEditor(_ action: Action) -> [Step] {
        let selected = (top as? ActionScreen)?.field ?? .text
        let field = [.text, .kpiText, .successCriteria].contains(selected) ? selected : .text
        let ref = action.ref
        return [.effect(.openEditor(EditorRequest("\(ref) \(field.label)", in: plan, read: { $0.action(ref)?.text(of: field) }) { edited, saw, board in
            board.commit(field, of: ref, saw: .text(saw), text: edited, retry: nil)
        }))]
    }

    /// Asks why an action is Red or Amber; the status it replaces is the one seen now.
    func reasonPrompt(_ seen: Action, _ status: Status) -> Prompt {
        let ref = seen.ref
        return Prompt("Why is \(ref) \(status.label)? ", hint: "The reason is saved as a progress note · Enter save · Esc cancel") { text, board in
            let reason = text.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { return .refuse("\(status.label) needs a reason: say why, then Enter (Esc cancels).") }
            return .done([board.statusEdit(seen, status, reason: reason)])
        }
    }

    func notePrompt(_ ref: String) -> Prompt {
        Prompt("Note on \(ref): ", hint: "Dated today, in your name · Enter save · Esc cancel") { text, board in
            let note = text.trimmingCharacters(in: .whitespaces)
            guard !note.isEmpty else { return .refuse("Type the note, then Enter (Esc cancels).") }
            return .done([board.noteEdit(ref, note)])
        }
    }

    /// Edits one field of an action in place, checked as it is typed. The action is kept as
    /// it is now, so the edit replaces the value the person saw when the prompt opened.
    func fieldPrompt(_ action: Action, _ field: ActionField, typed: String? = nil, newPeople: [String] = []) -> Prompt {
        let ref = action.ref
        let hint: @Sendable (String, BoardState) -> String = switch field {
        case .byWhen: { text, _ in Render.dateHint(text) }
        case .leads: { _, _ in "Names separated by commas · Tab completes · Enter save · Esc cancel" }
        default: { _, _ in "Enter save · Esc cancel" }
        }
        return Prompt("\(ref) \(field.label): ", typed ?? action.text(of: field), completesNames: field == .leads, hint: hint) { text, board in
            if field == .leads, let ask = board.askAboutNewLeads(action, typed: text, accepted: newPeople) { return ask }
            return board.commit(field, of: ref, saw: action.value(of: field), text: text, retry: .actionField(ref: ref, field: field, typed: text))
        }
    }

    /// A lead the plan does not know is asked about once, as the command line refuses it
    /// without --new-person: "Jackie Ros" is far more often a slip than a person. The question
    /// comes back with what was typed; Enter again adds the new people.
    func askAboutNewLeads(_ action: Action, typed: String, accepted: [String]) -> Submission? {
        let people = plan.people
        let new = TypedText.names(typed).filter { !people.contains($0) && !accepted.contains($0) }
        guard !new.isEmpty else { return nil }
        let said = new.map { name in
            let near = NearNames.near(name, in: people)
            let suggestion = near.isEmpty ? "." : ": did you mean \(near.prefix(3).map { "“\($0)”" }.joined(separator: " or "))?"
            return "“\(name)” is not in the plan\(suggestion)"
        }.joined(separator: " ")
        let them = new.count == 1 ? "“\(new[0])” as a new person" : "them as new people"
        return .done([.ask(.prompt(fieldPrompt(action, .leads, typed: typed, newPeople: accepted + new))),
                      .say("\(said) Enter again adds \(them); Tab completes a name; Esc cancels.", error: true)])
    }

    /// Turns what was typed into an edit replacing `saw` (the value the person saw when
    /// the prompt or editor opened), or says what is wrong.
    func commit(_ field: ActionField, of ref: String, saw: FieldValue, text raw: String, retry: Retry?) -> Submission {
        let text = raw.trimmingCharacters(in: .whitespaces)
        func edit(_ value: FieldValue, shown: String) -> Step {
            actionFieldEdit(ref, field, saw: saw, value, shown: shown, retry: retry)
        }
        switch field {
        case .byWhen:
            switch TypedText.date(text) {
            case let .failure(refusal): return .refuse(refusal.message + " (Esc cancels).")
            case let .success(date):
                if let question = revisionQuestion(ref, saw: saw, to: date, retry: retry) { return .done([question]) }
                return .done([edit(.date(date), shown: date?.display ?? "no date")])
            }
        case .leads:
            return .done([edit(.names(TypedText.names(text)), shown: text)])
        case .kpis:
            let refs = TypedText.names(text)
            if let unknown = refs.first(where: { plan.kpi($0) == nil }) {
                return .refuse("There is no KPI \(unknown); the score card has \(plan.kpis.map(\.ref).joined(separator: ", ")).")
            }
            return .done([edit(.names(refs), shown: text)])
        case .seniorResponsibleOfficer:
            return .done([edit(.optionalText(text.isEmpty ? nil : text), shown: text)])
        case .ref:
            switch TypedText.reference(text, replacing: ref, example: "3b or 3a.ii", taken: plan.action(text) != nil) {
            case let .failure(refusal): return .refuse(refusal.message)
            case .success: return .done([.renamed(from: .action(ref), to: .action(text)), edit(.text(text), shown: text)])
            }
        case .text where text.isEmpty:
            return .refuse("An action needs some text (Esc cancels).")
        case .text, .kpiText, .successCriteria:
            return .done([edit(.text(raw), shown: text)])
        case .status:
            return .done([])
        }
    }

    /// Adding an action: first its reference, then its text.
    func newActionPrompt(_ area: Area) -> Prompt {
        let number = area.number
        return Prompt("New action in area \(number), reference: ", suggestedRef(in: area),
                      hint: "e.g. \(number)q or \(number)a.iv · Enter next · Esc cancel") { text, board in
            switch TypedText.reference(text.trimmingCharacters(in: .whitespaces), replacing: nil, example: "\(number)q or \(number)a.iv",
                                       taken: board.plan.action(text.trimmingCharacters(in: .whitespaces)) != nil) {
            case let .failure(refusal): return .refuse(refusal.message)
            case let .success(ref): return .done([.ask(.prompt(board.newActionTextPrompt(number, ref)))])
            }
        }
    }

    private func newActionTextPrompt(_ area: Int, _ ref: String) -> Prompt {
        Prompt("\(ref) action: ", hint: "What will be done · Enter add · Esc cancel") { text, board in
            let text = text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return .refuse("Type what the action is, then Enter (Esc cancels).") }
            return .done([board.newActionEdit(area: area, ref: ref, text: text), .focus(.action(ref))])
        }
    }

    func deleteConfirm(_ action: Action) -> Confirm {
        let count = action.notes.count
        return Confirm(question: "Delete action \(action.ref) and its \(count) note\(count == 1 ? "" : "s")? y deletes, anything else keeps it [y/N]",
                       bar: "y delete  N keep (default)", yes: [removeActionEdit(action)], no: "\(action.ref) was not deleted.")
    }

    /// The next free reference in an area: `3q` after `3p.ii`.
    func suggestedRef(in area: Area) -> String {
        for letter in "abcdefghijklmnopqrstuvwxyz" {
            let ref = "\(area.number)\(letter)"
            if plan.action(ref) == nil && !area.actions.contains(where: { $0.ref.hasPrefix(ref) }) { return ref }
        }
        return "\(area.number)-new"
    }

    /// Completes the last name in a comma-separated list from the people in the plan.
    func complete(_ text: String) -> String? {
        let parts = text.components(separatedBy: ",")
        let last = (parts.last ?? "").trimmingCharacters(in: .whitespaces)
        guard !last.isEmpty, let person = plan.people.first(where: { $0.lowercased().hasPrefix(last.lowercased()) && $0 != last })
        else { return nil }
        return (parts.dropLast() + [(parts.count > 1 ? " " : "") + person]).joined(separator: ",")
    }
}

extension Action {
    /// A field's value as the editor shows it.
    func text(of field: ActionField) -> String {
        switch field {
        case .ref: ref
        case .text: text
        case .byWhen: byWhen?.iso ?? ""
        case .leads: leads.joined(separator: ", ")
        case .seniorResponsibleOfficer: seniorResponsibleOfficer ?? ""
        case .status: status.label
        case .kpiText: kpiText
        case .kpis: kpis.joined(separator: ", ")
        case .successCriteria: successCriteria
        }
    }
}

extension ActionField {
    /// The field's name as people say it.
    public var label: String {
        switch self {
        case .ref: "reference"
        case .text: "action"
        case .byWhen: "by when"
        case .leads: "lead(s)"
        case .seniorResponsibleOfficer: "senior responsible officer"
        case .status: "status"
        case .kpiText: "KPI text"
        case .kpis: "KPIs"
        case .successCriteria: "success criteria"
        }
    }
}

import PlanModel

/// The questions that build the plan: an area and its statement, findings, a KPI with its
/// figures and milestones, links from actions, and the header and governance. Every answer
/// becomes a structure edit built in `StructureEdits.swift`.
extension BoardState {
    // MARK: Areas

    /// Adding an area: its short title, then the weakness as written.
    func newAreaPrompt() -> Prompt {
        let number = plan.nextAreaNumber
        return Prompt("New area \(number), short title: ", hint: "For lists and grids · Enter next · Esc cancel") { text, _ in
            let title = text.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { return .refuse("Give the area a short title, then Enter (Esc cancels).") }
            return .done([.ask(.prompt(Prompt("Area \(number) weakness as written: ",
                                              hint: "The statement from the inspection letter · Enter add · Esc cancel") { text, board in
                let weakness = text.trimmingCharacters(in: .whitespaces)
                guard !weakness.isEmpty else { return .refuse("Type the weakness as written, then Enter (Esc cancels).") }
                return .done(board.newAreaSteps(number: number, title: title, weakness: weakness))
            }))])
        }
    }

    /// Edits an area's title or statement in place.
    func areaFieldPrompt(_ area: Area, _ field: AreaField) -> Prompt {
        let number = area.number
        let (label, text) = field == .title ? ("title", area.title) : ("weakness", area.weakness)
        return Prompt("Area \(number) \(label): ", text, hint: "Enter save · Esc cancel") { text, board in
            let value = text.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { return .refuse("An area needs its \(label) (Esc cancels).") }
            return .done([board.areaFieldEdit(number, field, value)])
        }
    }

    /// Asks before removing an area, saying what goes with it.
    func removeAreaConfirm(_ area: Area, closing: Bool) -> Confirm {
        let notes = area.actions.reduce(0) { $0 + $1.notes.count }
        let links = plan.areaLinks(area.number).count
        let what = "\(plural(area.findings.count, "finding")), \(plural(area.actions.count, "action")), \(plural(notes, "note")), \(plural(links, "risk link"))"
        return Confirm(question: "Remove area \(area.number) and its \(what)? [y/N]",
                       bar: "y remove area \(area.number) “\(TextLayout.fit(area.title, 30))”  N keep (default)", yes: (closing ? [.pop] : []) + [removeAreaEdit(area.number)],
                       no: "Area \(area.number) was not removed.")
    }

    // MARK: Findings

    func newFindingPrompt(_ area: Area) -> Prompt {
        let number = area.number
        let letter = findingLetter(at: area.findings.count)
        return Prompt("Finding \(number)\(letter): ", hint: "As the inspectors' report words it · Enter add · Esc cancel") { text, board in
            let text = text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return .refuse("Type the finding, then Enter (Esc cancels).") }
            return .done([board.newFindingEdit(number, text)])
        }
    }

    func findingPrompt(_ area: Int, _ finding: Finding) -> Prompt {
        let letter = finding.letter
        return Prompt("Finding \(area)\(letter): ", finding.text, hint: "Enter save · Esc cancel") { text, board in
            let text = text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return .refuse("A finding needs some text; \(Bindings.key(.structure(.removeFinding), on: AreaScreen.self)) removes it (Esc cancels).") }
            return .done([board.findingTextEdit(area, letter, text)])
        }
    }

    // MARK: KPIs

    /// What a new KPI has gathered so far, question by question.
    struct KPIDraft: Sendable {
        var kpi: KPI
    }

    /// Adding a KPI: reference, name, unit, which direction is better, baseline value and
    /// date, comparator. Empty answers leave the optional ones unset.
    func newKPIPrompt() -> Prompt {
        Prompt("New KPI, reference: ", plan.nextKPIRef, hint: "e.g. K4 · Enter next · Esc cancel") { text, board in
            let typed = text.trimmingCharacters(in: .whitespaces)
            switch TypedText.reference(typed, replacing: nil, example: "K4", taken: board.plan.kpi(typed) != nil) {
            case let .failure(refusal): return .refuse(refusal.message)
            case let .success(ref):
                return .done([.ask(.prompt(Self.kpiNamePrompt(KPIDraft(kpi: KPI(ref: ref, name: "", unit: "", better: .higher)))))])
            }
        }
    }

    private static func kpiNamePrompt(_ draft: KPIDraft) -> Prompt {
        Prompt("\(draft.kpi.ref) name: ", hint: "What it measures · Enter next · Esc cancel") { text, _ in
            var named = draft
            named.kpi.name = text.trimmingCharacters(in: .whitespaces)
            guard !named.kpi.name.isEmpty else { return .refuse("Say what the KPI measures, then Enter (Esc cancels).") }
            let sofar = named
            return .done([.ask(.prompt(Prompt("\(sofar.kpi.ref) unit: ", "%", hint: "%, count, weeks, days … · Enter next · Esc cancel") { text, _ in
                var draft = sofar
                draft.kpi.unit = text.trimmingCharacters(in: .whitespaces)
                return .done([.ask(.picker(betterPicker(draft)))])
            }))])
        }
    }

    private static func betterPicker(_ draft: KPIDraft) -> Picker {
        Picker(label: "\(draft.kpi.ref): which direction is better? h higher, l lower ", bar: "h higher is better  l lower is better · Esc cancel",
               showsCursor: true) { _, key, _ in
            var draft = draft
            switch key {
            case .char("h"), .char("H"), .enter: draft.kpi.better = .higher
            case .char("l"), .char("L"): draft.kpi.better = .lower
            default: return .refuse("Press h if higher is better, l if lower is better (Esc cancels).")
            }
            return .done([.ask(.prompt(baselinePrompt(draft)))])
        }
    }

    private static func baselinePrompt(_ draft: KPIDraft) -> Prompt {
        Prompt("\(draft.kpi.ref) baseline value: ", hint: { text, _ in numberHint(text, empty: "empty = no baseline") }) { text, _ in
            switch TypedText.number(text) {
            case let .failure(refusal): return .refuse(refusal.message + " (Esc cancels).")
            case .success(nil): return .done([.ask(.prompt(comparatorPrompt(draft)))])
            case let .success(value?):
                return .done([.ask(.prompt(Prompt("\(draft.kpi.ref) baseline date: ", hint: { text, _ in Render.dateHint(text, enter: "next") }) { text, _ in
                    switch TypedText.date(text) {
                    case let .failure(refusal): return .refuse(refusal.message + " (Esc cancels).")
                    case let .success(date):
                        var draft = draft
                        draft.kpi.baseline = Measure(value: value, date: date)
                        return .done([.ask(.prompt(comparatorPrompt(draft)))])
                    }
                }))])
            }
        }
    }

    private static func comparatorPrompt(_ draft: KPIDraft) -> Prompt {
        Prompt("\(draft.kpi.ref) comparator: ", hint: "e.g. England average: 58 · empty = none · Enter add · Esc cancel") { text, board in
            switch comparator(text) {
            case let .failure(refusal): return .refuse(refusal.message)
            case let .success(comparator):
                var draft = draft
                draft.kpi.comparator = comparator
                return .done([board.newKPIEdit(draft.kpi), .focus(.kpi(draft.kpi.ref))])
            }
        }
    }

    /// A typed comparator, "label: value", or none when empty.
    static func comparator(_ text: String) -> Result<Comparator?, Refusal> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .success(nil) }
        guard let colon = trimmed.lastIndex(of: ":") else {
            return .failure(Refusal("Type the comparator as label: value, e.g. England average: 58 (Esc cancels)."))
        }
        let label = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, case let .success(value?) = TypedText.number(String(trimmed[trimmed.index(after: colon)...])) else {
            return .failure(Refusal("Type the comparator as label: value, e.g. England average: 58 (Esc cancels)."))
        }
        return .success(Comparator(label: label, value: value))
    }

    /// `enter` says what Enter does: "next" while another question follows, else "save".
    static func numberHint(_ text: String, empty: String, enter: String = "next") -> String {
        switch TypedText.number(text) {
        case .success(nil): "\(empty) · Enter \(enter) · Esc cancel"
        case let .success(value?): "✓ \(formatNumber(value)) · Enter \(enter) · Esc cancel"
        case .failure: "✗ not a number yet: e.g. 420 or 55.5"
        }
    }

    /// Edits one line of a KPI's screen: a field of the KPI, or a milestone.
    func kpiLineQuestion(_ kpi: KPI, _ line: Target?) -> [Step] {
        let ref = kpi.ref
        switch line {
        case .field(0)?:
            return [.ask(.prompt(Prompt("\(ref) name: ", kpi.name, hint: "Enter save · Esc cancel") { text, board in
                let name = text.trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { return .refuse("A KPI needs a name (Esc cancels).") }
                return .done([board.kpiFieldsEdit(ref, [(.name, .text(name))])])
            }))]
        case .field(1)?:
            return [.ask(.prompt(Prompt("\(ref) unit: ", kpi.unit,
                                        hint: "%, count, weeks … · \(Bindings.key(.structure(.switchBetter), on: KPIScreen.self)) switches the direction · Enter save") { text, board in
                .done([board.kpiFieldsEdit(ref, [(.unit, .text(text.trimmingCharacters(in: .whitespaces)))])])
            }))]
        case .field(2)?:
            let shown = kpi.baseline.map { formatNumber($0.value) + ($0.date.map { " on \($0.display)" } ?? "") } ?? ""
            return [.ask(.prompt(Prompt("\(ref) baseline: ", shown, hint: "value [on date] · empty = none · Enter save · Esc cancel") { text, board in
                switch Self.measure(text, note: kpi.baseline?.note ?? "") {
                case let .failure(refusal): .refuse(refusal.message)
                case let .success(measure): .done([board.kpiFieldsEdit(ref, [(.baseline, .measure(measure))])])
                }
            }))]
        case .field(3)?:
            let shown = kpi.comparator.map { "\($0.label): \(formatNumber($0.value))" } ?? ""
            return [.ask(.prompt(Prompt("\(ref) comparator: ", shown, hint: "label: value · empty = none · Enter save · Esc cancel") { text, board in
                switch Self.comparator(text) {
                case let .failure(refusal): .refuse(refusal.message)
                case let .success(comparator): .done([board.kpiFieldsEdit(ref, [(.comparator, .comparator(comparator))])])
                }
            }))]
        case let .milestone(label)?:
            guard let milestone = kpi.milestones.first(where: { $0.label == label }) else { return [] }
            return [.ask(.prompt(milestonePrompt(ref, editing: milestone)))]
        default:
            return [.say("Move onto the KPI's name, unit, baseline, comparator or a milestone to edit it.")]
        }
    }

    /// A typed baseline, "value" or "value on date", or none when empty.
    static func measure(_ text: String, note: String) -> Result<Measure?, Refusal> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .success(nil) }
        let parts = trimmed.components(separatedBy: " on ")
        guard case let .success(value?) = TypedText.number(parts[0]) else {
            return .failure(Refusal("“\(parts[0])” is not a number; type e.g. 31 or 31 on 30/06/2022 (Esc cancels)."))
        }
        guard parts.count > 1 else { return .success(Measure(value: value, note: note)) }
        switch TypedText.date(parts.dropFirst().joined(separator: " on ")) {
        case let .failure(refusal): return .failure(Refusal(refusal.message + " (Esc cancels)."))
        case let .success(date): return .success(Measure(value: value, date: date, note: note))
        }
    }

    // MARK: Milestones

    /// Adding (or, given one, editing) a milestone: label, date, target.
    func milestonePrompt(_ ref: String, editing old: Milestone? = nil) -> Prompt {
        let suggested = old?.label ?? ["3 months", "6 months", "12 months", "18 months", "24 months"]
            .first { label in !(plan.kpi(ref)?.milestones.contains { $0.label == label } ?? false) } ?? ""
        return Prompt("\(ref) milestone label: ", suggested, hint: "e.g. 6 months · Enter next · Esc cancel") { text, board in
            let label = text.trimmingCharacters(in: .whitespaces)
            guard !label.isEmpty else { return .refuse("A milestone needs a label, e.g. 6 months (Esc cancels).") }
            if label != old?.label, board.plan.kpi(ref)?.milestones.contains(where: { $0.label == label }) ?? false {
                return .refuse("\(ref) already has a milestone “\(label)”; choose another label.")
            }
            return .done([.ask(.prompt(Prompt("\(ref) \(label) date: ", old?.date?.iso ?? "", hint: { text, _ in Render.dateHint(text, enter: "next") }) { text, _ in
                switch TypedText.date(text) {
                case let .failure(refusal): return .refuse(refusal.message + " (Esc cancels).")
                case let .success(date):
                    return .done([.ask(.prompt(Prompt("\(ref) \(label) target: ", old?.target.map(formatNumber) ?? "",
                                                      hint: { text, _ in Self.numberHint(text, empty: "empty = no target", enter: "save") }) { text, board in
                        switch TypedText.number(text) {
                        case let .failure(refusal): return .refuse(refusal.message + " (Esc cancels).")
                        case let .success(target):
                            let milestone = Milestone(label: label, date: date, target: target, actual: old?.actual)
                            guard let old else { return .done([board.newMilestoneEdit(ref, milestone), .focus(.milestone(label))]) }
                            return .done([board.milestoneEdit(ref, old, milestone), .focus(.milestone(label))])
                        }
                    }))])
                }
            }))])
        }
    }

    // MARK: Links

    func linkActionsPrompt(_ kpi: KPI) -> Prompt {
        let ref = kpi.ref
        return Prompt("Link actions to \(ref): ", hint: "Action references separated by commas, e.g. 1a, 1b · Enter link · Esc cancel") { text, board in
            let refs = TypedText.names(text)
            guard !refs.isEmpty else { return .refuse("Type one or more action references (Esc cancels).") }
            if let unknown = refs.first(where: { board.plan.action($0) == nil }) {
                return .refuse("There is no action \(unknown); type references such as \(board.plan.allActions.first?.ref ?? "1a").")
            }
            return .done([board.linkEdit(ref, refs, link: true)])
        }
    }

    // MARK: Header and governance

    /// The header and governance fields, each with the key that picks it.
    static let planFields: [(Character, PlanField)] = [
        ("l", .localArea), ("t", .title), ("s", .inspectionStart), ("e", .inspectionEnd), ("r", .revisitReportDate),
        ("o", .accountableOfficers), ("a", .advisers), ("n", .narrative), ("p", .partners), ("g", .reportingLines),
    ]

    func planFieldPicker() -> Picker {
        let keys = Self.planFields.map { "\($0.0) \($0.1.label)" }.joined(separator: ", ")
        return Picker(label: "Edit which? l local area  t title  s/e inspection start/end  r revisit report ",
                      bar: "o officers  a advisers  p partners  g reporting lines  n narrative · Esc cancel", showsCursor: false) { _, key, board in
            guard case let .char(c) = key, let field = Self.planFields.first(where: { $0.0 == c })?.1 else {
                return .refuse("Press the letter of a field: \(keys) (Esc cancels).")
            }
            if field == .narrative { return .done([.effect(.openEditor(board.narrativeEditor()))]) }
            return .done([.ask(.prompt(board.planFieldPrompt(field)))])
        }
    }

    /// `$EDITOR` on an area's weakness as written; an empty one is refused.
    func statementEditor(_ area: Area) -> EditorRequest {
        let number = area.number
        return EditorRequest("area \(number) weakness as written", in: plan, read: { $0.area(number: number)?.weakness }) { raw, saw, _ in
            let text = Self.droppingTrailingLines(raw)
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return .refuse("An area needs its weakness as written; nothing was changed.")
            }
            return .done([Self.longTextEdit(.setArea(number: number, field: .weakness, from: saw, to: text), changed: text != saw,
                                            done: "Saved area \(number)'s weakness.")])
        }
    }

    /// `$EDITOR` on the governance narrative.
    func narrativeEditor() -> EditorRequest {
        EditorRequest("the governance narrative", in: plan, read: { $0.governance.narrative }) { raw, saw, _ in
            let text = Self.droppingTrailingLines(raw)
            return .done([Self.longTextEdit(.setPlanField(field: .narrative, from: .text(saw), to: .text(text)), changed: text != saw,
                                            done: "Saved the \(PlanField.narrative.label).")])
        }
    }

    /// The edit for long text back from `$EDITOR`, from the text it opened on.
    private static func longTextEdit(_ edit: StructureEdit, changed: Bool, done: String) -> Step {
        changed ? .effect(.apply(.structure(edit), done: done)) : .say("Nothing changed: the plan already holds that.")
    }

    /// Text from `$EDITOR` without the blank lines editors leave at its end.
    static func droppingTrailingLines(_ raw: String) -> String {
        var text = raw
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }

    /// Edits a header or governance field as one line of text; lists are separated by
    /// semicolons, and a person's or reporting line's parts by vertical bars.
    func planFieldPrompt(_ field: PlanField) -> Prompt {
        let current = plan.value(of: field)
        let hint: @Sendable (String, BoardState) -> String = switch current {
        case .date: { text, _ in Render.dateHint(text) }
        case .people: { _, _ in "name | role | organisation; next person … · empty = none · Enter save" }
        case .names: { _, _ in "Names separated by semicolons · Enter save · Esc cancel" }
        case .lines: { _, _ in "from | to | information or accountability | how often; next … · Enter save" }
        default: { _, _ in "Enter save · Esc cancel" }
        }
        let label = field.label.prefix(1).uppercased() + field.label.dropFirst()
        return Prompt("\(label): ", Self.typed(current), hint: hint) { text, board in
            switch Self.planValue(text, like: current) {
            case let .failure(refusal): return .refuse(refusal.message)
            case let .success(value): return .done([board.planFieldEdit(field, value)])
            }
        }
    }

    /// A field's value as the prompt shows it.
    static func typed(_ value: StructureValue) -> String {
        switch value {
        case let .text(s): s
        case let .optionalText(s): s ?? ""
        case let .date(d): d?.iso ?? ""
        case let .people(people):
            people.map { [$0.name, $0.role, $0.organisation].joined(separator: " | ") }.joined(separator: "; ")
        case let .names(names): names.joined(separator: "; ")
        case let .lines(lines):
            lines.map { [$0.from, $0.to, $0.kind.rawValue, $0.frequency].joined(separator: " | ") }.joined(separator: "; ")
        default: value.display
        }
    }

    /// What was typed, read as the same kind of value the field holds.
    static func planValue(_ text: String, like current: StructureValue) -> Result<StructureValue, Refusal> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let items = trimmed.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        func parts(_ item: String) -> [String] { item.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
        switch current {
        case .text:
            return .success(.text(trimmed))
        case .optionalText:
            return .success(.optionalText(trimmed.isEmpty ? nil : trimmed))
        case .date:
            return TypedText.date(trimmed).map(StructureValue.date).mapError { Refusal($0.message + " (Esc cancels).") }
        case .people:
            var people: [Person] = []
            for item in items {
                let p = parts(item)
                guard !p[0].isEmpty, p.count <= 3 else {
                    return .failure(Refusal("“\(item)” is not a person: type name | role | organisation, people separated by semicolons."))
                }
                people.append(Person(name: p[0], role: p.count > 1 ? p[1] : "", organisation: p.count > 2 ? p[2] : ""))
            }
            return .success(.people(people))
        case .names:
            return .success(.names(items))
        case .lines:
            var lines: [ReportingLine] = []
            for item in items {
                let p = parts(item)
                let kind = p.count > 2 ? ReportingLine.Kind.allCases.first { $0.rawValue.hasPrefix(p[2].lowercased()) && !p[2].isEmpty } : nil
                guard p.count == 4, !p[0].isEmpty, !p[1].isEmpty, let kind else {
                    return .failure(Refusal("“\(item)” is not a reporting line: type from | to | information or accountability | how often."))
                }
                lines.append(ReportingLine(from: p[0], to: p[1], kind: kind, frequency: p[3]))
            }
            return .success(.lines(lines))
        default:
            return .failure(Refusal("That field cannot be edited here."))
        }
    }
}

/// "1 finding", "3 findings".
func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

extension BoardState {
    /// The area commands, from the areas view or an area's own screen (`closing` it when
    /// the area goes).
    func areaCommand(_ command: StructureCommand, _ area: Area?, closing: Bool) -> [Step] {
        if command == .addArea { return [.ask(.prompt(newAreaPrompt()))] }
        guard let area else { return [.say("No areas yet: press \(Bindings.key(.structure(.addArea), on: AreasScreen.self)) to add one.")] }
        switch command {
        case .editAreaTitle: return [.ask(.prompt(areaFieldPrompt(area, .title)))]
        case .editAreaStatement: return [.effect(.openEditor(statementEditor(area)))]
        case let .moveArea(delta): return [moveAreaEdit(area.number, by: delta), .focus(.area(clamp((plan.areas.firstIndex { $0.number == area.number } ?? 0) + delta, 0, plan.areas.count - 1)))]
        case .removeArea: return [.ask(.confirm(removeAreaConfirm(area, closing: closing)))]
        default: return []
        }
    }

    /// Asks before removing a KPI, naming the actions it unlinks.
    func removeKPIConfirm(_ kpi: KPI, closing: Bool) -> Confirm {
        let links = plan.kpiLinks(kpi.ref).map(\.action)
        let unlinking = links.isEmpty ? "" : ", unlinking \(links.joined(separator: ", "))"
        return Confirm(question: "Remove KPI \(kpi.ref) with its \(plural(kpi.milestones.count, "milestone"))\(unlinking)? y removes, anything else keeps it [y/N]",
                       bar: "y remove  N keep (default)", yes: (closing ? [.pop] : []) + [removeKPIEdit(kpi.ref)], no: "\(kpi.ref) was not removed.")
    }
}

extension BoardState {
    /// Whether the screen on top has one finding selected (not the folded findings line).
    var selectsFinding: Bool {
        if case let .finding(letter)? = top.selection(self) { return !letter.isEmpty }
        return false
    }

    /// Whether the screen on top has a milestone selected.
    var selectsMilestone: Bool {
        if case .milestone? = top.selection(self) { return true }
        return false
    }
}

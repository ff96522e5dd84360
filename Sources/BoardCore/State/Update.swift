import Foundation
import PlanModel
import PlanStore

extension BoardState {
    /// The one place the dashboard's state changes. Returns what the program must do.
    public mutating func update(_ message: Message) -> [Effect] {
        var effects: [Effect] = []
        switch message {
        case let .key(key):
            if case .normal = mode {
                if key != .escape { clearMessageOnKey() }
                effects = handle(key)
            } else {
                effects = handleModeKey(key)
            }
        case let .mouse(mouse):
            handle(mouse)
        case let .resize(width, height):
            self.width = width
            self.height = height
        case let .planChanged(plan, log):
            replacePlan(plan, log)
        case let .saved(plan, log, said):
            replacePlan(plan, log)
            say(said)
        case let .failed(text):
            say(text, error: true)
            if case let .action(ref) = screen, plan.action(ref) == nil { stack.removeLast() }
        case let .editorReturned(ref, field, text):
            if let text {
                effects = commit(field, of: ref, text: text)
            } else {
                say("No change.")
            }
        case let .today(date):
            today = date
        }
        keepSelectionVisible()
        return effects
    }

    // MARK: Normal keys

    mutating func handle(_ key: Key) -> [Effect] {
        guard let command = Bindings.command(for: key, in: screen.context) else {
            if case let .char(c) = key, !c.isWhitespace {
                say("\(key.label) does nothing here; press ? for the keys.", error: false)
            }
            return []
        }
        return perform(command)
    }

    mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .up: move(-1)
        case .down: move(1)
        case .left: moveAcross(-1)
        case .right: moveAcross(1)
        case .pageUp: move(-max(1, contentRows - 1))
        case .pageDown: move(max(1, contentRows - 1))
        case .top: move(-1_000_000)
        case .bottom: move(1_000_000)
        case .open: open()
        case .back: back()
        case .quit: return [.quit]
        case .help:
            if screen != .help { stack.append(.help); scroll["help"] = 0 }
        case .nextView, .previousView:
            let views = View.allCases
            let current = stack.first.flatMap { if case let .view(v) = $0 { v } else { nil } } ?? .dashboard
            let i = views.firstIndex(of: current) ?? 0
            let step = command == .nextView ? 1 : views.count - 1
            stack = [.view(views[(i + step) % views.count])]
        case let .show(view): stack = [.view(view)]
        case .search: mode = .search(LineEditor(search ?? ""))
        case .nextMatch: jumpToMatch(forward: true)
        case .previousMatch: jumpToMatch(forward: false)
        case .filter:
            if screen == .view(.triage) { mode = .triageLead(LineEditor(triageLead ?? "")) } else { mode = .filter }
        case .undo: return writable() ? [.undo] : []
        case .redo: return writable() ? [.redo] : []
        case let .setStatus(status): return setStatus(status)
        case .editField: return editSelectedField()
        case .editByWhen: startEdit(.byWhen)
        case .editLead: startEdit(.leads)
        case .editText: startEdit(.text)
        case .editInEditor:
            guard writable(), let action = currentAction else { return [] }
            let field = screen == .action(action.ref) ? actionFields[min(fieldIndex, actionFields.count - 1)] : .text
            guard [.text, .kpiText, .successCriteria].contains(field) else {
                say("$EDITOR is for long text: the action, its KPI text or its success criteria.", error: true)
                return []
            }
            return [.openEditor(ref: action.ref, field: field, text: Self.text(of: field, in: action))]
        case .addNote:
            guard writable(), let action = currentAction else { return [] }
            mode = .note(ref: action.ref, editor: LineEditor())
        case .addAction:
            guard writable(), let area = currentArea else { return [] }
            mode = .newActionRef(area: area.number, editor: LineEditor(suggestedRef(in: area)))
        case .deleteAction:
            guard writable(), let action = currentAction else { return [] }
            mode = .confirmDelete(ref: action.ref)
        case .toggleFindings:
            fullFindings = !showsFullFindings
            if let letter = selectedFinding {
                selectedFinding = showsFullFindings ? (letter.isEmpty ? currentArea?.findings.first?.letter : letter) : ""
            }
        case .followLink: followLink()
        case .recordCheckpoint:
            guard writable() else { return [] }
            mode = .checkpointName(editor: LineEditor("Board \(today.iso)"))
        case .listChanges:
            guard since != nil else {
                say("No checkpoint yet: press C to record one.")
                return []
            }
            stack.append(.changes)
            scroll["changes"] = 0
        case .toggleOverTime:
            ragOverTime.toggle()
            scroll["rag"] = 0
        case let .heatStage(stage):
            heatStage = stage
        case .addRisk:
            guard writable() else { return [] }
            mode = .newRiskRef(editor: LineEditor(suggestedRiskRef()))
        case .removeRisk:
            guard writable(), let risk = currentRisk else { return [] }
            mode = .confirmRemoveRisk(ref: risk.ref)
        case .sortRisks:
            let all = RiskSort.allCases
            riskSort = all[((all.firstIndex(of: riskSort) ?? 0) + 1) % all.count]
            say("Risks sorted by \(riskSort.label).")
        case .clearNarrowing:
            riskCell = nil
            say("Showing every risk.")
        case .groupByLead:
            triageByLead.toggle()
            scroll["triage"] = 0
        }
        return []
    }

    // MARK: Moving

    /// Rows between the header and the bars.
    public var contentRows: Int { max(1, height - 4) }

    mutating func move(_ delta: Int) {
        switch screen {
        case .view(.areas):
            areaIndex = clamp(areaIndex + delta, 0, plan.areas.count - 1)
        case let .area(number):
            // The cursor runs through the findings (in full, or their one folded line) and then
            // the actions, so the findings can be read at any screen size.
            guard let area = plan.area(number: number) else { return }
            let visible = visibleActions(area)
            let findings = area.findings.isEmpty ? [] : showsFullFindings ? area.findings.map(\.letter) : [""]
            let stops = findings.map { Target.finding($0) } + visible.map { Target.action($0.ref) }
            guard !stops.isEmpty else { return }
            let here: Target = selectedFinding.map(Target.finding)
                ?? (visible.first { $0.ref == selectedAction[number] } ?? visible.first).map { .action($0.ref) } ?? stops[0]
            let current = stops.firstIndex(of: here) ?? findings.count
            switch stops[clamp(current + delta, 0, stops.count - 1)] {
            case let .finding(letter): selectedFinding = letter
            case let .action(ref):
                selectedFinding = nil
                selectedAction[number] = ref
            default: break
            }
        case .action:
            fieldIndex = clamp(fieldIndex + delta, 0, actionFields.count - 1)
        case .risk:
            riskField = clamp(riskField + delta, 0, riskFields.count - 1)
        case .view(.rag):
            if ragOverTime {
                ragAction = clamp(ragAction + delta, 0, max(0, allActions.count - 1))
            } else {
                ragArea = clamp(ragArea + (delta > 0 ? max(1, delta / 4) : min(-1, delta / 4)), 0, max(0, plan.areas.count - 1))
            }
        case .view(.heatmap):
            heatCell.likelihood = clamp(heatCell.likelihood - delta, 1, 5)
        case .view(.risks):
            let list = registerRisks
            guard !list.isEmpty else { return }
            let current = list.firstIndex { $0.ref == riskRef } ?? 0
            riskRef = list[clamp(current + delta, 0, list.count - 1)].ref
        case .view(.kpis):
            guard !plan.kpis.isEmpty else { return }
            let current = plan.kpis.firstIndex { $0.ref == kpiRef } ?? 0
            kpiRef = plan.kpis[clamp(current + delta, 0, plan.kpis.count - 1)].ref
        case .view(.triage):
            let list = triage
            guard !list.isEmpty else { return }
            let current = list.firstIndex { $0.action.ref == triageRef } ?? 0
            triageRef = list[clamp(current + delta, 0, list.count - 1)].action.ref
        case .view(.dashboard), .view(.checkpoints), .changes, .kpi:
            moveLine(delta)
        case .view(.governance):
            scroll["governance", default: 0] = max(0, scroll["governance", default: 0] + delta)
        case .help:
            scroll["help", default: 0] = max(0, scroll["help", default: 0] + delta)
        }
    }

    mutating func open() {
        switch screen {
        case .view(.areas):
            guard plan.areas.indices.contains(areaIndex) else { return }
            stack.append(.area(plan.areas[areaIndex].number))
            scroll["area"] = 0
            selectedFinding = nil
        case .area where selectedFinding != nil:
            fullFindings = !showsFullFindings
            if let letter = selectedFinding, !letter.isEmpty, !showsFullFindings { selectedFinding = "" }
            if selectedFinding == "", showsFullFindings { selectedFinding = currentArea?.findings.first?.letter }
        case .area, .view(.triage), .view(.rag):
            guard let action = currentAction else {
                if case .area = screen {
                    say("This area has no actions\(filter.isActive ? " that pass the filter" : ""); press + to add one.")
                }
                return
            }
            openAction(action.ref)
        default:
            openSelectedLine()
        }
    }

    /// Opens an action's own screen.
    mutating func openAction(_ ref: String) {
        guard plan.action(ref) != nil else { return }
        stack.append(.action(ref))
        fieldIndex = 0
    }

    mutating func back() {
        if search != nil, case .normal = mode, stack.count == 1 {
            search = nil
            return
        }
        guard stack.count > 1 else {
            say("Press q to quit.")
            return
        }
        let left = stack.removeLast()
        if case let .area(number) = left, let i = plan.areas.firstIndex(where: { $0.number == number }) { areaIndex = i }
    }

    // MARK: Search

    /// Actions whose reference, text or leads contain the search, in plan order.
    public func matches(_ query: String) -> [Action] {
        guard !query.isEmpty else { return [] }
        return allActions.filter { action in
            action.ref.localizedCaseInsensitiveContains(query) || action.text.localizedCaseInsensitiveContains(query)
                || action.leads.contains { $0.localizedCaseInsensitiveContains(query) }
        }
    }

    mutating func jumpToMatch(forward: Bool, including: Bool = false) {
        guard let query = search, !query.isEmpty else {
            say("No search yet: press / to search.")
            return
        }
        let found = matches(query)
        guard !found.isEmpty else {
            say("No action matches “\(query)”.", error: true)
            return
        }
        let order = allActions.map(\.ref)
        let here = currentAction.flatMap { order.firstIndex(of: $0.ref) } ?? (forward ? -1 : order.count)
        let positions = found.compactMap { order.firstIndex(of: $0.ref) }
        let target: Int
        if forward {
            target = positions.first { including ? $0 >= here : $0 > here } ?? positions[0]
        } else {
            target = positions.last { $0 < here } ?? positions[positions.count - 1]
        }
        let ref = order[target]
        guard let area = plan.area(ofAction: ref) else { return }
        if !filter.admits(plan.action(ref) ?? Action(ref: "", text: "")) { filter = ActionFilter() }
        stack = [.view(.areas), .area(area.number)]
        if let i = plan.areas.firstIndex(where: { $0.number == area.number }) { areaIndex = i }
        selectedAction[area.number] = ref
        let n = (found.firstIndex { $0.ref == ref } ?? 0) + 1
        say("Match \(n) of \(found.count) for “\(query)”: \(ref). n next, N previous, Enter opens.")
    }

    // MARK: Editing

    /// The action fields the action view lists, in order.
    public var actionFields: [ActionField] {
        [.ref, .text, .byWhen, .leads, .seniorResponsibleOfficer, .status, .kpiText, .kpis, .successCriteria]
    }

    mutating func writable() -> Bool {
        if readOnly {
            say("This plan file is read-only, so nothing can be changed. Make the file writable and reopen it.", error: true)
        }
        return !readOnly
    }

    mutating func setStatus(_ status: Status) -> [Effect] {
        guard writable(), let action = currentAction else { return [] }
        if status.needsReason {
            mode = .reason(ref: action.ref, status: status, editor: LineEditor())
            return []
        }
        if action.status == status {
            say("\(action.ref) is already \(status.label).")
            return []
        }
        return [.apply(.setStatus(ref: action.ref, from: action.status, to: status, reason: nil), done: "\(action.ref) is now \(status.label).")]
    }

    mutating func editSelectedField() -> [Effect] {
        switch screen {
        case .risk:
            editRisk(riskFields[clamp(riskField, 0, riskFields.count - 1)])
            return []
        case .view(.risks):
            editRisk(Self.registerColumns[clamp(riskColumn, 0, Self.registerColumns.count - 1)])
            return []
        case .view(.kpis):
            editActual()
            return []
        default:
            break
        }
        guard let action = currentAction else { return [] }
        let field = actionFields[min(fieldIndex, actionFields.count - 1)]
        if field == .status {
            say("Press r (Red), a (Amber), g (Green), c (Complete) or - (Not started) to set \(action.ref)'s status.")
            return []
        }
        startEdit(field)
        return []
    }

    mutating func startEdit(_ field: ActionField) {
        guard writable(), let action = currentAction else { return }
        mode = .edit(ref: action.ref, field: field, editor: LineEditor(Self.text(of: field, in: action)))
    }

    /// A field's value as the editor shows it.
    static func text(of field: ActionField, in action: Action) -> String {
        switch field {
        case .ref: action.ref
        case .text: action.text
        case .byWhen: action.byWhen?.iso ?? ""
        case .leads: action.leads.joined(separator: ", ")
        case .seniorResponsibleOfficer: action.seniorResponsibleOfficer ?? ""
        case .status: action.status.label
        case .kpiText: action.kpiText
        case .kpis: action.kpis.joined(separator: ", ")
        case .successCriteria: action.successCriteria
        }
    }

    /// Turns what was typed into an edit, or says what is wrong and keeps the editor open.
    mutating func commit(_ field: ActionField, of ref: String, text raw: String) -> [Effect] {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let value: FieldValue
        var shown = text
        switch field {
        case .byWhen:
            guard let date = typedDate(text) else { return [] }
            value = .date(date)
            shown = date?.display ?? "no date"
        case .leads:
            value = .names(Self.names(text))
        case .kpis:
            let refs = Self.names(text)
            if let unknown = refs.first(where: { plan.kpi($0) == nil }) {
                say("There is no KPI \(unknown); the score card has \(plan.kpis.map(\.ref).joined(separator: ", ")).", error: true)
                return []
            }
            value = .names(refs)
        case .seniorResponsibleOfficer:
            value = .optionalText(text.isEmpty ? nil : text)
        case .ref:
            guard acceptable(reference: text, replacing: ref, example: "3b or 3a.ii", what: "action", taken: plan.action(text) != nil) else { return [] }
            value = .text(text)
            if case .action(ref) = screen { stack[stack.count - 1] = .action(text) }
            for (number, selected) in selectedAction where selected == ref { selectedAction[number] = text }
        case .text:
            guard !text.isEmpty else {
                say("An action needs some text (Esc cancels).", error: true)
                return []
            }
            value = .text(raw)
        case .kpiText, .successCriteria:
            value = .text(raw)
        case .status:
            return []
        }
        mode = .normal
        return [.apply(plan.setting(field, ofAction: ref, to: value), done: "Saved \(field.label) of \(ref): \(TextLayout.fit(shown.isEmpty ? "(empty)" : shown, 40)).")]
    }

    /// A typed date: `.some(nil)` for none, nil (having said why) when it is not a date.
    mutating func typedDate(_ text: String) -> PlanDate?? {
        if text.isEmpty { return .some(nil) }
        guard let date = PlanDate(typed: text) else {
            say("“\(text)” is not a date: type 2023-03-31, 31/03/2023 or 31 Mar 2023 (Esc cancels).", error: true)
            return nil
        }
        return .some(date)
    }

    /// Whether a typed reference can replace `old`: no spaces, and not another item's.
    mutating func acceptable(reference text: String, replacing old: String, example: String, what: String, taken: Bool) -> Bool {
        guard !text.isEmpty, !text.contains(where: \.isWhitespace) else {
            say("A reference has no spaces, e.g. \(example).", error: true)
            return false
        }
        if text != old, taken {
            say("\(text) is already used by another \(what).", error: true)
            return false
        }
        return true
    }

    static func names(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Completes the last name in a comma-separated list from the people in the plan.
    func complete(_ text: String) -> String? {
        let parts = text.components(separatedBy: ",")
        let last = (parts.last ?? "").trimmingCharacters(in: .whitespaces)
        guard !last.isEmpty, let person = plan.people.first(where: { $0.lowercased().hasPrefix(last.lowercased()) && $0 != last })
        else { return nil }
        return (parts.dropLast() + [(parts.count > 1 ? " " : "") + person]).joined(separator: ",")
    }

    /// The next free reference in an area: `3q` after `3p.ii`.
    func suggestedRef(in area: Area) -> String {
        for letter in "abcdefghijklmnopqrstuvwxyz" {
            let ref = "\(area.number)\(letter)"
            if plan.action(ref) == nil && !area.actions.contains(where: { $0.ref.hasPrefix(ref) }) { return ref }
        }
        return "\(area.number)-new"
    }

    // MARK: Modes

    mutating func handleModeKey(_ key: Key) -> [Effect] {
        if key == .escape {
            if case .filter = mode {} else { say("Cancelled.") }
            mode = .normal
            return []
        }
        switch mode {
        case .normal:
            return []
        case .edit(let ref, let field, var editor):
            if key == .enter { return commit(field, of: ref, text: editor.text) }
            if key == .tab, field == .leads {
                if let completed = complete(editor.text) { editor.set(completed) }
            } else {
                editor.handle(key)
            }
            mode = .edit(ref: ref, field: field, editor: editor)
        case .reason(let ref, let status, var editor):
            if key == .enter {
                let reason = editor.text.trimmingCharacters(in: .whitespaces)
                guard !reason.isEmpty else {
                    say("\(status.label) needs a reason: say why, then Enter (Esc cancels).", error: true)
                    return []
                }
                mode = .normal
                let note = Note(date: today, author: user, text: reason)
                return [.apply(plan.settingStatus(ofAction: ref, to: status, reason: note), done: "\(ref) is now \(status.label); the reason is saved as a progress note.")]
            }
            editor.handle(key)
            mode = .reason(ref: ref, status: status, editor: editor)
        case .note(let ref, var editor):
            if key == .enter {
                let text = editor.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else {
                    say("Type the note, then Enter (Esc cancels).", error: true)
                    return []
                }
                mode = .normal
                return [.apply(.addNote(ref: ref, index: nil, note: Note(date: today, author: user, text: text)), done: "Note added to \(ref).")]
            }
            editor.handle(key)
            mode = .note(ref: ref, editor: editor)
        case var .search(editor):
            if key == .enter {
                mode = .normal
                let query = editor.text.trimmingCharacters(in: .whitespaces)
                search = query.isEmpty ? nil : query
                if !query.isEmpty { jumpToMatch(forward: true, including: true) }
                return []
            }
            editor.handle(key)
            mode = .search(editor)
        case let .confirmDelete(ref):
            mode = .normal
            guard key == .char("y") || key == .char("Y") else {
                say("\(ref) was not deleted.")
                return []
            }
            guard let edit = plan.removing(action: ref) else { return [] }
            return [.apply(edit, done: "Deleted \(ref). Press u to undo.")]
        case .filter:
            switch key {
            case .char("r"): toggleFilter(.red)
            case .char("a"): toggleFilter(.amber)
            case .char("g"): toggleFilter(.green)
            case .char("c"): toggleFilter(.complete)
            case .char("-"), .char("0"): toggleFilter(.notStarted)
            case .char("l"): mode = .filterLead(LineEditor(filter.lead ?? ""))
            case .char("x"):
                filter = ActionFilter()
                mode = .normal
                say("Filter cleared.")
            case .enter: mode = .normal
            default: say("Filter: r a g c - toggle a status, l a lead, x clears, Enter done.", error: true)
            }
        case var .filterLead(editor):
            if key == .enter {
                let lead = editor.text.trimmingCharacters(in: .whitespaces)
                filter.lead = lead.isEmpty ? nil : lead
                mode = .normal
                selectFirstVisible()
                return []
            }
            if key == .tab {
                if let completed = complete(editor.text) { editor.set(completed) }
            } else {
                editor.handle(key)
            }
            mode = .filterLead(editor)
        case .newActionRef(let area, var editor):
            if key == .enter {
                let ref = editor.text.trimmingCharacters(in: .whitespaces)
                if ref.isEmpty || ref.contains(where: \.isWhitespace) {
                    say("A reference has no spaces, e.g. \(area)q or \(area)a.iv.", error: true)
                } else if plan.action(ref) != nil {
                    say("\(ref) is already used; choose another reference.", error: true)
                } else {
                    mode = .newActionText(area: area, ref: ref, editor: LineEditor())
                }
                return []
            }
            editor.handle(key)
            mode = .newActionRef(area: area, editor: editor)
        case .newActionText(let area, let ref, var editor):
            if key == .enter {
                let text = editor.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else {
                    say("Type what the action is, then Enter (Esc cancels).", error: true)
                    return []
                }
                mode = .normal
                selectedAction[area] = ref
                return [.apply(.addAction(area: area, index: nil, action: Action(ref: ref, text: text)), done: "Added \(ref). Press w for its by-when, L for its lead.")]
            }
            editor.handle(key)
            mode = .newActionText(area: area, ref: ref, editor: editor)
        case .riskEdit, .score, .newRiskRef, .newRiskText, .confirmRemoveRisk, .actual, .checkpointName, .checkpointDate, .triageLead:
            return handleBoardModeKey(key)
        }
        return []
    }

    mutating func toggleFilter(_ status: Status) {
        if filter.statuses.contains(status) { filter.statuses.remove(status) } else { filter.statuses.insert(status) }
        selectFirstVisible()
    }

    mutating func selectFirstVisible() {
        guard case let .area(number) = screen, let area = plan.area(number: number) else { return }
        let visible = visibleActions(area)
        if !visible.contains(where: { $0.ref == selectedAction[number] }) { selectedAction[number] = visible.first?.ref }
        scroll["area"] = 0
    }

    // MARK: Mouse

    mutating func handle(_ mouse: Mouse) {
        switch mouse.kind {
        case .wheelUp: move(-3)
        case .wheelDown: move(3)
        case .click:
            guard let target = ScreenLayout.hit(self, x: mouse.x, y: mouse.y) else { return }
            switch (screen, target) {
            case let (.view(.areas), .area(index)):
                if index == areaIndex { open() } else { areaIndex = index }
            case let (_, .action(ref)) where screen == .view(.triage):
                if triageRef == ref { open() } else { triageRef = ref }
            case let (.area, .finding(letter)):
                selectedFinding = letter
            case let (.area, .action(ref)):
                selectedFinding = nil
                if let number = plan.area(ofAction: ref)?.number {
                    if selectedAction[number] == ref { open() } else { selectedAction[number] = ref }
                }
            case let (.action, .field(index)):
                fieldIndex = index
            case let (.risk, .field(index)):
                riskField = index
            case let (.view(.risks), .risk(ref)):
                if riskRef == ref { followLink() } else { riskRef = ref }
            case let (.view(.kpis), .kpi(ref)):
                if kpiRef == ref { followLink() } else { kpiRef = ref }
            case let (.view(.rag), .area(index)):
                ragArea = index
            default:
                let key = ScreenLayout.scrollKey(screen)
                if selectedLine[key] == target { openSelectedLine() } else { selectedLine[key] = target }
            }
        }
    }

    // MARK: Keeping the place

    mutating func replacePlan(_ plan: Plan, _ log: [ChangeRecord]) {
        self.plan = plan
        self.log = log
        areaIndex = clamp(areaIndex, 0, plan.areas.count - 1)
        // Keep each area's selection by reference; if the action went, pick its neighbour.
        for (number, ref) in selectedAction {
            guard let area = plan.area(number: number) else { continue }
            if area.actions.contains(where: { $0.ref == ref }) { continue }
            selectedAction[number] = area.actions.first?.ref
        }
        stack = stack.filter { screen in
            switch screen {
            case let .area(number): plan.area(number: number) != nil
            case let .action(ref): plan.action(ref) != nil
            default: true
            }
        }
        if stack.isEmpty { stack = [.view(.areas)] }
    }

    mutating func say(_ text: String, error: Bool = false) {
        message = text
        messageIsError = error
    }

    mutating func clearMessageOnKey() {
        message = nil
        messageIsError = false
    }
}

func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { max(low, min(high, value)) }

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

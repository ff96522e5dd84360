import Foundation
import PlanModel
import PlanStore

/// An action that needs attention, and why: for the triage list.
public struct TriageItem: Equatable, Sendable {
    public var action: Action
    public var area: Int
    public var overdueDays: Int?
    public var dueInDays: Int?

    /// Words and glyphs for why it is on the list.
    public var why: String {
        var parts: [String] = []
        if action.status == .red { parts.append("R●") }
        if let overdueDays { parts.append("!\(overdueDays)d late") }
        if let dueInDays { parts.append(dueInDays == 0 ? "»due today" : "»in \(dueInDays)d") }
        return parts.joined(separator: " ")
    }
}

extension BoardState {
    // MARK: Derived lists

    /// Every Red, overdue and due-soon action, latest first: the most overdue, then Red
    /// with nothing late, then those due soonest.
    public var triage: [TriageItem] {
        memo.value("triage", key(triageLead ?? "", triageByLead ? "grouped" : "")) { makeTriage() }
    }

    private func makeTriage() -> [TriageItem] {
        var items: [TriageItem] = []
        for area in plan.areas {
            for action in area.actions {
                let flags = action.flags(today: today, settings: plan.settings)
                guard action.status == .red || flags.overdue || flags.dueSoon else { continue }
                if let lead = triageLead, !action.leads.contains(where: { $0.localizedCaseInsensitiveContains(lead) }) { continue }
                let days = action.byWhen.map { $0.dayNumber - today.dayNumber }
                items.append(TriageItem(action: action, area: area.number,
                                        overdueDays: flags.overdue ? days.map { -$0 } : nil,
                                        dueInDays: flags.dueSoon ? days : nil))
            }
        }
        // Most overdue first, then Red with nothing late, then due soonest; ties keep plan order.
        let ranks = items.map { item -> Int in
            if let late = item.overdueDays { return -late }
            if item.dueInDays == nil { return 1_000_000 }
            return 2_000_000 + (item.dueInDays ?? 0)
        }
        items = items.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }.map { items[$0] }
        if triageByLead {
            let leads = items.map { $0.action.leads.first ?? "(no lead)" }
            items = items.indices.sorted { (leads[$0], $0) < (leads[$1], $1) }.map { items[$0] }
        }
        return items
    }

    /// The risks the register shows, in its order.
    public var registerRisks: [Risk] {
        let cell = riskCell.map { "\($0.stage.rawValue)\($0.score.likelihood)\($0.score.impact)" } ?? ""
        return memo.value("register", key(riskSort.rawValue, cell)) { makeRegister() }
    }

    private func makeRegister() -> [Risk] {
        var risks = plan.risks
        if let cell = riskCell { risks = risks.filter { $0.score(cell.stage) == cell.score } }
        let indexed = risks.enumerated()
        func key(_ r: Risk) -> Int {
            switch riskSort {
            case .residual: -r.residual.value
            case .inherent: -r.inherent.value
            case .target: -r.target.value
            case .ref, .review: 0
            }
        }
        switch riskSort {
        case .ref: return risks.sorted { $0.ref.localizedStandardCompare($1.ref) == .orderedAscending }
        case .review:
            return indexed.sorted { ($0.element.reviewDate?.dayNumber ?? Int.max, $0.offset) < ($1.element.reviewDate?.dayNumber ?? Int.max, $1.offset) }.map(\.element)
        default:
            return indexed.sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }.map(\.element)
        }
    }

    /// The risk on screen or selected.
    public var currentRisk: Risk? {
        switch screen {
        case let .risk(ref): return plan.risk(ref)
        case .view(.risks):
            let list = registerRisks
            return list.first { $0.ref == riskRef } ?? list.first
        default: return nil
        }
    }

    /// The KPI on screen or selected.
    public var currentKPI: KPI? {
        switch screen {
        case let .kpi(ref): return plan.kpi(ref)
        case .view(.kpis): return plan.kpis.first { $0.ref == kpiRef } ?? plan.kpis.first
        default: return nil
        }
    }

    /// The action under the RAG grid's cursor.
    public var ragSelection: Action? {
        if ragOverTime {
            let all = allActions
            return all.indices.contains(ragAction) ? all[ragAction] : all.first
        }
        guard plan.areas.indices.contains(ragArea) else { return nil }
        let actions = plan.areas[ragArea].actions
        return actions.isEmpty ? nil : actions[clamp(ragColumn, 0, actions.count - 1)]
    }

    /// The risk fields a risk's screen lists, in order.
    public var riskFields: [RiskField] {
        [.ref, .risk, .owner, .raised, .inherentLikelihood, .residualLikelihood, .targetLikelihood, .mitigation, .progress, .reviewDate, .areas]
    }

    /// The register's columns, left to right.
    static let registerColumns: [RiskField] = [.ref, .risk, .owner, .inherentLikelihood, .residualLikelihood, .targetLikelihood, .reviewDate, .progress]

    func suggestedRiskRef() -> String {
        var n = plan.risks.count + 1
        while plan.risk("R\(n)") != nil { n += 1 }
        return "R\(n)"
    }

    // MARK: Moving across and along lines

    mutating func moveAcross(_ delta: Int) {
        switch screen {
        case .view(.rag):
            if ragOverTime { return }
            guard plan.areas.indices.contains(ragArea) else { return }
            ragColumn = clamp(ragColumn + delta, 0, max(0, plan.areas[ragArea].actions.count - 1))
        case .view(.heatmap):
            heatCell.impact = clamp(heatCell.impact + delta, 1, 5)
        case .view(.risks):
            riskColumn = clamp(riskColumn + delta, 0, Self.registerColumns.count - 1)
        case .view(.kpis):
            let count = currentKPI?.milestones.count ?? 0
            kpiMilestone = clamp(kpiMilestone + delta, 0, max(0, count - 1))
        default:
            break
        }
    }

    /// Moves the selection to the next line that can be selected, on screens of mixed lines.
    mutating func moveLine(_ delta: Int) {
        let key = ScreenLayout.scrollKey(screen)
        let body = ScreenLayout.body(of: self)
        guard body.count > 0 else { return }
        let current = selectedTarget().flatMap { body.index(of: $0) } ?? (delta > 0 ? -1 : body.count)
        var index = current
        var steps = abs(delta)
        var last = current
        while steps > 0 {
            index += delta > 0 ? 1 : -1
            guard index >= 0, index < body.count else { break }
            if body.line(index).target != nil {
                last = index
                steps -= 1
            }
        }
        if last >= 0, last < body.count, let target = body.line(last).target { selectedLine[key] = target }
    }

    /// The selected line's target on a screen of mixed lines (the first one if none yet).
    func selectedTarget() -> Target? {
        let key = ScreenLayout.scrollKey(screen)
        let body = ScreenLayout.body(of: self)
        if let target = selectedLine[key], body.index(of: target) != nil { return target }
        if screen == .view(.checkpoints), let name = since?.name { return .checkpoint(name) }
        return body.firstSelectable.flatMap { body.line($0).target }
    }

    mutating func openSelectedLine() {
        switch screen {
        case .view(.heatmap):
            riskCell = HeatCell(stage: heatStage, score: heatCell)
            let list = registerRisks
            guard !list.isEmpty else {
                riskCell = nil
                say("No risk sits in that cell (\(heatStage.rawValue) \(heatCell.likelihood)×\(heatCell.impact)).")
                return
            }
            riskRef = list.first?.ref
            stack.append(.view(.risks))
            say("Risks at \(heatStage.rawValue) likelihood \(heatCell.likelihood) × impact \(heatCell.impact). x shows every risk.")
            return
        default:
            break
        }
        guard let target = selectedTarget() else { return }
        switch target {
        case let .area(index):
            guard plan.areas.indices.contains(index) else { return }
            areaIndex = index
            stack.append(.area(plan.areas[index].number))
            scroll["area"] = 0
        case let .action(ref): openAction(ref)
        case let .risk(ref):
            stack.append(.risk(ref))
            riskField = 0
        case let .kpi(ref): stack.append(.kpi(ref))
        case let .checkpoint(name):
            sinceName = name
            say("“Since” now means since \(name). s lists the changes.")
        case let .change(seq):
            guard let edit = log.first(where: { $0.seq == seq })?.edit, let subject = edit.subject else { return }
            switch subject {
            case let .action(ref):
                if plan.action(ref) != nil { openAction(ref) } else { say("Action \(ref) has since been removed.") }
            case let .risk(ref):
                if plan.risk(ref) != nil { stack.append(.risk(ref)); riskField = 0 } else { say("Risk \(ref) has since been removed.") }
            case let .kpi(ref): stack.append(.kpi(ref))
            case let .checkpoint(name): stack = [.view(.checkpoints)]; selectedLine["checkpoints"] = .checkpoint(name)
            }
        case .field, .cell, .finding:
            break
        }
    }

    /// Follows a link: an action's KPI, a risk's area, a register row to its risk, a score
    /// card row to its KPI.
    mutating func followLink() {
        switch screen {
        case let .action(ref):
            guard let action = plan.action(ref), let kpi = action.kpis.first else {
                say("This action is not linked to a KPI; press Enter on “KPIs it moves” to link one.")
                return
            }
            stack.append(.kpi(kpi))
        case let .risk(ref):
            guard let risk = plan.risk(ref), let number = risk.areas.first, let index = plan.areas.firstIndex(where: { $0.number == number }) else {
                say("This risk is not linked to an area.")
                return
            }
            areaIndex = index
            stack.append(.area(number))
            scroll["area"] = 0
        case .view(.risks):
            guard let risk = currentRisk else { return }
            stack.append(.risk(risk.ref))
            riskField = 0
        case .view(.kpis):
            guard let kpi = currentKPI else { return }
            stack.append(.kpi(kpi.ref))
        default:
            break
        }
    }

    // MARK: Editing risks, actuals and checkpoints

    /// A risk field's value as the editor shows it.
    static func text(of field: RiskField, in risk: Risk) -> String {
        switch field {
        case .ref: risk.ref
        case .raised: risk.raised?.iso ?? ""
        case .risk: risk.risk
        case .owner: risk.owner
        case .mitigation: risk.mitigation
        case .progress: risk.progress
        case .reviewDate: risk.reviewDate?.iso ?? ""
        case .areas: risk.areas.map(String.init).joined(separator: ", ")
        case .inherentLikelihood, .inherentImpact: "\(risk.inherent.likelihood)\(risk.inherent.impact)"
        case .residualLikelihood, .residualImpact: "\(risk.residual.likelihood)\(risk.residual.impact)"
        case .targetLikelihood, .targetImpact: "\(risk.target.likelihood)\(risk.target.impact)"
        }
    }

    static func stage(of field: RiskField) -> Risk.Stage? {
        switch field {
        case .inherentLikelihood, .inherentImpact: .inherent
        case .residualLikelihood, .residualImpact: .residual
        case .targetLikelihood, .targetImpact: .target
        default: nil
        }
    }

    mutating func editRisk(_ field: RiskField) {
        guard writable(), let risk = currentRisk else { return }
        if let stage = Self.stage(of: field) {
            mode = .score(ref: risk.ref, stage: stage, likelihood: nil)
        } else {
            mode = .riskEdit(ref: risk.ref, field: field, editor: LineEditor(Self.text(of: field, in: risk)))
        }
    }

    mutating func editActual() {
        guard writable(), let kpi = currentKPI else { return }
        guard kpi.milestones.indices.contains(kpiMilestone) else {
            say("\(kpi.ref) has no milestones to record an actual against.", error: true)
            return
        }
        mode = .actual(kpi: kpi.ref, milestone: kpiMilestone, editor: LineEditor(kpi.milestones[kpiMilestone].actual.map(formatNumber) ?? ""))
    }

    mutating func commitRisk(_ field: RiskField, of ref: String, text raw: String) -> [Effect] {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let value: FieldValue
        switch field {
        case .raised, .reviewDate:
            guard let date = typedDate(text) else { return [] }
            value = .date(date)
        case .areas:
            let parts = Self.names(text)
            let numbers = parts.compactMap { Int($0) }
            guard numbers.count == parts.count, numbers.allSatisfy({ plan.area(number: $0) != nil }) else {
                say("Give area numbers separated by commas, from \(plan.areas.map { String($0.number) }.joined(separator: ", ")).", error: true)
                return []
            }
            value = .numbers(numbers)
        case .ref:
            guard acceptable(reference: text, replacing: ref, example: "R11", what: "risk", taken: plan.risk(text) != nil) else { return [] }
            value = .text(text)
            if case .risk(ref) = screen { stack[stack.count - 1] = .risk(text) }
            if riskRef == ref { riskRef = text }
        case .risk:
            guard !text.isEmpty else {
                say("A risk needs some text (Esc cancels).", error: true)
                return []
            }
            value = .text(raw)
        default:
            value = .text(raw)
        }
        mode = .normal
        return [.apply(plan.setting(field, ofRisk: ref, to: value), done: "Saved \(field.label) of \(ref).")]
    }

    mutating func handleBoardModeKey(_ key: Key) -> [Effect] {
        switch mode {
        case .riskEdit(let ref, let field, var editor):
            if key == .enter { return commitRisk(field, of: ref, text: editor.text) }
            editor.handle(key)
            mode = .riskEdit(ref: ref, field: field, editor: editor)
        case let .score(ref, stage, likelihood):
            guard case let .char(c) = key, let digit = c.wholeNumberValue, (1...5).contains(digit) else {
                say("Type a digit 1 to 5 (Esc cancels).", error: true)
                return []
            }
            guard let likelihood else {
                mode = .score(ref: ref, stage: stage, likelihood: digit)
                return []
            }
            mode = .normal
            let (l, i): (RiskField, RiskField) = switch stage {
            case .inherent: (.inherentLikelihood, .inherentImpact)
            case .residual: (.residualLikelihood, .residualImpact)
            case .target: (.targetLikelihood, .targetImpact)
            }
            let band = plan.settings.band(for: likelihood * digit)
            return [.apply(.batch([plan.setting(l, ofRisk: ref, to: .level(likelihood)), plan.setting(i, ofRisk: ref, to: .level(digit))]),
                           done: "\(ref) \(stage.rawValue) score is now \(likelihood) × \(digit) = \(likelihood * digit) (\(band.label)).")]
        case .newRiskRef(var editor):
            if key == .enter {
                let ref = editor.text.trimmingCharacters(in: .whitespaces)
                if ref.isEmpty || ref.contains(where: \.isWhitespace) {
                    say("A reference has no spaces, e.g. R11.", error: true)
                } else if plan.risk(ref) != nil {
                    say("\(ref) is already used; choose another reference.", error: true)
                } else {
                    mode = .newRiskText(ref: ref, editor: LineEditor())
                }
                return []
            }
            editor.handle(key)
            mode = .newRiskRef(editor: editor)
        case .newRiskText(let ref, var editor):
            if key == .enter {
                let text = editor.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else {
                    say("Describe the risk, then Enter (Esc cancels).", error: true)
                    return []
                }
                mode = .normal
                riskRef = ref
                let score = Score(likelihood: 3, impact: 3)
                let risk = Risk(ref: ref, raised: today, risk: text, owner: user, inherent: score, residual: score, target: score)
                return [.apply(.addRisk(index: nil, risk: risk), done: "Added \(ref), scored 3 × 3 for now: Enter on a score to change it.")]
            }
            editor.handle(key)
            mode = .newRiskText(ref: ref, editor: editor)
        case let .confirmRemoveRisk(ref):
            mode = .normal
            guard key == .char("y") || key == .char("Y") else {
                say("\(ref) was not removed.")
                return []
            }
            guard let edit = plan.removing(risk: ref) else { return [] }
            if case .risk(ref) = screen { stack.removeLast() }
            return [.apply(edit, done: "Removed \(ref). Press u to undo.")]
        case .actual(let ref, let milestone, var editor):
            if key == .enter {
                let text = editor.text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")
                let value: Double?
                if text.isEmpty {
                    value = nil
                } else {
                    guard let number = Double(text), number.isFinite else {
                        say("“\(editor.text)” is not a number; type e.g. 420 or 55.5, or nothing to clear it.", error: true)
                        return []
                    }
                    value = number
                }
                mode = .normal
                let label = plan.kpi(ref).map { $0.milestones.indices.contains(milestone) ? $0.milestones[milestone].label : "" } ?? ""
                return [.apply(plan.settingActual(kpi: ref, milestone: milestone, to: value),
                               done: value.map { "\(ref) actual at \(label): \(formatNumber($0))." } ?? "\(ref) actual at \(label) cleared.")]
            }
            editor.handle(key)
            mode = .actual(kpi: ref, milestone: milestone, editor: editor)
        case .checkpointName(var editor):
            if key == .enter {
                let name = editor.text.trimmingCharacters(in: .whitespaces)
                if name.isEmpty {
                    say("A checkpoint needs a name, e.g. Board \(today.iso).", error: true)
                } else if plan.checkpoint(named: name) != nil {
                    say("There is already a checkpoint called “\(name)”.", error: true)
                } else {
                    mode = .checkpointDate(name: name, editor: LineEditor(today.iso))
                }
                return []
            }
            editor.handle(key)
            mode = .checkpointName(editor: editor)
        case .checkpointDate(let name, var editor):
            if key == .enter {
                guard let date = PlanDate(typed: editor.text) else {
                    say("“\(editor.text)” is not a date: type 2023-03-31, 31/03/2023 or 31 Mar 2023.", error: true)
                    return []
                }
                mode = .normal
                sinceName = name
                return [.recordCheckpoint(name: name, date: date)]
            }
            editor.handle(key)
            mode = .checkpointDate(name: name, editor: editor)
        case var .triageLead(editor):
            if key == .enter {
                let lead = editor.text.trimmingCharacters(in: .whitespaces)
                triageLead = lead.isEmpty ? nil : lead
                mode = .normal
                scroll["triage"] = 0
                say(lead.isEmpty ? "Showing every lead." : "Showing \(lead)’s actions only. f then Enter on nothing shows everyone.")
                return []
            }
            if key == .tab {
                if let completed = complete(editor.text) { editor.set(completed) }
            } else {
                editor.handle(key)
            }
            mode = .triageLead(editor)
        default:
            break
        }
        return []
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
}

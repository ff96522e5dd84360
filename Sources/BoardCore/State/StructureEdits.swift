import PlanModel

/// Every structure edit the dashboard makes is built here, from what the plan holds now
/// (through the builders the command line uses too), so both write the same edits.
extension BoardState {
    private func apply(_ edit: StructureEdit?, _ done: String, unchanged: String = "Nothing changed: the plan already holds that.") -> Step {
        guard let edit else { return .say(unchanged) }
        return .effect(.apply(.structure(edit), done: done))
    }

    private func apply(_ edits: [StructureEdit], _ done: String) -> Step {
        guard !edits.isEmpty else { return .say("Nothing changed: the plan already holds that.") }
        return .effect(.apply(edits.count == 1 ? .structure(edits[0]) : .batch(edits.map(Edit.structure)), done: done))
    }

    func newAreaSteps(number: Int, title: String, weakness: String) -> [Step] {
        let area = Area(number: number, title: title, weakness: weakness, findingsSource: "")
        return [.effect(.apply(.structure(.addArea(area, before: nil, risks: [])),
                               done: "Added area \(number). Enter opens it: \(Bindings.key(.structure(.addFinding), on: AreaScreen.self)) adds findings, \(Bindings.key(.addAction, on: AreaScreen.self)) actions.")),
                .focus(.area(plan.areas.count))]
    }

    func areaFieldEdit(_ number: Int, _ field: AreaField, _ value: String) -> Step {
        apply(plan.setting(field, ofArea: number, to: value), "Saved area \(number)'s \(field == .title ? "title" : "weakness").")
    }

    func moveAreaEdit(_ number: Int, by delta: Int) -> Step {
        guard let edit = plan.moving(area: number, by: delta), case let .moveArea(_, _, to) = edit else {
            return .say("Area \(number) is already \(delta < 0 ? "first" : "last").")
        }
        return .effect(.apply(.structure(edit), done: "Area \(number) is now \(ordinal(to + 1)) in the plan."))
    }

    func removeAreaEdit(_ number: Int) -> Step {
        apply(plan.removing(area: number), "Removed area \(number). Press \(Bindings.key(.undo)) to undo.", unchanged: "There is no area \(number) any more.")
    }

    func newFindingEdit(_ number: Int, _ text: String) -> Step {
        let letter = findingLetter(at: plan.area(number: number)?.findings.count ?? 0)
        return apply(plan.adding(finding: text, toArea: number), "Added finding \(number)\(letter).")
    }

    func findingTextEdit(_ number: Int, _ letter: String, _ text: String) -> Step {
        apply(plan.setting(finding: letter, inArea: number, to: text), "Saved finding \(number)\(letter).")
    }

    func moveFindingEdit(_ number: Int, _ letter: String, by delta: Int) -> [Step] {
        guard let edit = plan.moving(finding: letter, inArea: number, by: delta), case let .moveFinding(_, _, _, to) = edit else {
            return [.say("Finding \(number)\(letter) is already \(delta < 0 ? "first" : "last").")]
        }
        return [.effect(.apply(.structure(edit), done: "Finding \(number)\(letter) is now \(number)\(to); the letters follow.")), .focus(.finding(to))]
    }

    func removeFindingEdit(_ number: Int, _ letter: String) -> Step {
        apply(plan.removing(finding: letter, inArea: number),
              "Removed finding \(number)\(letter); the letters after it moved up. Press \(Bindings.key(.undo)) to undo.")
    }

    func newKPIEdit(_ kpi: KPI) -> Step {
        .effect(.apply(.structure(.addKPI(kpi, before: nil, links: [])),
                       done: "Added KPI \(kpi.ref). \(Bindings.key(.followLink, on: ScoreCardScreen.self)) opens it: \(Bindings.key(.structure(.addMilestone), on: KPIScreen.self)) adds milestones, \(Bindings.key(.structure(.linkAction), on: KPIScreen.self)) links actions."))
    }

    func kpiFieldsEdit(_ ref: String, _ fields: [(KPIField, StructureValue)]) -> Step {
        apply(plan.setting(fields, ofKPI: ref), "Saved \(ref)'s \(fields.map { $0.0.rawValue }.joined(separator: ", ")).")
    }

    func removeKPIEdit(_ ref: String) -> Step {
        apply(plan.removing(kpi: ref), "Removed KPI \(ref). Press \(Bindings.key(.undo)) to undo.", unchanged: "There is no KPI \(ref) any more.")
    }

    func newMilestoneEdit(_ ref: String, _ milestone: Milestone) -> Step {
        .effect(.apply(.structure(.addMilestone(kpi: ref, milestone: milestone, before: nil)), done: "Added milestone “\(milestone.label)” to \(ref)."))
    }

    func milestoneEdit(_ ref: String, _ old: Milestone, _ new: Milestone) -> Step {
        apply(plan.setting([(.date, .date(new.date)), (.target, .number(new.target)), (.label, .text(new.label))], ofMilestone: old.label, kpi: ref),
              "Saved milestone “\(new.label)” of \(ref).")
    }

    func removeMilestoneEdit(_ ref: String, _ label: String) -> Step {
        apply(plan.removing(milestone: label, kpi: ref), "Removed milestone “\(label)” from \(ref). Press \(Bindings.key(.undo)) to undo.")
    }

    func linkEdit(_ ref: String, _ actions: [String], link: Bool) -> Step {
        let edits = plan.linking(actions: actions, toKPI: ref, link)
        guard !edits.isEmpty else { return .say("Nothing changed: \(actions.joined(separator: ", ")) \(link ? "already move" : "do not move") \(ref).") }
        let said = link ? "Linked \(actions.joined(separator: ", ")) to \(ref)." : "Unlinked \(actions.joined(separator: ", ")) from \(ref)."
        return .effect(.apply(edits.count == 1 ? edits[0] : .batch(edits), done: said))
    }

    func planFieldEdit(_ field: PlanField, _ value: StructureValue) -> Step {
        apply(plan.setting(field, to: value), "Saved the \(field.label).")
    }
}

/// "1st", "2nd", "3rd", "4th" …
func ordinal(_ n: Int) -> String {
    let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
    return "\(n)\(suffix)"
}

/// Checks only what an edit touched, so applying one edit to a plan of 100,000 actions does
/// not validate all of them twice.
///
/// Each touched item is checked by the whole-plan `Validator`, run on a plan that holds just
/// that item (and what its rules refer to: the header, the KPI list, the area numbers), and
/// the problems found are put back at the item's place in the real plan. So the messages are
/// exactly the `Validator`'s. An edit this does not know is checked against the whole plan.
extension Validator {
    /// The first problem `edit` brought into `after` that `before` did not have, or nil.
    public func introducedProblem(by edit: Edit, before: Plan, after: Plan) -> Problem? {
        var scope = Scope()
        guard scope.add(edit) else {
            let problems = problems(in: after)
            guard !problems.isEmpty else { return nil }
            let old = Set(self.problems(in: before).map(\.description))
            return problems.first { !old.contains($0.description) }
        }
        let found = scope.problems(in: after, self)
        guard !found.isEmpty else { return nil }
        let old = Set(scope.problems(in: before, self).map(\.description))
        return found.first { !old.contains($0.description) }
    }

    /// The items an edit touched, by identity.
    struct Scope {
        var actions: [String] = []
        var risks: [String] = []
        var checkpoints: [String] = []

        /// Adds what `edit` touched; false when it cannot say (check the whole plan).
        mutating func add(_ edit: Edit) -> Bool {
            switch edit {
            case let .setAction(ref, field, _, value):
                actions.append(ref)
                if field == .ref, case let .text(new) = value { actions.append(new) }
            case let .addAction(_, _, action): actions.append(action.ref)
            case let .addNote(ref, _, _), let .removeNote(ref, _): actions.append(ref)
            case let .setRisk(ref, field, _, value):
                risks.append(ref)
                if field == .ref, case let .text(new) = value { risks.append(new) }
            case let .addRisk(_, risk): risks.append(risk.ref)
            case let .addCheckpoint(checkpoint, _): checkpoints.append(checkpoint.name)
            // A removal, or an actual (a number the edit itself checks), breaks no rule the
            // validator keeps for what remains.
            case .removeAction, .removeRisk, .removeCheckpoint, .setActual: break
            // Evidence is checked when it is added (`Evidence.problem`).
            case .evidence: break
            // Revisions and agreements carry dates and words the edit itself checks.
            case .agreement: break
            // A meeting's record is checked when it is set (`applyRecord`).
            case .record: break
            case let .batch(edits):
                for edit in edits where !add(edit) { return false }
            // Meetings and the plan's structure reach across the plan: check it whole.
            case .meeting, .structure: return false
            }
            return true
        }

        /// The validator's problems with the touched items, at their places in `plan`.
        func problems(in plan: Plan, _ validator: Validator) -> [Problem] {
            var out: [Problem] = []
            var done = Set<String>()
            // An action's rules look only at the action and the KPIs' references: the header's,
            // the area's and the KPIs' own texts are not checked again for each action.
            var bareKPIs: [KPI]?
            for ref in actions where done.insert("a:" + ref).inserted {
                guard let at = plan.locate(action: ref) else { continue }
                let whole = plan.areas[at.area]
                var area = Area(number: whole.number, title: "-", weakness: "-")
                area.actions = [whole.actions[at.index]]
                let kpis = bareKPIs ?? plan.kpis.map { KPI(ref: $0.ref, name: "-", unit: "", better: $0.better) }
                bareKPIs = kpis
                let alone = Plan(header: Header(localArea: "-", title: ""), settings: plan.settings, governance: Governance(),
                                 areas: [area], kpis: kpis)
                out += Scope.moved(validator.problems(in: alone), from: "areas[0].actions[0].", to: "areas[\(at.area)].actions[\(at.index)].")
            }
            var bareAreas: [Area]?
            for ref in risks where done.insert("r:" + ref).inserted {
                guard let r = plan.risks.firstIndex(where: { $0.ref == ref }) else { continue }
                let areas = bareAreas ?? plan.areas.map { area in
                    var area = area
                    area.actions = []
                    area.findings = []
                    return area
                }
                bareAreas = areas
                let alone = Plan(header: plan.header, settings: plan.settings, governance: Governance(),
                                 areas: areas, risks: [plan.risks[r]])
                out += Scope.moved(validator.problems(in: alone), from: "risks[0].", to: "risks[\(r)].")
            }
            for name in checkpoints where done.insert("c:" + name).inserted {
                guard let c = plan.checkpoints.firstIndex(where: { $0.name == name }) else { continue }
                let alone = Plan(header: plan.header, settings: plan.settings, governance: Governance(),
                                 areas: [], checkpoints: [plan.checkpoints[c]])
                out += Scope.moved(validator.problems(in: alone), from: "checkpoints[0].", to: "checkpoints[\(c)].")
            }
            return out
        }

        /// The problems under `prefix`, put under `place` instead.
        static func moved(_ problems: [Problem], from prefix: String, to place: String) -> [Problem] {
            problems.compactMap { problem in
                guard problem.path.hasPrefix(prefix) else { return nil }
                var moved = problem
                moved.path = place + problem.path.dropFirst(prefix.count)
                return moved
            }
        }
    }
}

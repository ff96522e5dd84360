extension Plan {
    /// Applies an edit, returning the new plan and the edit that undoes it.
    ///
    /// Throws `EditError` when the edit names something that does not exist, carries the
    /// wrong kind of value, or would break a rule (a duplicate reference, Red without a
    /// reason ...). The plan it was called on is never changed.
    public func applying(_ edit: Edit) throws -> (plan: Plan, inverse: Edit) {
        var plan = self
        let inverse = try plan.apply(edit)
        let problems = Validator().problems(in: plan)
        if !problems.isEmpty {
            // Only problems this edit introduced count; a plan read from an older file may
            // already carry some, and they should not block unrelated edits.
            let before = Set(Validator().problems(in: self).map(\.description))
            if let problem = problems.first(where: { !before.contains($0.description) }) {
                throw EditError("\(problem.path) \(problem.message)")
            }
        }
        return (plan, inverse)
    }

    private mutating func apply(_ edit: Edit) throws -> Edit {
        switch edit {
        case let .setAction(ref, field, value):
            guard let at = locate(action: ref) else { throw EditError.noAction(ref) }
            var action = areas[at.area].actions[at.index]
            let old = try action.set(field, value)
            if field == .status, action.status.needsReason, action.notes.isEmpty {
                throw EditError("action \(ref) cannot be \(action.status.label) without a reason: add a progress note saying why")
            }
            if field == .ref, action.ref != ref, locate(action: action.ref) != nil {
                throw EditError("action reference \(action.ref) is already used; expected a new reference")
            }
            areas[at.area].actions[at.index] = action
            return .setAction(ref: action.ref, field: field, value: old)

        case let .addAction(number, index, action):
            guard let a = areas.firstIndex(where: { $0.number == number }) else { throw EditError.noArea(number) }
            if locate(action: action.ref) != nil { throw EditError("action reference \(action.ref) is already used; expected a new reference") }
            let i = try Plan.position(index, count: areas[a].actions.count, what: "action")
            areas[a].actions.insert(action, at: i)
            return .removeAction(ref: action.ref)

        case let .removeAction(ref):
            guard let at = locate(action: ref) else { throw EditError.noAction(ref) }
            let action = areas[at.area].actions.remove(at: at.index)
            return .addAction(area: areas[at.area].number, index: at.index, action: action)

        case let .addNote(ref, index, note):
            guard let at = locate(action: ref) else { throw EditError.noAction(ref) }
            let i = try Plan.position(index, count: areas[at.area].actions[at.index].notes.count, what: "note")
            areas[at.area].actions[at.index].notes.insert(note, at: i)
            return .removeNote(ref: ref, index: i)

        case let .removeNote(ref, index):
            guard let at = locate(action: ref) else { throw EditError.noAction(ref) }
            let notes = areas[at.area].actions[at.index].notes
            guard notes.indices.contains(index) else {
                throw EditError("action \(ref) has \(notes.count) notes; there is no note \(index + 1)")
            }
            let note = areas[at.area].actions[at.index].notes.remove(at: index)
            let action = areas[at.area].actions[at.index]
            if action.status.needsReason && action.notes.isEmpty {
                throw EditError("action \(ref) is \(action.status.label) and this is its only reason; change its status first")
            }
            return .addNote(ref: ref, index: index, note: note)

        case let .setRisk(ref, field, value):
            guard let r = risks.firstIndex(where: { $0.ref == ref }) else { throw EditError.noRisk(ref) }
            var risk = risks[r]
            let old = try risk.set(field, value)
            if field == .ref, risk.ref != ref, self.risk(risk.ref) != nil {
                throw EditError("risk reference \(risk.ref) is already used; expected a new reference")
            }
            risks[r] = risk
            return .setRisk(ref: risk.ref, field: field, value: old)

        case let .addRisk(index, risk):
            if self.risk(risk.ref) != nil { throw EditError("risk reference \(risk.ref) is already used; expected a new reference") }
            let i = try Plan.position(index, count: risks.count, what: "risk")
            risks.insert(risk, at: i)
            return .removeRisk(ref: risk.ref)

        case let .removeRisk(ref):
            guard let r = risks.firstIndex(where: { $0.ref == ref }) else { throw EditError.noRisk(ref) }
            let risk = risks.remove(at: r)
            return .addRisk(index: r, risk: risk)

        case let .setActual(ref, milestone, value):
            guard let k = kpis.firstIndex(where: { $0.ref == ref }) else {
                throw EditError("there is no KPI \(ref); expected one of \(Validator.list(kpis.map(\.ref)))")
            }
            guard kpis[k].milestones.indices.contains(milestone) else {
                throw EditError("KPI \(ref) has \(kpis[k].milestones.count) milestones; there is no milestone \(milestone + 1)")
            }
            if let value, !value.isFinite { throw EditError("KPI \(ref) actual must be a number") }
            let old = kpis[k].milestones[milestone].actual
            kpis[k].milestones[milestone].actual = value
            return .setActual(kpi: ref, milestone: milestone, value: old)

        case let .addCheckpoint(checkpoint, index):
            if self.checkpoint(named: checkpoint.name) != nil {
                throw EditError("a checkpoint called \"\(checkpoint.name)\" already exists; expected a new name")
            }
            let i = try Plan.position(index, count: checkpoints.count, what: "checkpoint")
            checkpoints.insert(checkpoint, at: i)
            return .removeCheckpoint(name: checkpoint.name)

        case let .removeCheckpoint(name):
            guard let c = checkpoints.firstIndex(where: { $0.name == name }) else {
                throw EditError("there is no checkpoint called \"\(name)\"")
            }
            return .addCheckpoint(checkpoints.remove(at: c), index: c)

        case let .batch(edits):
            var inverses: [Edit] = []
            for edit in edits { inverses.append(try apply(edit)) }
            return .batch(inverses.reversed())

        case let .structure(edit): return .structure(try applyStructure(edit))
        }
    }

    private static func position(_ index: Int?, count: Int, what: String) throws -> Int {
        guard let index else { return count }
        guard (0...count).contains(index) else {
            throw EditError("cannot put the \(what) at position \(index + 1); there are \(count)")
        }
        return index
    }
}

extension EditError {
    static func noAction(_ ref: String) -> EditError { EditError("there is no action \(ref)") }
    static func noRisk(_ ref: String) -> EditError { EditError("there is no risk \(ref)") }
    static func noArea(_ number: Int) -> EditError { EditError("there is no area of weakness \(number)") }
    static func wrongValue(_ field: String, expected: String, found: FieldValue) -> EditError {
        EditError("\(field) takes \(expected), not \(found.display)")
    }
}

extension Action {
    /// Sets one field, returning its old value.
    mutating func set(_ field: ActionField, _ value: FieldValue) throws -> FieldValue {
        func wrong(_ expected: String) -> EditError { .wrongValue(field.rawValue, expected: expected, found: value) }
        switch (field, value) {
        case let (.ref, .text(v)): defer { ref = v }; return .text(ref)
        case let (.text, .text(v)): defer { text = v }; return .text(text)
        case let (.byWhen, .date(v)): defer { byWhen = v }; return .date(byWhen)
        case let (.leads, .names(v)): defer { leads = v }; return .names(leads)
        case let (.seniorResponsibleOfficer, .optionalText(v)):
            defer { seniorResponsibleOfficer = v }; return .optionalText(seniorResponsibleOfficer)
        case let (.status, .status(v)): defer { status = v }; return .status(status)
        case let (.kpiText, .text(v)): defer { kpiText = v }; return .text(kpiText)
        case let (.kpis, .names(v)): defer { kpis = v }; return .names(kpis)
        case let (.successCriteria, .text(v)): defer { successCriteria = v }; return .text(successCriteria)
        case (.ref, _), (.text, _), (.kpiText, _), (.successCriteria, _): throw wrong("text")
        case (.byWhen, _): throw wrong("a date")
        case (.leads, _), (.kpis, _): throw wrong("a list of names")
        case (.seniorResponsibleOfficer, _): throw wrong("a name or none")
        case (.status, _): throw wrong("a status")
        }
    }
}

extension Risk {
    /// Sets one field, returning its old value.
    mutating func set(_ field: RiskField, _ value: FieldValue) throws -> FieldValue {
        func wrong(_ expected: String) -> EditError { .wrongValue(field.rawValue, expected: expected, found: value) }
        func level(_ keyPath: WritableKeyPath<Risk, Int>) throws -> FieldValue {
            guard case let .level(v) = value else { throw wrong("a whole number 1 to 5") }
            guard (1...5).contains(v) else { throw EditError("\(field.rawValue) must be 1 to 5, not \(v)") }
            defer { self[keyPath: keyPath] = v }
            return .level(self[keyPath: keyPath])
        }
        switch (field, value) {
        case let (.ref, .text(v)): defer { ref = v }; return .text(ref)
        case let (.raised, .date(v)): defer { raised = v }; return .date(raised)
        case let (.risk, .text(v)): defer { risk = v }; return .text(risk)
        case let (.owner, .text(v)): defer { owner = v }; return .text(owner)
        case let (.mitigation, .text(v)): defer { mitigation = v }; return .text(mitigation)
        case let (.progress, .text(v)): defer { progress = v }; return .text(progress)
        case let (.reviewDate, .date(v)): defer { reviewDate = v }; return .date(reviewDate)
        case let (.areas, .numbers(v)): defer { areas = v }; return .numbers(areas)
        case (.inherentLikelihood, _): return try level(\.inherent.likelihood)
        case (.inherentImpact, _): return try level(\.inherent.impact)
        case (.residualLikelihood, _): return try level(\.residual.likelihood)
        case (.residualImpact, _): return try level(\.residual.impact)
        case (.targetLikelihood, _): return try level(\.target.likelihood)
        case (.targetImpact, _): return try level(\.target.impact)
        case (.ref, _), (.risk, _), (.owner, _), (.mitigation, _), (.progress, _): throw wrong("text")
        case (.raised, _), (.reviewDate, _): throw wrong("a date")
        case (.areas, _): throw wrong("a list of area numbers")
        }
    }
}

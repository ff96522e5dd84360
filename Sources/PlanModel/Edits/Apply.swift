extension Plan {
    /// Applies an edit, returning the new plan and the edit that undoes it.
    ///
    /// Throws `EditError` when the edit names something that does not exist, carries the
    /// wrong kind of value, or would break a rule (a duplicate reference, Red without a
    /// reason ...). The plan it was called on is never changed.
    public func applying(_ edit: Edit) throws -> (plan: Plan, inverse: Edit) {
        var plan = self
        let inverse = try plan.apply(edit)
        // Only problems this edit introduced count; a plan read from an older file may
        // already carry some, and they should not block unrelated edits.
        if let problem = Validator().introducedProblem(by: edit, before: self, after: plan) {
            throw EditError("\(problem.path) \(problem.message)")
        }
        return (plan, inverse)
    }

    private mutating func apply(_ edit: Edit) throws -> Edit {
        switch edit {
        case let .setAction(ref, field, from, value):
            guard let at = locate(action: ref) else { throw EditError.noAction(ref) }
            var action = areas[at.area].actions[at.index]
            let current = action.value(of: field)
            guard current.matches(from) else {
                throw EditError(conflict: EditConflict(target: .action(ref, field), what: "\(ref) \(field.words)",
                                                       expected: from.words, found: current.words))
            }
            let old = try action.set(field, value)
            if field == .status, action.status.needsReason, action.notes.isEmpty {
                throw EditError("action \(ref) cannot be \(action.status.label) without a reason: add a progress note saying why")
            }
            if field == .ref, action.ref != ref, locate(action: action.ref) != nil {
                throw EditError("action reference \(action.ref) is already used; expected a new reference")
            }
            areas[at.area].actions[at.index] = action
            return .setAction(ref: action.ref, field: field, from: value, to: old)

        case let .addAction(number, index, action):
            guard let a = areas.firstIndex(where: { $0.number == number }) else { throw EditError.noArea(number) }
            if locate(action: action.ref) != nil { throw EditError("action reference \(action.ref) is already used; expected a new reference") }
            var action = action
            action.notes = Note.uniquingIDs(action.notes)
            areas[a].actions.insert(action, at: Plan.place(index, count: areas[a].actions.count))
            return .removeAction(ref: action.ref, action: action)

        case let .removeAction(ref, seen):
            guard let at = locate(action: ref) else {
                throw EditError(conflict: EditConflict(target: .action(ref, nil), what: "action \(ref)", expected: nil, found: nil))
            }
            let action = areas[at.area].actions[at.index]
            guard action == seen else {
                throw EditError(conflict: EditConflict(target: .action(ref, nil), what: "action \(ref)",
                                                       expected: nil, found: action.differences(from: seen)))
            }
            areas[at.area].actions.remove(at: at.index)
            return .addAction(area: areas[at.area].number, index: at.index, action: action)

        case let .addNote(ref, index, note):
            guard let at = locate(action: ref) else { throw EditError.noAction(ref) }
            var note = note
            note.id = Note.freeID(note.id, taken: Set(areas[at.area].actions[at.index].notes.map(\.id)))
            let notes = areas[at.area].actions[at.index].notes
            areas[at.area].actions[at.index].notes.insert(note, at: Plan.place(index, count: notes.count))
            return .removeNote(ref: ref, note: note)

        case let .removeNote(ref, seen):
            guard let at = locate(action: ref) else { throw EditError.noAction(ref) }
            let notes = areas[at.area].actions[at.index].notes
            let what = "the note on \(ref) \"\(seen.text.prefix(40))\""
            guard let n = notes.firstIndex(where: { $0.id == seen.id }) else {
                throw EditError(conflict: EditConflict(target: .note(action: ref, id: seen.id), what: what, expected: nil, found: nil))
            }
            guard notes[n] == seen else {
                throw EditError(conflict: EditConflict(target: .note(action: ref, id: seen.id), what: what,
                                                       expected: "\"\(seen.text.prefix(60))\"", found: "\"\(notes[n].text.prefix(60))\""))
            }
            let note = areas[at.area].actions[at.index].notes.remove(at: n)
            let action = areas[at.area].actions[at.index]
            if action.status.needsReason && action.notes.isEmpty {
                throw EditError("action \(ref) is \(action.status.label) and this is its only reason; change its status first")
            }
            return .addNote(ref: ref, index: n, note: note)

        case let .setRisk(ref, field, from, value):
            guard let r = risks.firstIndex(where: { $0.ref == ref }) else { throw EditError.noRisk(ref) }
            var risk = risks[r]
            let current = risk.value(of: field)
            guard current.matches(from) else {
                throw EditError(conflict: EditConflict(target: .risk(ref, field), what: "\(ref) \(field.words)",
                                                       expected: from.words, found: current.words))
            }
            let old = try risk.set(field, value)
            if field == .ref, risk.ref != ref, self.risk(risk.ref) != nil {
                throw EditError("risk reference \(risk.ref) is already used; expected a new reference")
            }
            risks[r] = risk
            return .setRisk(ref: risk.ref, field: field, from: value, to: old)

        case let .addRisk(index, risk):
            if self.risk(risk.ref) != nil { throw EditError("risk reference \(risk.ref) is already used; expected a new reference") }
            risks.insert(risk, at: Plan.place(index, count: risks.count))
            return .removeRisk(ref: risk.ref, risk: risk)

        case let .removeRisk(ref, seen):
            guard let r = risks.firstIndex(where: { $0.ref == ref }) else {
                throw EditError(conflict: EditConflict(target: .risk(ref, nil), what: "risk \(ref)", expected: nil, found: nil))
            }
            guard risks[r] == seen else {
                throw EditError(conflict: EditConflict(target: .risk(ref, nil), what: "risk \(ref)",
                                                       expected: nil, found: "its fields changed"))
            }
            let risk = risks.remove(at: r)
            return .addRisk(index: r, risk: risk)

        case let .setActual(ref, milestone, from, value):
            guard let k = kpis.firstIndex(where: { $0.ref == ref }) else {
                throw EditError("there is no KPI \(ref); expected one of \(Validator.list(kpis.map(\.ref)))")
            }
            guard kpis[k].milestones.indices.contains(milestone) else {
                throw EditError("KPI \(ref) has \(kpis[k].milestones.count) milestones; there is no milestone \(milestone + 1)")
            }
            if let value, let issue = KPI.figureIssue(value) { throw EditError("KPI \(ref) actual \(issue)") }
            let old = kpis[k].milestones[milestone].actual
            guard old == from else {
                let label = kpis[k].milestones[milestone].label
                throw EditError(conflict: EditConflict(target: .actual(kpi: ref, milestone: milestone), what: "\(ref) actual at \(label)",
                                                       expected: from.map(formatNumber) ?? "none", found: old.map(formatNumber) ?? "none"))
            }
            kpis[k].milestones[milestone].actual = value
            return .setActual(kpi: ref, milestone: milestone, from: value, to: old)

        case let .addCheckpoint(checkpoint, index):
            if self.checkpoint(named: checkpoint.name) != nil {
                throw EditError("a checkpoint called \"\(checkpoint.name)\" already exists; expected a new name")
            }
            checkpoints.insert(checkpoint, at: Plan.place(index, count: checkpoints.count))
            return .removeCheckpoint(checkpoint)

        case let .removeCheckpoint(seen):
            guard let c = checkpoints.firstIndex(where: { $0.name == seen.name }) else {
                throw EditError(conflict: EditConflict(target: .checkpoint(seen.name), what: "checkpoint \"\(seen.name)\"", expected: nil, found: nil))
            }
            guard checkpoints[c] == seen else {
                throw EditError(conflict: EditConflict(target: .checkpoint(seen.name), what: "checkpoint \"\(seen.name)\"",
                                                       expected: nil, found: "a different checkpoint has that name"))
            }
            return .addCheckpoint(checkpoints.remove(at: c), index: c)

        case let .batch(edits):
            var inverses: [Edit] = []
            for edit in edits { inverses.append(try apply(edit)) }
            return .batch(inverses.reversed())

        case let .meeting(edit):
            return .meeting(try applyMeeting(edit))
        case let .structure(edit): return .structure(try applyStructure(edit))
        case let .evidence(edit): return .evidence(try applyEvidence(edit))
        case let .agreement(edit): return .agreement(try applyAgreement(edit))
        case let .record(edit): return .record(try applyRecord(edit))
        }
    }

    /// Where to insert: a placement hint, so a position past the end (others removed
    /// items since) puts the item last rather than refusing.
    private static func place(_ index: Int?, count: Int) -> Int {
        guard let index else { return count }
        return min(max(index, 0), count)
    }
}

extension Action {
    /// Which fields differ from `other`, for a message.
    func differences(from other: Action) -> String {
        var fields = ActionField.allCases.filter { value(of: $0) != other.value(of: $0) }.map(\.rawValue)
        if notes != other.notes { fields.append("notes") }
        return fields.isEmpty ? "changed" : fields.joined(separator: ", ") + " changed"
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

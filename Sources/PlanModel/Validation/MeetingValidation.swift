extension Validator {
    /// The rules meetings keep: unique names, unique decision numbers, one highlight per
    /// area, a checkpoint that exists, and plain text throughout.
    ///
    /// Links from highlights and decisions to areas, actions and risks are checked when
    /// they are made, not here: an area or action removed later leaves the record as the
    /// board wrote it.
    func meetingProblems(in plan: Plan) -> [Problem] {
        var out: [Problem] = []
        func add(_ path: String, _ message: String) { out.append(Problem(path: path, message: message)) }
        func text(_ path: String, _ value: String, required: Bool = false) {
            if required && value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                add(path, "is empty; expected some text")
            }
            if let issue = Validator.textIssue(value) { add(path, issue) }
        }
        var names = Set<String>()
        var numbers: [Int: String] = [:]
        let checkpoints = Set(plan.checkpoints.map(\.name))
        for (m, meeting) in plan.meetings.enumerated() {
            let p = "meetings[\(m)]"
            text("\(p).name", meeting.name, required: true)
            if meeting.name.contains(where: \.isNewline) { add("\(p).name", "contains a line break; expected one line") }
            if !names.insert(meeting.name).inserted {
                add("\(p).name", "\"\(meeting.name)\" is used twice; expected each meeting name once")
            }
            if let checkpoint = meeting.checkpoint, !checkpoints.contains(checkpoint) {
                add("\(p).checkpoint", "names checkpoint \"\(checkpoint)\", which the plan does not have; expected one of \(Validator.list(plan.checkpoints.map { "\"\($0.name)\"" }))")
            }
            var areas = Set<Int>()
            for (h, highlight) in meeting.highlights.enumerated() {
                let hp = "\(p).highlights[\(h)]"
                if !areas.insert(highlight.area).inserted {
                    add("\(hp).area", "area \(highlight.area) has two highlights in this meeting; expected one per area")
                }
                text("\(hp).reason", highlight.reason)
                text("\(hp).progress", highlight.progress)
                text("\(hp).nextSteps", highlight.nextSteps)
                text("\(hp).escalations", highlight.escalations)
                text("\(hp).asks", highlight.asks)
            }
            for (d, decision) in meeting.decisions.enumerated() {
                let dp = "\(p).decisions[\(d)]"
                if decision.number < 1 { add("\(dp).number", "is \(decision.number); expected 1 or more") }
                if let first = numbers[decision.number] {
                    add("\(dp).number", "\(decision.number) is used twice (also \(first)); expected each decision number once")
                } else { numbers[decision.number] = dp }
                text("\(dp).text", decision.text, required: true)
                if let owner = decision.owner { text("\(dp).owner", owner) }
            }
        }
        return out
    }
}

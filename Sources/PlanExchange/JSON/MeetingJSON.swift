import PlanModel

/// Meetings in the JSON format: written only by `planboard/2`, the format of a plan that
/// holds meetings. A plan without meetings is still written as `planboard/1`, byte for byte
/// as before, so older planboards read it and committed files do not change.
extension PlanEncoding {
    /// The format of a file that holds meetings.
    public static let meetingsFormat = "planboard/2"

    /// The format a plan is written in: the oldest that can hold it.
    public static func format(of plan: Plan) -> String {
        plan.meetings.isEmpty ? Plan.format : meetingsFormat
    }

    static func meeting(_ m: Meeting) -> JSONOut {
        .object([
            ("name", .string(m.name)),
            ("date", .string(m.date.iso)),
            ("checkpoint", .optional(m.checkpoint, JSONOut.string)),
            ("byWhen", .array(m.byWhen.map { .object([("ref", .string($0.ref)), ("byWhen", date($0.byWhen))]) })),
            ("highlights", .array(m.highlights.map { h in
                .object([
                    ("area", int(h.area)),
                    ("rag", .optional(h.rag) { .string($0.rawValue) }),
                    ("reason", .string(h.reason)),
                    ("progress", .string(h.progress)),
                    ("nextSteps", .string(h.nextSteps)),
                    ("escalations", .string(h.escalations)),
                    ("asks", .string(h.asks)),
                ] + evidence(h.evidence))
            })),
            ("decisions", .array(m.decisions.map { d in
                .object([
                    ("number", int(d.number)),
                    ("text", .string(d.text)),
                    ("owner", .optional(d.owner, JSONOut.string)),
                    ("due", date(d.due)),
                    ("done", .bool(d.done)),
                    ("link", .optional(d.link) { link in
                        switch link {
                        case let .area(n): .object([("area", int(n))])
                        case let .action(ref): .object([("action", .string(ref))])
                        case let .risk(ref): .object([("risk", .string(ref))])
                        }
                    }),
                    ("action", .optional(d.action, JSONOut.string)),
                ])
            })),
        ] + record(m.record))
    }
}

extension PlanDecoding {
    static func decodeMeeting(_ node: JSONNode, _ p: () -> String, _ r: inout FieldReader) -> Meeting? {
        guard let o = r.object(node, p(), keys: ["name", "date", "checkpoint", "byWhen", "highlights", "decisions"],
                               optional: ["attendance", "minutes", "mattersArising"]) else { return nil }
        let name = r.string(o["name"], "\(p()).name")
        let date = r.date(o["date"], "\(p()).date")
        let checkpoint = r.optionalString(o["checkpoint"], "\(p()).checkpoint")
        let byWhen = list(o["byWhen"], "\(p()).byWhen", "action dates", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> ActionDate? in
            guard let o = r.object(node, p(), keys: ["ref", "byWhen"]) else { return nil }
            let ref = r.string(o["ref"], "\(p()).ref")
            let byWhen = r.optionalDate(o["byWhen"], "\(p()).byWhen")
            guard let ref, let byWhen else { return nil }
            return ActionDate(ref: ref, byWhen: byWhen)
        }
        let highlights = list(o["highlights"], "\(p()).highlights", "highlights", &r, decodeHighlight)
        let decisions = list(o["decisions"], "\(p()).decisions", "decisions", &r, decodeDecision)
        let record = decodeRecord(o, p, &r)
        guard let name, let date, let checkpoint, let byWhen, let highlights, let decisions, let record else { return nil }
        var meeting = Meeting(name: name, date: date, checkpoint: checkpoint, byWhen: byWhen, highlights: highlights, decisions: decisions)
        meeting.record = record
        return meeting
    }

    static func decodeHighlight(_ node: JSONNode, _ p: () -> String, _ r: inout FieldReader) -> Highlight? {
        guard let o = r.object(node, p(), keys: ["area", "rag", "reason", "progress", "nextSteps", "escalations", "asks"],
                               optional: ["evidence"]) else { return nil }
        let area = r.int(o["area"], "\(p()).area")
        var rag: Status?? = .some(nil)
        if let node = o["rag"], node.value != .null { rag = r.choice(node, "\(p()).rag", Status.self).map { .some($0) } }
        let reason = r.string(o["reason"], "\(p()).reason")
        let progress = r.string(o["progress"], "\(p()).progress")
        let next = r.string(o["nextSteps"], "\(p()).nextSteps")
        let escalations = r.string(o["escalations"], "\(p()).escalations")
        let asks = r.string(o["asks"], "\(p()).asks")
        let evidence = decodeEvidence(o["evidence"], "\(p()).evidence", &r)
        guard let area, let rag, let reason, let progress, let next, let escalations, let asks, let evidence else { return nil }
        var highlight = Highlight(area: area, rag: rag, reason: reason, progress: progress, nextSteps: next, escalations: escalations, asks: asks)
        highlight.evidence = evidence
        return highlight
    }

    static func decodeDecision(_ node: JSONNode, _ p: () -> String, _ r: inout FieldReader) -> Decision? {
        guard let o = r.object(node, p(), keys: ["number", "text", "owner", "due", "done", "link", "action"]) else { return nil }
        let number = r.int(o["number"], "\(p()).number")
        let text = r.string(o["text"], "\(p()).text")
        let owner = r.optionalString(o["owner"], "\(p()).owner")
        let due = r.optionalDate(o["due"], "\(p()).due")
        var done: Bool?
        if let node = o["done"] {
            if case let .bool(b) = node.value { done = b } else { r.report("\(p()).done", node, "is \(node.kindName); expected true or false") }
        }
        var link: DecisionLink?? = .some(nil)
        if let node = o["link"], node.value != .null {
            link = nil
            func lp() -> String { "\(p()).link" }
            if case let .object(members) = node.value, members.count == 1, let member = members.first {
                switch member.key {
                case "area": link = r.int(member.value, "\(lp()).area").map { .some(.area($0)) }
                case "action": link = r.string(member.value, "\(lp()).action").map { .some(.action($0)) }
                case "risk": link = r.string(member.value, "\(lp()).risk").map { .some(.risk($0)) }
                default: r.report("\(lp()).\(member.key)", member.value, "is not a link planboard knows; expected area, action or risk")
                }
            } else {
                r.report(lp(), node, "is \(node.kindName); expected null or an object with one of area, action or risk")
            }
        }
        let action = r.optionalString(o["action"], "\(p()).action")
        guard let number, let text, let owner, let due, let done, let link, let action else { return nil }
        return Decision(number: number, text: text, owner: owner, due: due, done: done, link: link, action: action)
    }
}

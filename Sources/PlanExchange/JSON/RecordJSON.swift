import PlanModel

/// A meeting's record in the JSON format: optional `attendance`, `minutes` and
/// `mattersArising` keys after `decisions`, each written only when it holds something, so
/// a meeting without them is written byte for byte as before.
extension PlanEncoding {
    static func record(_ r: MeetingRecord) -> [(String, JSONOut)] {
        var out: [(String, JSONOut)] = []
        if !r.attendance.isEmpty {
            out.append(("attendance", .array(r.attendance.map { a in
                .object([("name", .string(a.name)), ("role", .string(a.role)), ("present", .bool(a.present))])
            })))
        }
        if !r.minutes.isEmpty {
            out.append(("minutes", .array(r.minutes.map { .object([("item", .string($0.item)), ("text", .string($0.text))]) })))
        }
        if !r.mattersArising.isEmpty {
            out.append(("mattersArising", .array(r.mattersArising.map { m in
                .object([("number", int(m.number)), ("text", .string(m.text)), ("owner", .optional(m.owner, JSONOut.string)),
                         ("closedAt", .optional(m.closedAt, JSONOut.string))])
            })))
        }
        return out
    }
}

extension PlanDecoding {
    /// A meeting's record from its optional keys; nil after recording a problem.
    static func decodeRecord(_ o: Fields, _ p: () -> String, _ r: inout FieldReader) -> MeetingRecord? {
        let attendance: [Attendee]? = o["attendance"].map { node in
            list(node, "\(p()).attendance", "attendees", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> Attendee? in
                guard let o = r.object(node, p(), keys: ["name", "role", "present"]) else { return nil }
                let name = r.string(o["name"], "\(p()).name")
                let role = r.string(o["role"], "\(p()).role")
                var present: Bool?
                if let node = o["present"] {
                    if case let .bool(b) = node.value { present = b } else { r.report("\(p()).present", node, "is \(node.kindName); expected true (present) or false (apologies)") }
                }
                guard let name, let role, let present else { return nil }
                return Attendee(name: name, role: role, present: present)
            }
        } ?? []
        let minutes: [Minute]? = o["minutes"].map { node in
            list(node, "\(p()).minutes", "minutes", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> Minute? in
                guard let o = r.object(node, p(), keys: ["item", "text"]) else { return nil }
                let item = r.string(o["item"], "\(p()).item")
                let text = r.string(o["text"], "\(p()).text")
                guard let item, let text else { return nil }
                return Minute(item: item, text: text)
            }
        } ?? []
        let matters: [MatterArising]? = o["mattersArising"].map { node in
            list(node, "\(p()).mattersArising", "matters arising", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> MatterArising? in
                guard let o = r.object(node, p(), keys: ["number", "text", "owner", "closedAt"]) else { return nil }
                let number = r.int(o["number"], "\(p()).number", in: 1...1_000_000)
                let text = r.string(o["text"], "\(p()).text")
                let owner = r.optionalString(o["owner"], "\(p()).owner")
                let closedAt = r.optionalString(o["closedAt"], "\(p()).closedAt")
                guard let number, let text, let owner, let closedAt else { return nil }
                return MatterArising(number: number, text: text, owner: owner, closedAt: closedAt)
            }
        } ?? []
        guard let attendance, let minutes, let matters else { return nil }
        return MeetingRecord(attendance: attendance, minutes: minutes, mattersArising: matters)
    }
}

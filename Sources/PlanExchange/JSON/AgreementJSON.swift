import PlanModel

/// The agreed plan in the JSON format: an optional `agreements` key on the header and an
/// optional `revisions` key on an action, written only when there is something in them, so
/// a plan never agreed in planboard is written byte for byte as before.
extension PlanEncoding {
    static func agreements(_ items: [Agreement]) -> [(String, JSONOut)] {
        guard !items.isEmpty else { return [] }
        return [("agreements", .array(items.map { a in
            .object([("date", .string(a.date.iso)), ("with", strings(a.with)), ("note", .string(a.note)),
                     ("byWhen", .array(a.byWhen.map { .object([("ref", .string($0.ref)), ("byWhen", date($0.byWhen))]) }))])
        }))]
    }

    static func revisions(_ items: [DateRevision]) -> [(String, JSONOut)] {
        guard !items.isEmpty else { return [] }
        return [("revisions", .array(items.map { r in
            .object([("baseline", int(r.baseline)), ("from", date(r.from)), ("to", date(r.to)), ("reason", .string(r.reason)),
                     ("proposedBy", .string(r.proposedBy)), ("proposedOn", .string(r.proposedOn.iso)),
                     ("agreedBy", .optional(r.agreedBy, JSONOut.string)), ("agreedOn", date(r.agreedOn))])
        }))]
    }
}

extension PlanDecoding {
    /// The agreements at `node`: `[]` when the key is absent, nil after recording a problem.
    static func decodeAgreements(_ node: JSONNode?, _ path: @autoclosure () -> String, _ r: inout FieldReader) -> [Agreement]? {
        guard let node else { return [] }
        return list(node, path(), "agreements", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> Agreement? in
            guard let o = r.object(node, p(), keys: ["date", "with", "note", "byWhen"]) else { return nil }
            let date = r.date(o["date"], "\(p()).date")
            let with = r.strings(o["with"], "\(p()).with")
            let note = r.string(o["note"], "\(p()).note")
            let byWhen = list(o["byWhen"], "\(p()).byWhen", "action dates", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> ActionDate? in
                guard let o = r.object(node, p(), keys: ["ref", "byWhen"]) else { return nil }
                let ref = r.string(o["ref"], "\(p()).ref")
                let byWhen = r.optionalDate(o["byWhen"], "\(p()).byWhen")
                guard let ref, let byWhen else { return nil }
                return ActionDate(ref: ref, byWhen: byWhen)
            }
            guard let date, let with, let note, let byWhen else { return nil }
            return Agreement(date: date, with: with, note: note, byWhen: byWhen)
        }
    }

    /// The revisions at `node`: `[]` when the key is absent, nil after recording a problem.
    static func decodeRevisions(_ node: JSONNode?, _ path: @autoclosure () -> String, _ r: inout FieldReader) -> [DateRevision]? {
        guard let node else { return [] }
        return list(node, path(), "revised dates", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> DateRevision? in
            guard let o = r.object(node, p(), keys: ["baseline", "from", "to", "reason", "proposedBy", "proposedOn", "agreedBy", "agreedOn"]) else { return nil }
            let baseline = r.int(o["baseline"], "\(p()).baseline", in: 1...1000)
            let from = r.optionalDate(o["from"], "\(p()).from")
            let to = r.optionalDate(o["to"], "\(p()).to")
            let reason = r.string(o["reason"], "\(p()).reason")
            let proposedBy = r.string(o["proposedBy"], "\(p()).proposedBy")
            let proposedOn = r.date(o["proposedOn"], "\(p()).proposedOn")
            let agreedBy = r.optionalString(o["agreedBy"], "\(p()).agreedBy")
            let agreedOn = r.optionalDate(o["agreedOn"], "\(p()).agreedOn")
            guard let baseline, let from, let to, let reason, let proposedBy, let proposedOn, let agreedBy, let agreedOn else { return nil }
            return DateRevision(baseline: baseline, from: from, to: to, reason: reason, proposedBy: proposedBy, proposedOn: proposedOn,
                                agreedBy: agreedBy, agreedOn: agreedOn)
        }
    }
}

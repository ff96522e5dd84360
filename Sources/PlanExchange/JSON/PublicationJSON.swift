import PlanModel

/// `settings.publication` in the JSON format: what `planboard publish` shows families.
/// Every key is optional and written only when set, so a plan that never published keeps
/// its bytes (docs/FORMAT.md).
enum PublicationJSON {
    static let keys = ["public", "notesOf", "risks", "decisions", "feedback", "last"]
    static let lastKeys = ["number", "on", "by", "to", "format", "fingerprint", "shown"]

    static func write(_ p: Publication) -> JSONOut {
        var fields: [(String, JSONOut)] = []
        if !p.parts.isEmpty { fields.append(("public", .array(p.parts.map { .string($0.rawValue) }))) }
        if !p.notesOf.isEmpty { fields.append(("notesOf", PlanEncoding.strings(p.notesOf))) }
        if !p.risks.isEmpty { fields.append(("risks", PlanEncoding.strings(p.risks))) }
        if !p.decisions.isEmpty { fields.append(("decisions", .array(p.decisions.map(PlanEncoding.int)))) }
        if let feedback = p.feedback { fields.append(("feedback", .string(feedback))) }
        if let last = p.last {
            fields.append(("last", .object([
                ("number", PlanEncoding.int(last.number)), ("on", .string(last.on.iso)), ("by", .string(last.by)),
                ("to", .string(last.to)), ("format", .string(last.format)), ("fingerprint", .string(last.fingerprint)),
                ("shown", .string(last.shown)),
            ])))
        }
        return .object(fields)
    }

    /// The keys of `allowed` that the object holds; any other key is then reported as unknown.
    static func present(_ node: JSONNode?, _ allowed: [String]) -> [String] {
        guard let node, case let .object(members) = node.value else { return allowed }
        return allowed.filter { key in members.contains { $0.key == key } }
    }

    static func read(_ node: JSONNode?, _ r: inout FieldReader) -> Publication? {
        let path = "settings.publication"
        guard let o = r.object(node, path, keys: present(node, keys)) else { return nil }
        var p = Publication()
        var ok = true
        if let n = o["public"] {
            if let items = r.array(n, "\(path).public", of: "kinds of thing") {
                let parts = items.enumerated().map { r.choice($0.element, "\(path).public[\($0.offset)]", Publication.Part.self) }
                if parts.contains(where: { $0 == nil }) { ok = false } else { p.parts = parts.compactMap { $0 } }
            } else { ok = false }
        }
        if let n = o["notesOf"] { if let v = r.strings(n, "\(path).notesOf") { p.notesOf = v } else { ok = false } }
        if let n = o["risks"] { if let v = r.strings(n, "\(path).risks") { p.risks = v } else { ok = false } }
        if let n = o["decisions"] {
            if let items = r.array(n, "\(path).decisions", of: "decision numbers") {
                let numbers = items.enumerated().map { r.int($0.element, "\(path).decisions[\($0.offset)]", in: 1...999_999) }
                if numbers.contains(where: { $0 == nil }) { ok = false } else { p.decisions = numbers.compactMap { $0 } }
            } else { ok = false }
        }
        if let n = o["feedback"] { if let v = r.string(n, "\(path).feedback") { p.feedback = v } else { ok = false } }
        if let n = o["last"] {
            let at = "\(path).last"
            if let l = r.object(n, at, keys: lastKeys) {
                let number = r.int(l["number"], "\(at).number", in: 1...999_999_999)
                let on = r.date(l["on"], "\(at).on")
                let by = r.string(l["by"], "\(at).by")
                let to = r.string(l["to"], "\(at).to")
                let format = r.string(l["format"], "\(at).format")
                let fingerprint = r.string(l["fingerprint"], "\(at).fingerprint")
                let shown = r.string(l["shown"], "\(at).shown")
                if let number, let on, let by, let to, let format, let fingerprint, let shown {
                    p.last = Published(number: number, on: on, by: by, to: to, format: format, fingerprint: fingerprint, shown: shown)
                } else { ok = false }
            } else { ok = false }
        }
        return ok ? p : nil
    }
}

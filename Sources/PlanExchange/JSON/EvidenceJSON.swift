import PlanModel

/// Evidence in the JSON format: an optional `evidence` key on an action, a milestone and a
/// highlight, written only when there is some, so a plan without evidence is written byte
/// for byte as before. Ids are not written: like a note's, an item's id is derived from
/// its content and made unique within its holder in file order.
extension PlanEncoding {
    static func evidence(_ items: [Evidence]) -> [(String, JSONOut)] {
        guard !items.isEmpty else { return [] }
        return [("evidence", .array(items.map { e in
            .object([("title", .string(e.title)), ("date", .string(e.date.iso)), ("location", .string(e.location)),
                     ("shows", .string(e.shows)), ("addedBy", .string(e.addedBy))])
        }))]
    }
}

extension PlanDecoding {
    /// The items at `node`: `[]` when the key is absent, nil after recording a problem.
    static func decodeEvidence(_ node: JSONNode?, _ path: @autoclosure () -> String, _ r: inout FieldReader) -> [Evidence]? {
        guard let node else { return [] }
        let items = list(node, path(), "evidence items", &r) { (node: JSONNode, p: () -> String, r: inout FieldReader) -> Evidence? in
            guard let o = r.object(node, p(), keys: ["title", "date", "location", "shows", "addedBy"]) else { return nil }
            let title = r.string(o["title"], "\(p()).title")
            let date = r.date(o["date"], "\(p()).date")
            let location = r.string(o["location"], "\(p()).location")
            let shows = r.string(o["shows"], "\(p()).shows")
            let addedBy = r.string(o["addedBy"], "\(p()).addedBy")
            guard let title, let date, let location, let shows, let addedBy else { return nil }
            let item = Evidence(title: title, date: date, location: location, shows: shows, addedBy: addedBy)
            if let problem = Evidence.problem(item) {
                r.report(p(), node, "evidence \(problem)")
                return nil
            }
            return item
        }
        guard let items else { return nil }
        var taken = Set<String>()
        return items.map { item in
            var item = item
            item.id = Note.freeID(item.id, taken: taken)
            taken.insert(item.id)
            return item
        }
    }
}

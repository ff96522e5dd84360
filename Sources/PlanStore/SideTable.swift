import GRDB

/// A table beside the plan's own holding one text per key (a JSON value, or words as the plan
/// wrote them), with a row only where there is one: the shape of the written by-whens, the
/// date revisions and the meeting records. Its names are the store's own constants; every
/// value is bound.
struct SideTable {
    let table: String
    let key: String
    let value: String

    /// Sets the text of `id` (nil removes its row).
    func put(_ id: String, _ text: String?, _ db: Database) throws {
        if let text {
            try db.cachedStatement(sql: """
                INSERT INTO \(table) (\(key), \(value)) VALUES (?, ?)
                ON CONFLICT(\(key)) DO UPDATE SET \(value) = excluded.\(value)
                """).execute(arguments: [id, text])
        } else {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE \(key) = ?").execute(arguments: [id])
        }
    }

    /// Writes, for each of `ids`, the value in `after` where it differs from `before` (no
    /// entry: no row).
    func write<Value: Equatable>(_ ids: some Sequence<String>, before: [String: Value], after: [String: Value],
                                 text: (Value) throws -> String, _ db: Database) throws {
        for id in ids where before[id] != after[id] { try put(id, try after[id].map(text), db) }
    }

    /// Empties the table (a whole plan is about to be written).
    func clear(_ db: Database) throws { try db.execute(sql: "DELETE FROM \(table)") }
}

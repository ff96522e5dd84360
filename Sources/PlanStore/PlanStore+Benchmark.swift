import GRDB
import PlanModel

@_spi(Benchmark)
extension PlanStore {
    /// The whole plan read afresh (not from the last read kept), its JSON columns read by hand
    /// (`ColumnJSON`) or by the strict reader of plan files (`StrictColumns`): for
    /// planboard-bench-store, which weighs the two (docs/BENCHMARKS.md).
    public func loadReadingColumns(strictly strict: Bool) throws -> Plan {
        try db.read { db in try FastRows(db: db, file: path, shape: .whole, strictColumns: strict).plan() }
    }

    /// Only the largest JSON columns read into values: every action's leads and KPI links and
    /// every checkpoint's snapshot. Returns how many values were read, so none is skipped.
    public func readColumns(strictly strict: Bool) throws -> Int {
        let reader: any ColumnReading.Type = strict ? StrictColumns.self : ColumnJSON.self
        return try db.read { db in
            var count = 0
            let actions = try Row.fetchCursor(db, sql: "SELECT leads, kpis FROM action")
            while let row = try actions.next() {
                count += try reader.strings(row[0]).count + reader.strings(row[1]).count
            }
            let checkpoints = try Row.fetchCursor(db, sql: "SELECT snapshot FROM checkpoint")
            while let row = try checkpoints.next() {
                count += try row.withUnsafeData(atIndex: 0) { data in
                    try data?.withUnsafeBytes { raw in try reader.checkpoint(bytes: raw.bindMemory(to: UInt8.self)).actions.count } ?? 0
                }
            }
            return count
        }
    }
}

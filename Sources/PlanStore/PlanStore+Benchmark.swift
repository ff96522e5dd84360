import PlanModel

@_spi(Benchmark)
extension PlanStore {
    /// The whole plan read afresh (not from the last read kept), its JSON columns read by hand
    /// (`ColumnJSON`) or by the strict reader of plan files (`StrictColumns`): for
    /// planboard-bench-store, which weighs the two (docs/BENCHMARKS.md).
    public func loadReadingColumns(strictly strict: Bool) throws -> Plan {
        try db.read { db in try FastRows(db: db, file: path, shape: .whole, strictColumns: strict).plan() }
    }
}

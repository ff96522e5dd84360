import Foundation
import GRDB
import PlanModel

/// The SQLite file keeps the store contract as it is.
extension PlanStore: PlanStoring {}

extension PlanStore {
    /// The file's plan with its whole change log, for `planboard copy`.
    public func history() throws -> PlanHistory {
        PlanHistory(plan: try load(), log: try changes(), people: try people())
    }

    /// Creates a new plan file holding `history`: the plan and its change log exactly as
    /// given (positions, people, times), all or nothing. Fails if the file exists.
    public static func create(path: String, history: PlanHistory) throws {
        try refuseAddress(path)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.refused, "\(path) already exists; expected a new file to copy the plan into. Nothing was changed")
        }
        let problems = Validator().problems(in: history.plan)
        if let first = problems.first {
            throw StoreError(.refused, "the plan has \(problems.count) problem(s), e.g. \(first); nothing was copied")
        }
        var config = Configuration()
        config.journalMode = .wal
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try Schema.migrator.migrate(queue)
            let json = JSONColumns(file: path)
            try queue.write { db in
                try PlanRows.write(history.plan, over: nil, db)
                try PeopleRows.write(history.people, db)
                for record in history.log {
                    try db.execute(sql: "INSERT INTO change (seq, at, user, kind, target, summary, edit, inverse) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [record.seq, LogTime.text(record.at), record.user, record.kind.rawValue, record.target,
                                               record.summary, try record.edit.map(json.text), try record.inverse.map(json.text)])
                }
            }
            try queue.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw translate(error, path: path)
        }
    }
}

import Foundation
import PlanExchange
import PlanImport
import PlanModel
import PlanStore
import PlanStorePostgres

/// `planboard import` for the documents councils already have: a plan in Word (.docx) and
/// an action tracker from Excel (.xlsx or .csv). JSON goes the way it always has.
enum DocumentImport {
    enum Kind { case json, word, tracker }

    /// What the file is, by its first bytes (a zip or an old Office file) and its extension.
    static func kind(of path: String, area: Int?) -> Kind {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["xlsx", "xlsm", "csv"].contains(ext) || (area != nil && ext != "json") { return .tracker }
        if ext == "docx" || ext == "doc" { return .word }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .json }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        if head.starts(with: [0x50, 0x4B]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .word }
        return .json
    }

    /// Runs an import, turning a file the reader refuses into the command's own error.
    static func run(_ command: Import, _ kind: Kind) throws {
        do {
            switch kind {
            case .word: try word(command)
            case .tracker: try tracker(command)
            case .json: break
            }
        } catch let error as ImportError {
            throw CLIError(error.description)
        } catch let error as ColumnChoiceError {
            throw CLIError(error.description)
        }
    }

    static func word(_ command: Import) throws {
        let started = Date()
        let today = try Today.date()
        let result = try PlanDocumentReader.read(url: URL(fileURLWithPath: command.file), name: command.file,
                                                 today: today, author: command.store.userName,
                                                 columns: try ColumnChoices.parse(command.columns))
        let elapsed = Date().timeIntervalSince(started)
        let plan = result.plan
        try Output.line(result.report.text.trimmingCharacters(in: .newlines))
        let r = result.report
        try Output.line("Read \(command.file) in \(milliseconds(elapsed)): \(counted(r.placed.count, "item placed", "items placed")), \(r.notPlaced.count) not placed (\(String(format: "%.1f", r.percentPlaced))% placed), \(r.skipped.count) skipped as template guidance\(r.check.isEmpty ? "" : "; \(r.check.count) to check").")
        let problems = Validator().problems(in: plan)
        guard problems.isEmpty else {
            throw CLIError("the plan read from \(command.file) breaks \(problems.count) rule(s); nothing was imported:\n" +
                           problems.map { "  \($0)" }.joined(separator: "\n"))
        }
        if command.dryRun {
            try Output.line("")
            try Output.line(SummaryReport(plan: plan, today: today).text.trimmingCharacters(in: .newlines))
            try ImportDryRun.checkWholePlan(replace: command.replace, store: command.store)
            try Output.line("Dry run: nothing was saved.")
            if PostgresLocation.isURL(command.store.path) {
                try Output.line(try postgresImportOutlook(replace: command.replace, store: command.store))
            }
            return
        }
        try save(plan, command: command, what: "imported \((command.file as NSString).lastPathComponent)")
    }

    static func tracker(_ command: Import) throws {
        guard let area = command.area else {
            throw CLIError("\(command.file) looks like a tracker; say which area of weakness its actions belong to with --area N")
        }
        let started = Date()
        let db = try trackerPlan(command)
        let path = db.path
        var result = try TrackerImport.read(url: URL(fileURLWithPath: command.file), name: command.file, area: area,
                                            plan: try db.load(), today: try Today.date(), author: command.store.userName,
                                            columns: try ColumnChoices.parse(command.columns))
        let elapsed = Date().timeIntervalSince(started)
        if result.edits.isEmpty {
            try Output.line("No changes: area \(area) of the plan already holds everything \(command.file) says.")
        } else {
            try Output.line("\(command.dryRun ? "Would make" : "Changes") (\(result.edits.count)):")
            for change in result.changes { try Output.line("  \(change)") }
        }
        if !result.notes.isEmpty {
            try Output.line("How cells were read (\(result.notes.count)):")
            for line in result.notes { try Output.line("  \(line)") }
        }
        if !result.report.notPlaced.isEmpty {
            try Output.line("Not placed (\(result.report.notPlaced.count)):")
            for line in result.report.notPlaced { try Output.line("  \(line)") }
        }
        if !result.report.check.isEmpty {
            try Output.line("Check these (\(result.report.check.count)): placed, but they could be read another way")
            for line in result.report.check { try Output.line("  \(line)") }
        }
        if !result.report.skipped.isEmpty {
            try Output.line("Skipped (\(result.report.skipped.count)):")
            for line in result.report.skipped { try Output.line("  \(line)") }
        }
        try Output.line("Read \(command.file) in \(milliseconds(elapsed)): \(counted(result.report.placed.count, "item placed", "items placed")), \(result.report.notPlaced.count) not placed (\(String(format: "%.1f", result.report.percentPlaced))% placed), \(result.report.skipped.count) skipped.")
        if command.dryRun {
            try ImportDryRun.checkTracker(db, changes: result.edits.count, store: command.store)
            try Output.line("Dry run: nothing was saved.")
            return
        }
        guard !result.edits.isEmpty else { return }
        // Said: only the edits are needed now, and a large tracker's lines need not be held
        // while they are saved.
        let edits = result.edits
        result.edits = []
        result.changes = []
        result.notes = []
        result.report = ImportReport()
        try db.applyAll(edits)
        let saved = "Saved \(edits.count) change\(edits.count == 1 ? "" : "s") to \(path)"
        if PostgresLocation.isURL(command.store.path) {
            try Output.line("\(saved), in the change log as one change signed by \(Visible.field(db.user)) (`planboard undo` takes it back).")
        } else {
            try Output.line("\(saved), each in the change log as yours (`planboard undo` takes back the last).")
        }
    }

    /// The plan a tracker's actions go into: the shared plan for a `postgres://` --db, else
    /// the file, which must exist. A dry run opens the file read-only; on a server it only
    /// reads.
    static func trackerPlan(_ command: Import) throws -> any PlanStoring {
        let path = command.store.path
        if !PostgresLocation.isURL(path) && !FileManager.default.fileExists(atPath: path) {
            throw CLIError("there is no plan at \(Visible.field(path)) to add \(command.file) to; start one with `planboard init` or `planboard import PLAN.docx`, or give --db")
        }
        return try command.store.open(forReading: command.dryRun)
    }

    /// Saves a whole plan: a new file, or over the plan there with --replace.
    static func save(_ plan: Plan, command: Import, what: String) throws {
        let path = command.store.path
        if PostgresLocation.isURL(path) { return try importIntoPostgres(plan, file: command.file, replace: command.replace, store: command.store) }
        if FileManager.default.fileExists(atPath: path) {
            let existing = try PlanStore.open(path: path, user: command.store.userName)
            guard command.replace else {
                let current = try existing.load()
                throw ImportDryRun.alreadyHolds(path, current.header.localArea)
            }
            try existing.replace(with: plan, summary: "\(what) (replacing the plan)")
        } else {
            _ = try PlanStore.create(path: path, plan: plan, user: command.store.userName)
        }
        try Output.line("Imported \(command.file) into \(path): \(plan.header.localArea), \(counted(plan.areas.count, "area of weakness", "areas of weakness")), \(counted(plan.allActions.count, "action", "actions")), \(counted(plan.risks.count, "risk", "risks")), \(counted(plan.kpis.count, "KPI", "KPIs")).")
        try Output.line("Open it: \(command.store.openCommand)")
    }

    static func milliseconds(_ seconds: TimeInterval) -> String { "\(Int((seconds * 1000).rounded())) ms" }
}

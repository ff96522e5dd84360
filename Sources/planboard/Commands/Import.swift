import ArgumentParser
import Foundation
import PlanExchange
import PlanModel
import PlanStore
import PlanStorePostgres

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a plan from JSON or a Word APP (.docx), or actions from an Excel tracker (.xlsx, .csv), all or nothing.",
        discussion: Prose.flowing("""
            The file is checked first; if anything is wrong, nothing is imported and the plan file is left exactly as it was.
              planboard import plan.json              a planboard/1 JSON plan
              planboard import APP.docx --dry-run     a plan in the Word template: says what it placed and what it could
                                                      not (paragraph, table, row), and shows the plan's summary
              planboard import tracker.xlsx --area 3  actions from a tracker into area 3: a reference already in the plan
                                                      updates that action (one change-log line per change), a new one adds it
            A Word plan or JSON replaces a plan only with --replace. Importing the same tracker again changes nothing.
            On a shared plan (--db postgres://…) a Word plan or JSON goes into an empty
            database (its owner), or over the plan with --replace as one change (a chair);
            a tracker's changes are one change signed by your login. A dry run only reads.
            """))

    @Argument(help: ArgumentHelp("The file to import: planboard/1 JSON, a Word plan (.docx), or a tracker (.xlsx, .csv) with --area.", valueName: "file"))
    var file: String

    @Flag(help: "Replace the plan the file already holds (the change log keeps a record).")
    var replace = false

    @Flag(name: .customLong("dry-run"), help: "Say what would be imported (and, for a Word plan, what could not be placed) without saving anything.")
    var dryRun = false

    @Option(help: ArgumentHelp("For a tracker (.xlsx or .csv): the area of weakness its actions belong to.", valueName: "n"))
    var area: Int?

    @Option(name: .customLong("column"), help: ArgumentHelp("For a Word plan or a tracker: what a column holds, by its header, e.g. \"Description=action\" or \"Budget code=ignore\". FIELD: action, ref, by-when, lead, sro, status, kpi, success-criteria, progress or ignore. Repeatable.", valueName: "HEADER=FIELD"))
    var columns: [String] = []

    @OptionGroup var store: StoreOptions

    func run() throws {
        let kind = DocumentImport.kind(of: file, area: area)
        if kind != .json { return try DocumentImport.run(self, kind) }
        if !columns.isEmpty {
            throw CLIError("--column is for a Word plan or a tracker; \(Visible.field(file)) is read as planboard's JSON, whose fields are named in it. Nothing was changed")
        }
        let plan = try PlanDecoding.plan(contentsOf: URL(fileURLWithPath: file), name: file)
        let path = store.path
        if dryRun {
            try ImportDryRun.checkWholePlan(replace: replace, store: store)
            try Output.line("\(Visible.field(file)) is a valid plan for \(Visible.field(plan.header.localArea)): \(counted(plan.areas.count, "area of weakness", "areas of weakness")), \(counted(plan.allActions.count, "action", "actions")), \(counted(plan.risks.count, "risk", "risks")), \(counted(plan.kpis.count, "KPI", "KPIs")). Dry run: nothing was saved.")
            if PostgresLocation.isURL(path) { try Output.line(try postgresImportOutlook(replace: replace, store: store)) }
            return
        }
        if PostgresLocation.isURL(path) { return try importIntoPostgres(plan, file: file, replace: replace, store: store) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        if FileManager.default.fileExists(atPath: path) && size != 0 {
            let existing = try PlanStore.open(path: path, user: store.userName)
            guard replace else {
                let current = try existing.load()
                throw ImportDryRun.alreadyHolds(path, current.header.localArea)
            }
            try existing.replace(with: plan, summary: "imported \((file as NSString).lastPathComponent) (replacing the plan)")
        } else {
            _ = try PlanStore.create(path: path, plan: plan, user: store.userName)
        }
        try Output.line("Imported \(Visible.field(file)) into \(Visible.field(path)): \(Visible.field(plan.header.localArea)), \(counted(plan.areas.count, "area of weakness", "areas of weakness")), \(counted(plan.allActions.count, "action", "actions")), \(counted(plan.risks.count, "risk", "risks")), \(counted(plan.kpis.count, "KPI", "KPIs")).")
        try Output.line("Open it: \(store.openCommand)")
    }
}

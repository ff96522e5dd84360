import ArgumentParser
import Foundation
import PlanModel

struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Record a named, dated snapshot of every status, score and actual.",
        discussion: "Record one at each board meeting or 3/6/12-month review, so the next can ask what changed since.")

    @Argument(help: ArgumentHelp("A name, e.g. \"Board 2023-03-14\".", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("The checkpoint's date (default today).", valueName: "date"))
    var date: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let day = try date.map { try parseDate($0, option: "--date") } ?? Today.date()
        let plan = try store.open().recordCheckpoint(name: name, date: day)
        try Output.line("Recorded checkpoint \"\(Visible.field(name))\" (\(day.display)): \(plan.allActions.count) action statuses, \(plan.risks.count) risk scores, \(plan.kpis.count) KPIs.")
    }
}

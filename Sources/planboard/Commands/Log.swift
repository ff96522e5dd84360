import ArgumentParser
import Foundation
import PlanModel
import PlanStore

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the change log, one line per change.",
        discussion: "--since takes a date (2023-03-31, 31/03/2023, 31 Mar 2023) or a checkpoint's name.")

    @Option(help: ArgumentHelp("Only changes since this date or checkpoint.", valueName: "date|checkpoint"))
    var since: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let db = try store.open(forReading: true)
        let records: [ChangeRecord]
        if let since {
            if let date = PlanDate(typed: since) {
                var parts = DateComponents()
                parts.year = date.year
                parts.month = date.month
                parts.day = date.day
                records = try db.changes(since: Calendar.current.date(from: parts) ?? Date.distantPast)
            } else {
                records = try db.changes(sinceCheckpoint: since)
            }
        } else {
            records = try db.changes()
        }
        // Each line is written from its edit, so KPI milestones are named as the plan names them.
        let plan = try? db.load()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        for record in records {
            // Fields are tab-separated, one change per line: plan text is shown with its
            // line breaks and tabs escaped, so no note can pass for a line of the log.
            try Output.line("\(record.seq)\t\(formatter.string(from: record.at))\t\(Visible.field(record.user))\t\(record.kind.rawValue)\t\(Visible.field(record.reading(in: plan)))")
        }
    }
}

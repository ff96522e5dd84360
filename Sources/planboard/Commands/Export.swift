import ArgumentParser
import Foundation
import PlanExchange

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the plan as JSON, or one of its tables as CSV.",
        discussion: "JSON is the whole plan in the planboard/1 format (docs/FORMAT.md). CSV is one table (actions, risks or kpis) that opens in Excel.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @Option(help: "json or csv.")
    var format: Format = .json

    @Option(help: ArgumentHelp("For CSV: actions, risks or kpis (default actions).", valueName: "table"))
    var what: PlanCSV.Table?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if format == .json && what != nil {
            throw ValidationError("--what chooses a CSV table; JSON always holds the whole plan. Use --format csv with --what")
        }
    }

    func run() throws {
        let plan = try store.open(forReading: true).load()
        let text: String
        switch format {
        case .json:
            let (json, changed) = PlanEncoding.importableJSON(plan)
            if changed > 0 {
                Output.notice("\(changed) text value(s) in the plan held control characters, which a plan file does not allow; they are written in their visible form (ESC as ^[) so the file imports again")
            }
            text = json
        case .csv:
            text = PlanCSV.write(what ?? .actions, of: plan)
        }
        if let output {
            try Output.write(text, to: output)
        } else {
            try Output.standardOutput(text)
        }
    }
}

extension PlanCSV.Table: ExpressibleByArgument {}

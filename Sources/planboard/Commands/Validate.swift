import ArgumentParser
import Foundation
import PlanExchange
import PlanModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a plan file (JSON) and report every problem with its place.",
        discussion: "Nothing is imported. Exits 0 when the file is a valid plan, 1 when it is not.")

    @Argument(help: ArgumentHelp("The plan file to check.", valueName: "file.json"))
    var file: String

    func run() throws {
        let plan = try PlanDecoding.plan(contentsOf: URL(fileURLWithPath: file), name: file)
        let actions = plan.allActions.count
        try Output.line("\(Visible.field(file)): valid \(PlanEncoding.format(of: plan)) plan for \(Visible.field(plan.header.localArea)): \(counted(plan.areas.count, "area of weakness", "areas of weakness")), \(counted(actions, "action", "actions")), \(counted(plan.risks.count, "risk", "risks")), \(counted(plan.kpis.count, "KPI", "KPIs")), \(counted(plan.checkpoints.count, "checkpoint", "checkpoints")).")
    }
}

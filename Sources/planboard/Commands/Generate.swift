import ArgumentParser
import Foundation
import PlanExchange
import PlanModel

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a large made-up plan (JSON) for benchmarks and layout tests.",
        discussion: "The same options always give the same file. Import it with `planboard import FILE --db PATH`.")

    @Option(help: "Areas of weakness.") var areas = 13
    @Option(help: "Actions, spread over the areas.") var actions = 10_000
    @Option(help: "Risks.") var risks = 1_000
    @Option(help: "KPIs.") var kpis = 24
    @Option(help: "Seed for the made-up values.") var seed: UInt64 = 1
    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "file")) var output: String?

    func validate() throws {
        guard areas >= 1, actions >= 0, risks >= 0, kpis >= 0 else {
            throw ValidationError("give at least one area and no negative counts")
        }
    }

    func run() throws {
        let plan = SyntheticPlan.make(areas: areas, actions: actions, risks: risks, kpis: kpis, seed: seed, today: try Today.date())
        let text = PlanEncoding.json(plan)
        if let output { try Output.write(text, to: output) } else { try Output.standardOutput(text) }
    }
}

import ArgumentParser
import Foundation
import PlanExchange
import PlanStore
import PlanStorePostgres

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a plan from a JSON file into the plan file, all or nothing.",
        discussion: "The file is checked first; if anything is wrong, nothing is imported and the plan file is left exactly as it was.")

    @Argument(help: ArgumentHelp("The plan to import (planboard/1 JSON).", valueName: "file.json"))
    var file: String

    @Flag(help: "Replace the plan the file already holds (the change log keeps a record).")
    var replace = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let plan = try PlanDecoding.plan(contentsOf: URL(fileURLWithPath: file), name: file)
        let path = store.path
        if PostgresLocation.isURL(path) { return try importIntoPostgres(plan, file: file, replace: replace, store: store) }
        if FileManager.default.fileExists(atPath: path) {
            let existing = try PlanStore.open(path: path, user: store.userName)
            guard replace else {
                let current = try existing.load()
                throw CLIError("\(path) already holds the plan for \(current.header.localArea); nothing was changed. Add --replace to replace it")
            }
            try existing.replace(with: plan, summary: "imported \((file as NSString).lastPathComponent) (replacing the plan)")
        } else {
            _ = try PlanStore.create(path: path, plan: plan, user: store.userName)
        }
        print("Imported \(file) into \(path): \(plan.header.localArea), \(plan.areas.count) areas of weakness, \(plan.allActions.count) actions, \(plan.risks.count) risks, \(plan.kpis.count) KPIs.")
    }
}

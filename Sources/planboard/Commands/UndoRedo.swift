import ArgumentParser
import PlanModel

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo your latest change (as named by --user or $USER), even after a restart.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let (plan, undone) = try store.open().undo() else {
            throw CLIError("there is nothing of \(store.userName)'s to undo")
        }
        try Output.line(Visible.field(undone.edit?.undoneSummary(in: plan) ?? "Undid: \(undone.summary)"))
    }
}

struct Redo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redo", abstract: "Redo your latest undone change.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let (plan, redone) = try store.open().redo() else {
            throw CLIError("there is nothing of \(store.userName)'s to redo")
        }
        try Output.line(Visible.field(redone.edit?.redoneSummary(in: plan) ?? "Redid: \(redone.summary)"))
    }
}

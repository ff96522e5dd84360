import ArgumentParser
import PlanModel

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Undo your latest change (as named by --user or $USER), even after a restart.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let (_, undone) = try store.open().undo() else {
            throw CLIError("there is nothing of \(store.userName)'s to undo")
        }
        try Output.line("Undone: \(Visible.field(undone.summary))")
    }
}

struct Redo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Redo your latest undone change.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let (_, redone) = try store.open().redo() else {
            throw CLIError("there is nothing of \(store.userName)'s to redo")
        }
        try Output.line("Redone: \(Visible.field(redone.summary))")
    }
}

import ArgumentParser
import Foundation
import PlanModel

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action",
        abstract: "Add or remove an action (set changes its status, by-when, lead and notes).",
        subcommands: [ActionAdd.self, ActionRemove.self])
}

struct ActionAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an action to an area of weakness.",
        discussion: Prose.flowing("""
            The action takes the area's next reference (3q after 3p) unless --ref is given, and
            starts Not started. Give its by-when and lead here or later with `planboard set`.
            Example: planboard action add --area 3 --text "Recruit two caseworkers" --by-when 31/03/2027 --lead "Jackie Ross"
            """))
    @Option(help: ArgumentHelp("The area's number.", valueName: "n")) var area: Int
    @Option(help: ArgumentHelp("What will be done.", valueName: "text")) var text: String
    @Option(help: ArgumentHelp("Its reference (default: the area's next, e.g. 3q).", valueName: "ref")) var ref: String?
    @Option(name: .customLong("by-when"), help: ArgumentHelp("The date it is due: \(TypedText.dateForms), or none.", valueName: "date"))
    var byWhen: String?
    @Option(help: ArgumentHelp("The action lead; repeat for several.", valueName: "name")) var lead: [String] = []
    @Flag(name: .customLong("new-person"), help: "A --lead not yet in the plan is a new person, not a mistyped name.")
    var newPerson = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let db = try store.open()
        let plan = try db.load()
        _ = try StructureCLI.area(area, in: plan)
        let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !words.isEmpty else { throw CLIError("--text is empty; expected what the action will do. Nothing was changed") }
        let wanted = ref ?? plan.nextActionRef(inArea: area)
        let chosen: String
        switch TypedText.reference(wanted, replacing: nil, example: "\(area)q", taken: plan.action(wanted) != nil) {
        case let .failure(refusal): throw CLIError("--ref \(Visible.field(wanted)): \(refusal.message) Nothing was changed")
        case let .success(r): chosen = r
        }
        var action = Action(ref: chosen, text: words)
        if let byWhen { action.byWhen = try StructureCLI.optionalDate(byWhen, option: "--by-when") }
        try SetCommand.checkLeads(lead, newPerson: newPerson, in: plan)
        action.leads = lead.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let after = try db.apply(.addAction(area: area, index: nil, action: action))
        let added = after.action(chosen) ?? action
        let due = added.byWhen.map { "by \($0.display)" } ?? "no by-when yet"
        let leads = added.leads.isEmpty ? "no lead yet" : "lead \(added.leads.joined(separator: ", "))"
        try Output.line("Added \(chosen) to area \(area): \(Visible.field(added.text.count > 60 ? String(added.text.prefix(59)) + "…" : added.text)) (\(due), \(leads)).")
    }
}

struct ActionRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove an action with its progress notes.",
        discussion: "The change log keeps it, so `planboard undo` brings it back. Example: planboard action remove 3q")
    @Argument(help: ArgumentHelp("The action's reference.", valueName: "ref")) var ref: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let db = try store.open()
        let plan = try db.load()
        guard let action = plan.action(ref) else {
            throw CLIError("there is no action \(Visible.field(ref)); expected a reference such as \(plan.allActions.first?.ref ?? "1a")")
        }
        _ = try db.apply(.removeAction(ref: ref, action: action))
        try Output.line("Removed \(ref) and its \(action.notes.count == 1 ? "1 note" : "\(action.notes.count) notes"). `planboard undo` brings it back.")
    }
}

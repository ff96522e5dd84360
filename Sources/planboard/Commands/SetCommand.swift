import ArgumentParser
import Foundation
import PlanModel

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Update one action from a script: status, by-when, lead or a progress note.",
        discussion: Prose.flowing("""
            All the changes given are made together as one change in the change log, exactly as
            the dashboard makes them. Red and Amber need --reason, which is kept as a progress note.
            Example: planboard set 3b --status red --reason "Two caseworkers left in May"
            """))

    @Argument(help: ArgumentHelp("The action's reference, e.g. 3b or 3a.ii.", valueName: "ref"))
    var ref: String

    @Option(help: ArgumentHelp("not-started, red, amber, green or complete.", valueName: "status"))
    var status: String?

    @Option(help: ArgumentHelp("Why the action is Red or Amber (required for those).", valueName: "text"))
    var reason: String?

    @Option(name: .customLong("by-when"), help: ArgumentHelp("The date it is due: \(TypedText.dateForms), or none.", valueName: "date"))
    var byWhen: String?

    @Option(help: ArgumentHelp("The action lead; repeat for several. Replaces the current leads.", valueName: "name"))
    var lead: [String] = []

    @Option(help: ArgumentHelp("Add a dated progress note.", valueName: "text"))
    var note: String?

    @Flag(name: .customLong("new-person"), help: "A --lead not yet in the plan is a new person, not a mistyped name.")
    var newPerson = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if status == nil && byWhen == nil && lead.isEmpty && note == nil {
            throw ValidationError("nothing to change: give --status, --by-when, --lead or --note")
        }
        if reason != nil && status == nil {
            throw ValidationError("--reason goes with --status red or --status amber")
        }
    }

    func run() throws {
        let db = try store.open()
        // Only this action is read and written, however large the plan.
        var plan = try db.plan(around: [ref])
        var change = try edit(for: plan, today: Today.date(), author: store.userName, file: db.path)
        if change == nil {
            // Nothing to change on the plan as read: make sure on the plan as it is now (a
            // shared plan's command may have started from the plan its last change left).
            plan = try db.load()
            change = try edit(for: plan, today: Today.date(), author: store.userName, file: db.path)
        }
        guard let change else {
            // A status, date or lead set to what it already is changes nothing, and is not logged.
            try Output.line(describe(plan, saved: false))
            return
        }
        try Output.line(describe(try db.applyToPart(change)))
    }

    /// A lead the plan does not know is refused unless --new-person says it is meant,
    /// naming the people it is close to: "Jackie Ros" is far more often a slip than a person.
    func checkLeads(in plan: Plan) throws {
        try Self.checkLeads(lead, newPerson: newPerson, in: plan)
    }

    /// The same check for any command that names leads (`action add`).
    static func checkLeads(_ lead: [String], newPerson: Bool, in plan: Plan) throws {
        let people = plan.people
        for name in lead where !people.contains(name) && !newPerson {
            let near = NearNames.near(name, in: people)
            let suggestion = near.isEmpty ? "" : " Did you mean \(near.map { "“\(Visible.field($0))”" }.joined(separator: " or "))?"
            throw CLIError("\(Visible.field(name)) is not a lead anywhere in the plan.\(suggestion) Give the name as the plan has it, or add --new-person to add \(Visible.field(name)) as a new person. Nothing was changed")
        }
    }

    /// The one edit this update makes, checked against the plan; nil when every value given
    /// is the one the action already has.
    func edit(for plan: Plan, today: PlanDate, author: String, file: String) throws -> Edit? {
        guard plan.action(ref) != nil else {
            let refs = plan.allActions.map(\.ref)
            throw CLIError("there is no action \(ref) in \(file); expected one of \(refs.prefix(40).joined(separator: ", "))\(refs.count > 40 ? " ..." : "")")
        }
        var edits: [Edit] = []
        if let note {
            edits.append(.addNote(ref: ref, index: nil, note: Note(date: today, author: author, text: note)))
        }
        if !lead.isEmpty {
            try checkLeads(in: plan)
            edits.append(plan.setting(.leads, ofAction: ref, to: .names(lead)))
        }
        if let byWhen {
            // An empty value is most often an unset shell variable: clearing the date takes
            // an explicit `none`.
            let date = try StructureCLI.optionalDate(byWhen, option: "--by-when")
            edits.append(plan.setting(.byWhen, ofAction: ref, to: .date(date)))
        }
        if let status {
            guard let value = Status(typed: status) else {
                throw CLIError("--status \"\(status)\" is not a status; expected not-started, red, amber, green or complete")
            }
            if value.needsReason && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw CLIError("\(ref) cannot be set \(value.label) without a reason; add --reason \"why it is \(value.label.lowercased())\"")
            }
            let reasonNote = reason.map { Note(date: today, author: author, text: $0) }
            edits.append(plan.settingStatus(ofAction: ref, to: value, reason: reasonNote))
        }
        let changes = edits.filter { !$0.keepsItsValue }
        if changes.isEmpty { return nil }
        return changes.count == 1 ? changes[0] : Edit.batch(changes)
    }

    /// One line saying where the action now stands.
    func describe(_ plan: Plan, saved: Bool = true) -> String {
        let ref = Visible.field(self.ref)
        guard let action = plan.action(self.ref) else { return "\(ref): removed." }
        let when = action.byWhenShown(none: "no date")
        let leads = action.leads.isEmpty ? "none" : action.leads.map(Visible.field).joined(separator: ", ")
        return "\(ref): \(action.status.label), by \(when), lead \(leads), \(counted(action.notes.count, "note", "notes")). \(saved ? "Saved." : "Nothing to change: it already has that; nothing was logged.")"
    }
}

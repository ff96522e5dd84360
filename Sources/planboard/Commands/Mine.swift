import ArgumentParser
import Foundation
import PlanModel

/// `planboard mine`: a project lead's own actions, those that need attention first.
struct Mine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine",
        abstract: "List your own actions (you are the lead your name gives): Red, overdue and due soon first.",
        discussion: Prose.flowing("""
            Who you are: on a shared plan, your login; on a file, --user, else the name in
            config.toml, else $USER. It names a lead when it is the lead's name, their first
            name alone ("jackie" for Jackie Ross) or their name without spaces ("jackieross").
            """))

    @Flag(help: "Include complete actions.") var all = false
    @OptionGroup var store: StoreOptions

    func run() throws {
        let db = try store.open(forReading: true)
        let plan = try db.load()
        let today = try Today.date()
        let user = db.isShared ? db.user : store.userName
        guard let me = plan.leadName(forUser: user) else {
            let leads = Set(plan.allActions.flatMap(\.leads)).sorted()
            throw CLIError("\(Visible.field(user)) is not a lead in the plan, so there are no actions of yours; expected --user with a lead's name, one of \(leads.prefix(8).map(Visible.field).joined(separator: ", "))\(leads.count > 8 ? " …" : "")")
        }
        let mine = plan.actions(ledBy: me).filter { all || $0.status != .complete }
        let flagged = mine.map { ($0, $0.flags(today: today, settings: plan.settings)) }
        let attention = flagged.filter { $0.0.status == .red || $0.1.overdue || $0.1.dueSoon }
        let rest = flagged.filter { a in !attention.contains { $0.0.ref == a.0.ref } }
        var out = "\(Visible.field(me)): \(counted(mine.count, "action", "actions"))\(all ? "" : " still open") as of \(today.display)\n"
        func line(_ action: Action, _ flags: ActionFlags) -> String {
            let when = action.byWhen.map { (flags.overdue ? "overdue since " : flags.dueSoon ? "due " : "by ") + $0.display } ?? "no date"
            return "  \(Visible.field(action.ref).padding(toLength: 7, withPad: " ", startingAt: 0)) \(action.status.label.padding(toLength: 11, withPad: " ", startingAt: 0)) \(when.padding(toLength: 26, withPad: " ", startingAt: 0)) \(Visible.field(String(action.text.prefix(60))))\n"
        }
        if !attention.isEmpty {
            out += "Needs attention (Red, overdue or due soon):\n"
            for (action, flags) in attention { out += line(action, flags) }
        }
        if !rest.isEmpty {
            out += attention.isEmpty ? "" : "The rest:\n"
            for (action, flags) in rest { out += line(action, flags) }
        }
        if mine.isEmpty { out += "  (none)\n" }
        try Output.standardOutput(out)
    }
}

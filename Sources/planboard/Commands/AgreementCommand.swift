import ArgumentParser
import Foundation
import PlanModel
import PlanStore

/// `planboard agreement`: the plan as agreed with DfE and NHS England, and its changes of date.
struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Record when the plan was agreed, propose changes to agreed dates, and record their agreement.",
        discussion: Prose.flowing("""
            Once the plan is agreed, each action keeps its agreed by-when. Moving it is a revision with
            a reason, proposed until a chair records that it was agreed (by whom, on what date).
            Re-agreeing the plan after a review starts a new baseline; the old ones are kept.
            Examples:
              planboard agreement plan --date 2023-01-16
              planboard agreement move 3b --to 2023-06-30 --reason "Recruitment slipped"
              planboard agreement approve 3b --by "the DfE adviser at the 6-month review" --on 2023-04-12
              planboard agreement list --unagreed
            """),
        subcommands: [AgreePlan.self, Move.self, Approve.self, List.self])

    /// The plan as it is now, with the action `ref` whose dates are to change, or the refusal.
    static func open(_ store: StoreOptions, action ref: String) throws -> (any PlanStoring, Plan, Action) {
        let db = try store.open()
        let plan = try db.load()
        guard let action = plan.action(ref) else { throw CLIError("there is no action \(ref)") }
        return (db, plan, action)
    }

    struct AgreePlan: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "plan", abstract: "Record that the plan was agreed: every by-when becomes the agreed one.")

        @Option(help: ArgumentHelp("When it was agreed (default today).", valueName: "date"))
        var date: String?

        @Option(name: .customLong("with"), help: ArgumentHelp("Who it was agreed with (repeat for each); default the advisers in the header.", valueName: "name"))
        var people: [String] = []

        @Option(help: ArgumentHelp("How it is described, e.g. \"re-agreed after the 6-month review\".", valueName: "text"))
        var note: String = ""

        @OptionGroup var store: StoreOptions

        func run() throws {
            let day = try date.map { try parseDate($0, option: "--date") } ?? Today.date()
            let db = try store.open()
            let plan = try db.load()
            let with = people.isEmpty ? plan.header.advisers.map { $0.role.isEmpty ? $0.name : "\($0.name) (\($0.role))" } : people
            let after = try refusing { try db.apply(plan.agreeing(on: day, with: with, note: note)) }
            let old = after.baseline > 1 ? " The earlier baseline\(after.baseline > 2 ? "s are" : " is") kept." : ""
            try Output.line("Plan agreed on \(day.display)\(with.isEmpty ? "" : " with \(with.joined(separator: ", "))"): baseline \(after.baseline), \(after.allActions.count) agreed by-when dates.\(old)")
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move an action's by-when with its reason: a revision, proposed until agreed.")

        @Argument(help: ArgumentHelp("The action, e.g. 3b.", valueName: "ref"))
        var ref: String

        @Option(help: ArgumentHelp("The new by-when, or \"none\".", valueName: "date"))
        var to: String

        @Option(help: ArgumentHelp("Why it moves.", valueName: "text"))
        var reason: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            let date: PlanDate? = to.lowercased() == "none" ? nil : try parseDate(to, option: "--to")
            let (db, plan, _) = try AgreementCommand.open(store, action: ref)
            guard plan.baseline > 0 else {
                throw CLIError("the plan has not been agreed yet, so there is no agreed date to revise; record the agreement with `planboard agreement plan --date D`, or change the date with `planboard set \(ref) --by-when D`")
            }
            let after = try refusing { try db.apply(plan.revisingByWhen(of: ref, to: date, reason: reason, by: store.userName, on: try Today.date())) }
            let words = after.action(ref).flatMap { after.dateStanding(of: $0)?.words } ?? "\(ref) is back on its agreed date"
            try Output.line("\(ref): \(words). A chair records its agreement with `planboard agreement approve \(ref) --by WHO`.")
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that an action's proposed revised date was agreed.")

        @Argument(help: ArgumentHelp("The action, e.g. 3b.", valueName: "ref"))
        var ref: String

        @Option(help: ArgumentHelp("Who agreed it, e.g. \"the DfE adviser at the 6-month review\".", valueName: "who"))
        var by: String

        @Option(help: ArgumentHelp("When it was agreed (default today).", valueName: "date"))
        var on: String?

        @OptionGroup var store: StoreOptions

        func run() throws {
            let day = try on.map { try parseDate($0, option: "--on") } ?? Today.date()
            let (db, plan, action) = try AgreementCommand.open(store, action: ref)
            guard let proposed = action.revisions.last(where: { $0.baseline == plan.baseline && !$0.isAgreed }) else {
                throw CLIError("\(ref) has no proposed revision of its agreed date; propose one with `planboard agreement move \(ref) --to D --reason R`")
            }
            var agreed = proposed
            agreed.agreedBy = by
            agreed.agreedOn = day
            let after = try refusing { try db.apply(.agreement(.setRevision(ref: ref, from: proposed, to: agreed))) }
            try Output.line("\(ref): \(after.action(ref).flatMap { after.dateStanding(of: $0)?.words } ?? "agreed").")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the plan's agreements and every revised date.")

        @Flag(help: "Only the moves nobody has agreed yet.")
        var unagreed = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let plan = try store.open(forReading: true).load()
            guard plan.baseline > 0 else { try Output.line("The plan has not been agreed yet: record it with `planboard agreement plan --date D`."); return }
            if !unagreed {
                for (n, a) in plan.header.agreements.enumerated() {
                    try Output.line("Baseline \(n + 1): agreed \(a.date.display)" + (a.with.isEmpty ? "" : " with \(a.with.joined(separator: ", "))") + (a.note.isEmpty ? "" : " (\(a.note))"))
                }
            }
            let moves = unagreed ? plan.unagreedMoves : plan.revisedDates
            try Output.lines(moves.map { action, standing in
                "\(action.ref): \(standing.words ?? "")" + (standing.revision.map { " – \($0.reason)" } ?? "")
            }, orIfNone: unagreed ? "No unagreed changes of date." : "No agreed date has moved.")
        }
    }
}

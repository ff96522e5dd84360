import ArgumentParser
import Foundation
import PlanModel
import PlanStore

/// `planboard meeting`: board meetings, so a secretary can script them.
struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Add, list and record board meetings.",
        discussion: Prose.flowing("""
            A meeting is drafted before it is held (highlights are written, the pack is produced),
            then recorded: a checkpoint of every status, score and actual, and every action's
            by-when, so the next meeting's pack shows what changed since, including moved dates.
            Example: planboard meeting add "Board 2023-09-12" --date 2023-09-12
            """),
        subcommands: [Add.self, List.self, Record.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a meeting (drafted until it is recorded).")

        @Argument(help: ArgumentHelp("A name, unique in the plan, e.g. \"Board 2023-09-12\".", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("The meeting's date: 2023-09-12, 12/09/2023 or 12 Sep 2023.", valueName: "date"))
        var date: String

        @Option(help: ArgumentHelp("Record the meeting at once as this existing checkpoint (its by-when dates are taken as they stand now).", valueName: "name"))
        var checkpoint: String?

        @OptionGroup var store: StoreOptions

        func run() throws {
            let day = try parseDate(date, option: "--date")
            let db = try store.open()
            var edit = Edit.meeting(.addMeeting(Meeting(name: name, date: day)))
            if let checkpoint {
                let (added, _) = try refusing { try db.load().applying(edit) }
                edit = .batch([edit, try refusing { try added.recording(meeting: name, checkpoint: checkpoint) }])
            }
            let plan = try db.apply(edit)
            let meeting = plan.meeting(named: name)
            try Output.line("Added meeting \"\(name)\" on \(day.display)" + (meeting?.checkpoint.map { ", recorded as checkpoint \"\($0)\"." } ?? ", drafted: write highlights with `planboard highlight`, record it with `planboard meeting record` after it is held."))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the meetings, oldest first.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let plan = try store.open().load()
            try Output.lines(plan.meetings.map { m in
                let state = m.checkpoint.map { "recorded (checkpoint \"\($0)\")" } ?? "drafted"
                return "\(m.date.iso)  \(m.name): \(state); \(m.highlights.count) highlight\(m.highlights.count == 1 ? "" : "s"), \(m.decisions.count) decision\(m.decisions.count == 1 ? "" : "s")"
            }, orIfNone: "No meetings yet: add one with `planboard meeting add NAME --date D`.")
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a meeting as held: its checkpoint, every by-when, and each highlight's RAG as it stands.")

        @Argument(help: ArgumentHelp("The meeting's name.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("Link this existing checkpoint instead of recording a new one named after the meeting.", valueName: "name"))
        var checkpoint: String?

        @OptionGroup var store: StoreOptions

        func run() throws {
            let db = try store.open()
            let edit = try refusing { try db.load().recording(meeting: name, checkpoint: checkpoint) }
            let plan = try db.apply(edit)
            try Output.line("Recorded meeting \"\(name)\" as checkpoint \"\(plan.meeting(named: name)?.checkpoint ?? name)\": \(plan.allActions.count) action statuses and by-when dates, \(plan.risks.count) risk scores, \(plan.kpis.count) KPIs.")
        }
    }
}

/// `planboard highlight`: one area's highlight report for a meeting.
struct HighlightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "highlight",
        abstract: "Write an area's highlight report for a meeting.",
        discussion: Prose.flowing("""
            Only the fields given change. The RAG defaults to the roll-up of the area's actions;
            a different judgement needs --reason. --rag roll-up goes back to the roll-up.
            Example: planboard highlight 3 --meeting "Board 2023-09-12" --rag amber --reason "Backlog falling faster than planned" --progress "Backlog halved"
            """))

    @Argument(help: ArgumentHelp("The area's number.", valueName: "area"))
    var area: Int

    @Option(help: ArgumentHelp("The meeting (default: the latest).", valueName: "name"))
    var meeting: String?

    @Option(help: ArgumentHelp("The SRO's RAG for the area: red, amber, green, complete, not-started, or roll-up.", valueName: "rag"))
    var rag: String?

    @Option(help: ArgumentHelp("Why the RAG is what it is (required when it differs from the roll-up).", valueName: "text"))
    var reason: String?

    @Option(help: ArgumentHelp("Progress since the last report.", valueName: "text"))
    var progress: String?

    @Option(help: ArgumentHelp("Next steps before the next meeting.", valueName: "text"))
    var next: String?

    @Option(help: ArgumentHelp("Risks and issues to escalate.", valueName: "text"))
    var escalate: String?

    @Option(help: ArgumentHelp("Decisions asked of the board.", valueName: "text"))
    var ask: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let (db, plan, m) = try openMeeting(meeting, store)
        let current = m.highlight(area: area)
        var h = current ?? Highlight(area: area)
        if let rag {
            if ["roll-up", "rollup", "auto"].contains(rag.lowercased()) {
                // A recorded meeting keeps a RAG: the roll-up of the day is written in.
                h.rag = m.isRecorded ? plan.rollupStatus(ofArea: area) : nil
            } else {
                guard let status = Status(typed: rag) else {
                    throw CLIError("--rag \"\(rag)\" is not a RAG; expected red, amber, green, complete, not-started or roll-up")
                }
                h.rag = status
            }
        }
        if let reason { h.reason = reason }
        if let progress { h.progress = progress }
        if let next { h.nextSteps = next }
        if let escalate { h.escalations = escalate }
        if let ask { h.asks = ask }
        // The model says a judgement needs a reason; here, which option gives it.
        if let judged = h.rag, judged != current?.rag, judged != plan.rollupStatus(ofArea: area),
           h.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw CLIError("area \(area) rolls up to \(plan.rollupStatus(ofArea: area).map(\.label) ?? "no actions"); judging it \(judged.label) needs a reason: say why with --reason")
        }
        let after = try db.apply(.meeting(.setHighlight(meeting: m.name, area: area, from: current, to: h)))
        let rollup = after.rollupStatus(ofArea: area)
        let shown = h.rag.map { "\($0.label) (the SRO’s judgement; the roll-up is \(rollup?.label ?? "no actions"))" } ?? "\(rollup?.label ?? "no actions") (the roll-up)"
        try Output.line("Area \(area) highlight for \"\(m.name)\" saved: RAG \(shown).")
    }
}

/// `planboard decision`: what the board decided.
struct DecisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision",
        abstract: "Record board decisions, mark them done, or turn one into an action.",
        discussion: "Decisions are numbered D1, D2 ... across the plan; the number never changes.",
        subcommands: [Add.self, Done.self, Reopen.self, ToAction.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a decision made at a meeting.")

        @Argument(help: ArgumentHelp("What the board decided.", valueName: "text"))
        var text: String

        @Option(help: ArgumentHelp("The meeting (default: the latest).", valueName: "name"))
        var meeting: String?

        @Option(help: ArgumentHelp("Who carries it out.", valueName: "name"))
        var owner: String?

        // `--by-when`, as every other date something is due by; `--due` still works.
        @Option(name: [.customLong("by-when"), .customLong("due")], help: ArgumentHelp("When it is due (--due works too).", valueName: "date"))
        var due: String?

        @Option(help: ArgumentHelp("The area of weakness it is about.", valueName: "number"))
        var area: Int?

        @Option(help: ArgumentHelp("The action it is about.", valueName: "ref"))
        var action: String?

        @Option(help: ArgumentHelp("The risk it is about.", valueName: "ref"))
        var risk: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if [area != nil, action != nil, risk != nil].filter({ $0 }).count > 1 {
                throw ValidationError("a decision links to one thing: give only one of --area, --action and --risk")
            }
        }

        func run() throws {
            let (db, plan, m) = try openMeeting(meeting, store)
            let link: DecisionLink? = area.map { .area($0) } ?? action.map { .action($0) } ?? risk.map { .risk($0) }
            let decision = Decision(number: plan.nextDecisionNumber, text: text, owner: owner,
                                    due: try due.map { try parseDate($0, option: "--by-when") }, link: link)
            try db.apply(.meeting(.addDecision(meeting: m.name, decision: decision)))
            try Output.line("Recorded decision \(decision.label) at \"\(m.name)\"" + (link.map { ", about \($0.display)" } ?? "") + ".")
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a decision done.")

        @Argument(help: ArgumentHelp("The decision's number: 4 or D4.", valueName: "number"))
        var number: String

        @OptionGroup var store: StoreOptions

        func run() throws { try setDone(number, true, store) }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a done decision open again.")

        @Argument(help: ArgumentHelp("The decision's number: 4 or D4.", valueName: "number"))
        var number: String

        @OptionGroup var store: StoreOptions

        func run() throws { try setDone(number, false, store) }
    }

    struct ToAction: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "to-action",
            abstract: "Turn a decision into an action in its area, in one step.",
            discussion: "The action takes the decision's text, its owner as lead and its due date as by-when; the decision records the action's reference.")

        @Argument(help: ArgumentHelp("The decision's number: 4 or D4.", valueName: "number"))
        var number: String

        @Option(help: ArgumentHelp("The new action's reference (default: the decision's, e.g. D4).", valueName: "ref"))
        var ref: String?

        @Option(help: ArgumentHelp("The area to put it in (default: the area the decision is about).", valueName: "number"))
        var area: Int?

        @OptionGroup var store: StoreOptions

        func run() throws {
            let n = try decisionNumber(number)
            let db = try store.open()
            let plan = try db.load()
            if area == nil, let (_, decision) = plan.decision(n), decision.action == nil, plan.area(of: decision) == nil {
                throw CLIError("decision \(decision.label) is not linked to an area, an action or a risk with an area; say which area with --area N")
            }
            let edit = try refusing { try plan.turning(decision: n, intoAction: ref, area: area, on: Today.date(), author: store.userName) }
            let after = try db.apply(edit)
            let made = after.decision(n)?.decision.action ?? "?"
            try Output.line("Decision D\(n) is now action \(made) in area \(after.area(ofAction: made)?.number ?? 0).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every decision, open first.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let plan = try store.open().load()
            let all = plan.decisions
            try Output.lines((all.filter { !$0.decision.done } + all.filter { $0.decision.done }).map { m, d in
                var parts = [d.done ? "done" : "open", "at \"\(m.name)\""]
                if let owner = d.owner { parts.append("owner \(owner)") }
                if let due = d.due { parts.append("due \(due.iso)") }
                if let link = d.link { parts.append("about \(link.display)") }
                if let action = d.action { parts.append("became action \(action)") }
                return "\(d.label)  \(d.text.replacingOccurrences(of: "\n", with: " ")) (\(parts.joined(separator: ", ")))"
            }, orIfNone: "No decisions yet: record one with `planboard decision add TEXT --meeting NAME`.")
        }
    }

    static func setDone(_ number: String, _ done: Bool, _ store: StoreOptions) throws {
        let n = try decisionNumber(number)
        let db = try store.open()
        guard let (m, d) = try db.load().decision(n) else {
            throw CLIError("there is no decision D\(n); `planboard decision list` shows them")
        }
        guard d.done != done else { try Output.line("Decision \(d.label) is already \(done ? "done" : "open")."); return }
        var to = d
        to.done = done
        try db.apply(.meeting(.setDecision(meeting: m.name, from: d, to: to)))
        try Output.line("Decision \(d.label) is \(done ? "done" : "open again").")
    }
}

/// The plan as it is now and the meeting a command names in it (the latest when it names
/// none), to be changed.
func openMeeting(_ name: String?, _ store: StoreOptions) throws -> (any PlanStoring, Plan, Meeting) {
    let db = try store.open()
    let plan = try db.load()
    return (db, plan, try chooseMeeting(name, in: plan))
}

/// The meeting a command names, or the latest one.
func chooseMeeting(_ name: String?, in plan: Plan) throws -> Meeting {
    if let name {
        guard let m = plan.meeting(named: name) else {
            let names = plan.meetings.map { "\"\($0.name)\"" }
            throw CLIError("there is no meeting called \"\(name)\"; expected one of \(names.isEmpty ? "none (add one with `planboard meeting add`)" : names.joined(separator: ", "))")
        }
        return m
    }
    guard let latest = plan.meetings.last else {
        throw CLIError("there are no meetings yet; add one with `planboard meeting add NAME --date D`")
    }
    return latest
}

/// "4" or "D4".
func decisionNumber(_ text: String) throws -> Int {
    let digits = text.hasPrefix("D") || text.hasPrefix("d") ? String(text.dropFirst()) : text
    guard let n = Int(digits), n > 0 else {
        throw CLIError("\"\(text)\" is not a decision number; expected one such as 4 or D4")
    }
    return n
}

/// A refusal of an edit, by the model or by the store, reported as the command's own error (exit 1).
func refusing<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as EditError { throw CLIError(error.message) }
}

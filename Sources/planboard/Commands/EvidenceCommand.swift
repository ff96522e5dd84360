import ArgumentParser
import Foundation
import PlanModel
import PlanStore

/// `planboard evidence`: the evidence an adviser asks for at a progress review.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Add, remove and list evidence on actions, KPI figures and highlights.",
        discussion: Prose.flowing("""
            Evidence is where to find what shows an action's effect or a figure's source: a link
            or a document reference (a file path, an intranet address), never the file itself.
            Examples:
              planboard evidence add 3b --title "SENCO audit" --link https://intranet/audit.pdf --shows "Every school has a SENCO"
              planboard evidence add K2 --milestone "6 months" --title "Census return" --link "S:/SEND/census.xlsx"
              planboard evidence add 3 --meeting "Board 2023-09-12" --title "Parent survey" --link https://…
              planboard evidence list --missing
            """),
        subcommands: [Add.self, Remove.self, List.self])

    /// Which holder an argument and its options name.
    struct Holder: ParsableArguments {
        @Argument(help: ArgumentHelp("An action (3b), a KPI (K2, with --milestone) or an area number (with --meeting).", valueName: "ref"))
        var ref: String

        @Option(help: ArgumentHelp("For a KPI: the figure's milestone, by label (\"6 months\") or number (1 is the first); default the latest with an actual.", valueName: "milestone"))
        var milestone: String?

        @Option(help: ArgumentHelp("For an area: the meeting whose highlight report holds the evidence.", valueName: "name"))
        var meeting: String?

        func holder(in plan: Plan) throws -> EvidenceHolder {
            if let meeting {
                guard let area = Int(ref) else { throw CLIError("with --meeting, \"\(ref)\" should be an area number such as 3") }
                let m = try chooseMeeting(meeting, in: plan)
                guard m.highlight(area: area) != nil else {
                    throw CLIError("\"\(m.name)\" has no highlight report for area \(area); write one first with `planboard highlight \(area) --meeting \"\(m.name)\"`")
                }
                return .highlight(meeting: m.name, area: area)
            }
            if let kpi = plan.kpi(ref) {
                if let milestone {
                    if let n = Int(milestone), kpi.milestones.indices.contains(n - 1) { return .figure(kpi: kpi.ref, milestone: n - 1) }
                    if let m = kpi.milestones.firstIndex(where: { $0.label.lowercased() == milestone.lowercased() }) { return .figure(kpi: kpi.ref, milestone: m) }
                    let labels = kpi.milestones.map { "\"\($0.label)\"" }.joined(separator: ", ")
                    throw CLIError("\(kpi.ref) has no milestone \"\(milestone)\"; expected one of \(labels.isEmpty ? "none" : labels) or a number 1 to \(kpi.milestones.count)")
                }
                guard let latest = kpi.milestones.lastIndex(where: { $0.actual != nil }) else {
                    throw CLIError("\(kpi.ref) has no figures recorded yet; give --milestone to attach evidence to one")
                }
                return .figure(kpi: kpi.ref, milestone: latest)
            }
            guard plan.action(ref) != nil else {
                throw CLIError("there is no action or KPI \"\(ref)\"; expected an action reference such as 3b, a KPI such as K2, or an area number with --meeting")
            }
            if milestone != nil { throw CLIError("--milestone is for a KPI figure; \(ref) is an action") }
            return .action(ref)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an evidence item (one change in the log, undoable).")

        @OptionGroup var holder: Holder

        @Option(help: ArgumentHelp("What the evidence is called, one line.", valueName: "title"))
        var title: String

        @Option(help: ArgumentHelp("Where it is: a link or a document reference (a file path, an intranet address).", valueName: "where"))
        var link: String

        @Option(help: ArgumentHelp("What it shows, in a sentence.", valueName: "text"))
        var shows: String = ""

        @Option(help: ArgumentHelp("When the evidence was produced (default today).", valueName: "date"))
        var date: String?

        @OptionGroup var store: StoreOptions

        func run() throws {
            let day = try date.map { try parseDate($0, option: "--date") } ?? Today.date()
            let db = try store.open()
            let plan = try db.load()
            let at = try holder.holder(in: plan)
            let item = Evidence(title: title, date: day, location: link, shows: shows, addedBy: store.userName)
            let after = try db.apply(.evidence(.add(at, index: nil, item: item)))
            let added = after.evidence(of: at)?.last
            try Output.line("Added evidence \(added?.id ?? item.id) to \(at.display(in: after)): “\(title)” (\(day.display)), at \(link).")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an evidence item by its id (see `evidence list`); undoable.")

        @OptionGroup var holder: Holder

        @Argument(help: ArgumentHelp("The item's id, as `evidence list` shows it.", valueName: "id"))
        var id: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            let db = try store.open()
            let plan = try db.load()
            let at = try holder.holder(in: plan)
            let items = plan.evidence(of: at) ?? []
            guard let item = items.first(where: { $0.id == id }) else {
                let ids = items.map(\.id).joined(separator: ", ")
                throw CLIError("\(at.display(in: plan)) has no evidence \(id); expected one of \(ids.isEmpty ? "none (it has no evidence)" : ids)")
            }
            let after = try db.apply(.evidence(.remove(at, item: item)))
            try Output.line("Removed evidence \(id) from \(at.display(in: after)): “\(item.title)”.")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the evidence, or (with --missing) what has none.")

        @Option(help: ArgumentHelp("Only this area of weakness.", valueName: "number"))
        var area: Int?

        @Flag(help: "List Complete actions and recorded KPI figures with no evidence: what an adviser will ask for.")
        var missing = false

        @OptionGroup var store: StoreOptions

        func run() throws {
            let plan = try store.open(forReading: true).load()
            if let area, plan.area(number: area) == nil {
                throw CLIError("there is no area of weakness \(area); expected one of \(plan.areas.map { String($0.number) }.joined(separator: ", "))")
            }
            func inArea(_ holder: EvidenceHolder) -> Bool { area.map { plan.areas(of: holder).contains($0) } ?? true }
            if missing {
                let gaps = plan.missingEvidence.filter(inArea)
                if gaps.isEmpty { try Output.line("Every Complete action and recorded KPI figure\(area.map { " in area \($0)" } ?? "") has evidence."); return }
                try Output.line("No evidence yet (\(gaps.count)):")
                for holder in gaps { try Output.line("  \(EvidenceCommand.describe(holder, in: plan))") }
                return
            }
            let held = plan.allEvidence.filter { inArea($0.holder) }
            if held.isEmpty { try Output.line("No evidence yet\(area.map { " in area \($0)" } ?? ""): add some with `planboard evidence add REF --title T --link L`."); return }
            for (holder, items) in held {
                try Output.line(EvidenceCommand.describe(holder, in: plan))
                for e in items {
                    try Output.line("  \(e.id)  \(e.date.iso)  \(e.title)  <\(e.location)>" + (e.shows.isEmpty ? "" : "  shows: \(e.shows)") + (e.addedBy.isEmpty ? "" : "  (added by \(e.addedBy))"))
                }
            }
        }
    }

    /// "action 3b (Complete): Ensure all schools …" or "K2 at 6 months: 41 %".
    static func describe(_ holder: EvidenceHolder, in plan: Plan) -> String {
        switch holder {
        case let .action(ref):
            guard let a = plan.action(ref) else { return holder.display(in: plan) }
            return "action \(ref) (\(a.status.label)): \(a.text.prefix(70))"
        case let .figure(ref, m):
            let milestone = plan.kpi(ref).flatMap { $0.milestones.indices.contains(m) ? $0.milestones[m] : nil }
            let figure = milestone?.actual.map { formatNumber($0) + (plan.kpi(ref)?.unit == "%" ? "%" : " " + (plan.kpi(ref)?.unit ?? "")) } ?? "no figure"
            return "\(holder.display(in: plan)): \(figure) (\(plan.kpi(ref)?.name.prefix(60) ?? ""))"
        case .highlight: return holder.display(in: plan)
        }
    }
}

import ArgumentParser
import Foundation
import PlanModel
import PlanStore

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print the plan's position in plain text.",
        discussion: Prose.flowing("""
            Per area: actions in each status, overdue and due soon. Then each KPI's status, the five highest residual \
            risks, and what changed since the last recorded meeting (or --since a meeting or checkpoint), counted as the \
            dashboard counts it. Dates are judged against today ($PLANBOARD_TODAY overrides it).
            """))

    @Option(help: ArgumentHelp("Count the changes since this meeting or checkpoint (default: the last recorded meeting, else the latest checkpoint).",
                               valueName: "meeting|checkpoint"))
    var since: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let db = try store.open(forReading: true)
        // Read in steps (the outline, the log, the actions it touched, the checkpoint), so
        // a change saved between two of them could skew the count: read again when the log
        // moved meanwhile, as it does with every change.
        var version = try db.version()
        var report = try self.report(db)
        for _ in 0..<5 {
            let now = try db.version()
            if now == version { break }
            version = now
            report = try self.report(db)
        }
        try Output.standardOutput(report.text)
        // Everything is written (to the descriptor, nothing buffered) and nothing is open for
        // writing: the process ends here rather than free a large plan value by value (about
        // a tenth of the command's time at 100,000 actions). A shared plan's process ends
        // the usual way, so its server sees the connection closed, not dropped.
        if !db.isShared { Foundation.exit(0) }
    }

    private func report(_ db: PlanStoring) throws -> SummaryReport {
        // The roll-ups need each action's status and by-when, not its text or notes: the
        // outline is enough. Counting the changes since a meeting or checkpoint compares
        // leads and notes too, of the actions the log touched since (`planForCounting`).
        // Only the checkpoint counted from is read whole (at 100,000 actions each is megabytes).
        let outline = try db.outline(checkpoints: .named)
        var checkpoint = outline.defaultSince
        if let since {
            guard let named = outline.since(named: since) else {
                // A recorded meeting and its checkpoint usually share a name: each once.
                var seen = Set<String>()
                let names = (outline.meetings.filter(\.isRecorded).map(\.name) + outline.checkpoints.map(\.name)).filter { seen.insert($0).inserted }
                throw CLIError("--since: there is no recorded meeting or checkpoint called \"\(since)\"; expected one of: \(names.isEmpty ? "(none recorded)" : names.joined(separator: ", "))")
            }
            checkpoint = named
        }
        guard let checkpoint else { return SummaryReport(plan: outline, today: try Today.date(), since: nil) }
        let recent = try db.changes().since(checkpoint)
        let plan = try db.planForCounting(recent, outline: outline)
        guard let recorded = try db.checkpoint(named: checkpoint.name) else {
            throw CLIError("the checkpoint \"\(checkpoint.name)\" was removed while the summary was being written; run it again")
        }
        return SummaryReport(plan: plan, today: try Today.date(), since: (recorded, SinceSummary(then: plan.asItWas(at: recorded, log: recent), now: plan)))
    }
}

/// The plain-text summary, a pure function of the plan and the date.
struct SummaryReport {
    let plan: Plan
    let today: PlanDate
    /// What changed since a checkpoint, when there is one to compare with.
    var since: (checkpoint: Checkpoint, summary: SinceSummary)?

    var text: String {
        // Every piece of plan text goes through Visible.field: one field, one line, no control characters.
        let v = Visible.field
        var out = "\(v(plan.header.localArea)) — \(plan.header.title.isEmpty ? "Accelerated Progress Plan" : v(plan.header.title))\n"
        out += "As of \(today.display)\n"
        if let notice = plan.header.notice { out += "Note: \(v(notice))\n" }
        out += "\nAreas of weakness\n"
        let statuses = Status.allCases
        let rollups = plan.areas.map { plan.rollup(of: $0, today: today) }
        for (area, r) in zip(plan.areas, rollups) {
            let counts = statuses.map { "\($0.label) \(r.count($0))" }.joined(separator: ", ")
            out += "  \(area.number). \(v(area.title)) — RAG \(v(plan.rag(ofArea: area.number).words))\n"
            out += "     \(counted(r.total, "action", "actions")): \(counts); overdue \(r.overdue), due soon \(r.dueSoon)\n"
        }
        let all = AreaRollup(combining: rollups)
        out += "  All areas: \(counted(all.total, "action", "actions")), red \(all.count(.red)), overdue \(all.overdue), due soon \(all.dueSoon)\n"

        out += "\nImpact score card\n"
        if plan.kpis.isEmpty { out += "  (no KPIs)\n" }
        for kpi in plan.kpis {
            let latest = kpi.latestActualIndex.map { i in
                "\(v(kpi.milestones[i].label)): \(format(kpi.milestones[i].actual, kpi.unit))" +
                    (kpi.milestones[i].target.map { " against a target of \(format($0, kpi.unit))" } ?? "")
            } ?? "no actuals yet"
            out += "  \(v(kpi.ref)) \(v(kpi.name)): \(kpi.status.label), \(kpi.travel.word) (\(latest))\n"
        }

        out += "\nHighest residual risks\n"
        if plan.risks.isEmpty { out += "  (the risk register is empty)\n" }
        for risk in plan.risksByResidual.prefix(5) {
            let score = risk.residual.value
            out += "  \(v(risk.ref)) \(score) \(plan.settings.band(for: score).label): \(v(risk.risk))\(risk.owner.isEmpty ? "" : " (owner: \(v(risk.owner)))")\n"
        }
        if let since { out += changes(since.checkpoint, since.summary) }
        return out
    }

    /// What changed since the checkpoint: the total, its parts and the moved by-whens.
    private func changes(_ checkpoint: Checkpoint, _ summary: SinceSummary) -> String {
        let v = Visible.field
        var out = "\nSince \(v(checkpoint.name)) (\(checkpoint.date.display)): \(summary.total == 0 ? "no changes" : counted(summary.total, "change"))\n"
        for phrase in summary.phrases { out += "  \(phrase)\n" }
        if !summary.movedDates.isEmpty {
            out += "  By-whens moved:\n"
            for item in summary.movedDates { out += "    \(v(SinceSummary.words(item)))\n" }
        }
        return out
    }

    private func format(_ value: Double?, _ unit: String) -> String {
        guard let value else { return "none" }
        return unit == "%" ? "\(formatNumber(value))%" : formatNumber(value)
    }
}

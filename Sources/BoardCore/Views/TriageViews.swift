import Foundation
import PlanModel

/// Triage, the checkpoints and the changes since one.
enum TriageViews {
    static func triage(_ state: BoardState, _ screen: TriageScreen) -> Body {
        let list = screen.list(state)
        let items = list.items
        let c = AreaViews.Columns(width: state.width - 14)
        var head: [Line] = []
        var summary = "\(counted(items.count, "action")) \(items.count == 1 ? "needs" : "need") attention: Red, overdue or due within \(state.plan.settings.dueSoonDays) days, most overdue first"
        if let lead = screen.lead { summary = "\(items.count) for “\(lead)” · f then Enter with nothing shows everyone" }
        if screen.byLead { summary += " · grouped by lead" }
        head.append(Line(TextLayout.fit(summary, state.width), screen.lead == nil ? .dim : .notice))
        var header = AreaViews.actionHeader(c)
        header.segments.insert(Line.Segment(TextLayout.pad("Why", 14), .tableHeader), at: 1)
        head.append(header)
        let selected = screen.selectedAction(state)?.ref
        // With grouping, a lead's name heads each run of its actions.
        return Body(head: head, rows: list.rowCount, row: { i in
            let row = list.row(i)
            guard let index = row.item else { return Line(" " + (row.lead ?? ""), .heading) }
            let item = items[index]
            var line = AreaViews.actionRow(item.action, state, columns: c, selected: item.action.ref == selected, match: false)
            let whyRole: Role = item.overdueDays != nil ? .overdue : item.dueInDays != nil ? .dueSoon : .status(.red)
            line.segments.insert(Line.Segment(TextLayout.pad(item.why, 13) + " ", whyRole, keepsRole: true), at: 1)
            return line
        }, rowIndex: { target in
            guard case let .action(ref) = target else { return nil }
            return list.rowIndex(ref, state)
        }, tail: items.isEmpty ? [Line("Nothing is Red, overdue or due soon.", .dim)] : [], sticky: 1)
    }

    static func checkpoints(_ state: BoardState) -> Body {
        let plan = state.plan
        let width = state.width
        var lines: [Line] = []
        lines.append(Line("Enter chooses what “since” compares with · \(Bindings.key(.recordCheckpoint)) records a checkpoint · \(Bindings.key(.listChanges)) lists the changes since", .dim))
        lines.append(Line([Line.Segment(TextLayout.pad("  Checkpoint", max(20, width - 50)), .tableHeader), Line.Segment(TextLayout.pad("Date", 13), .tableHeader),
                           Line.Segment(TextLayout.pad("Changed since", 37), .tableHeader)]))
        let chosen = state.since?.name
        for checkpoint in plan.checkpoints.sorted(by: { $0.date > $1.date }) {
            let changes = state.changes(since: checkpoint)
            let statuses = changes.filter { if case .status = $0 { true } else { false } }.count
            let risks = Set(changes.compactMap { if case let .score(ref, _, _, _) = $0 { ref } else { nil } }).count
            let actuals = changes.filter { if case .actual = $0 { true } else { false } }.count
            var line = Line(target: .checkpoint(checkpoint.name))
            line.segments.append(Line.Segment(checkpoint.name == chosen ? "▶ " : "  ", .heading))
            line.segments.append(Line.Segment(TextLayout.pad(checkpoint.name, max(18, width - 52))))
            line.segments.append(Line.Segment(TextLayout.pad(checkpoint.date.display, 13)))
            line.segments.append(Line.Segment("\(statuses) statuses · \(risks) risks · \(actuals) actuals", .dim))
            lines.append(line)
        }
        if plan.checkpoints.isEmpty { lines.append(Line("  None recorded yet. Press \(Bindings.key(.recordCheckpoint)) to record one (a name and a date).", .dim)) }
        lines.append(.blank)
        if let since = state.since {
            lines.append(Line("What changed since \(since.name)", .heading))
            let changes = state.changes(since: since)
            if changes.isEmpty { lines.append(Line("  Nothing.", .dim)) }
            for change in changes.prefix(max(5, state.contentRows)) { lines.append(describe(change, plan)) }
            if changes.count > max(5, state.contentRows) { lines.append(Line("  … \(Bindings.key(.listChanges)) lists all \(changes.count) in the change log", .dim)) }
        }
        return Body(lines)
    }

    /// One difference between a checkpoint and now, in words and glyphs.
    static func describe(_ change: PlanChange, _ plan: Plan) -> Line {
        switch change {
        case let .status(ref, from, to):
            var line = Line([Line.Segment("  \(TextLayout.pad(ref, 8))")], target: .action(ref))
            line.segments.append(from.map { Line.Segment("\($0.badge) \($0.label)", .status($0), keepsRole: true) } ?? Line.Segment("(new)", .dim))
            line.segments.append(Line.Segment(" → "))
            line.segments.append(to.map { Line.Segment("\($0.badge) \($0.label)", .status($0), keepsRole: true) } ?? Line.Segment("(removed)", .dim))
            return line
        case let .score(ref, stage, from, to):
            var line = Line([Line.Segment("  \(TextLayout.pad(ref, 8))\(stage.rawValue) ")], target: .risk(ref))
            if let from { line.segments.append(Line.Segment("\(from.likelihood)×\(from.impact)=\(from.value)", .heat(plan.settings.band(for: from.value)), keepsRole: true)) }
            line.segments.append(Line.Segment(" → "))
            if let to { line.segments.append(Line.Segment("\(to.likelihood)×\(to.impact)=\(to.value)", .heat(plan.settings.band(for: to.value)), keepsRole: true)) }
            return line
        case let .actual(ref, milestone, from, to):
            let kpi = plan.kpi(ref)
            let label = kpi.flatMap { $0.milestones.indices.contains(milestone) ? $0.milestones[milestone].label : nil } ?? "milestone \(milestone + 1)"
            let unit = kpi?.unit ?? ""
            return Line([Line.Segment("  \(TextLayout.pad(ref, 8))\(label): \(BoardViews.number(from, unit)) → \(BoardViews.number(to, unit))")], target: .kpi(ref))
        }
    }

    static func changes(_ state: BoardState, selected: Target?) -> Body {
        guard let since = state.since else { return Body([Line("No checkpoint yet.", .dim)]) }
        let records = Array(state.log.since(since).reversed())
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let head = [Line("\(counted(records.count, "change")) logged since \(since.name) (\(since.date.display)), newest first · Enter opens what changed", .dim)]
        let selected = selected ?? records.first.map { Target.change($0.seq) }
        return Body(head: head, rows: records.count, row: { i in
            let record = records[i]
            let kind = record.kind == .edit ? "" : "\(record.kind.rawValue) "
            var line = Line([Line.Segment(formatter.string(from: record.at) + "  ", .dim), Line.Segment(TextLayout.pad(record.user, 12), .heading),
                             Line.Segment(TextLayout.fit(kind + record.summary, max(10, state.width - 31)))], target: .change(record.seq))
            line.selected = Target.change(record.seq) == selected
            return line
        }, rowIndex: { target in
            guard case let .change(seq) = target else { return nil }
            return records.firstIndex { $0.seq == seq }
        }, tail: records.isEmpty ? [Line("Nothing has changed since then.", .dim)] : [])
    }
}

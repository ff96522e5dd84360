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
            let whyRole: Role = item.overdueDays != nil ? .overdue : item.dueInDays != nil ? .dueSoon : item.action.status == .red ? .status(.red) : .dueSoon
            line.segments.insert(Line.Segment(TextLayout.pad(item.why, 13) + " ", whyRole, keepsRole: true), at: 1)
            return line
        }, rowIndex: { target in
            guard case let .action(ref) = target else { return nil }
            return list.rowIndex(ref, state)
        }, tail: items.isEmpty ? [Line(state.plan.baseline > 0 ? "Nothing is Red, overdue, due soon or moved from its agreed date unagreed." : "Nothing is Red, overdue or due soon.", .dim)] : [], sticky: 1)
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
            let summary = state.sinceSummary(checkpoint)
            var line = Line(target: .checkpoint(checkpoint.name))
            // Selected, the name lights up (▶ already marks the one "since" compares with).
            line.highlight = .lead(2)
            line.segments.append(Line.Segment(checkpoint.name == chosen ? "▶ " : "  ", .heading))
            line.segments.append(Line.Segment(TextLayout.pad(checkpoint.name, max(18, width - 52))))
            line.segments.append(Line.Segment(TextLayout.pad(checkpoint.date.display, 13)))
            line.segments.append(Line.Segment(TextLayout.fit(summary.line, max(10, width - 15 - max(18, width - 52))), .dim))
            lines.append(line)
        }
        if plan.checkpoints.isEmpty { lines.append(Line("  None recorded yet. Press \(Bindings.key(.recordCheckpoint)) to record one (a name and a date).", .dim)) }
        lines.append(.blank)
        if let since = state.since {
            let items = state.sinceSummary(since).items
            lines.append(Line("What changed since \(since.name)", .heading))
            if items.isEmpty { lines.append(Line("  Nothing.", .dim)) }
            for item in items.prefix(max(5, state.contentRows)) { lines.append(describe(item, width)) }
            if items.count > max(5, state.contentRows) { lines.append(Line("  … \(Bindings.key(.listChanges)) lists all \(items.count)", .dim)) }
        }
        return Body(lines)
    }

    /// One change since a checkpoint, in words, leading to what it is about.
    /// A status move shows each status with its letter and glyph, as everywhere else.
    static func describe(_ item: SinceSummary.Item, _ width: Int) -> Line {
        let statuses = [item.from, item.to].map { label in Status.allCases.first { $0.label == label } }
        guard SinceSummary.Group.statuses.kinds.contains(item.kind), let from = statuses[0], let to = statuses[1] else {
            return Line([Line.Segment(TextLayout.fit("  " + SinceSummary.words(item), width))], target: target(item))
        }
        let what = SinceSummary.words(SinceSummary.Item(item.kind, item.ref))
        return Line([Line.Segment("  \(what): "), Line.Segment("\(from.badge) \(from.label)", .status(from), keepsRole: true),
                     Line.Segment(" → "), Line.Segment("\(to.badge) \(to.label)", .status(to), keepsRole: true)], target: target(item))
    }

    /// What a change is about, to open it.
    static func target(_ item: SinceSummary.Item) -> Target? {
        switch item.kind {
        case .started, .better, .worse, .sideways, .actionAdded, .later, .earlier, .dateSet, .dateCleared, .leads, .actionEdited, .noteAdded, .noteRemoved:
            .action(item.ref)
        case .riskUp, .riskDown, .riskEdited, .riskAdded: .risk(item.ref)
        case .actual: .kpi(item.ref)
        case .actionRemoved, .riskRemoved, .structure, .meeting, .decision, .checkpoint: nil
        }
    }

    /// What changed since the checkpoint, counted and in parts, with the by-whens that moved.
    static func sinceLines(_ since: Checkpoint, _ summary: SinceSummary, width: Int) -> [Line] {
        var lines = [Line(TextLayout.fit("Since \(since.name) (\(since.date.display)): \(summary.total == 0 ? "no changes" : counted(summary.total, "change"))", width), .heading)]
        lines += summary.phrases.map { Line(TextLayout.fit("  " + $0, width)) }
        let moved = summary.movedDates
        if !moved.isEmpty {
            lines.append(Line("By-whens moved", .heading))
            lines += moved.map { Line(TextLayout.fit("  " + SinceSummary.words($0), width)) }
        }
        lines.append(.blank)
        return lines
    }

    static func changes(_ state: BoardState, selected: Target?) -> Body {
        guard let since = state.since else { return Body([Line("No checkpoint yet.", .dim)]) }
        let records = Array(state.log.since(since).reversed())
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let top = sinceLines(since, state.sinceSummary(since), width: state.width)
            + [Line(TextLayout.fit("The change log: \(counted(records.count, "entry", "entries")) since \(since.name), newest first · Enter opens what changed", state.width), .heading)]
        let selected = selected ?? records.first.map { Target.change($0.seq) }
        return Body(head: top, rows: records.count, row: { i in
            let record = records[i]
            var line = Line([Line.Segment(formatter.string(from: record.at) + "  ", .dim), Line.Segment(TextLayout.pad(record.user, 11) + " ", .heading),
                             Line.Segment(TextLayout.fit(record.reading(in: state.plan), max(10, state.width - 31)))], target: .change(record.seq))
            line.selected = Target.change(record.seq) == selected
            return line
        }, rowIndex: { target in
            guard case let .change(seq) = target else { return nil }
            return records.firstIndex { $0.seq == seq }
        }, tail: records.isEmpty ? [Line("Nothing logged since then.", .dim)] : [])
    }
}

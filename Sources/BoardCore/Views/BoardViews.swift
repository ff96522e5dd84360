import Foundation
import PlanModel

/// The board's views: the dashboard, RAG grid, risk heatmap and register, score card,
/// triage and checkpoints.
enum BoardViews {
    /// A sparkline of a series: ▁▂▃▄▅▆▇█, lowest to highest.
    static func sparkline(_ values: [Double]) -> String {
        guard let low = values.min(), let high = values.max() else { return "" }
        let bars = Array("▁▂▃▄▅▆▇█")
        return String(values.map { v in
            high == low ? bars[3] : bars[Int(((v - low) / (high - low) * Double(bars.count - 1)).rounded())]
        })
    }

    static func number(_ value: Double?, _ unit: String) -> String {
        guard let value else { return "—" }
        return formatNumber(value) + (unit == "%" ? "%" : "")
    }

    static func kpiStatusText(_ status: KPIStatus) -> String {
        switch status {
        case .onTarget: "✓ On"
        case .near: "~ Near"
        case .off: "✗ Off"
        case .noData: "· None"
        }
    }

    static func scoreText(_ score: Score, _ settings: Settings) -> String {
        "\(String(score.value).leftPad(2)) \(settings.band(for: score.value).letter)"
    }

    // MARK: Dashboard

    static func dashboard(_ state: BoardState) -> Body {
        let plan = state.plan
        let width = state.width
        var lines: [Line] = []
        let roomy = state.height >= 40
        func gap() { if roomy { lines.append(.blank) } }

        // Areas with a status bar each.
        // Titles take what the longest needs; the bars take the rest of the width.
        let all = state.overall
        let heading = roomy ? " Areas of weakness" : " Areas (\(all.total) \(all.total == 1 ? "action" : "actions"))"
        // The heading fits over the titles too, so it never runs into the bars' heading.
        let longest = max(plan.areas.map { DisplayWidth.of($0.title) }.max() ?? 12, DisplayWidth.of(heading) - 3)
        let titleWidth = max(12, min(longest + 1, width - 16 - 22 - 4))
        // The counts' columns widen for big plans, so "1350" and "!2876" never touch.
        let counts = countWidths(state.rollups)
        let barWidth = max(16, width - titleWidth - 22 - 4 - (counts.red - 4) - (counts.late - 5) - (counts.soon - 5))
        // One scale for every area, so a longer block means more actions.
        let largest = state.rollups.map(\.total).max() ?? 0
        lines.append(Line([Line.Segment(TextLayout.pad(heading, titleWidth + 4), .tableHeader), Line.Segment("RAG ", .tableHeader),
                           Line.Segment(TextLayout.pad("Actions by status", barWidth + 1), .tableHeader),
                           Line.Segment(TextLayout.pad("Red".leftPad(counts.red) + "Late".leftPad(counts.late) + "Soon".leftPad(counts.soon), width - titleWidth - barWidth - 5), .tableHeader)]))
        if plan.areas.isEmpty {
            lines.append(Line(" No areas yet: press \(Bindings.key(.show(.areas))), then \(Bindings.key(.structure(.addArea), on: AreasScreen.self)) to add one.", .dim))
        }
        let rags = state.areaRAGs
        for (i, area) in plan.areas.enumerated() {
            let r = state.rollups[i]
            var line = Line(target: .area(i))
            // Selected, the number and title light up and ▸ leads: the bar and counts keep their colours.
            line.highlight = .marked(2)
            line.segments.append(Line.Segment(String(area.number).leftPad(3) + " "))
            line.segments.append(Line.Segment(TextLayout.pad(area.title, titleWidth - 1) + " "))
            line.segments.append(AreaViews.ragCell(rags[i]))
            line.segments.append(contentsOf: statusBar(r, width: barWidth, largest: largest))
            line.segments.append(Line.Segment(" "))
            line.segments.append(Line.Segment(String(r.count(.red)).leftPad(counts.red), r.count(.red) > 0 ? .status(.red) : .dim, keepsRole: true))
            line.segments.append(Line.Segment((r.overdue > 0 ? "!\(r.overdue)" : "0").leftPad(counts.late), r.overdue > 0 ? .overdue : .dim, keepsRole: true))
            line.segments.append(Line.Segment((r.dueSoon > 0 ? "»\(r.dueSoon)" : "0").leftPad(counts.soon), r.dueSoon > 0 ? .dueSoon : .dim, keepsRole: true))
            lines.append(line)
        }
        lines.append(Line([Line.Segment(" All: \(counted(all.total, "action", "actions")) · "),
                           Line.Segment("\(all.count(.red)) red", all.count(.red) > 0 ? .status(.red) : .normal),
                           Line.Segment(" · "), Line.Segment("\(all.overdue) overdue", all.overdue > 0 ? .overdue : .normal),
                           Line.Segment(" · "), Line.Segment("\(all.dueSoon) due soon", all.dueSoon > 0 ? .dueSoon : .normal),
                           Line.Segment(" · \(Bindings.key(.show(.triage))) triage lists them", .dim)]))
        if roomy, rags.contains(where: \.isJudged) { lines.append(Line(AreaViews.ragNote, .dim)) }
        gap()

        // KPIs.
        let nameWidth = max(12, width - 51)
        // Each KPI's change is said in a word ("better", "worse"), whichever way is better for
        // it; which KPIs are better lower goes under them when there is a line to spare.
        let kpiHeading = roomy ? " Impact score card" : " Score card"
        lines.append(Line([Line.Segment(TextLayout.pad(kpiHeading, nameWidth + 5), .tableHeader),
                           Line.Segment(TextLayout.pad("  Latest  Target Status  Change  Trend", width - nameWidth - 5), .tableHeader)]))
        if plan.kpis.isEmpty {
            lines.append(Line(" No KPIs yet: press \(Bindings.key(.show(.kpis))), then \(Bindings.key(.structure(.addKPI), on: ScoreCardScreen.self)) to add one.", .dim))
        }
        for kpi in plan.kpis {
            let i = kpi.latestActualIndex
            let latest = i.flatMap { kpi.milestones[$0].actual }
            let target = i.flatMap { kpi.milestones[$0].target } ?? kpi.milestones.last?.target
            var line = Line(target: .kpi(kpi.ref))
            line.highlight = .marked(2)
            line.segments.append(Line.Segment(" " + TextLayout.pad(kpi.ref, 4)))
            line.segments.append(Line.Segment(TextLayout.pad(kpi.name, nameWidth)))
            line.segments.append(Line.Segment(number(latest, kpi.unit).leftPad(8)))
            line.segments.append(Line.Segment(number(target, kpi.unit).leftPad(8) + " "))
            line.segments.append(Line.Segment(TextLayout.pad(kpiStatusText(kpi.status), 7), .kpi(kpi.status), keepsRole: true))
            line.segments.append(Line.Segment(" " + TextLayout.pad(kpi.travel.word, 6) + " ", .keyLabel, keepsRole: true))
            line.segments.append(Line.Segment(" " + sparkline(kpi.series), .link))
            lines.append(line)
        }
        if roomy, let note = plan.lowerIsBetterNote { lines.append(Line(" " + TextLayout.fit(note, width - 2), .dim)) }
        gap()

        // Top risks.
        lines.append(Line(TextLayout.pad(" Highest residual risks", width), .tableHeader))
        if plan.risks.isEmpty {
            lines.append(Line(" No risks yet: press \(Bindings.key(.show(.risks))), then \(Bindings.key(.addRisk, on: RegisterScreen.self)) to add one.", .dim))
        }
        // Each risk's text where it is cut, to wrap onto a second line if rows are spare.
        var riskRows: [(index: Int, rest: String)] = []
        // Where rows are short (a small terminal, a notice over two rows), fewer risks, down
        // to three, so the "Since" line below them still shows.
        let below = roomy ? (state.since == nil ? 2 : 3) : 1
        let riskRoom = max(3, state.contentRows - lines.count - below)
        for risk in state.topRisks.prefix(riskRoom) {
            let band = plan.settings.band(for: risk.residual.value)
            var line = Line(target: .risk(risk.ref))
            line.highlight = .marked(1)
            line.segments.append(Line.Segment(" " + TextLayout.pad(risk.ref, 4)))
            line.segments.append(Line.Segment(scoreText(risk.residual, plan.settings) + " ", .heat(band), keepsRole: true))
            line.segments.append(Line.Segment(" " + TextLayout.fit(risk.risk, width - 12)))
            if DisplayWidth.of(risk.risk) > width - 12 { riskRows.append((lines.count, risk.risk)) }
            lines.append(line)
        }
        gap()

        // What changed since the checkpoint: the same count the changes screen and `summary` give.
        if let since = state.since {
            let counted = state.holdsOutline ? "counting the changes…" : state.sinceSummary(since).line
            if roomy {
                lines.append(Line([Line.Segment(TextLayout.pad(" Since \(since.name) (\(since.date.display)) · \(Bindings.key(.listChanges)) lists the changes", width), .tableHeader)]))
            }
            // A name too long for a third of the line gives way to its date, rather than being cut.
            let named = " Since \(since.name):"
            let head = roomy ? "" : DisplayWidth.of(named) <= width / 3 ? named : " Since \(since.date.display):"
            // Never cut what the screen has rows for: the count wraps onto the spare rows.
            let room = width - DisplayWidth.of(head) - 1
            let spare = max(0, state.contentRows - lines.count - 1)
            let wrapped = TextLayout.wrap(counted, width: room)
            let shown = wrapped.count <= 1 + spare ? wrapped
                : Array(wrapped.prefix(spare)) + [TextLayout.fit(wrapped[spare...].joined(separator: " "), room)]
            lines.append(Line([Line.Segment(head, .heading), Line.Segment(" " + (shown.first ?? ""))]))
            let indent = String(repeating: " ", count: DisplayWidth.of(head) + 1)
            for more in shown.dropFirst() { lines.append(Line(indent + more)) }
        } else {
            lines.append(Line(" No checkpoint yet: press \(Bindings.key(.recordCheckpoint)) to record one, so the next meeting can see what changed.", .dim))
        }
        // Then the risks' texts, each onto a second line, while rows are spare.
        var spare = max(0, state.contentRows - lines.count)
        for (index, text) in riskRows.reversed() where spare > 0 {
            let parts = TextLayout.wrap(text, width: width - 12)
            guard parts.count > 1 else { continue }
            lines[index].segments[lines[index].segments.count - 1] = Line.Segment(" " + parts[0])
            lines.insert(Line(String(repeating: " ", count: 11) + TextLayout.fit(parts[1...].joined(separator: " "), width - 12)), at: index + 1)
            spare -= 1
        }
        return Body(lines)
    }

    /// How wide the Red, Late and Soon columns are: room for the widest figure and a space
    /// before it, and never narrower than their headings.
    static func countWidths(_ rollups: [AreaRollup]) -> (red: Int, late: Int, soon: Int) {
        func widest(_ text: (AreaRollup) -> String) -> Int { 1 + (rollups.map { text($0).count }.max() ?? 1) }
        return (max(4, widest { String($0.count(.red)) }),
                max(5, widest { $0.overdue > 0 ? "!\($0.overdue)" : "0" }),
                max(5, widest { $0.dueSoon > 0 ? "»\($0.dueSoon)" : "0" }))
    }

    /// Marks the line with the selected target, or the first selectable line.
    static func markSelected(_ lines: [Line], _ target: Target?) -> [Line] {
        var lines = lines
        if let i = target.flatMap({ t in lines.firstIndex { $0.target == t } }) ?? lines.firstIndex(where: { $0.target != nil }) {
            lines[i].selected = true
        }
        return lines
    }

    /// A bar of `width` cells split by status, each segment showing its letter.
    /// An area's actions as blocks by status, drawn to one scale: the area with the most
    /// actions fills `full` columns, the others as many as their share of it.
    static func statusBar(_ rollup: AreaRollup, width full: Int, largest: Int) -> [Line.Segment] {
        let total = rollup.total
        guard total > 0 else { return [Line.Segment(TextLayout.pad(" no actions", full), .dim)] }
        let order: [Status] = [.red, .amber, .green, .complete, .notStarted]
        // Each status present gets room for its letter and count ("R1"), so a small area keeps its figures.
        let least = Dictionary(uniqueKeysWithValues: order.map { ($0, rollup.count($0) > 0 ? 1 + String(rollup.count($0)).count : 0) })
        let needed = least.values.reduce(0, +)
        let least1 = needed <= full ? least : least.mapValues { min($0, 1) }
        let width = max(least1.values.reduce(0, +), min(full, Int((Double(total) * Double(full) / Double(max(total, largest))).rounded())))
        let cells = barCells(rollup, order: order, width: width, least: least1)
        var segments: [Line.Segment] = []
        for status in order {
            let n = cells[status, default: 0]
            guard n > 0 else { continue }
            let label = "\(status.letter)\(rollup.count(status))"
            let text = label.count <= n ? label + String(repeating: String(status.glyph), count: n - label.count) : String(repeating: String(status.letter), count: n)
            segments.append(Line.Segment(text, .status(status), keepsRole: true))
        }
        let used = cells.values.reduce(0, +)
        if used < full { segments.append(Line.Segment(String(repeating: " ", count: full - used))) }
        return segments
    }

    /// How many cells each status takes in a bar `width` wide: its share, at least `least`.
    static func barCells(_ rollup: AreaRollup, order: [Status], width: Int, least: [Status: Int]) -> [Status: Int] {
        let total = rollup.total
        var cells: [Status: Int] = [:]
        var remainders: [(Status, Double)] = []
        for status in order {
            let exact = Double(rollup.count(status)) * Double(width) / Double(total)
            cells[status] = max(Int(exact), least[status, default: 0])
            remainders.append((status, exact - Double(Int(exact))))
        }
        var used = cells.values.reduce(0, +)
        for (status, _) in remainders.sorted(by: { $0.1 > $1.1 }) where used < width && rollup.count(status) > 0 {
            cells[status, default: 0] += 1
            used += 1
        }
        while used > width, let biggest = order.filter({ cells[$0, default: 0] > least[$0, default: 0] }).max(by: { cells[$0, default: 0] < cells[$1, default: 0] }) {
            cells[biggest, default: 0] -= 1
            used -= 1
        }
        return cells
    }

    // MARK: RAG grid

    /// How wide the areas' names are: whole when the widest area's cells leave room for them
    /// (never cut to a fixed width with the screen half empty), else at least 18 columns.
    static func ragLabel(_ plan: Plan, width: Int) -> Int {
        let longest = plan.areas.map { DisplayWidth.of(" \($0.number) \($0.title)") }.max() ?? 16
        let cells = 3 * (plan.areas.map(\.actions.count).max() ?? 0) + 1
        return max(18, min(longest + 2, width - cells, width / 2))
    }

    /// How many grid lines an area takes: its cells wrapped, then its totals.
    static func ragLines(for area: Area, width: Int, label: Int) -> Int {
        let perLine = ragPerLine(width: width, label: label)
        return max(1, (area.actions.count + perLine - 1) / perLine) + 1
    }

    /// How many cells fit on one line of the grid.
    static func ragPerLine(width: Int, label: Int) -> Int { max(1, (width - label - 1) / 3) }

    static func rag(_ state: BoardState, _ screen: RagScreen) -> Body {
        screen.overTime ? ragOverTime(state, screen) : ragNow(state, screen)
    }

    static func ragNow(_ state: BoardState, _ screen: RagScreen) -> Body {
        let plan = state.plan
        let width = state.width
        let ragLabel = ragLabel(plan, width: width)
        let perLine = ragPerLine(width: width, label: ragLabel)
        // Where each area's lines start, so a row is found without drawing those above.
        var starts: [Int] = []
        var total = 0
        for area in plan.areas {
            starts.append(total)
            total += ragLines(for: area, width: width, label: ragLabel)
        }
        let head = [Line([Line.Segment(TextLayout.pad(" Area", ragLabel), .tableHeader),
                          Line.Segment(TextLayout.pad(" One cell per action: ← → move, Enter opens, \(Bindings.key(.toggleOverTime, on: RagScreen.self)) over time", width - ragLabel), .tableHeader)])]
        let selected = screen.selectedAction(state)?.ref
        return Body(head: head, rows: total, row: { index in
            let a = (starts.lastIndex { $0 <= index }) ?? 0
            let area = plan.areas[a]
            let k = index - starts[a]
            let cellLines = ragLines(for: area, width: width, label: ragLabel) - 1
            if k == cellLines {
                let r = state.rollups[a]
                var line = Line([Line.Segment(String(repeating: " ", count: ragLabel))])
                for status in Status.allCases {
                    line.segments.append(Line.Segment("\(status.letter)\(status.glyph) \(r.count(status))  ", r.count(status) > 0 ? .status(status) : .dim))
                }
                line.segments.append(Line.Segment("= \(r.total)" + (r.overdue > 0 ? "  !\(r.overdue) overdue" : ""), r.overdue > 0 ? .overdue : .dim))
                return line
            }
            var line = Line(target: .area(a))
            line.segments.append(Line.Segment(k == 0 ? TextLayout.pad(" \(area.number) \(area.title)", ragLabel) : String(repeating: " ", count: ragLabel),
                                              k == 0 ? .heading : .normal))
            let first = k * perLine
            for action in area.actions[first..<min(area.actions.count, first + perLine)] {
                let isSelected = action.ref == selected && a == screen.area
                line.segments.append(Line.Segment(" "))
                line.segments.append(Line.Segment("\(action.status.letter)\(action.status.glyph)", isSelected ? .selection : .status(action.status), keepsRole: true))
            }
            if area.actions.isEmpty { line.segments.append(Line.Segment(" no actions", .dim)) }
            return line
        }, rowIndex: { target in
            guard case let .area(a) = target, starts.indices.contains(a) else { return nil }
            let k = screen.column / perLine
            return starts[a] + min(k, ragLines(for: plan.areas[a], width: width, label: ragLabel) - 2)
        })
    }

    static func ragOverTime(_ state: BoardState, _ screen: RagScreen) -> Body {
        let plan = state.plan
        let width = state.width
        let checkpoints = plan.checkpoints.sorted { $0.date < $1.date }
        // A column per checkpoint: its date (with the year) over its name, a space between columns.
        let column = 12
        let shown = Array(checkpoints.suffix(max(1, (width - 30) / column - 1)))
        let textWidth = max(8, width - 8 - column * (shown.count + 1))
        var header = Line([Line.Segment(TextLayout.pad(" Ref", 8), .tableHeader), Line.Segment(TextLayout.pad("Action", textWidth), .tableHeader)])
        var names = Line([Line.Segment(String(repeating: " ", count: 8 + textWidth), .tableHeader)])
        for checkpoint in shown {
            header.segments.append(Line.Segment(TextLayout.pad(checkpoint.date.display, column - 1) + " ", .tableHeader))
            names.segments.append(Line.Segment(TextLayout.pad(checkpoint.name, column - 1) + " ", .tableHeader))
        }
        header.segments.append(Line.Segment(TextLayout.pad(state.today.display, column - 1) + " ", .tableHeader))
        names.segments.append(Line.Segment(TextLayout.pad("Now", column - 1) + " ", .tableHeader))
        let actions = state.allActions
        // Each checkpoint's statuses in the rows' order: a byte an action, where tables by
        // reference took 2 MB a checkpoint at 100,000 actions.
        let states = state.memo.value("ragStates", state.key(shown.map(\.name).joined(separator: "|"))) {
            shown.map { actions.statuses($0.actions) }
        }
        return Body(head: [header, names], rows: actions.count, row: { i in
            let action = actions[i]
            var line = Line(target: .action(action.ref))
            line.segments.append(Line.Segment(" " + TextLayout.pad(action.ref, 7)))
            line.segments.append(Line.Segment(TextLayout.pad(action.text, textWidth - 1) + " "))
            for snapshot in states {
                if let status = snapshot[i] {
                    line.segments.append(Line.Segment(TextLayout.pad("\(status.letter)\(status.glyph)", column), .status(status), keepsRole: true))
                } else {
                    line.segments.append(Line.Segment(TextLayout.pad("·", column), .dim))
                }
            }
            line.segments.append(Line.Segment(TextLayout.pad("\(action.status.letter)\(action.status.glyph)", column), .status(action.status), keepsRole: true))
            line.selected = i == screen.action
            return line
        }, rowIndex: { target in
            guard case let .action(ref) = target else { return nil }
            if actions.indices.contains(screen.action), actions[screen.action].ref == ref { return screen.action }
            return actions.firstIndex { $0.ref == ref }
        }, sticky: 0)
    }
}


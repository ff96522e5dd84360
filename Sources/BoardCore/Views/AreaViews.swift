import PlanModel

/// The bodies of the screens that list areas and actions.
enum AreaViews {
    /// One cell of status counts: `  3●`, coloured when there are any; the column's
    /// header carries the letter.
    static func countCell(_ status: Status, _ count: Int) -> Line.Segment {
        Line.Segment("\(count)\(status.glyph)".leftPad(4) + " ", count > 0 ? .status(status) : .dim, keepsRole: true)
    }

    /// An area's RAG in four columns: its status letter and glyph, and `*` when it is the
    /// SRO's judgement (`ragNote` says so under the table).
    static func ragCell(_ rag: AreaRAG) -> Line.Segment {
        guard let status = rag.status else { return Line.Segment("–   ", .dim) }
        return Line.Segment("\(status.letter)\(status.glyph)\(rag.isJudged ? "*" : " ") ", .status(status), keepsRole: true)
    }

    static let ragNote = " RAG * the SRO’s judgement in the area’s latest highlight; otherwise the roll-up of its actions"

    static func areasList(_ state: BoardState, cursor: Int) -> Body {
        let plan = state.plan
        let width = state.width
        let showTotal = width >= 90
        let fixed = 4 + 4 + (showTotal ? 6 : 0) + 5 * 5 + 8 + 9 + 1
        let titleWidth = max(10, width - fixed)
        var header = Line([Line.Segment(" No ", .tableHeader), Line.Segment(TextLayout.pad("Area of weakness", titleWidth), .tableHeader),
                           Line.Segment("RAG ", .tableHeader)])
        if showTotal { header.segments.append(Line.Segment(" Total", .tableHeader)) }
        for status in Status.allCases {
            header.segments.append(Line.Segment("\(status.letter)\(status.glyph)".leftPad(4) + " ", .tableHeader))
        }
        header.segments.append(Line.Segment(" Overdue Due soon ", .tableHeader))
        var lines = [header]
        let rags = state.areaRAGs
        for (i, area) in plan.areas.enumerated() {
            let rollup = state.rollups[i]
            var line = Line(target: .area(i))
            line.segments.append(Line.Segment(String(area.number).leftPad(3) + " "))
            line.segments.append(Line.Segment(TextLayout.pad(area.title, titleWidth - 1) + " "))
            line.segments.append(ragCell(rags[i]))
            if showTotal { line.segments.append(Line.Segment(String(rollup.total).leftPad(6))) }
            for status in Status.allCases { line.segments.append(countCell(status, rollup.count(status))) }
            line.segments.append(Line.Segment((rollup.overdue > 0 ? "!\(rollup.overdue)" : "0").leftPad(8),
                                              rollup.overdue > 0 ? .overdue : .dim, keepsRole: true))
            line.segments.append(Line.Segment((rollup.dueSoon > 0 ? "»\(rollup.dueSoon)" : "0").leftPad(9),
                                              rollup.dueSoon > 0 ? .dueSoon : .dim, keepsRole: true))
            line.selected = i == cursor
            lines.append(line)
        }
        if plan.areas.isEmpty {
            lines.append(Line(" No areas yet: press \(Bindings.key(.structure(.addArea), on: AreasScreen.self)) to add one (a short title, then the weakness as written).", .dim))
        }
        let all = state.overall
        lines.append(.blank)
        lines.append(Line([Line.Segment("All areas: \(counted(all.total, "action", "actions")) · "), Line.Segment("\(all.count(.red)) red", all.count(.red) > 0 ? .status(.red) : .normal),
                           Line.Segment(" · "), Line.Segment("\(all.overdue) overdue", all.overdue > 0 ? .overdue : .normal),
                           Line.Segment(" · "), Line.Segment("\(all.dueSoon) due soon", all.dueSoon > 0 ? .dueSoon : .normal),
                           Line.Segment(" · \(counted(plan.risks.count, "risk")) · \(counted(plan.kpis.count, "KPI"))", .dim)]))
        if rags.contains(where: \.isJudged) {
            for text in TextLayout.wrap(ragNote, width: width - 1) { lines.append(Line(text, .dim)) }
        }
        if let area = plan.areas.indices.contains(cursor) ? plan.areas[cursor] : nil {
            lines.append(.blank)
            let rag = rags[cursor]
            let label = rag.status?.label ?? "no actions"
            let head = "Area \(area.number) RAG: "
            let indent = DisplayWidth.of(head + label) + 1
            let rest = TextLayout.wrap(String(rag.words.dropFirst(label.count)), width: max(10, width - indent - 1))
            lines.append(Line([Line.Segment(head, .heading), Line.Segment(label, rag.status.map(Role.status) ?? .dim, keepsRole: true),
                               Line.Segment(rest.first.map { " " + $0 } ?? "")]))
            for text in rest.dropFirst() { lines.append(Line(String(repeating: " ", count: indent) + text)) }
            lines.append(Line("Area \(area.number): the weakness as written", .heading))
            for text in TextLayout.wrap(area.weakness, width: width - 2) { lines.append(Line(" " + text)) }
        }
        return Body(lines, sticky: 0)
    }

    /// Column widths for the actions table at a given screen width.
    struct Columns {
        var ref = 7, byWhen = 13, lead = 13, status = 16, kpi = 6, sro = 0, notes = 0
        var action: Int

        init(width: Int) {
            if width >= 140 {
                lead = 22
                sro = 18
                notes = 6
                kpi = 8
            } else if width >= 100 {
                lead = 18
            } else if width < 76 {
                lead = 10
                status = 9
                kpi = 0
            }
            action = max(8, width - ref - byWhen - lead - status - kpi - sro - notes - 2)
        }
    }

    static func statusSegment(_ status: Status, width: Int) -> Line.Segment {
        // Always a space after it: "– ○ Not started" fills 15 columns, and the KPI column follows.
        Line.Segment(TextLayout.pad("\(status.badge) \(status.label)", width - 1) + " ", .status(status), keepsRole: true)
    }

    /// The by-when cell: the date with ! when overdue and » when due soon.
    static func byWhenSegment(_ action: Action, _ state: BoardState, width: Int) -> Line.Segment {
        let flags = action.flags(today: state.today, settings: state.plan.settings)
        let date = action.byWhenShown(none: "—")
        if flags.overdue { return Line.Segment(TextLayout.pad("!" + date, width), .overdue, keepsRole: true) }
        if flags.dueSoon { return Line.Segment(TextLayout.pad("»" + date, width), .dueSoon, keepsRole: true) }
        return Line.Segment(TextLayout.pad(" " + date, width), action.byWhen == nil ? .dim : .normal)
    }

    static func area(_ state: BoardState, _ screen: AreaScreen) -> Body {
        guard let area = state.plan.area(number: screen.number) else { return Body() }
        let width = state.width
        var lines: [Line] = []
        for text in TextLayout.wrap(area.weakness, width: width - 1) { lines.append(Line(text)) }
        lines.append(.blank)
        let source = area.findingsSource.isEmpty ? "" : " — \(area.findingsSource)"
        // "Findings a–f (6)", and for one alone "Finding a", not "Findings a–a (1)".
        let heading = switch (area.findings.first, area.findings.last) {
        case let (first?, last?) where area.findings.count > 1: "Findings \(first.letter)–\(last.letter) (\(area.findings.count))"
        case let (only?, _): "Finding \(only.letter)"
        default: "Findings (0)"
        }
        if screen.showsFullFindings(state) {
            lines.append(Line("\(heading)\(source)", .heading))
            for finding in area.findings {
                let prefix = "\(finding.letter)) "
                for (k, text) in TextLayout.wrap(finding.text, width: width - 1 - prefix.count).enumerated() {
                    var line = Line((k == 0 ? prefix : String(repeating: " ", count: prefix.count)) + text, .dim)
                    if k == 0 {
                        line.target = .finding(finding.letter)
                        line.selected = screen.finding == finding.letter
                    }
                    lines.append(line)
                }
            }
        } else if !area.findings.isEmpty {
            var line = Line([Line.Segment(heading, .heading),
                             Line.Segment(TextLayout.fit(" — \(Bindings.key(.toggleFindings, on: AreaScreen.self)) shows \(area.findings.count == 1 ? "it" : "them")\(source)", width - 20), .dim)], target: .finding(""))
            line.selected = screen.finding == ""
            lines.append(line)
        }
        if area.findings.isEmpty {
            lines.append(Line("No findings yet: press \(Bindings.key(.structure(.addFinding), on: AreaScreen.self)) to add one.", .dim))
        }
        lines.append(.blank)

        let shown = screen.shown(state)
        let visible = shown.actions
        if screen.filter.isActive {
            var parts = screen.filter.statuses.sorted().map(\.label)
            if let lead = screen.filter.lead { parts.append("lead “\(lead)”") }
            lines.append(Line([Line.Segment("Filter: \(parts.joined(separator: ", ")) — \(visible.count) of \(counted(area.actions.count, "action", "actions")) (\(Bindings.key(.filter, on: AreaScreen.self)) then x clears)", .notice)]))
        }
        let c = Columns(width: width)
        let header = actionHeader(c)
        let sticky = lines.count
        lines.append(header)
        let selected = screen.selectedAction(state)?.ref
        let matches = state.search.map { state.matchingRefs($0) } ?? []
        let tail = visible.isEmpty
            ? [Line(area.actions.isEmpty ? "No actions yet. Press \(Bindings.key(.addAction, on: AreaScreen.self)) to add one." : "No actions pass the filter. Press \(Bindings.key(.filter, on: AreaScreen.self)) then x to clear it.", .dim)]
            : []
        return Body(head: lines, rows: visible.count, row: { i in
            actionRow(visible[i], state, columns: c, selected: visible[i].ref == selected, match: matches.contains(visible[i].ref))
        }, rowIndex: { target in
            guard case let .action(ref) = target else { return nil }
            return shown.position[ref]
        }, tail: tail, sticky: sticky)
    }

    /// One row of an actions table.
    static func actionRow(_ action: Action, _ state: BoardState, columns c: Columns, selected: Bool, match: Bool) -> Line {
        var line = Line(target: .action(action.ref))
        line.segments.append(Line.Segment(TextLayout.pad(action.ref, c.ref), match ? .match : .normal, keepsRole: match))
        line.segments.append(Line.Segment(TextLayout.pad(action.text, c.action - 1) + " "))
        line.segments.append(byWhenSegment(action, state, width: c.byWhen))
        line.segments.append(Line.Segment(TextLayout.pad(action.leads.joined(separator: ", "), c.lead - 1) + " "))
        line.segments.append(statusSegment(action.status, width: c.status))
        if c.kpi > 0 { line.segments.append(Line.Segment(TextLayout.pad(action.kpis.joined(separator: ","), c.kpi))) }
        if c.sro > 0 { line.segments.append(Line.Segment(TextLayout.pad(action.seniorResponsibleOfficer ?? "", c.sro - 1) + " ")) }
        if c.notes > 0 { line.segments.append(Line.Segment(String(action.notes.count).leftPad(c.notes - 1))) }
        line.selected = selected
        return line
    }

    /// The header row of an actions table.
    static func actionHeader(_ c: Columns) -> Line {
        var header = Line([Line.Segment(TextLayout.pad("Ref", c.ref), .tableHeader), Line.Segment(TextLayout.pad("Action", c.action), .tableHeader),
                           Line.Segment(TextLayout.pad(" By when", c.byWhen), .tableHeader), Line.Segment(TextLayout.pad("Lead", c.lead), .tableHeader),
                           Line.Segment(TextLayout.pad("Status", c.status), .tableHeader)])
        if c.kpi > 0 { header.segments.append(Line.Segment(TextLayout.pad("KPI", c.kpi), .tableHeader)) }
        if c.sro > 0 { header.segments.append(Line.Segment(TextLayout.pad("SRO", c.sro), .tableHeader)) }
        if c.notes > 0 { header.segments.append(Line.Segment(TextLayout.pad("Notes", c.notes), .tableHeader)) }
        return header
    }
}

extension String {
    /// Right-aligns in `width` columns.
    func leftPad(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(self))) + self
    }
}

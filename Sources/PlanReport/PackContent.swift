import PlanModel

/// The board pack's sections, in the order the board reads them.
extension BoardPack {
    var document: Document {
        var sections = [cover] + (minutesSection.map { [$0] } ?? []) + [summary]
        sections += areas.map(highlight)
        sections += [ragGrid, heatmap, register, scoreCard, exceptions, decisionsLog]
        let footer = [plan.header.localArea, meeting.map { "\($0.name) (\($0.date.display))" } ?? "Board pack"]
            .joined(separator: " — ")
        return Document(title: "\(title) — \(plan.header.localArea)", footer: footer, sections: sections)
    }

    // MARK: Cover

    private var cover: Section {
        var blocks: [Block] = [
            .paragraph([Span(plan.header.localArea, .strong)]),
            .heading(level: 1, text: title),
            .paragraph([Span(plan.header.title.isEmpty ? "Accelerated Progress Plan" : plan.header.title)]),
        ]
        var facts: [(String, String)] = []
        if let meeting {
            facts.append(("Meeting", meeting.name))
            facts.append(("Date", meeting.date.display))
            facts.append(("Status", meeting.isRecorded ? "Held and recorded (checkpoint \"\(meeting.checkpoint ?? "")\")" : "Drafted before the meeting"))
        } else {
            facts.append(("Meeting", "None recorded yet: this pack shows the plan as it stands"))
        }
        facts.append(("Figures as at", today.display))
        facts.append(("Changes since", since.map { "\($0.name) (\($0.date.display))" } ?? "No earlier meeting or checkpoint to compare with"))
        if let n = areaFilter, let area = plan.area(number: n) { facts.append(("Limited to", "Area \(n): \(area.title)")) }
        let officers = plan.header.accountableOfficers.map { person in
            [person.name, person.role, person.organisation].filter { !$0.isEmpty }.joined(separator: ", ")
        }
        if !officers.isEmpty { facts.append(("Accountable officers", officers.joined(separator: "; "))) }
        blocks.append(.fields(facts.map { (label: $0.0, text: $0.1) }))
        if let notice = plan.header.notice { blocks.append(.paragraph([Span("Notice: ", .strong), Span(notice)])) }
        blocks.append(.heading(level: 2, text: "Contents"))
        var contents: [Inlines] = (minutesSection == nil ? [] : [[Span("Minutes of the last meeting and matters arising")]]) + [[Span("Summary")]]
        contents += areas.map { [Span("Highlight report — Area \($0.number): \($0.title)")] }
        contents += ["RAG grid", "Risk heatmap", "Risk register", "Impact score card", "Exceptions", "Decisions log"].map { [Span($0)] }
        blocks.append(.bullets(contents))
        blocks.append(.note("Every status is written in words with a glyph (● Red, ▲ Amber, ✓ Green, ■ Complete, ○ Not started), so the pack reads in black and white."))
        return Section(id: "cover", blocks: blocks)
    }

    // MARK: Summary

    private var summary: Section {
        var blocks: [Block] = [.heading(level: 2, text: "Summary")]
        var rows = areas.map { area -> Table.Row in
            let r = rollups[area.number] ?? AreaRollup(actions: [], today: today, settings: plan.settings)
            let rag = rag(of: area)
            return Table.Row(key: String(area.number), cells: [
                [Span("\(area.number). \(area.title)")], [Span.status(rag.status)] + (rag.judged ? [Span(" (SRO)")] : []),
                [Span(String(r.total))],
            ] + Status.allCases.map { [Span(String(r.count($0)))] } + [[Span(String(r.overdue))], [Span(String(r.dueSoon))]])
        }
        let t = total
        rows.append(Table.Row(key: "all", cells: [[Span("All areas", .strong)], [Span.status(t.worst)], [Span(String(t.total))]]
            + Status.allCases.map { [Span(String(t.count($0)))] } + [[Span(String(t.overdue))], [Span(String(t.dueSoon))]]))
        blocks.append(.table(Table(name: "summary-areas", caption: "Actions per area of weakness, as at \(today.display)",
                                   headers: ["Area", "RAG", "Actions"] + Status.allCases.map(\.label) + ["Overdue", "Due soon"],
                                   rows: rows)))
        blocks.append(.note("RAG is the senior responsible officer’s judgement where the highlight report gives one (marked SRO), otherwise the worst status among the area’s open actions."))

        if let since, let changes {
            blocks.append(.heading(level: 3, text: "What changed since \(since.name)"))
            blocks.append(.paragraph([Span(changes.total == 0 ? "Nothing has changed." : "\(counted(changes.total, "change")): "
                                           + changes.phrases.joined(separator: "; ") + ".")]))
        }

        blocks.append(.heading(level: 3, text: "KPIs off target"))
        let off = kpisOffTarget
        if off.isEmpty {
            blocks.append(.note(kpis.isEmpty ? "There are no KPIs on the score card." : "None: every KPI with data is on target."))
        } else {
            blocks.append(.table(Table(name: "summary-kpis", caption: nil, headers: ["KPI", "Latest", "Target", "Status", "Since the figure before"],
                                       rows: off.map(kpiRow))))
        }

        blocks.append(.heading(level: 3, text: "Highest risks"))
        if topRisks.isEmpty {
            blocks.append(.note("The risk register is empty."))
        } else {
            blocks.append(.table(Table(name: "summary-risks", caption: "The five highest residual scores and how they moved since \(since?.name ?? "the last meeting")",
                                       headers: ["Risk", "Owner", "Residual", "Moved"],
                                       rows: topRisks.map { risk in
                                           Table.Row(key: risk.ref, cells: [[Span("\(risk.ref) ", .strong), Span(risk.risk)], [Span(risk.owner)],
                                                                            [Span.band(risk.residual, plan.settings)], [Span(movement(of: risk))]])
                                       })))
        }
        return Section(id: "summary", blocks: blocks)
    }

    func kpiRow(_ kpi: KPI) -> Table.Row {
        let i = kpi.latestActualIndex
        let latest = i.flatMap { kpi.milestones[$0].actual }.map { "\(number($0, kpi.unit)) (\(kpi.milestones[i ?? 0].label))" } ?? "no data"
        let target = i.flatMap { kpi.milestones[$0].target }.map { number($0, kpi.unit) } ?? "–"
        return Table.Row(key: kpi.ref, cells: [
            [Span("\(kpi.ref) ", .strong), Span(kpi.name)], [Span(latest)], [Span(target)],
            [Span(kpi.status.label, .kpi(kpi.status))], [Span(kpi.travel.word.capitalized)],
        ])
    }

    func movement(of risk: Risk) -> String {
        guard since != nil else { return "–" }
        guard let move = riskMoves[risk.ref] else { return "Unchanged" }
        guard let from = move.from else { return "New since \(since?.name ?? "then")" }
        let word = move.to.value > from.value ? "↑ Up" : move.to.value < from.value ? "↓ Down" : "→ Moved"
        return "\(word) from \(from.likelihood)×\(from.impact) = \(from.value)"
    }

    func number(_ value: Double, _ unit: String) -> String {
        unit == "%" ? "\(formatNumber(value))%" : unit == "count" || unit.isEmpty ? formatNumber(value) : "\(formatNumber(value)) \(unit)"
    }

    // MARK: Highlight report per area

    private func highlight(_ area: Area) -> Section {
        var blocks: [Block] = [.heading(level: 2, text: "Highlight report — Area \(area.number): \(area.title)")]
        let h = meeting?.highlight(area: area.number)
        let rag = rag(of: area)
        let rollup = rollups[area.number]
        var ragLine: Inlines = [Span("RAG: ", .strong), Span.status(rag.status)]
        if rag.judged {
            ragLine.append(Span(" — the SRO’s judgement; the actions roll up to "))
            ragLine.append(Span.status(rollup?.worst))
        } else {
            ragLine.append(Span(" — the roll-up of its actions"))
        }
        blocks.append(.paragraph(ragLine))
        if let reason = h?.reason, !reason.isEmpty { blocks.append(.fields([(label: "Why", text: reason)])) }
        let sros = sros(of: area)
        let leads = leads(of: area)
        blocks.append(.fields([
            (label: "Senior responsible officer", text: sros.isEmpty ? "None named" : sros.joined(separator: "; ")),
            (label: "Leads", text: leads.isEmpty ? "None named" : leads.joined(separator: "; ")),
        ]))
        blocks.append(.paragraph([Span("The weakness: ", .strong), Span(area.weakness)]))
        if let h {
            blocks.append(.fields([
                (label: "Progress since the last report", text: h.progress.isEmpty ? "None given" : h.progress),
                (label: "Next steps before the next meeting", text: h.nextSteps.isEmpty ? "None given" : h.nextSteps),
                (label: "Risks and issues to escalate", text: h.escalations.isEmpty ? "None" : h.escalations),
                (label: "Decisions asked of the board", text: h.asks.isEmpty ? "None" : h.asks),
            ]))
        } else {
            blocks.append(.note(meeting == nil ? "No meeting yet, so no highlight report." : "No highlight report has been written for this area for \(meeting?.name ?? "this meeting")."))
        }

        let lines = self.lines[area.number] ?? []
        if lines.isEmpty {
            blocks.append(.note("This area has no actions yet."))
        } else {
            blocks.append(.table(Table(
                name: "actions-\(area.number)", caption: "Actions in area \(area.number)",
                headers: ["Ref", "Action", "Status", "By when", "Overdue", "Leads", "Reason (Red and Amber)"],
                rows: lines.map { line in
                    let a = line.action
                    var when: Inlines = [Span(a.byWhenShown(none: "Not set"))]
                    if let move = line.dateMove { when.append(Span(" (moved from \(move.from?.display ?? "not set"))", .flag)) }
                    if let standing = plan.dateStanding(of: a), let words = standing.words {
                        when.append(Span(" — \(words)", standing.unagreed ? .flag : .plain))
                    }
                    let overdue: Inlines = line.overdueDays.map { [Span("\($0) days overdue", .flag)] }
                        ?? (line.dueSoon ? [Span("Due soon")] : [Span("–")])
                    return Table.Row(key: a.ref, cells: [
                        [Span(a.ref, .strong)], [Span(a.text)], [Span.status(a.status)], when, overdue,
                        [Span(a.leads.joined(separator: "; "))], [Span(line.reason ?? "")],
                    ])
                })))
        }

        blocks.append(.heading(level: 3, text: "What changed since \(since?.name ?? "the last meeting")"))
        if since == nil {
            blocks.append(.note("There is no earlier meeting or checkpoint to compare with."))
        } else {
            var changes: [Inlines] = []
            for line in lines where line.statusChanged {
                changes.append([Span("\(line.action.ref): ", .strong)]
                    + (line.statusThen.map { [Span.status($0), Span(" → ")] } ?? [Span("new action, now ")])
                    + [Span.status(line.action.status)])
            }
            for line in lines {
                guard let move = line.dateMove else { continue }
                var text = "\(line.action.ref): by-when moved from \(move.from?.display ?? "not set") to \(move.to?.display ?? "not set")"
                if let days = move.days { text += days > 0 ? " (\(days) days later)" : " (\(-days) days earlier)" }
                changes.append([Span(text, .flag)])
            }
            if changes.isEmpty { blocks.append(.note("No status or by-when changed.")) } else { blocks.append(.bullets(changes)) }
            if !datesKnown { blocks.append(.note("By-when dates were not recorded at \(since?.name ?? "that checkpoint"), so moved dates cannot be shown.")) }
        }
        return Section(id: "area-\(area.number)", blocks: blocks)
    }

    // MARK: RAG grid

    private var ragGrid: Section {
        var blocks: [Block] = [.heading(level: 2, text: "RAG grid")]
        let width = max(1, areas.map(\.actions.count).max() ?? 1)
        let columns = min(width, 12)
        var rows: [Table.Row] = []
        for area in areas {
            let actions = area.actions
            if actions.isEmpty {
                rows.append(Table.Row(key: String(area.number), cells: [[Span("\(area.number). \(area.title)")], [Span("No actions")]]
                    + Array(repeating: [], count: columns - 1)))
                continue
            }
            var start = 0
            while start < actions.count {
                let chunk = actions[start..<min(start + columns, actions.count)]
                let label = start == 0 ? "\(area.number). \(area.title)" : "\(area.number). (continued)"
                rows.append(Table.Row(key: start == 0 ? String(area.number) : nil,
                                      cells: [[Span(label)]] + chunk.map { [Span("\($0.ref) \($0.status.packGlyph) \($0.status.letter)", .status($0.status))] }
                                        + Array(repeating: [], count: columns - chunk.count)))
                start += columns
            }
        }
        blocks.append(.table(Table(name: "rag-grid", caption: "Each action’s status: ● R Red, ▲ A Amber, ✓ G Green, ■ C Complete, ○ – Not started",
                                   headers: ["Area"] + (1...columns).map { "\($0)" }, rows: rows)))
        if !plan.checkpoints.isEmpty {
            blocks.append(.heading(level: 3, text: "RAG over time"))
            let points = plan.checkpoints.sorted { $0.date < $1.date }
            var overTime: [Table.Row] = []
            for area in areas {
                let refs = Set(area.actions.map(\.ref))
                var cells: [Inlines] = [[Span("\(area.number). \(area.title)")]]
                for cp in points {
                    let statuses = cp.actions.filter { refs.contains($0.ref) }.map(\.status)
                    cells.append(statusCounts(statuses))
                }
                cells.append(statusCounts(area.actions.map(\.status)))
                overTime.append(Table.Row(key: String(area.number), cells: cells))
            }
            blocks.append(.table(Table(name: "rag-over-time", caption: "Actions per status at each checkpoint, then now (R red, A amber, G green, C complete, – not started)",
                                       headers: ["Area"] + points.map { "\($0.name)" } + ["Now (\(today.display))"], rows: overTime)))
        }
        return Section(id: "rag-grid", blocks: blocks)
    }

    private func statusCounts(_ statuses: [Status]) -> Inlines {
        guard !statuses.isEmpty else { return [Span("–")] }
        return [Span(Status.allCases.reversed().compactMap { s in
            let n = statuses.filter { $0 == s }.count
            return n == 0 ? nil : "\(s.letter)\(n)"
        }.joined(separator: " "))]
    }

    // MARK: Heatmap

    private var heatmap: Section {
        var blocks: [Block] = [.heading(level: 2, text: "Risk heatmap")]
        let cells = heat(.residual)
        blocks.append(.figure(svg: Charts.heatmap(cells: cells.mapValues(\.count), settings: plan.settings, moves: moves),
                              caption: "Residual risk (after mitigation): likelihood up the side (5 at the top), impact along the bottom; each cell shows how many risks sit there and its band (L low, M medium, H high)."))
        var rows: [Table.Row] = []
        for likelihood in (1...5).reversed() {
            for impact in 1...5 {
                let score = Score(likelihood: likelihood, impact: impact)
                guard let risks = cells[score], !risks.isEmpty else { continue }
                rows.append(Table.Row(key: "\(likelihood)x\(impact)", cells: [
                    [Span.band(score, plan.settings)], [Span(String(risks.count))], [Span(risks.map(\.ref).joined(separator: ", "))],
                ]))
            }
        }
        blocks.append(.table(Table(name: "heatmap-cells", caption: "The heatmap in words: every cell that holds a risk",
                                   headers: ["Likelihood × impact", "Risks", "Which"], rows: rows)))
        blocks.append(.heading(level: 3, text: "Moved since \(since?.name ?? "the last meeting")"))
        if since == nil {
            blocks.append(.note("There is no earlier meeting or checkpoint to compare with."))
        } else if moves.isEmpty {
            blocks.append(.note("No residual score moved."))
        } else {
            blocks.append(.bullets(risks.compactMap { risk in
                guard riskMoves[risk.ref] != nil else { return nil }
                return [Span("\(risk.ref): ", .strong), Span(movement(of: risk) + " to "), Span.band(risk.residual, plan.settings)]
            }))
        }
        return Section(id: "heatmap", blocks: blocks)
    }

    private var moves: [(from: Score, to: Score)] {
        risks.compactMap { risk in riskMoves[risk.ref].flatMap { m in m.from.map { (from: $0, to: m.to) } } }
    }

    // MARK: Register

    private var register: Section {
        var blocks: [Block] = [.heading(level: 2, text: "Risk register")]
        if risks.isEmpty {
            blocks.append(.note("The risk register is empty."))
            return Section(id: "register", blocks: blocks)
        }
        blocks.append(.table(Table(
            name: "register", caption: "Scores are likelihood × impact (1 to 25); bands: low up to \(plan.settings.lowRiskMax), medium up to \(plan.settings.mediumRiskMax), high above",
            headers: ["Ref", "Risk", "Owner", "Inherent", "Mitigation", "Residual", "Target", "Progress", "Review", "Areas"],
            rows: risks.map { r in
                Table.Row(key: r.ref, cells: [
                    [Span(r.ref, .strong)], [Span(r.risk)], [Span(r.owner)], [Span.band(r.inherent, plan.settings)],
                    [Span(r.mitigation)], [Span.band(r.residual, plan.settings)], [Span.band(r.target, plan.settings)],
                    [Span(r.progress)], [Span(r.reviewDate?.display ?? "–")], [Span(r.areas.map(String.init).joined(separator: ", "))],
                ])
            })))
        return Section(id: "register", blocks: blocks)
    }

    // MARK: Score card

    private var scoreCard: Section {
        var blocks: [Block] = [.heading(level: 2, text: "Impact score card")]
        if kpis.isEmpty { blocks.append(.note("There are no KPIs on the score card.")) }
        for kpi in kpis {
            blocks.append(.heading(level: 3, text: "\(kpi.ref) \(kpi.name)"))
            var facts: Inlines = [Span("Status: ", .strong), Span(kpi.status.label, .kpi(kpi.status)),
                                  Span(" · Since the figure before: \(kpi.travel.word)"),
                                  Span(" · \(kpi.better == .higher ? "Higher" : "Lower") is better")]
            if let b = kpi.baseline {
                facts.append(Span(" · Baseline: \(number(b.value, kpi.unit))" + (b.date.map { " (\($0.display))" } ?? "") + (b.note.isEmpty ? "" : " — \(b.note)")))
            }
            if let c = kpi.comparator { facts.append(Span(" · \(c.label): \(number(c.value, kpi.unit))")) }
            blocks.append(.paragraph(facts))
            blocks.append(.figure(svg: Charts.kpi(kpi), caption: Charts.kpiSummary(kpi)))
            blocks.append(.table(Table(name: "kpi-\(kpi.ref)", caption: nil, headers: ["Milestone", "Date", "Target", "Actual"],
                                       rows: kpi.milestones.map { m in
                                           Table.Row(key: nil, cells: [[Span(m.label)], [Span(m.date?.display ?? "–")],
                                                                       [Span(m.target.map { number($0, kpi.unit) } ?? "–")],
                                                                       [Span(m.actual.map { number($0, kpi.unit) } ?? "–")]])
                                       })))
        }
        return Section(id: "score-card", blocks: blocks)
    }

    // MARK: Exceptions

    private var exceptions: Section {
        var blocks: [Block] = [.heading(level: 2, text: "Exceptions")]
        func actionTable(_ name: String, _ lines: [ActionLine], _ extra: String, _ value: (ActionLine) -> String) -> Block {
            .table(Table(name: name, caption: nil, headers: ["Ref", "Action", "Status", "By when", extra, "Leads"],
                         rows: lines.map { line in
                             Table.Row(key: line.action.ref, cells: [
                                 [Span(line.action.ref, .strong)], [Span(line.action.text)], [Span.status(line.action.status)],
                                 [Span(line.action.byWhenShown(none: "Not set"))], [Span(value(line))],
                                 [Span(line.action.leads.joined(separator: "; "))],
                             ])
                         }))
        }
        blocks.append(.heading(level: 3, text: "Red actions (\(redLines.count))"))
        blocks.append(redLines.isEmpty ? .note("None.") : actionTable("exceptions-red", redLines, "Reason") { $0.reason ?? "" })
        blocks.append(.heading(level: 3, text: "Overdue actions (\(overdueLines.count))"))
        blocks.append(overdueLines.isEmpty ? .note("None.") : actionTable("exceptions-overdue", overdueLines, "Days overdue") { String($0.overdueDays ?? 0) })
        blocks.append(.heading(level: 3, text: "By-when dates moved since \(since?.name ?? "the last meeting") (\(movedLines.count))"))
        if !datesKnown {
            blocks.append(.note(since == nil ? "There is no earlier meeting to compare with." : "By-when dates were not recorded at \(since?.name ?? "that checkpoint")."))
        } else {
            blocks.append(movedLines.isEmpty ? .note("None.") : actionTable("exceptions-moved", movedLines, "Was") { $0.dateMove?.from?.display ?? "Not set" })
        }
        let off = kpisOffTarget
        blocks.append(.heading(level: 3, text: "KPIs off target (\(off.count))"))
        blocks.append(off.isEmpty ? .note("None.") : .table(Table(name: "exceptions-kpis", caption: nil,
                                                                    headers: ["KPI", "Latest", "Target", "Status", "Since the figure before"], rows: off.map(kpiRow))))
        return Section(id: "exceptions", blocks: blocks)
    }

    // MARK: Decisions

    private var decisionsLog: Section {
        var blocks: [Block] = [.heading(level: 2, text: "Decisions log")]
        let open = decisions.filter { !$0.decision.done }
        let done = decisions.filter { $0.decision.done }
        func table(_ name: String, _ items: [(meeting: Meeting, decision: Decision)]) -> Block {
            .table(Table(name: name, caption: nil, headers: ["No.", "Decision", "Meeting", "Owner", "Due", "Status", "About", "Action"],
                         rows: items.map { item in
                             let d = item.decision
                             let overdue = !d.done && (d.due.map { $0 < today } ?? false)
                             let state: Inlines = d.done ? [Span("■ Done")] : overdue ? [Span("● Open, overdue", .flag)] : [Span("○ Open")]
                             return Table.Row(key: d.label, cells: [
                                 [Span(d.label, .strong)], [Span(d.text)], [Span(item.meeting.name)], [Span(d.owner ?? "–")],
                                 [Span(d.due?.display ?? "–")], state, [Span(d.link?.display ?? "–")], [Span(d.action ?? "–")],
                             ])
                         }))
        }
        blocks.append(.heading(level: 3, text: "Open (\(open.count))"))
        blocks.append(open.isEmpty ? .note("None.") : table("decisions-open", open))
        blocks.append(.heading(level: 3, text: "Done (\(done.count))"))
        blocks.append(done.isEmpty ? .note("None.") : table("decisions-done", done))
        return Section(id: "decisions", blocks: blocks)
    }
}

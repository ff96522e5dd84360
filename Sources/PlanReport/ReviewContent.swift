import PlanModel

/// The review document's sections, in the order DfE and NHS England advisers read them.
extension ProgressReview {
    var document: Document {
        var sections = [cover, summary]
        sections += plan.areas.map(areaSection)
        sections += [scoreCard, risks, decisions, asksSection]
        let footer = [plan.header.localArea, "\(title) (\(reviewDate.display))"].joined(separator: " — ")
        return Document(title: "\(title) — \(plan.header.localArea)", footer: footer, sections: sections)
    }

    private func person(_ p: Person) -> String { [p.name, p.role, p.organisation].filter { !$0.isEmpty }.joined(separator: ", ") }

    private func number(_ value: Double, _ unit: String) -> String {
        unit == "%" ? "\(formatNumber(value))%" : unit == "count" || unit.isEmpty ? formatNumber(value) : "\(formatNumber(value)) \(unit)"
    }

    // MARK: Cover

    private var cover: Section {
        var blocks: [Block] = [
            .paragraph([Span(plan.header.localArea, .strong)]),
            .heading(level: 1, text: title),
            .paragraph([Span(plan.header.title.isEmpty ? "Accelerated Progress Plan" : plan.header.title)]),
        ]
        var facts: [(String, String)] = [("Local area", plan.header.localArea), ("Review date", reviewDate.display)]
        if let meeting { facts.append(("Held at", meeting.name)) }
        facts.append(("Period reviewed", "\(from.display) to \(to.display)"))
        facts.append(("Figures as at", today.display))
        if let first = plan.header.agreements.first {
            facts.append(("Plan agreed", first.date.display + (first.with.isEmpty ? "" : " with \(first.with.joined(separator: "; "))")))
        } else {
            facts.append(("Plan agreed", "Not recorded in planboard"))
        }
        if plan.header.agreements.count > 1, let last = plan.header.agreements.last {
            facts.append(("Re-agreed", last.date.display + (last.note.isEmpty ? "" : " (\(last.note))")))
        }
        let officers = plan.header.accountableOfficers.map(person)
        facts.append(("Accountable officers", officers.isEmpty ? "None named" : officers.joined(separator: "; ")))
        let advisers = plan.header.advisers.map(person)
        facts.append(("DfE and NHS England advisers", advisers.isEmpty ? "None named" : advisers.joined(separator: "; ")))
        blocks.append(.fields(facts.map { (label: $0.0, text: $0.1) }))
        if let notice = plan.header.notice { blocks.append(.paragraph([Span("Notice: ", .strong), Span(notice)])) }
        blocks.append(.heading(level: 2, text: "Contents"))
        var contents: [Inlines] = [[Span("Summary of progress")]]
        contents += plan.areas.map { [Span("Area \($0.number): \($0.title)")] }
        contents += ["Impact score card", "Risks and how they moved", "Open decisions", "What we ask of DfE and NHS England"].map { [Span($0)] }
        blocks.append(.bullets(contents))
        blocks.append(.note("Every status is written in words with a glyph (● Red, ▲ Amber, ✓ Green, ■ Complete, ○ Not started), so the document reads in black and white."))
        return Section(id: "cover", blocks: blocks)
    }

    // MARK: Summary

    private var summary: Section {
        var blocks: [Block] = [.heading(level: 2, text: "Summary of progress")]
        blocks.append(.paragraph([Span("Progress against each area of weakness since the plan was agreed, as the senior responsible officer judges it, with the actions behind it.")]))
        let rows = plan.areas.map { area -> Table.Row in
            let c = counts(area)
            let judged = judgement(of: area)
            let rag = judged?.highlight.rag ?? plan.rollupStatus(ofArea: area.number)
            return Table.Row(key: String(area.number), cells: [
                [Span("\(area.number). \(area.title)")], [Span.status(rag)],
                [Span(String(c.complete))], [Span(String(c.onTrack))], [Span(String(c.offTrack))], [Span(String(c.notStarted))],
                [Span(String(revisedDates(of: area).count))],
                [Span(String(evidence(of: area).reduce(0) { $0 + $1.items.count }))], [Span(String(missingEvidence(of: area).count))],
            ])
        }
        blocks.append(.table(Table(name: "review-summary", caption: "Actions per area of weakness, as at \(today.display): on track is Green, off track Red or Amber",
                                   headers: ["Area", "SRO judgement", "Complete", "On track", "Off track", "Not started", "Revised dates", "Evidence", "Evidence missing"],
                                   rows: rows)))
        let moves = plan.revisedDates
        let unagreed = moves.filter { $0.standing.unagreed }.count
        blocks.append(.paragraph([Span("Changes of date: ", .strong),
                                  Span(moves.isEmpty ? "no agreed by-when has moved." : "\(moves.count) agreed by-when date\(moves.count == 1 ? " has" : "s have") moved; \(moves.count - unagreed) agreed, \(unagreed) awaiting agreement.")]))
        let missing = missingEvidence.count
        blocks.append(.paragraph([Span("Evidence: ", .strong),
                                  Span("\(plan.allEvidence.reduce(0) { $0 + $1.items.count }) items; \(missing) complete action\(missing == 1 ? "" : "s") or figure\(missing == 1 ? "" : "s") due by \(to.display) without evidence yet.")]))
        return Section(id: "review-summary", blocks: blocks)
    }

    // MARK: Areas

    private func areaSection(_ area: Area) -> Section {
        var blocks: [Block] = [.heading(level: 2, text: "Area \(area.number): \(area.title)")]
        blocks.append(.paragraph([Span("The weakness: ", .strong), Span(area.weakness)]))
        blocks.append(.heading(level: 3, text: "The SRO’s judgement of progress"))
        if let (h, m) = judgement(of: area) {
            let rollup = plan.rollupStatus(ofArea: area.number)
            var line: Inlines = [Span("Judgement: ", .strong), Span.status(h.rag ?? rollup)]
            line.append(Span(h.rag == nil ? " — the roll-up of its actions" : " — at \(m.name)"))
            blocks.append(.paragraph(line))
            var fields: [(label: String, text: String)] = []
            if !h.reason.isEmpty { fields.append((label: "Why", text: h.reason)) }
            fields.append((label: "Progress", text: h.progress.isEmpty ? "None given" : h.progress))
            fields.append((label: "Next steps", text: h.nextSteps.isEmpty ? "None given" : h.nextSteps))
            blocks.append(.fields(fields))
        } else {
            blocks.append(.note("No highlight report has been written for this area, so there is no SRO judgement; its actions roll up to \(Span.status(plan.rollupStatus(ofArea: area.number)).text)."))
        }

        let c = counts(area)
        let completed = completedSinceStart(area)
        blocks.append(.heading(level: 3, text: "Actions since the plan was agreed"))
        blocks.append(.paragraph([Span("\(c.complete) complete, \(c.onTrack) on track, \(c.offTrack) off track, \(c.notStarted) not started"
                                       + (start.map { "; \(completed.count) completed since \($0.name)" } ?? "") + ".")]))
        if area.actions.isEmpty {
            blocks.append(.note("This area has no actions yet."))
        } else {
            blocks.append(.table(Table(name: "review-actions-\(area.number)", caption: "Actions in area \(area.number)",
                                       headers: ["Ref", "Action", "Status", "By when", "Evidence"],
                                       rows: area.actions.map { a in
                                           var when: Inlines = [Span(a.byWhen?.display ?? "Not set")]
                                           if let standing = plan.dateStanding(of: a), let words = standing.words {
                                               when.append(Span(" — \(words)", standing.unagreed ? .flag : .plain))
                                           }
                                           let evidence: Inlines = a.evidence.isEmpty
                                               ? (a.status == .complete ? [Span("None yet", .flag)] : [Span("–")])
                                               : [Span("\(a.evidence.count) item\(a.evidence.count == 1 ? "" : "s")")]
                                           return Table.Row(key: a.ref, cells: [[Span(a.ref, .strong)], [Span(a.text)], [Span.status(a.status)], when, evidence])
                                       })))
        }

        blocks.append(.heading(level: 3, text: "Revised dates"))
        let revised = revisedDates(of: area)
        if revised.isEmpty {
            blocks.append(.note(plan.baseline == 0 ? "The plan’s agreement is not recorded, so changes of date cannot be shown." : "No agreed by-when has moved."))
        } else {
            blocks.append(.bullets(revised.map { action, standing in
                var line: Inlines = [Span("\(action.ref): ", .strong), Span(standing.words ?? "", standing.unagreed ? .flag : .plain)]
                if let r = standing.revision, r.to == standing.now {
                    line.append(Span(". Reason: \(r.reason) (proposed by \(r.proposedBy), \(r.proposedOn.display))"))
                    if let by = r.agreedBy { line.append(Span("; agreed by \(by)")) }
                }
                return line
            }))
        }

        blocks.append(.heading(level: 3, text: "Evidence"))
        let held = evidence(of: area)
        if held.isEmpty {
            blocks.append(.note("No evidence recorded yet."))
        } else {
            var rows: [Table.Row] = []
            for (holder, items) in held {
                for e in items {
                    rows.append(Table.Row(key: nil, cells: [[Span(holder.display(in: plan).capitalisedFirst)], [Span(e.title, .strong)], [Span(e.date.display)],
                                                           [Span(e.location)], [Span(e.shows.isEmpty ? "–" : e.shows)]]))
                }
            }
            blocks.append(.table(Table(name: "review-evidence-\(area.number)", caption: "Where to find the evidence (links and document references)",
                                       headers: ["About", "Evidence", "Date", "Where it is", "What it shows"], rows: rows)))
        }
        let missing = missingEvidence(of: area)
        if !missing.isEmpty {
            blocks.append(.paragraph([Span("Without evidence yet: ", .strong), Span(missing.map { $0.display(in: plan) }.joined(separator: "; ") + ".")]))
        }
        return Section(id: "review-area-\(area.number)", blocks: blocks)
    }

    // MARK: Score card

    private var scoreCard: Section {
        var blocks: [Block] = [.heading(level: 2, text: "Impact score card")]
        if plan.kpis.isEmpty {
            blocks.append(.note("There are no KPIs on the score card."))
            return Section(id: "review-score-card", blocks: blocks)
        }
        var labels: [String] = []
        for kpi in plan.kpis { for m in kpi.milestones where !labels.contains(m.label) { labels.append(m.label) } }
        let headers = ["KPI", "Baseline"] + labels.flatMap { ["\($0): target", "\($0): actual"] } + ["Met at the latest", "Direction"]
        let rows = plan.kpis.map { kpi -> Table.Row in
            var cells: [Inlines] = [[Span("\(kpi.ref) ", .strong), Span(kpi.name)],
                                    [Span(kpi.baseline.map { number($0.value, kpi.unit) } ?? "–")]]
            for label in labels {
                guard let m = kpi.milestones.first(where: { $0.label == label }) else { cells += [[Span("–")], [Span("–")]]; continue }
                cells.append([Span(m.target.map { number($0, kpi.unit) } ?? "–")])
                if let actual = m.actual, let target = m.target {
                    let met = kpi.better == .higher ? actual >= target : actual <= target
                    cells.append([Span(number(actual, kpi.unit)), Span(met ? " ✓ met" : " ✗ not met", met ? .plain : .flag)])
                } else {
                    cells.append([Span(m.actual.map { number($0, kpi.unit) } ?? "–")])
                }
            }
            cells.append([Span(kpi.status.label, .kpi(kpi.status))])
            cells.append([Span(kpi.travel.word.capitalized)])
            return Table.Row(key: kpi.ref, cells: cells)
        }
        blocks.append(.table(Table(name: "review-score-card", caption: "Baseline, then target and actual at each review point; met or not, and the direction of travel (respecting which way is better)",
                                   headers: headers, rows: rows)))
        for kpi in plan.kpis {
            blocks.append(.heading(level: 3, text: "\(kpi.ref) \(kpi.name)"))
            blocks.append(.figure(svg: Charts.kpi(kpi), caption: Charts.kpiSummary(kpi)))
            let items = kpi.milestones.enumerated().flatMap { m, milestone in milestone.evidence.map { (milestone.label, $0) } }
            if !items.isEmpty {
                blocks.append(.bullets(items.map { label, e in
                    [Span("\(label): ", .strong), Span("\(e.title) (\(e.date.display)) — \(e.location)" + (e.shows.isEmpty ? "" : ": \(e.shows)"))]
                }))
            }
        }
        return Section(id: "review-score-card", blocks: blocks)
    }

    // MARK: Risks

    private var risks: Section {
        var blocks: [Block] = [.heading(level: 2, text: "Risks and how they moved")]
        if plan.risks.isEmpty {
            blocks.append(.note("The risk register is empty."))
            return Section(id: "review-risks", blocks: blocks)
        }
        let then = start.map { "At \($0.name)" } ?? "Then"
        blocks.append(.table(Table(
            name: "review-risks", caption: start.map { "Residual scores (likelihood × impact) at \($0.name) and now" } ?? "Residual scores now; no earlier checkpoint to compare with",
            headers: ["Risk", "Owner", then, "Now", "Moved", "Target"],
            rows: plan.risksByResidual.map { r in
                let was = residualThen(r)
                let moved: String = if let was {
                    r.residual.value > was.value ? "↑ Up" : r.residual.value < was.value ? "↓ Down" : "→ Unchanged"
                } else { start == nil ? "–" : "New" }
                return Table.Row(key: r.ref, cells: [[Span("\(r.ref) ", .strong), Span(r.risk)], [Span(r.owner)],
                                                     was.map { [Span.band($0, plan.settings)] } ?? [Span("–")],
                                                     [Span.band(r.residual, plan.settings)], [Span(moved)], [Span.band(r.target, plan.settings)]])
            })))
        return Section(id: "review-risks", blocks: blocks)
    }

    // MARK: Decisions

    private var decisions: Section {
        var blocks: [Block] = [.heading(level: 2, text: "Open decisions")]
        let open = plan.decisions.filter { !$0.decision.done }
        if open.isEmpty {
            blocks.append(.note("None: every decision the board made is done."))
        } else {
            blocks.append(.table(Table(name: "review-decisions", caption: nil, headers: ["No.", "Decision", "Meeting", "Owner", "Due"],
                                       rows: open.map { m, d in
                                           let late = d.due.map { $0 < today } ?? false
                                           return Table.Row(key: d.label, cells: [[Span(d.label, .strong)], [Span(d.text)], [Span(m.name)], [Span(d.owner ?? "–")],
                                                                                  [Span(d.due?.display ?? "–")] + (late ? [Span(" (overdue)", .flag)] : [])])
                                       })))
        }
        return Section(id: "review-decisions", blocks: blocks)
    }

    // MARK: Asks

    private var asksSection: Section {
        var blocks: [Block] = [.heading(level: 2, text: "What we ask of DfE and NHS England")]
        let asks = self.asks
        if asks.isEmpty {
            blocks.append(.note("Nothing is asked at this review."))
        } else {
            blocks.append(.bullets(asks.map { [Span("\($0.about): ", .strong), Span($0.text)] }))
        }
        return Section(id: "review-asks", blocks: blocks)
    }
}

extension String {
    /// "action 3b" → "Action 3b".
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

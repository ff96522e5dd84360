import Foundation
import PlanModel

/// The published page as sections of blocks, written once and rendered as HTML (one page or
/// a small site) and as Markdown. Only `PublicPlan` decides what is public; this file only
/// words it.
struct PublicSection {
    /// The anchor, and on a site the file name's stem (`index`, `area-3`).
    var id: String
    /// The section's heading: an `h2` on the one page, the `h1` of its own page on a site.
    var title: String
    var blocks: [PublicBlock]
    /// On a site, whether the section has a page of its own (an area) or sits on the index.
    var ownPage: Bool
}

enum PublicBlock {
    /// A heading below the section's own (level 3 on the one page).
    case heading(String)
    case paragraph(Inlines)
    case bullets([Inlines])
    /// Label and text pairs.
    case fields([(label: String, text: String)])
    /// One action: its reference and text, then lines about it.
    case item(title: Inlines, lines: [Inlines])
    /// An inline SVG drawing and the sentence that says what it shows.
    case figure(svg: String, caption: String)
    case table(Table)
    /// Links to other sections (to their pages on a site, their anchors on the one page).
    case links([(section: String, text: String, after: String)])
}

extension Status {
    /// The status in words a family reads, with the plan's own colour word after it.
    var publicWords: String {
        switch self {
        case .notStarted: "Not started yet"
        case .red: "Off track (red)"
        case .amber: "Delayed or at risk (amber)"
        case .green: "On track (green)"
        case .complete: "Done (complete)"
        }
    }
}

extension KPIStatus {
    var publicWords: String {
        switch self {
        case .onTarget: "On target"
        case .near: "Close to target (within 10%)"
        case .off: "Off target"
        case .noData: "No figures yet"
        }
    }
}

extension PublicPlan {
    /// The page title: "Devon Local Area: Accelerated Progress Plan for SEND". The plan's
    /// formal title is often a long sentence, so it is given in full under "About this plan".
    public var title: String {
        let area = plan.header.localArea.trimmingCharacters(in: .whitespaces)
        return area.isEmpty ? "Accelerated Progress Plan for SEND" : "\(area): Accelerated Progress Plan for SEND"
    }

    /// "Last updated 15 August 2023. Figures as at 31 July 2023."
    var datesLine: String {
        var parts: [String] = []
        if let lastUpdated { parts.append("Last updated \(lastUpdated.words).") }
        parts.append(figuresAsAt.map { "Figures as at \($0.words)." } ?? "No figures yet.")
        return parts.joined(separator: " ")
    }

    var sections: [PublicSection] {
        var out = [about, glance]
        if since != nil { out.append(changed) }
        out += plan.areas.map(areaSection)
        if !plan.kpis.isEmpty { out.append(measures) }
        if !risks.isEmpty { out.append(riskSection) }
        if !decisions.isEmpty { out.append(decisionSection) }
        out.append(accountable)
        out.append(involved)
        return out
    }

    // MARK: Sections

    private var about: PublicSection {
        var blocks: [PublicBlock] = []
        if let notice = plan.header.notice, !notice.isEmpty { blocks.append(.paragraph([Span(notice, .strong)])) }
        let inspected: String
        switch (plan.header.inspectionStart, plan.header.inspectionEnd) {
        case let (start?, end?): inspected = "from \(start.words) to \(end.words)"
        case let (start?, nil): inspected = "from \(start.words)"
        case let (nil, end?): inspected = "until \(end.words)"
        case (nil, nil): inspected = ""
        }
        let place = plan.header.localArea.isEmpty ? "this local area" : plan.header.localArea
        blocks.append(.paragraph([Span("Ofsted and the Care Quality Commission (CQC) inspected how \(place) supports children and young people with special educational needs and disabilities (SEND)\(inspected.isEmpty ? "" : " \(inspected)"). They found \(plan.areas.count) area\(plan.areas.count == 1 ? "" : "s") where progress was too slow.")]))
        let formal = plan.header.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if !formal.isEmpty { blocks.append(.paragraph([Span("The plan's full title: ", .strong), Span(formal)])) }
        blocks.append(.paragraph([Span("This plan sets out what the council and the NHS are doing about each one, what has been done, what is late and why, and how progress is measured. It is updated as the work goes on.")]))
        if let revisit = plan.header.revisitReportDate {
            blocks.append(.paragraph([Span("The inspectors will report on progress again by \(revisit.words).")]))
        }
        blocks.append(.paragraph([Span(datesLine)]))
        return PublicSection(id: "about", title: "About this plan", blocks: blocks, ownPage: false)
    }

    private var glance: PublicSection {
        var blocks: [PublicBlock] = [.paragraph([Span("Each area of weakness, and how its actions stand today.")])]
        blocks.append(.links(plan.areas.map { area in
            (section: "area-\(area.number)", text: "Area \(area.number): \(area.title)", after: countsWords(area))
        }))
        let all = plan.areas.flatMap(\.actions)
        if !all.isEmpty {
            blocks.append(.figure(svg: PublicCharts.statusBar(all), caption: "All \(all.count) actions: " + statusCounts(all) + "."))
        }
        return PublicSection(id: "at-a-glance", title: "Progress at a glance", blocks: blocks, ownPage: false)
    }

    private var changed: PublicSection {
        let when = since.map { $0.date.words } ?? ""
        var blocks: [PublicBlock] = []
        if changes.isEmpty {
            blocks.append(.paragraph([Span("Nothing has changed since the last update on \(when).")]))
        } else {
            blocks.append(.paragraph([Span("Since the last update on \(when):")]))
            blocks.append(.bullets(changes.map { [Span(changeWords($0))] }))
        }
        return PublicSection(id: "changes", title: "What has changed since the last update", blocks: blocks, ownPage: false)
    }

    private func areaSection(_ area: Area) -> PublicSection {
        var blocks: [PublicBlock] = [.paragraph([Span(countsWords(area))])]
        blocks.append(.heading("What the inspectors found"))
        if !area.weakness.isEmpty { blocks.append(.paragraph([Span(area.weakness)])) }
        if !area.findings.isEmpty {
            blocks.append(.bullets(area.findings.map { [Span("(\($0.letter)) \($0.text)")] }))
        }
        let late = area.actions.filter(isLate)
        let open = area.actions.filter { $0.isOpen && !isLate($0) }
        let done = area.actions.filter { !$0.isOpen }
        blocks.append(.heading("What is late, and why"))
        blocks += late.isEmpty ? [.paragraph([Span("Nothing is late.")])] : late.map(actionItem)
        blocks.append(.heading("What is being done"))
        blocks += open.isEmpty ? [.paragraph([Span("No other actions are under way.")])] : open.map(actionItem)
        blocks.append(.heading("What has been done"))
        blocks += done.isEmpty ? [.paragraph([Span("No action is complete yet.")])] : done.map(actionItem)
        let kpis = kpis(of: area)
        blocks.append(.heading("How progress is measured"))
        if kpis.isEmpty {
            blocks.append(.paragraph([Span("The actions' success criteria, above.")]))
        } else {
            blocks.append(.bullets(kpis.map { [Span(kpiSentence($0))] }))
            blocks.append(.links([(section: "measures", text: "Charts of these figures", after: "")]))
        }
        return PublicSection(id: "area-\(area.number)", title: "Area \(area.number): \(area.title)", blocks: blocks, ownPage: true)
    }

    private func actionItem(_ action: Action) -> PublicBlock {
        var lines: [Inlines] = [[Span("Status: ", .strong), Span(action.status.publicWords, .status(action.status))]]
        if let by = action.byWhen {
            let late = isLate(action)
            lines.append([Span(late ? "Was due: " : (action.isOpen ? "Due: " : "Due by: "), .strong),
                          Span(by.words + (late ? ", and is late" : ""), late ? .flag : .plain)])
        }
        let names = names(on: action)
        if !names.isEmpty { lines.append([Span("Led by: ", .strong), Span(names.joined(separator: ", "))]) }
        if !action.successCriteria.isEmpty { lines.append([Span("We will know it has worked when: ", .strong), Span(action.successCriteria)]) }
        let notes = notes(of: action)
        if let latest = notes.last {
            lines.append([Span(isLate(action) || action.status.needsReason ? "Why, and latest progress (\(latest.date.words)): " : "Latest progress (\(latest.date.words)): ", .strong),
                          Span(latest.text)])
        } else if isLate(action) {
            lines.append([Span("Why: ", .strong), Span("the reason is in the board's progress notes, which are not published.")])
        }
        return .item(title: [Span("Action \(action.ref): ", .strong), Span(action.text)], lines: lines)
    }

    private var measures: PublicSection {
        var blocks: [PublicBlock] = [.paragraph([Span("Each measure with its figures so far and the aim. The chart shows the same figures as the table under it.")])]
        for kpi in plan.kpis {
            blocks.append(.heading(kpi.name))
            blocks.append(.paragraph([Span(kpiSentence(kpi)), Span(" "), Span(kpi.status.publicWords + ".", .kpi(kpi.status))]))
            blocks.append(.figure(svg: PublicCharts.kpi(kpi), caption: PublicCharts.kpiDescription(kpi)))
            var rows: [Table.Row] = []
            if let b = kpi.baseline {
                rows.append(Table.Row(key: nil, cells: [[Span("Start")], [Span(b.date?.monthAndYear ?? "")], [Span("")], [Span(figure(b.value, kpi))]]))
            }
            for m in kpi.milestones {
                rows.append(Table.Row(key: nil, cells: [[Span(m.label)], [Span(m.date?.monthAndYear ?? "")],
                                                        [Span(m.target.map { figure($0, kpi) } ?? "")], [Span(m.actual.map { figure($0, kpi) } ?? "not yet")]]))
            }
            blocks.append(.table(Table(name: "kpi-\(kpi.ref)", caption: "\(kpi.name): figures", headers: ["When", "Date", "Aim", "Figure"], rows: rows)))
        }
        return PublicSection(id: "measures", title: "How progress is measured", blocks: blocks, ownPage: false)
    }

    private var riskSection: PublicSection {
        var blocks: [PublicBlock] = [.paragraph([Span("What could hold the plan back, and what is being done about it.")])]
        for risk in risks {
            let score = risk.score(.residual)
            let band = plan.settings.band(for: score.value)
            var lines: [Inlines] = [[Span("How serious now: ", .strong), Span("\(band.label) (\(score.value) out of 25)", .band(band))]]
            if !risk.mitigation.isEmpty { lines.append([Span("What is being done: ", .strong), Span(risk.mitigation)]) }
            if !risk.progress.isEmpty { lines.append([Span("Progress: ", .strong), Span(risk.progress)]) }
            if publication.isPublic(.leads), !risk.owner.isEmpty { lines.append([Span("Owner: ", .strong), Span(risk.owner)]) }
            blocks.append(.item(title: [Span("Risk \(risk.ref): ", .strong), Span(risk.risk)], lines: lines))
        }
        return PublicSection(id: "risks", title: "Risks", blocks: blocks, ownPage: false)
    }

    private var decisionSection: PublicSection {
        var blocks: [PublicBlock] = [.paragraph([Span("What the board has decided.")])]
        for decision in decisions {
            var lines: [Inlines] = [[Span("Done: ", .strong), Span(decision.done ? "yes" : "not yet")]]
            if let due = decision.due { lines.append([Span("Due: ", .strong), Span(due.words)]) }
            if publication.isPublic(.leads), let owner = decision.owner, !owner.isEmpty { lines.append([Span("Owner: ", .strong), Span(owner)]) }
            blocks.append(.item(title: [Span("Decision \(decision.label): ", .strong), Span(decision.text)], lines: lines))
        }
        return PublicSection(id: "decisions", title: "Decisions", blocks: blocks, ownPage: false)
    }

    private var accountable: PublicSection {
        var blocks: [PublicBlock] = []
        let officers = plan.header.accountableOfficers
        if officers.isEmpty {
            blocks.append(.paragraph([Span("The plan does not name its accountable officers yet.")]))
        } else {
            blocks.append(.paragraph([Span("These people are accountable for the plan:")]))
            blocks.append(.bullets(officers.map { [Span($0.name, .strong), Span(personDetail($0))] }))
        }
        if !advisers.isEmpty {
            blocks.append(.paragraph([Span("Advisers:")]))
            blocks.append(.bullets(advisers.map { [Span($0.name, .strong), Span(personDetail($0))] }))
        }
        return PublicSection(id: "accountable", title: "Who is accountable", blocks: blocks, ownPage: false)
    }

    private var involved: PublicSection {
        var blocks: [PublicBlock] = []
        let narrative = plan.governance.narrative.trimmingCharacters(in: .whitespacesAndNewlines)
        if !narrative.isEmpty {
            blocks += narrative.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { .paragraph([Span($0)]) }
        }
        if !plan.governance.partners.isEmpty {
            blocks.append(.paragraph([Span("The partners working on this plan:")]))
            blocks.append(.bullets(plan.governance.partners.map { [Span($0)] }))
        }
        if let feedback = publication.feedback, !feedback.isEmpty {
            blocks.append(.heading("Tell us what you think"))
            blocks.append(.paragraph([Span(feedback)]))
        }
        if blocks.isEmpty { blocks.append(.paragraph([Span("The plan does not describe this yet.")])) }
        let title = publication.feedback == nil ? "How families are involved" : "How families are involved, and how to tell us what you think"
        return PublicSection(id: "involved", title: title, blocks: blocks, ownPage: false)
    }

    // MARK: Words

    private func personDetail(_ person: Person) -> String {
        let detail = [person.role, person.organisation].filter { !$0.isEmpty }.joined(separator: ", ")
        return detail.isEmpty ? "" : ", \(detail)"
    }

    func statusCounts(_ actions: [Action]) -> String {
        let counted = Status.allCases.reversed().compactMap { status -> String? in
            let n = actions.filter { $0.status == status }.count
            return n == 0 ? nil : "\(n) \(status.publicWords.lowercased())"
        }
        return counted.joined(separator: ", ")
    }

    func countsWords(_ area: Area) -> String {
        guard !area.actions.isEmpty else { return "No actions yet." }
        let late = area.actions.filter(isLate).count
        return "\(area.actions.count) action\(area.actions.count == 1 ? "" : "s"): \(statusCounts(area.actions))."
            + (late == 0 ? " None is late." : " \(late) \(late == 1 ? "is" : "are") late.")
    }

    func figure(_ value: Double, _ kpi: KPI) -> String {
        let n = formatNumber(value)
        switch kpi.unit {
        case "%": return "\(n)%"
        case "", "count": return n
        default: return "\(n) \(kpi.unit)"
        }
    }

    /// "EHC plans issued on time: 55% in July 2023; the aim is 58% by July 2023."
    func kpiSentence(_ kpi: KPI) -> String {
        var sentence = kpi.name + ": "
        let latest = kpi.latestActualIndex
        if let i = latest, let actual = kpi.milestones[i].actual {
            let when = kpi.milestones[i].date.map { " in \($0.monthAndYear)" } ?? " at \(kpi.milestones[i].label)"
            sentence += figure(actual, kpi) + when
        } else if let b = kpi.baseline {
            sentence += figure(b.value, kpi) + (b.date.map { " in \($0.monthAndYear)" } ?? " at the start")
        } else {
            sentence += "no figures yet"
        }
        let ahead = kpi.milestones.indices.filter { ($0 > (latest ?? -1)) && kpi.milestones[$0].target != nil }
        let aimIndex = ahead.first ?? kpi.milestones.lastIndex { $0.target != nil }
        if let a = aimIndex, let target = kpi.milestones[a].target {
            sentence += "; the aim is \(figure(target, kpi))" + (kpi.milestones[a].date.map { " by \($0.monthAndYear)" } ?? " at \(kpi.milestones[a].label)")
        }
        sentence += ". " + (kpi.better == .higher ? "Higher is better." : "Lower is better.")
        return sentence
    }

    func changeWords(_ item: SinceSummary.Item) -> String {
        func status(_ label: String) -> String {
            Status.allCases.first { $0.label == label }.map { $0.publicWords.lowercased() } ?? label
        }
        switch item.kind {
        case .started, .better, .worse, .sideways: return "Action \(item.ref) is now \(status(item.to)); it was \(status(item.from))."
        case .actionAdded: return "Action \(item.ref) was added."
        case .actionRemoved: return "Action \(item.ref) was taken out of the plan."
        case .later: return "Action \(item.ref) is now due \(item.to); it was due \(item.from)."
        case .earlier: return "Action \(item.ref) is now due earlier, \(item.to); it was due \(item.from)."
        case .dateSet: return "Action \(item.ref) now has a date: \(item.to)."
        case .dateCleared: return "Action \(item.ref) no longer has a date; it was due \(item.from)."
        case .actual:
            let name = plan.kpis.first { $0.ref == item.ref }?.name ?? item.ref
            return "New figure for \(name) (\(item.part)): \(item.to)" + (item.from == "—" || item.from.isEmpty ? "." : "; it was \(item.from).")
        case .riskUp: return "Risk \(item.ref) is more serious now."
        case .riskDown: return "Risk \(item.ref) is less serious now."
        case .riskAdded: return "Risk \(item.ref) was added."
        case .riskRemoved: return "Risk \(item.ref) was closed."
        default: return ""
        }
    }
}

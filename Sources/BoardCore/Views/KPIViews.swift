import PlanModel

/// The impact score card and one KPI's own screen.
enum KPIViews {
    static func scoreCard(_ state: BoardState, _ screen: ScoreCardScreen) -> Body {
        let plan = state.plan
        let width = state.width
        let milestones = plan.kpis.map(\.milestones.count).max() ?? 0
        let labels = (0..<milestones).map { m in plan.kpis.first { $0.milestones.count > m }?.milestones[m].label ?? "M\(m + 1)" }
        let cell = width >= 140 ? 16 : 12
        let nameWidth = max(10, width - 5 - 9 - cell * milestones - 8 - 7 - 5)
        var head: [Line] = [Line("Each milestone shows actual / target · ← → choose a milestone, Enter records its actual, \(Bindings.key(.followLink)) opens the KPI", .dim)]
        var header = Line([Line.Segment(TextLayout.pad("Ref", 5), .tableHeader), Line.Segment(TextLayout.pad("KPI", nameWidth), .tableHeader),
                           Line.Segment("Baseline ", .tableHeader)])
        for (m, label) in labels.enumerated() {
            header.segments.append(Line.Segment(TextLayout.pad(label, cell), m == screen.milestone ? .selection : .tableHeader, keepsRole: true))
        }
        header.segments.append(Line.Segment(TextLayout.pad("Status", 8) + "Change " + "Trend", .tableHeader))
        head.append(header)
        let kpis = plan.kpis
        let selected = screen.selectedKPI(state)?.ref
        return Body(head: head, rows: kpis.count, row: { i in
            let kpi = kpis[i]
            let isSelected = kpi.ref == selected
            var line = Line(target: .kpi(kpi.ref))
            // Selected, the reference and name light up; the figures keep their colours.
            line.highlight = .lead(2)
            line.segments.append(Line.Segment(TextLayout.pad(kpi.ref, 5)))
            line.segments.append(Line.Segment(TextLayout.pad(kpi.name, nameWidth - 1) + " "))
            line.segments.append(Line.Segment(BoardViews.number(kpi.baseline?.value, kpi.unit).leftPad(8) + " "))
            for m in 0..<milestones {
                guard m < kpi.milestones.count else {
                    line.segments.append(Line.Segment(String(repeating: " ", count: cell)))
                    continue
                }
                let milestone = kpi.milestones[m]
                let text = "\(BoardViews.number(milestone.actual, kpi.unit)) / \(BoardViews.number(milestone.target, kpi.unit))"
                let focus = isSelected && m == screen.milestone
                let role: Role = focus ? .input : milestone.actual == nil ? .dim : status(of: milestone, kpi).map(Role.kpi) ?? .normal
                line.segments.append(Line.Segment(TextLayout.pad(text, cell - 1) + " ", role, keepsRole: focus || milestone.actual != nil))
            }
            line.segments.append(Line.Segment(TextLayout.pad(BoardViews.kpiStatusText(kpi.status), 8), .kpi(kpi.status), keepsRole: true))
            line.segments.append(Line.Segment(TextLayout.pad(kpi.travel.word, 6) + " ", .keyLabel, keepsRole: true))
            line.segments.append(Line.Segment(BoardViews.sparkline(kpi.series), .link))
            line.selected = isSelected
            return line
        }, rowIndex: { target in
            guard case let .kpi(ref) = target else { return nil }
            return kpis.firstIndex { $0.ref == ref }
        }, tail: kpis.isEmpty ? [Line("No KPIs yet: press \(Bindings.key(.structure(.addKPI), on: ScoreCardScreen.self)) to add one.", .dim)]
            : plan.lowerIsBetterNote.map { [Line($0, .dim)] } ?? [], sticky: 1)
    }

    /// One milestone's actual against its own target.
    static func status(of milestone: Milestone, _ kpi: KPI) -> KPIStatus? {
        var single = kpi
        single.milestones = [milestone]
        return milestone.target == nil ? nil : single.status
    }

    static func kpi(_ state: BoardState, ref: String) -> Body {
        guard let kpi = state.plan.kpi(ref) else { return Body() }
        let width = state.width
        var lines: [Line] = []
        func pair(_ label: String, field: Int? = nil, _ segments: [Line.Segment]) {
            var line = Line([Line.Segment(TextLayout.pad(label, DetailViews.labelWidth), .heading)] + segments)
            line.target = field.map(Target.field)
            lines.append(line)
        }
        pair("KPI", field: 0, [Line.Segment("\(kpi.ref) \(kpi.name)")])
        pair("Unit", field: 1, [Line.Segment("\(kpi.unit) · \(kpi.better == .higher ? "higher" : "lower") is better")])
        pair("Baseline", field: 2, [Line.Segment(kpi.baseline.map { "\(BoardViews.number($0.value, kpi.unit))\($0.date.map { " (\($0.display))" } ?? "")\($0.note.isEmpty ? "" : " — “\($0.note)”")" } ?? "none", kpi.baseline == nil ? .dim : .normal)])
        pair("Comparator", field: 3, [Line.Segment(kpi.comparator.map { "\($0.label): \(BoardViews.number($0.value, kpi.unit))" } ?? "none", kpi.comparator == nil ? .dim : .normal)])
        pair("Status", [Line.Segment(BoardViews.kpiStatusText(kpi.status) + " " + kpi.status.label, .kpi(kpi.status), keepsRole: true),
                        Line.Segment("  \(kpi.travel.phrase)  "), Line.Segment(BoardViews.sparkline(kpi.series), .link)])
        lines.append(.blank)
        lines.append(Line([Line.Segment(TextLayout.pad(" Milestone", 16), .tableHeader), Line.Segment(TextLayout.pad("Date", 13), .tableHeader),
                           Line.Segment(TextLayout.pad("Target", 10), .tableHeader), Line.Segment(TextLayout.pad("Actual", max(0, width - 39)), .tableHeader)]))
        for milestone in kpi.milestones {
            let role = status(of: milestone, kpi).map(Role.kpi) ?? .dim
            var line = Line([Line.Segment(" " + TextLayout.pad(milestone.label, 15)), Line.Segment(TextLayout.pad(milestone.date?.display ?? "—", 13)),
                             Line.Segment(TextLayout.pad(BoardViews.number(milestone.target, kpi.unit), 10)),
                             Line.Segment(BoardViews.number(milestone.actual, kpi.unit), milestone.actual == nil ? .dim : role)])
            line.target = .milestone(milestone.label)
            lines.append(line)
            lines += EvidenceViews.lines(milestone.evidence, width: width, indent: 3, empty: nil)
        }
        if kpi.milestones.isEmpty {
            lines.append(Line(" No milestones yet: press \(Bindings.key(.structure(.addMilestone), on: KPIScreen.self)) to add one (label, date, target).", .dim))
        }
        lines.append(.blank)
        let linked = state.linkedActions(ref)
        let actions = linked.actions
        lines.append(Line("Actions that move it (\(actions.count)) · Enter opens one", .heading))
        if actions.isEmpty {
            lines.append(Line(" None linked yet: press \(Bindings.key(.structure(.linkAction), on: KPIScreen.self)) to link actions (or use an action's KPIs field).", .dim))
        }
        // The actions are made as they come on screen: a KPI can be moved by thousands.
        var body = Body(head: lines, rows: actions.count, row: { i in
            let action = actions[i]
            var line = Line(target: .action(action.ref))
            line.segments.append(Line.Segment(" " + TextLayout.pad(action.ref, 8)))
            line.segments.append(AreaViews.statusSegment(action.status, width: 15))
            line.segments.append(Line.Segment(TextLayout.fit(action.text, max(10, width - 25))))
            return line
        }, rowIndex: { target in
            guard case let .action(ref) = target else { return nil }
            return linked.position[ref]
        })
        // The KPI's own lines come first, as the first that can be selected.
        body.firstSelectable = lines.firstIndex { $0.target != nil } ?? body.firstSelectable
        return body
    }
}

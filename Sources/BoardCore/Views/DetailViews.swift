import Foundation
import PlanModel

/// The bodies of the screens that show one thing in full.
enum DetailViews {
    static let labelWidth = 17

    static func field(_ label: String, _ value: [Line.Segment], selected: Bool, index: Int) -> Line {
        var line = Line([Line.Segment(TextLayout.pad(label, labelWidth), .heading)] + value, target: .field(index))
        line.selected = selected
        return line
    }

    static func action(_ state: BoardState, _ screen: ActionScreen) -> Body {
        let ref = screen.ref
        guard let place = state.place(ofAction: ref) else { return Body() }
        let action = state.plan.areas[place.area].actions[place.index]
        let plan = state.plan
        let width = state.width
        let valueWidth = max(10, width - labelWidth - 1)
        var lines: [Line] = []
        let flags = action.flags(today: state.today, settings: plan.settings)
        for (index, field) in ActionScreen.fields.enumerated() {
            let selected = index == screen.fieldIndex
            switch field {
            case .ref:
                let area = "area \(plan.areas[place.area].number): \(plan.areas[place.area].title)"
                lines.append(Self.field("Reference", [Line.Segment(action.ref), Line.Segment("  in \(area)", .dim)], selected: selected, index: index))
            case .text, .kpiText, .successCriteria:
                let text = action.text(of: field)
                let wrapped = text.isEmpty ? ["—"] : TextLayout.wrap(text, width: valueWidth)
                let shown = field == .text ? wrapped : Array(wrapped.prefix(3))
                for (k, piece) in shown.enumerated() {
                    let more = field != .text && k == 2 && wrapped.count > 3 ? " …" : ""
                    let label = k == 0 ? (field == .text ? "Action" : field == .kpiText ? "KPI (as written)" : "Success criteria") : ""
                    var line = Self.field(label, [Line.Segment(piece + more, text.isEmpty ? .dim : .normal)], selected: selected, index: index)
                    if k > 0 { line.target = nil }
                    lines.append(line)
                }
            case .byWhen:
                var value = [Line.Segment(action.byWhenShown(none: "not set"), action.byWhen == nil ? .dim : .normal)]
                if flags.overdue, let byWhen = action.byWhen {
                    value.append(Line.Segment("  ! overdue by \(state.today.dayNumber - byWhen.dayNumber) days", .overdue, keepsRole: true))
                } else if flags.dueSoon, let byWhen = action.byWhen {
                    let days = byWhen.dayNumber - state.today.dayNumber
                    value.append(Line.Segment("  » due \(days == 0 ? "today" : "in \(days) day\(days == 1 ? "" : "s")")", .dueSoon, keepsRole: true))
                }
                lines.append(Self.field("By when", value, selected: selected, index: index))
                if let standing = AgreementViews.standingSegments(action, plan) {
                    var line = Self.field("", standing, selected: selected, index: index)
                    line.target = nil
                    lines.append(line)
                }
            case .leads:
                lines.append(Self.field("Lead(s)", [Line.Segment(action.leads.isEmpty ? "none" : action.leads.joined(separator: ", "), action.leads.isEmpty ? .dim : .normal)], selected: selected, index: index))
            case .seniorResponsibleOfficer:
                lines.append(Self.field("Senior officer", [Line.Segment(action.seniorResponsibleOfficer ?? "none", action.seniorResponsibleOfficer == nil ? .dim : .normal)], selected: selected, index: index))
            case .status:
                lines.append(Self.field("Status", [Line.Segment("\(action.status.badge) \(action.status.label)", .status(action.status), keepsRole: true)], selected: selected, index: index))
            case .kpis:
                if action.kpis.isEmpty {
                    lines.append(Self.field("KPIs it moves", [Line.Segment("none linked", .dim)], selected: selected, index: index))
                }
                for (k, kpiRef) in action.kpis.enumerated() {
                    let kpi = plan.kpi(kpiRef)
                    let status = kpi.map { " (\($0.status.label), \($0.travel.word))" } ?? ""
                    var line = Self.field(k == 0 ? "KPIs it moves" : "", [Line.Segment("\(kpiRef) \(kpi?.name ?? "")", .link),
                                                                          Line.Segment(status, kpi.map { .kpi($0.status) } ?? .dim, keepsRole: true)],
                                          selected: selected, index: index)
                    if k > 0 { line.target = nil }
                    lines.append(line)
                }
            }
        }
        lines.append(.blank)
        lines.append(Line("Progress notes (\(action.notes.count)), newest first", .heading))
        if action.notes.isEmpty { lines.append(Line("None yet. Press \(Bindings.key(.addNote)) to add one.", .dim)) }
        for note in action.notes.reversed() {
            let text = (note.author.isEmpty ? "" : note.author + ": ") + note.text
            for (k, piece) in TextLayout.wrap(text, width: max(10, width - 14)).enumerated() {
                lines.append(Line([Line.Segment(TextLayout.pad(k == 0 ? note.date.display.leftPad(11) : "", 13), .dim), Line.Segment(piece)]))
            }
        }
        lines.append(.blank)
        lines.append(Line("Evidence (\(action.evidence.count))", .heading))
        lines += EvidenceViews.lines(action.evidence, width: width, indent: 1,
                                     empty: "None yet. Press \(Bindings.key(EvidenceKeys.addCommand, on: ActionScreen.self)) to add where to find it (a link or document).")
        lines.append(.blank)
        let history = state.log.filter { $0.edit?.touches(action: ref) ?? false }
        lines.append(Line("Change history (\(history.count))", .heading))
        if history.isEmpty { lines.append(Line("No changes since the plan was imported.", .dim)) }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        for record in history.reversed() {
            let text = "\(formatter.string(from: record.at))  \(record.user)  \(record.reading(in: state.plan))"
            lines.append(Line(TextLayout.fit(text, width - 1), .dim))
        }
        return Body(lines)
    }

    static func governance(_ state: BoardState) -> Body {
        let plan = state.plan
        let h = plan.header
        let width = state.width
        var lines: [Line] = []
        func pair(_ label: String, _ value: String, _ role: Role = .normal) {
            let wrapped = TextLayout.wrap(value, width: max(10, width - labelWidth - 1))
            for (k, piece) in wrapped.enumerated() {
                lines.append(Line([Line.Segment(TextLayout.pad(k == 0 ? label : "", labelWidth), .heading), Line.Segment(piece, role)]))
            }
        }
        lines.append(Line("Press \(Bindings.key(.structure(.editPlan), on: GovernanceScreen.self)) to edit any of these: the header, people, partners, lines, narrative.", .dim))
        pair("Local area", h.localArea)
        pair("Plan", h.title)
        if let notice = h.notice { pair("Note", notice, .notice) }
        let inspection = [h.inspectionStart, h.inspectionEnd].compactMap { $0?.display }.joined(separator: " to ")
        pair("Inspection", inspection.isEmpty ? "not recorded" : inspection, inspection.isEmpty ? .dim : .normal)
        pair("Revisit report", h.revisitReportDate?.display ?? "not yet known", h.revisitReportDate == nil ? .dim : .normal)
        lines.append(.blank)
        lines.append(Line("Accountable officers", .heading))
        for person in h.accountableOfficers { lines.append(Line(" " + describe(person))) }
        if h.accountableOfficers.isEmpty { lines.append(Line(" none named", .dim)) }
        lines.append(Line("SEND and NHS England advisers", .heading))
        for person in h.advisers { lines.append(Line(" " + describe(person))) }
        if h.advisers.isEmpty { lines.append(Line(" none named", .dim)) }
        lines.append(.blank)
        lines.append(Line("Partners", .heading))
        if plan.governance.partners.isEmpty { lines.append(Line(" none named", .dim)) }
        for partner in plan.governance.partners {
            for (k, piece) in TextLayout.wrap(partner, width: width - 4).enumerated() { lines.append(Line((k == 0 ? " • " : "   ") + piece)) }
        }
        lines.append(.blank)
        lines.append(Line("Reporting lines", .heading))
        let nameWidth = max(12, (width - 30) / 2)
        lines.append(Line([Line.Segment(TextLayout.pad(" From", nameWidth + 1), .tableHeader), Line.Segment(TextLayout.pad("To", nameWidth), .tableHeader),
                           Line.Segment(TextLayout.pad("Kind", 16), .tableHeader), Line.Segment(TextLayout.pad("How often", max(0, width - 2 * nameWidth - 17)), .tableHeader)]))
        for line in plan.governance.reportingLines {
            let kind = line.kind == .information ? "information" : "accountability"
            // Each column keeps a space after it, so a cut name never runs into the next.
            lines.append(Line([Line.Segment(" " + TextLayout.pad(line.from, nameWidth - 1) + " "), Line.Segment(TextLayout.pad(line.to, nameWidth - 1) + " "),
                               Line.Segment(TextLayout.pad(kind, 15) + " ", line.kind == .accountability ? .heading : .normal),
                               Line.Segment(TextLayout.fit(line.frequency, max(0, width - 2 * nameWidth - 18)))]))
        }
        if plan.governance.reportingLines.isEmpty { lines.append(Line(" none recorded", .dim)) }
        lines.append(.blank)
        lines.append(Line("How the plan is governed", .heading))
        for piece in TextLayout.wrap(plan.governance.narrative, width: width - 2) { lines.append(Line(" " + piece)) }
        if plan.governance.narrative.isEmpty { lines.append(Line(" not written yet", .dim)) }
        return Body(lines)
    }

    static func describe(_ person: Person) -> String {
        [person.name, person.role, person.organisation].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}


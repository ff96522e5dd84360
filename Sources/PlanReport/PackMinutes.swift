import PlanModel

/// The pack opens, as board papers do, with the minutes of the last meeting and the
/// matters arising carried to this one.
extension BoardPack {
    var minutesSection: Section? {
        let last = plan.lastMinutedMeeting(before: meeting)
        let carried = meeting.map { plan.mattersCarried(to: $0) } ?? []
        guard last != nil || !carried.isEmpty else { return nil }
        var blocks: [Block] = [.heading(level: 2, text: "Minutes of the last meeting and matters arising")]
        if let last {
            blocks.append(.heading(level: 3, text: "\(last.name) (\(last.date.display))"))
            let present = last.record.attendance.filter(\.present), away = last.record.attendance.filter { !$0.present }
            func names(_ people: [Attendee]) -> String {
                people.isEmpty ? "None recorded" : people.map { $0.role.isEmpty ? $0.name : "\($0.name) (\($0.role))" }.joined(separator: "; ")
            }
            blocks.append(.fields([(label: "Present", text: names(present)), (label: "Apologies", text: names(away))]))
            if last.record.minutes.isEmpty {
                blocks.append(.note("No minutes were recorded."))
            } else {
                blocks.append(.fields(last.record.minutes.map { (label: $0.item, text: $0.text) }))
            }
        }
        blocks.append(.heading(level: 3, text: "Matters arising (\(carried.filter { $0.matter.isOpen }.count) open)"))
        if carried.isEmpty {
            blocks.append(.note("None carried to this meeting."))
        } else {
            blocks.append(.table(Table(name: "matters-arising", caption: nil, headers: ["No.", "Matter", "Owner", "Raised at", "Status"],
                                       rows: carried.map { raised, m in
                                           Table.Row(key: m.label, cells: [[Span(m.label, .strong)], [Span(m.text)], [Span(m.owner ?? "–")],
                                                                           [Span(raised.name)],
                                                                           m.closedAt.map { [Span("■ Closed at \($0)")] } ?? [Span("○ Open", .flag)]])
                                       })))
        }
        return Section(id: "minutes", blocks: blocks)
    }
}

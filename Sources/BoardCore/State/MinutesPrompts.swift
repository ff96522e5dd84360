import Foundation
import PlanModel

/// A meeting as a board secretary records it, on its agenda: who attended and who sent
/// apologies, the minute of each area, and matters arising raised and closed.
enum MinutesKeys {
    private enum Own: Hashable, Sendable { case attendance, minute, raise, close }
    static let attendance = Command.own(Own.attendance)
    static let minute = Command.own(Own.minute)
    static let raise = Command.own(Own.raise)
    static let close = Command.own(Own.close)

    static var bindings: [Binding] {
        [Binding([.char("P")], attendance, "Record who is present, then who sent apologies (names, commas between)", needs: [.writable, .chair]),
         Binding([.char("I")], minute, "Write the minute of the selected area", needs: [.writable, .chair]),
         Binding([.char("J")], raise, "Raise a matter arising: carried to later agendas until closed", needs: [.writable, .chair]),
         Binding([.char("X")], close, "Close a matter arising carried to this meeting", needs: [.writable, .chair])]
    }
}

extension BoardState {
    /// The steps for a minutes key on meeting `m`, with the area selected (if any); nil for other commands.
    func minutesSteps(_ command: Command, _ m: Meeting, area: Int?) -> [Step]? {
        switch command {
        case MinutesKeys.attendance:
            let present = m.record.attendance.filter(\.present).map(\.name).joined(separator: ", ")
            return [.ask(.prompt(Prompt("Present: ", present, completesNames: true, hint: "Names, commas between · Tab completes · Enter next · Esc cancel") { text, board in
                .done([.ask(.prompt(board.apologiesPrompt(m, present: TypedText.names(text))))])
            }))]
        case MinutesKeys.minute:
            guard let area else { return [.refuse("Select a line of an area first: the minute is that area's.")] }
            let item = "Area \(area)"
            return [.ask(.prompt(Prompt("Minute of \(item): ", m.record.minute(item)?.text ?? "", hint: "What the board noted or agreed · Enter save · Esc cancel") { text, board in
                let text = text.trimmingCharacters(in: .whitespaces)
                return .done([board.recordEdit(board.plan.meeting(named: m.name) ?? m, done: "Minute of \(item) saved.") { record in
                    record.minutes.removeAll { $0.item == item }
                    if !text.isEmpty { record.minutes.append(Minute(item: item, text: text)) }
                }])
            }))]
        case MinutesKeys.raise:
            return [.ask(.prompt(Prompt("Matter arising: ", hint: "What is to come back · Enter save · Esc cancel") { text, board in
                let text = text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { return .refuse("Type the matter, then Enter (Esc cancels).") }
                let number = board.plan.nextMatterNumber
                return .done([board.recordEdit(board.plan.meeting(named: m.name) ?? m, done: "Matter arising M\(number) raised.") { record in
                    record.mattersArising.append(MatterArising(number: number, text: text))
                }])
            }))]
        case MinutesKeys.close:
            let open = plan.mattersCarried(to: m).filter { $0.matter.isOpen }
            guard !open.isEmpty else { return [.say("No matter arising is open on this agenda.")] }
            return [.ask(.prompt(Prompt("Close which matter? \(open.map(\.matter.label).joined(separator: ", ")): ", hint: "Its number, e.g. M2 · Enter close · Esc cancel") { text, board in
                let typed = text.trimmingCharacters(in: .whitespaces).uppercased()
                guard let (raised, matter) = open.first(where: { $0.matter.label == typed || "M" + typed == $0.matter.label }) else {
                    return .refuse("Type one of \(open.map(\.matter.label).joined(separator: ", ")) (Esc cancels).")
                }
                guard let seen = board.plan.meeting(named: raised.name) else { return .refuse("That meeting has gone.") }
                return .done([board.recordEdit(seen, done: "\(matter.label) closed at “\(m.name)”.") { record in
                    if let i = record.mattersArising.firstIndex(where: { $0.number == matter.number }) { record.mattersArising[i].closedAt = m.name }
                }])
            }))]
        default: return nil
        }
    }

    private func apologiesPrompt(_ m: Meeting, present: [String]) -> Prompt {
        let apologies = m.record.attendance.filter { !$0.present }.map(\.name).joined(separator: ", ")
        return Prompt("Apologies: ", apologies, completesNames: true, hint: "Names, commas between · Enter save · Esc cancel") { text, board in
            let away = TypedText.names(text)
            return .done([board.recordEdit(board.plan.meeting(named: m.name) ?? m, done: "Attendance saved: \(present.count) present, \(away.count) apologies.") { record in
                let roles = Dictionary(record.attendance.map { ($0.name, $0.role) }, uniquingKeysWith: { a, _ in a })
                record.attendance = present.map { Attendee(name: $0, role: roles[$0] ?? "", present: true) }
                    + away.filter { !present.contains($0) }.map { Attendee(name: $0, role: roles[$0] ?? "", present: false) }
            }])
        }
    }

    /// The edit changing `seen`'s record: the meeting as the board answering the question
    /// holds it (as it was when the question opened, or the newer one when asked again).
    func recordEdit(_ seen: Meeting, done: String, _ change: (inout MeetingRecord) -> Void) -> Step {
        var to = seen.record
        change(&to)
        return .effect(.apply(.record(.setRecord(meeting: seen.name, from: seen.record, to: to)), done: done))
    }
}

/// The agenda's lines for what the secretary records.
enum MinutesViews {
    static func head(_ m: Meeting, _ plan: Plan, width: Int) -> [Line] {
        var lines: [Line] = []
        let present = m.record.attendance.filter(\.present).map(\.name), away = m.record.attendance.filter { !$0.present }.map(\.name)
        lines.append(Line(TextLayout.fit(" Present (\(present.count)): \(present.isEmpty ? "not recorded (P records it)" : present.joined(separator: ", "))", width), present.isEmpty ? .dim : .normal))
        if !away.isEmpty { lines.append(Line(TextLayout.fit(" Apologies (\(away.count)): \(away.joined(separator: ", "))", width))) }
        let carried = plan.mattersCarried(to: m)
        let open = carried.filter { $0.matter.isOpen }.count + m.record.mattersArising.filter(\.isOpen).count
        lines.append(Line(TextLayout.fit(" Matters arising (\(open) open) · J raises one · X closes one", width), .tableHeader))
        for (raised, matter) in carried {
            let state = matter.closedAt.map { _ in "■ closed" } ?? "○ open"
            lines.append(Line(TextLayout.fit("  \(matter.label) \(state)  \(matter.text)\(matter.owner.map { " (\($0))" } ?? "") · from \(raised.name)", width),
                              matter.isOpen ? .normal : .dim))
        }
        for matter in m.record.mattersArising {
            lines.append(Line(TextLayout.fit("  \(matter.label) raised here  \(matter.text)\(matter.owner.map { " (\($0))" } ?? "")", width)))
        }
        if carried.isEmpty && m.record.mattersArising.isEmpty { lines.append(Line("  None.", .dim)) }
        return lines
    }

    static func minute(_ m: Meeting, area: Int, width: Int) -> [Line] {
        guard let minute = m.record.minute("Area \(area)") else { return [] }
        return TextLayout.wrap(minute.text, width: max(10, width - 18)).enumerated().map { k, piece in
            Line([Line.Segment("   " + TextLayout.pad(k == 0 ? "Minute" : "", 14), .dim), Line.Segment(piece)])
        }
    }
}

import Foundation
import PlanModel

/// Evidence in the dashboard: the keys that add and remove it on an action's screen, a
/// KPI's screen (on the selected figure) and a meeting's agenda (on an area's highlight),
/// the questions they ask, and the lines that list it.
enum EvidenceKeys {
    private enum Own: Hashable, Sendable { case add, remove }
    static let addCommand = Command.own(Own.add)
    static let removeCommand = Command.own(Own.remove)

    static func bindings(chair: Bool = false) -> [Binding] {
        let needs: [Requirement] = chair ? [.writable, .chair] : [.writable]
        return [Binding([.char("v")], addCommand, "Add evidence: its title, where it is (a link or document reference), what it shows",
                        needs: needs),
                Binding([.char("V")], removeCommand, "Remove an evidence item, by its number in the list", needs: needs)]
    }
}

extension BoardState {
    /// The steps for an evidence key on `holder`, or nil when `command` is not one.
    func evidenceSteps(_ command: Command, _ holder: EvidenceHolder) -> [Step]? {
        switch command {
        case EvidenceKeys.addCommand: return [.ask(.prompt(evidenceTitlePrompt(holder)))]
        case EvidenceKeys.removeCommand:
            let items = plan.evidence(of: holder) ?? []
            guard !items.isEmpty else { return [.say("\(holder.display(in: plan).capitalizedFirst) has no evidence to remove.")] }
            return [.ask(.prompt(evidenceRemovePrompt(holder, seen: items)))]
        default: return nil
        }
    }

    private func evidenceTitlePrompt(_ holder: EvidenceHolder) -> Prompt {
        Prompt("Evidence on \(holder.display(in: plan)), title: ", hint: "One line, e.g. “SENCO audit, autumn term” · Enter next · Esc cancel") { text, board in
            let title = text.trimmingCharacters(in: .whitespaces)
            guard !title.isEmpty else { return .refuse("Type what the evidence is called, then Enter (Esc cancels).") }
            return .done([.ask(.prompt(board.evidenceWherePrompt(holder, title: title)))])
        }
    }

    private func evidenceWherePrompt(_ holder: EvidenceHolder, title: String) -> Prompt {
        Prompt("Where is “\(TextLayout.fit(title, 30))”? ", hint: "A link (https://…), file path or intranet address · Enter next · Esc cancel") { text, board in
            let location = text.trimmingCharacters(in: .whitespaces)
            guard !location.isEmpty else { return .refuse("Say where the evidence is: a link or a document reference (Esc cancels).") }
            return .done([.ask(.prompt(board.evidenceShowsPrompt(holder, title: title, location: location)))])
        }
    }

    private func evidenceShowsPrompt(_ holder: EvidenceHolder, title: String, location: String) -> Prompt {
        Prompt("What does it show? ", hint: "A sentence, dated today in your name (empty skips) · Enter save · Esc cancel") { text, board in
            let item = Evidence(title: title, date: board.today, location: location,
                                shows: text.trimmingCharacters(in: .whitespaces), addedBy: board.user)
            if let problem = Evidence.problem(item) { return .refuse("The evidence \(problem) (Esc cancels).") }
            return .done([.effect(.apply(.evidence(.add(holder, index: nil, item: item)),
                                         done: "Evidence “\(TextLayout.fit(title, 40))” added to \(holder.display(in: board.plan)). Press \(Bindings.key(.undo)) to undo."))])
        }
    }

    /// Asks which item to remove, by its number in the list as it was when the question opened.
    private func evidenceRemovePrompt(_ holder: EvidenceHolder, seen items: [Evidence]) -> Prompt {
        Prompt("Remove which evidence from \(holder.display(in: plan))? Number 1–\(items.count): ",
               hint: "As numbered in the list · Enter remove · Esc cancel") { text, board in
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), items.indices.contains(n - 1) else {
                return .refuse("Type a number from 1 to \(items.count), as the list numbers them (Esc cancels).")
            }
            let item = items[n - 1]
            return .done([.effect(.apply(.evidence(.remove(holder, item: item)),
                                         done: "Removed evidence “\(TextLayout.fit(item.title, 40))”. Press \(Bindings.key(.undo)) to undo."))])
        }
    }
}

/// The lines that list a holder's evidence, numbered as the remove question asks for them.
enum EvidenceViews {
    static func lines(_ items: [Evidence], width: Int, indent: Int, empty: String?) -> [Line] {
        if items.isEmpty { return empty.map { [Line(String(repeating: " ", count: indent) + $0, .dim)] } ?? [] }
        var lines: [Line] = []
        for (n, item) in items.enumerated() {
            let lead = String(repeating: " ", count: indent) + "\(n + 1). "
            let text = "\(item.title) (\(item.date.display))" + (item.shows.isEmpty ? "" : " – \(item.shows)")
            lines.append(Line([Line.Segment(lead, .dim), Line.Segment(TextLayout.fit(text, max(10, width - lead.count - 1)))]))
            let pad = String(repeating: " ", count: lead.count)
            let by = item.addedBy.isEmpty ? "" : " · added by \(item.addedBy)"
            lines.append(Line([Line.Segment(pad), Line.Segment(TextLayout.fit(item.location, max(10, width - lead.count - by.count - 1)), .link),
                               Line.Segment(by, .dim)]))
        }
        return lines
    }
}

extension String {
    /// The same text with its first letter a capital: "action 3b" → "Action 3b".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

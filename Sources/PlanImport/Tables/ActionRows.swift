import Foundation
import PlanModel

/// What was placed, skipped or could not be placed, each with where it was found.
public struct ImportReport: Equatable, Sendable {
    public struct Line: Equatable, Sendable, CustomStringConvertible {
        /// Where in the file: "paragraph 12", "table 3, row 4".
        public var place: String
        public var what: String
        public var description: String { "\(place): \(what)" }
    }

    /// Put into the plan.
    public var placed: [Line] = []
    /// Recognised and deliberately left out: the template's guidance, empty headings.
    public var skipped: [Line] = []
    /// Content planboard could not place; the person should look at each.
    public var notPlaced: [Line] = []
    /// Placed, but could be read another way: each says both readings. Not counted apart, as
    /// each is about content already placed.
    public var check: [Line] = []

    public init() {}

    mutating func place(_ place: String, _ what: String) { placed.append(Line(place: place, what: what)) }
    mutating func skip(_ place: String, _ what: String) { skipped.append(Line(place: place, what: what)) }
    mutating func miss(_ place: String, _ what: String) { notPlaced.append(Line(place: place, what: what)) }
    mutating func ask(_ place: String, _ what: String) { check.append(Line(place: place, what: what)) }

    /// Renames a reference in the lines already written for one place, when a later row
    /// changes it (a letter used twice makes the first `3p` into `3p.i`).
    mutating func rename(_ from: String, to: String, at place: String) {
        func fix(_ lines: inout [Line]) {
            for i in lines.indices where lines[i].place == place && lines[i].what.hasPrefix(from + " ") {
                lines[i].what = to + lines[i].what.dropFirst(from.count)
            }
        }
        fix(&placed)
        fix(&notPlaced)
        fix(&skipped)
        fix(&check)
    }

    /// The share of the file's content that was placed, 0 to 100.
    public var percentPlaced: Double {
        let total = placed.count + notPlaced.count
        return total == 0 ? 100 : Double(placed.count) * 100 / Double(total)
    }

    /// The whole report as text, one line per item, grouped.
    public var text: String {
        var out = "Placed (\(placed.count)):\n"
        for line in placed { out += "  \(line)\n" }
        out += "Not placed (\(notPlaced.count)):\n"
        if notPlaced.isEmpty { out += "  (nothing: every part of the file was placed)\n" }
        for line in notPlaced { out += "  \(line)\n" }
        if !check.isEmpty {
            out += "Check these (\(check.count)): placed, but they could be read another way\n"
            for line in check { out += "  \(line)\n" }
        }
        if !skipped.isEmpty {
            out += "Skipped as template guidance or headings (\(skipped.count)):\n"
            for line in skipped { out += "  \(line)\n" }
        }
        return out
    }
}

/// One action as read from a row of a table, with the fields the table gives. A field is
/// nil when the table has no such column (or, in a tracker, when the cell is empty).
struct RowAction {
    var ref: String
    var place: String
    var text: String?
    var byWhen: PlanDate??
    /// A by-when written in words that are not a date ("Ongoing", "TBC"), kept as written.
    var byWhenWritten: String?
    var leads: [String]?
    var sro: String??
    var status: Status?
    var kpiText: String?
    var successCriteria: String?
    var progress: String?
}

extension RowAction {
    static func keptAsWritten(_ ref: String, _ written: String) -> String {
        "\(ref) by when \"\(written)\" is not a date: kept as written, with no date; set one with `planboard set \(ref) --by-when DATE`"
    }
}

/// Turns the rows of an actions table into actions with references, as a plan's tables
/// letter them: "a)", "b.", "d) and e)", roman sub-actions "i)" under a letter, a letter
/// used twice ("p." "p.") as p.i and p.ii, unlettered rows taking the next letter, and
/// rows split across a page (the second part unlettered and starting in lower case, or with
/// an empty action cell) joined to the row before.
struct ActionRowReader {
    let area: Int
    let roles: [Int: ColumnRole]
    /// Excel trackers: an empty cell means "no change", and numbers in date columns are serials.
    let isTracker: Bool
    private(set) var actions: [RowAction] = []
    private var lastLetter: String?
    /// How many sub-actions the last letter has, and whether they came from a repeated letter.
    private var subCount = 0
    /// References changed after their row was reported, to put right in the report.
    private var renamed: [(String, String, String)] = []

    init(area: Int, roles: [Int: ColumnRole], isTracker: Bool) {
        self.area = area
        self.roles = roles
        self.isTracker = isTracker
    }

    func column(_ role: ColumnRole) -> Int? { roles.first { $0.value == role }?.key }

    /// Makes room for about `rows` actions at once (a tracker knows how many rows it has).
    mutating func reserveCapacity(_ rows: Int) { actions.reserveCapacity(max(0, rows)) }

    /// Hands over, in order, the actions no later row can change, and forgets them: a tracker
    /// of 100,000 rows makes each into its edits as it is read. Kept back: the last action (a
    /// continuation row joins it) and, from the first on, any whose reference a letter used
    /// again could still rename ("3p" becoming "3p.i"). `all`: every action (the rows are done).
    mutating func drain(all: Bool = false, _ take: (RowAction) throws -> Void) rethrows {
        let limit = all ? actions.count : actions.count - 1
        var count = 0
        while count < limit, all || !mayBeRenamed(actions[count].ref) { count += 1 }
        guard count > 0 else { return }
        // By index, so that no slice shares the array and removing them moves nothing else.
        for i in 0..<count { try take(actions[i]) }
        if count == actions.count { actions = [] } else { actions.removeFirst(count) }
    }

    /// Whether a later label could rename the action: its reference is the area and letters only.
    private func mayBeRenamed(_ ref: String) -> Bool {
        let prefix = String(area)
        guard ref.hasPrefix(prefix) else { return false }
        let letters = ref.dropFirst(prefix.count)
        return !letters.isEmpty && letters.allSatisfy(\.isLetter)
    }

    /// Reads one data row. `afterPageBreak`: the first row of a table that carries this one on
    /// across a page, which may finish the row before whatever its first letter.
    mutating func read(_ cells: [GridCell], place: String, afterPageBreak: Bool = false, report: inout ImportReport) {
        func cell(_ role: ColumnRole) -> GridCell? { column(role).flatMap { cells.indices.contains($0) ? cells[$0] : nil } }
        let nonEmpty = cells.contains { !$0.trimmed.isEmpty || ($0.fill.flatMap(CellValues.status(fill:)) != nil) }
        guard nonEmpty else { return }
        let actionCell = cell(.action)
        let paragraphs = ActionRowReader.paragraphs(actionCell?.text ?? "")
        let explicitRef = cell(.ref).map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }

        // A row split across a page: no label, no reference, and its action text carries on
        // the sentence (lower case) or is empty while other cells carry on theirs. After a
        // page break, a row with no status, date or lead of its own finishes the row before
        // whatever its first letter; elsewhere such a row starting with a capital is a new
        // action, and both readings are put to the person.
        var bothReadings = false
        if explicitRef == nil, !actions.isEmpty, actionCell?.merged != true {
            let first = paragraphs.first ?? ""
            let labelled = first.isEmpty ? false : ActionLabel.parse(first) != nil
            let continues = first.isEmpty || (first.first?.isLowercase ?? false)
            let bare = !ownsAnything(cells)
            if !labelled && (continues || (afterPageBreak && bare)) {
                let previous = actions[actions.count - 1].ref
                join(cells, place: place, report: &report)
                if !continues {
                    report.ask(place, "\"\(first.prefix(50))\" is read as the rest of \(previous), carried over the page break (it has no reference, status, date or lead of its own); if it is an action of its own, give it a letter in the document and import again, or add it with `planboard action add`")
                }
                return
            }
            bothReadings = !labelled && bare
        }

        // Split the action cell into items: one per labelled paragraph.
        var items: [(ref: String, text: String)] = []
        if let explicitRef {
            let ref = explicitRef.first?.isNumber == true ? explicitRef : "\(area)\(explicitRef)"
            let text = paragraphs.map { ActionLabel.parse($0)?.rest ?? $0 }.joined(separator: " ")
            items.append((ref.replacingOccurrences(of: " ", with: ""), text))
            if let letter = ActionLabel.letterPart(of: ref, area: area) { lastLetter = letter; subCount = 0 }
        } else {
            var pending: String?
            for paragraph in paragraphs {
                if let label = ActionLabel.parse(paragraph) {
                    if let pending, !pending.isEmpty { items.append((nextUnlabelled(), pending)) }
                    pending = nil
                    let ref = assign(label)
                    if label.rest.isEmpty {
                        // "a)" alone: the sub-actions below carry the text.
                        items.append((ref, ""))
                    } else {
                        items.append((ref, label.rest))
                    }
                } else if !items.isEmpty {
                    items[items.count - 1].text += (items[items.count - 1].text.isEmpty ? "" : " ") + paragraph
                } else {
                    pending = (pending.map { $0 + " " } ?? "") + paragraph
                }
            }
            if let pending, !pending.isEmpty { items.append((nextUnlabelled(), pending)) }
            if items.isEmpty {
                // No action text at all: the other cells still say something.
                let said = cells.enumerated().filter { !$0.element.trimmed.isEmpty }.map { roles[$0.offset]?.label ?? "column \($0.offset + 1)" }
                report.miss(place, "a row with no action text (it has \(said.joined(separator: ", "))); not placed")
                return
            }
        }
        // A label standing alone ("a)") with sub-actions after it in the same cell is only a heading.
        if items.count > 1 { items.removeAll { $0.text.isEmpty } }

        for (from, to, at) in renamed { report.rename(from, to: to, at: at) }
        renamed = []
        for item in items {
            var action = RowAction(ref: item.ref, place: place)
            action.text = item.text.isEmpty && isTracker ? nil : QuickTrim.oneLine(item.text)
            fill(&action, from: cells, place: place, report: &report)
            if bothReadings, let previous = actions.last?.ref {
                report.ask(place, "\(item.ref) \"\(item.text.prefix(50))\" is read as a new action; it has no letter, status, date or lead of its own, so it may instead be the rest of \(previous). If so, join the two rows in the document and import again")
            }
            actions.append(action)
        }
    }

    private mutating func fill(_ action: inout RowAction, from cells: [GridCell], place: String, report: inout ImportReport) {
        for (index, role) in roles {
            guard cells.indices.contains(index) else { continue }
            let cell = cells[index]
            let text = cell.trimmed
            let given = !text.isEmpty || !isTracker
            switch role {
            case .byWhen:
                guard given else { continue }
                if let (date, note) = CellValues.date(text, serial: isTracker) {
                    action.byWhen = .some(date)
                    if let note { report.place(place, "\(action.ref) by when: \(note)") }
                } else {
                    let written = QuickTrim.oneLine(text)
                    action.byWhenWritten = written
                    // A tracker says what became of it once it knows whether the action is new.
                    if !isTracker {
                        action.byWhen = .some(nil)
                        report.place(place, RowAction.keptAsWritten(action.ref, written))
                    }
                }
            case .lead:
                guard given else { continue }
                action.leads = ActionRowReader.leads(text, ref: action.ref, place: place, report: &report)
            case .sro:
                guard given else { continue }
                action.sro = .some(text.isEmpty ? nil : QuickTrim.oneLine(text))
            case .status:
                if !text.isEmpty {
                    if let s = CellValues.status(text) { action.status = s } else {
                        report.miss(place, "\(action.ref) status \"\(QuickTrim.oneLine(text))\" is not a status; expected Red, Amber, Green, Complete (Blue) or Not started, as a word or a letter. Left \(isTracker ? "as it was" : "Not started")")
                    }
                } else if let fill = cell.fill, let s = CellValues.status(fill: fill) {
                    action.status = s
                    report.place(place, "\(action.ref) status \(s.label) read from the cell's shading (#\(fill))")
                } else if !isTracker {
                    action.status = .notStarted
                }
            case .kpiText: if given { action.kpiText = QuickTrim.oneLine(text) }
            case .successCriteria: if given { action.successCriteria = QuickTrim.oneLine(text) }
            case .progress: if !text.isEmpty { action.progress = QuickTrim.oneLine(text) }
            default: continue
            }
        }
    }

    /// A cell's lines, each trimmed of spaces, the empty ones left out.
    static func paragraphs(_ text: String) -> [String] {
        // Most cells are one line: no need to split.
        guard text.utf8.contains(0x0A) else {
            let line = QuickTrim.whitespaces(text)
            return line.isEmpty ? [] : [line]
        }
        return text.components(separatedBy: "\n").map(QuickTrim.whitespaces).filter { !$0.isEmpty }
    }

    /// Whether a row has a status, date or lead of its own (a cell merged down from above is not its own).
    private func ownsAnything(_ cells: [GridCell]) -> Bool {
        roles.contains { index, role in
            guard [.status, .byWhen, .lead, .ref, .sro].contains(role), cells.indices.contains(index), !cells[index].merged else { return false }
            return !cells[index].trimmed.isEmpty || (role == .status && cells[index].fill.flatMap(CellValues.status(fill:)) != nil)
        }
    }

    /// Appends a continuation row's cells to the action before it.
    private mutating func join(_ cells: [GridCell], place: String, report: inout ImportReport) {
        var last = actions[actions.count - 1]
        func append(_ existing: String?, _ more: String) -> String {
            guard let existing, !existing.isEmpty else { return more }
            return existing + " " + more
        }
        for (index, role) in roles where cells.indices.contains(index) && !cells[index].merged {
            let text = QuickTrim.oneLine(cells[index].trimmed)
            guard !text.isEmpty else {
                if role == .status, last.status == nil || last.status == .notStarted,
                   let fill = cells[index].fill, let s = CellValues.status(fill: fill) { last.status = s }
                continue
            }
            switch role {
            case .action: last.text = append(last.text, text)
            case .kpiText: last.kpiText = append(last.kpiText, text)
            case .successCriteria: last.successCriteria = append(last.successCriteria, text)
            case .progress: last.progress = append(last.progress, text)
            case .lead:
                let more = ActionRowReader.leads(text, ref: last.ref, place: place, report: &report)
                last.leads = (last.leads ?? []) + more.filter { !(last.leads ?? []).contains($0) }
            case .status: if last.status == nil || last.status == .notStarted, let s = CellValues.status(text) { last.status = s }
            default: break
            }
        }
        actions[actions.count - 1] = last
        report.place(place, "joined to \(last.ref) (the row continues across a page)")
    }

    /// The leads in a cell: one per line or separated by semicolons; an unfinished "and:" is dropped.
    static func leads(_ text: String, ref: String, place: String, report: inout ImportReport) -> [String] {
        var out: [String] = []
        let parts = text.utf8.contains { $0 == 0x0A || $0 == 0x3B } ? text.components(separatedBy: CharacterSet(charactersIn: "\n;")) : [text]
        for part in parts {
            var name = QuickTrim.oneLine(part)
            // Each ending is ":", "," or "d" last; most names end otherwise.
            let mayEnd = name.utf8.last.map { [0x3A, 0x2C, 0x64, 0x44].contains($0) } ?? false
            for ending in [" and:", " and", ":", ","] where mayEnd && name.lowercased().hasSuffix(ending) {
                name = String(name.dropLast(ending.count)).trimmingCharacters(in: .whitespaces)
                report.skip(place, "\(ref) lead \"\(QuickTrim.oneLine(part))\": the unfinished \"\(ending.trimmingCharacters(in: .whitespaces))\" after the name")
            }
            for name in personAndTeams(name) where !name.isEmpty && !out.contains(name) { out.append(name) }
        }
        return out
    }

    /// "Jackie Ross 0-25, EPS, / Inclusion": a person and the teams after them, as separate
    /// leads ("Jackie Ross", "0-25", "EPS", "Inclusion"). Only a list of three or more short
    /// parts is split, so "Sam Patel, Head of SEND" and "Name, Role, Organisation" stay whole.
    static func personAndTeams(_ text: String) -> [String] {
        // Three parts need a "," or "/" between them.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x2F }) else { return [text] }
        let parts = text.components(separatedBy: CharacterSet(charactersIn: ",/")).map(QuickTrim.oneLine).filter { !$0.isEmpty }
        guard parts.count >= 3, parts.dropFirst().allSatisfy({ $0.split(separator: " ").count <= 3 }) else { return [text] }
        var out = parts
        // The first part may be the person followed by their first team: "Jackie Ross 0-25".
        let words = parts[0].split(separator: " ").map(String.init)
        let isNameWord = { (w: String) in (w.first?.isUppercase ?? false) && w.dropFirst().allSatisfy { $0.isLowercase || $0 == "'" || $0 == "-" } && w.count > 1 }
        if words.count >= 3, isNameWord(words[0]), isNameWord(words[1]), !isNameWord(words[2]) {
            out[0] = words[0] + " " + words[1]
            out.insert(words[2...].joined(separator: " "), at: 1)
        }
        return out
    }

    private mutating func nextUnlabelled() -> String {
        let letter = lastLetter.flatMap(findingIndex(of:)).map { findingLetter(at: $0 + 1) } ?? "a"
        lastLetter = letter
        subCount = 0
        return "\(area)\(letter)"
    }

    /// The reference for a label, keeping the letter state.
    private mutating func assign(_ label: ActionLabel) -> String {
        let expected = lastLetter.flatMap(findingIndex(of:)).map { findingLetter(at: $0 + 1) } ?? "a"
        switch label.kind {
        case let .letters(first, last):
            if first == last, first == lastLetter, let current = lastLetter {
                // A letter used twice: the first becomes .i, this one .ii, and so on.
                if subCount == 0, let i = actions.lastIndex(where: { $0.ref == "\(area)\(current)" }) {
                    renamed.append((actions[i].ref, "\(area)\(current).i", actions[i].place))
                    actions[i].ref = "\(area)\(current).i"
                    subCount = 1
                }
                subCount += 1
                return "\(area)\(current).\(ActionLabel.roman(subCount))"
            }
            if first == last, let roman = ActionLabel.romanValue(first), first != expected, let parent = lastLetter {
                subCount = roman
                return "\(area)\(parent).\(first)"
            }
            lastLetter = last
            subCount = 0
            return first == last ? "\(area)\(first)" : "\(area)\(first)-\(last)"
        case let .roman(numeral):
            subCount = ActionLabel.romanValue(numeral) ?? subCount + 1
            return "\(area)\(lastLetter ?? "a").\(numeral)"
        }
    }
}

/// A label at the start of an action: "a)", "(b)", "c.", "d) and e)", "ii)".
struct ActionLabel: Equatable {
    enum Kind: Equatable {
        case letters(String, String)
        case roman(String)
    }
    var kind: Kind
    /// The text after the label and its punctuation.
    var rest: String

    static func parse(_ text: String) -> ActionLabel? {
        guard mayStartWithLabel(text) else { return nil }
        let chars = Array(QuickTrim.whitespaces(text))
        guard let (letters, afterFirst) = TextScan.letterLabel(chars, maxLetters: 4) else { return nil }
        let first = letters.lowercased()
        // "d) and e)", "d) & e)", "d), e)", "d)-e)", "d) to e)": one action for both.
        var second: String?
        var i = TextScan.skip(chars, from: afterFirst, [" "])
        for connector in ["and", "&", ",", "-", "–", "to"] {
            let word = Array(connector)
            guard i + word.count <= chars.count, Array(chars[i..<(i + word.count)]).map({ Character($0.lowercased()) }) == word else { continue }
            let j = TextScan.skip(chars, from: i + word.count, [" "])
            if let (next, end) = TextScan.letterLabel(chars, from: j, maxLetters: 1) {
                second = next.lowercased()
                i = end
            }
            break
        }
        if second == nil { i = afterFirst }
        i = TextScan.skip(chars, from: i, [" ", "-", "–", ":"])
        let rest = String(chars[i...])
        if first.count > 1 {
            guard romanValue(first) != nil, second == nil else { return nil }
            return ActionLabel(kind: .roman(first), rest: rest)
        }
        return ActionLabel(kind: .letters(first, second ?? first), rest: rest)
    }

    /// Whether the text could start with a label, looking only at its first characters: after
    /// any white space, an optional "(", one to four ASCII letters and "." or ")". Most action
    /// texts cannot, and are not made into an array of characters to find that out.
    static func mayStartWithLabel(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let s = next, s.properties.isWhitespace { next = scalars.next() }
        if next == "(" { next = scalars.next() }
        var letters = 0
        while let s = next, s.isASCII, s.properties.isAlphabetic, letters < 4 {
            letters += 1
            next = scalars.next()
        }
        return letters > 0 && (next == "." || next == ")")
    }

    static func romanValue(_ s: String) -> Int? {
        ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"].firstIndex(of: s).map { $0 + 1 }
    }

    static func roman(_ n: Int) -> String {
        let numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        return numerals.indices.contains(n - 1) ? numerals[n - 1] : String(n)
    }

    /// The letter of a reference such as "3b" or "3b.ii" in area 3.
    static func letterPart(of ref: String, area: Int) -> String? {
        let prefix = String(area)
        guard ref.hasPrefix(prefix) else { return nil }
        let letters = ref.dropFirst(prefix.count).prefix { $0.isLetter }
        return letters.isEmpty ? nil : String(letters).lowercased()
    }
}

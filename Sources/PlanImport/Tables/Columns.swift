import Foundation
import PlanModel

/// One cell of a table as planboard reads it, from Word or Excel alike.
public struct GridCell: Equatable, Sendable {
    public var text: String
    /// The cell's shading as RRGGBB, when it has one.
    public var fill: String?
    /// The text came down from a merged cell above (Word's vertical merge).
    public var merged = false

    public init(text: String, fill: String? = nil, merged: Bool = false) {
        self.text = text
        self.fill = fill
        self.merged = merged
    }

    var trimmed: String {
        // Nearly every cell has nothing to trim: say so without Foundation's scan.
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// What a column of a table holds, recognised from its header cell.
enum ColumnRole: Equatable, Hashable {
    // An actions table.
    case ref, action, byWhen, lead, sro, status, kpiText, successCriteria, progress
    // The risk register.
    case raised, risk, owner, inherent, likelihood, impact, mitigation, residual, target, riskProgress, reviewDate, areas
    // The impact score card.
    case kpiName, unit, better, baseline, comparator, milestone(String)
    // Governance: reporting lines.
    case lineFrom, lineTo, lineKind, frequency

    var label: String {
        switch self {
        case .ref: "reference"
        case .action: "action"
        case .byWhen: "by when"
        case .lead: "lead"
        case .sro: "senior responsible officer"
        case .status: "status (RAG)"
        case .kpiText: "KPI text"
        case .successCriteria: "success criteria"
        case .progress: "progress"
        case .raised: "date raised"
        case .risk: "risk"
        case .owner: "owner"
        case .inherent: "score before mitigation"
        case .likelihood: "likelihood"
        case .impact: "impact"
        case .mitigation: "mitigation"
        case .residual: "score after mitigation"
        case .target: "target score"
        case .riskProgress: "progress following action"
        case .reviewDate: "review date"
        case .areas: "linked areas"
        case .kpiName: "KPI"
        case .unit: "unit"
        case .better: "direction"
        case .baseline: "baseline"
        case .comparator: "comparator"
        case let .milestone(label): "milestone \(label)"
        case .lineFrom: "reports from"
        case .lineTo: "reports to"
        case .lineKind: "kind of line"
        case .frequency: "frequency"
        }
    }
}

/// The kinds of table a plan holds.
enum TableKind: Equatable { case actions, risks, kpis, reportingLines }

/// Recognises a table's columns from its header cells, in any order and in the words
/// councils use ("By when", "Deadline", "Due date" …).
enum ColumnMatcher {
    /// Lower case, punctuation as spaces, one space between words.
    static func normalise(_ text: String) -> String {
        let mapped = text.lowercased().unicodeScalars.map { s -> Character in
            CharacterSet.alphanumerics.contains(s) || s == "%" ? Character(s) : " "
        }
        return String(mapped).split(separator: " ").joined(separator: " ")
    }

    private static func has(_ text: String, _ words: [String]) -> Bool {
        let padded = " \(text) "
        return words.contains { padded.contains(" \($0) ") || ($0.contains(" ") && text.contains($0)) }
    }

    static func actionRole(_ header: String) -> ColumnRole? {
        let h = normalise(header)
        if h.isEmpty { return nil }
        if has(h, ["senior responsible", "sro"]) { return .sro }
        if ["ref", "reference", "no", "number", "action ref", "action reference", "action no", "action number", "id", "ref no"].contains(h) { return .ref }
        if has(h, ["rag", "brag", "status", "rating"]) { return .status }
        if has(h, ["by when", "deadline", "due", "target date", "timescale", "timescales", "completion date", "date", "when", "end date", "timeframe"]) { return .byWhen }
        if has(h, ["responsible", "lead", "leads", "owner", "who", "officer", "accountable"]) { return .lead }
        if has(h, ["kpi", "kpis", "measure", "measured", "indicator", "indicators", "impact"]) { return .kpiText }
        if has(h, ["success", "outcome", "outcomes"]) { return .successCriteria }
        if has(h, ["progress", "update", "updates", "comment", "comments", "notes", "reason", "commentary", "evidence"]) { return .progress }
        if has(h, ["action", "actions", "activity", "task", "tasks", "intervention", "what we will do", "description",
                   "milestone", "milestones", "deliverable", "deliverables"]) { return .action }
        return nil
    }

    static func riskRole(_ header: String, hasLikelihood: Bool) -> ColumnRole? {
        let h = normalise(header)
        if h.isEmpty { return nil }
        if has(h, ["post mitigation", "residual", "after mitigation", "current score", "post"]) { return .residual }
        if has(h, ["target"]) { return .target }
        if ["ref", "risk ref", "reference", "risk reference", "no", "risk no", "id", "risk id", "number"].contains(h) { return .ref }
        if has(h, ["review"]) { return .reviewDate }
        if has(h, ["date", "raised", "date raised"]) { return .raised }
        if has(h, ["owner", "lead", "responsible"]) { return .owner }
        if has(h, ["mitigation", "mitigating", "controls", "control"]) { return .mitigation }
        if has(h, ["progress", "update"]) { return .riskProgress }
        if has(h, ["area", "areas", "linked area", "area of weakness"]) { return .areas }
        if has(h, ["likelihood", "probability"]) && !has(h, ["impact", "severity"]) { return .likelihood }
        if hasLikelihood && has(h, ["impact", "severity"]) && !has(h, ["likelihood"]) { return .impact }
        if has(h, ["severity", "impact", "score", "inherent", "pre mitigation", "rating"]) { return .inherent }
        if has(h, ["risk", "description", "risks"]) { return .risk }
        return nil
    }

    static func kpiRole(_ header: String) -> ColumnRole? {
        let h = normalise(header)
        if h.isEmpty { return nil }
        if ["ref", "kpi ref", "kpi reference", "reference", "no", "kpi no", "id", "kpi id", "number"].contains(h) { return .ref }
        if has(h, ["unit", "units"]) { return .unit }
        if has(h, ["better", "direction", "polarity", "good is"]) { return .better }
        if has(h, ["baseline"]) { return .baseline }
        if has(h, ["comparator", "average", "national", "england", "benchmark", "neighbours", "neighbour"]) { return .comparator }
        if h.range(of: #"\b\d+\s*(month|months|mth|mths|week|weeks|year|years)\b"#, options: .regularExpression) != nil
            || has(h, ["milestone", "target", "q1", "q2", "q3", "q4"]) {
            return .milestone(header.trimmingCharacters(in: .whitespacesAndNewlines).split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        if has(h, ["kpi", "measure", "indicator", "name", "description"]) { return .kpiName }
        return nil
    }

    /// The kind of table a header row makes, with each column's role, or nil when the row is
    /// not a header planboard knows. Each role is taken by its first column only.
    static func lineRole(_ header: String) -> ColumnRole? {
        let h = normalise(header)
        if ["from", "reports from", "reporting body", "body", "board", "group", "forum", "who reports"].contains(h) { return .lineFrom }
        if ["to", "reports to", "reports into", "accountable to", "reporting to"].contains(h) { return .lineTo }
        if has(h, ["frequency", "how often", "when"]) { return .frequency }
        if has(h, ["kind", "type", "nature", "line", "information or accountability", "relationship"]) { return .lineKind }
        return nil
    }

    static func recognise(_ headers: [String], choices: ColumnChoices = ColumnChoices()) -> (kind: TableKind, roles: [Int: ColumnRole])? {
        let normal = headers.map(normalise)
        let lineRoles = assign(headers, lineRole)
        if Set(lineRoles.values).isSuperset(of: [.lineFrom, .lineTo]) { return (.reportingLines, lineRoles) }
        let kpiRoles = assign(headers, kpiRole)
        if normal.contains(where: { $0.hasPrefix("kpi") }),
           kpiRoles.values.contains(where: { if case .milestone = $0 { return true }; return $0 == .baseline }) {
            return (.kpis, kpiRoles)
        }
        let hasLikelihood = headers.contains { riskRole($0, hasLikelihood: false) == .likelihood }
        let riskRoles = assign(headers) { riskRole($0, hasLikelihood: hasLikelihood) }
        let riskValues = Set(riskRoles.values)
        if riskValues.contains(.risk), !riskValues.isDisjoint(with: [.mitigation, .inherent, .likelihood, .residual]) {
            return (.risks, riskRoles)
        }
        let actionRoles = assign(headers, choices.actionRole)
        let actionValues = Set(actionRoles.values)
        if actionValues.contains(.action), !actionValues.isDisjoint(with: [.byWhen, .lead, .status, .kpiText, .ref, .sro]) {
            return (.actions, actionRoles)
        }
        return nil
    }

    static func assign(_ headers: [String], _ role: (String) -> ColumnRole?) -> [Int: ColumnRole] {
        var out: [Int: ColumnRole] = [:]
        var taken = Set<ColumnRole>()
        for (i, header) in headers.enumerated() {
            guard let r = role(header), !taken.contains(r) else { continue }
            taken.insert(r)
            out[i] = r
        }
        return out
    }
}

/// Reading values from cells: statuses (words, letters or shading), dates, numbers.
enum CellValues {
    /// A status from its words or letter; nil when the text is not a status.
    static func status(_ text: String) -> Status? {
        let t = QuickTrim.whitespacesAndNewlines(text).lowercased()
        if let s = Status(typed: t) { return s }
        switch t {
        case "done", "closed", "achieved", "complete (blue)", "blue - complete", "completed (blue)": return .complete
        case "on track", "on-track", "g - on track": return .green
        case "at risk", "some concerns", "a - at risk": return .amber
        case "off track", "off-track", "not on track", "r - off track": return .red
        case "not yet started", "grey", "gray", "tbc": return .notStarted
        default: break
        }
        for s in Status.allCases where t.hasPrefix(s.label.lowercased() + " ") || t.hasPrefix(s.rawValue + " ") { return s }
        return nil
    }

    /// The status a shading colour shows: red, amber (or yellow), green, blue (complete);
    /// grey and white mean not started. Nil for colours that are none of these.
    static func status(fill: String) -> Status? {
        guard fill.count == 6, let value = UInt32(fill, radix: 16) else { return nil }
        let r = Double((value >> 16) & 0xFF) / 255, g = Double((value >> 8) & 0xFF) / 255, b = Double(value & 0xFF) / 255
        let maxC = max(r, g, b), minC = min(r, g, b), delta = maxC - minC
        if maxC > 0.9 && delta < 0.08 { return nil }  // white: no shading to read
        if delta < 0.15 { return .notStarted }          // grey
        var hue: Double
        if maxC == r { hue = 60 * ((g - b) / delta).truncatingRemainder(dividingBy: 6) }
        else if maxC == g { hue = 60 * ((b - r) / delta + 2) }
        else { hue = 60 * ((r - g) / delta + 4) }
        if hue < 0 { hue += 360 }
        switch hue {
        case ..<18, 335...: return .red
        case 18..<70: return .amber
        case 70..<170: return .green
        case 170..<265: return .complete
        default: return nil
        }
    }

    /// A date as plans write them: the three forms planboard accepts and those `WrittenDates`
    /// reads ("End of March 2023", "Q2 2023/24", "Summer term 2023" …), and, from Excel, a
    /// date serial. Nil when the text is not a date (it is then kept as written).
    static func date(_ text: String, serial: Bool = false) -> (date: PlanDate?, note: String?)? {
        let t = QuickTrim.whitespacesAndNewlines(text)
        if t.isEmpty { return (nil, nil) }
        if serial, let n = Double(t), n > 0, n < 2_958_466, !(1990...2100).contains(n) {
            // Excel's serial 25569 is 1970-01-01 (the 1900 system, with its leap-year slip before March 1900).
            return (PlanDate(dayNumber: Int(n.rounded(.down)) - 25_569), nil)
        }
        return WrittenDates.read(t).map { ($0.date, $0.note) }
    }

    /// The first number in a cell ("1,600", "58%", "almost 2,000"), or a word for a share.
    static func number(_ text: String) -> Double? {
        let t = text.replacingOccurrences(of: ",", with: "")
        if let r = t.range(of: #"-?\d+(\.\d+)?"#, options: .regularExpression) { return Double(t[r]) }
        let lower = t.lowercased()
        if lower.contains("half") { return 50 }
        if lower.contains("third") { return 33.3 }
        if lower.contains("quarter") { return 25 }
        return nil
    }

    /// A risk score "4 x 3", "L4 I3", "4/3 = 12": likelihood and impact, each 1 to 5.
    static func score(_ text: String) -> Score? {
        let numbers = TextScan.integers(in: text)
        guard numbers.count >= 2, (1...5).contains(numbers[0]), (1...5).contains(numbers[1]) else { return nil }
        return Score(likelihood: numbers[0], impact: numbers[1])
    }
}

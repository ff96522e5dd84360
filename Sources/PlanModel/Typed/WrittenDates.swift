/// By-whens as plans write them, read into the last day they allow: "End of March 2023",
/// "Q2 2023/24" (financial-year quarters, Q1 = April to June), "Summer term 2023" (Autumn =
/// 31 Dec, Spring = 31 Mar, Summer = 31 Jul of the school year named), "2023", "2023/24",
/// "w/c 3 Oct 2022" (the Friday of that week), "01.04.23" and two-digit years. An import reads
/// a by-when cell with it, and `TypedText.date` reads what a person types, so the dashboard and
/// the command line take every date an import takes.
public enum WrittenDates {
    /// The date and how it was read (nil when the text was already a plain date); nil when
    /// the text is not a date planboard can read.
    public static func read(_ text: String) -> (date: PlanDate, note: String?)? {
        let original = QuickTrim.oneLine(text)
        // A date in a form planboard accepts as it is (most trackers' dates): nothing to read.
        if let d = PlanDate(typed: original) { return (d, nil) }
        var words = original.lowercased()
            .replacingOccurrences(of: ",", with: " ")
            .split(separator: " ").map(String.init)
        // "By", "end of", "before", "no later than": the deadline is the same day.
        while let first = words.first, ["by", "end", "of", "before", "eo", "the", "no", "later", "than", "until"].contains(first), words.count > 1 {
            words.removeFirst()
        }
        let t = unordinal(words.joined(separator: " "))
        func read(as date: PlanDate, _ how: String) -> (PlanDate, String?) { (date, "read \"\(original)\" as \(how), \(date.display)") }

        if let d = PlanDate(typed: unordinal(original)) { return (d, nil) }
        if let d = PlanDate(typed: t) ?? dayMonthYear(t) { return (d, "read \"\(original)\" as \(d.display)") }

        // "w/c 3 Oct 2022", "week commencing 03/10/22": the Friday of that week.
        for prefix in ["w/c ", "wc ", "w c ", "week commencing ", "week beginning ", "w/b "] where t.hasPrefix(prefix) {
            let rest = String(t.dropFirst(prefix.count))
            if let start = PlanDate(typed: rest) ?? dayMonthYear(rest) {
                return read(as: start.adding(days: 4), "the Friday of the week beginning \(start.display)")
            }
        }

        let parts = t.replacingOccurrences(of: "-", with: " ").split(separator: " ").map(String.init)
        // "March 2023", "Mar-23", "Sept 23": the end of that month.
        if parts.count == 2, let m = monthIndex(Substring(parts[0])), let y = year(parts[1]), let end = endOfMonth(y, m) {
            return read(as: end, "the end of that month")
        }
        // "Q2 2023/24", "Q4 22/23", "2023/24 Q1", "Q3 2023" (the financial year starting then).
        if let (quarter, rest) = quarter(in: parts), let (start, single) = schoolOrFinancialYear(rest) {
            let (y, m) = [(start, 6), (start, 9), (start, 12), (start + 1, 3)][quarter - 1]
            if let end = endOfMonth(y, m) {
                let year = "\(start)/\(String(start + 1).suffix(2))"
                return read(as: end, "the end of quarter \(quarter) of the financial year \(year)\(single ? " (the year it starts)" : "")")
            }
        }
        // "Summer term 2023", "Autumn 2022", "Spring term 2023/24".
        if let first = parts.first, let term = ["autumn", "spring", "summer"].firstIndex(of: first) {
            let rest = parts.dropFirst().filter { $0 != "term" && $0 != "half" }
            if let (start, single) = schoolOrFinancialYear(Array(rest)) {
                let y = single || term == 0 ? start : start + 1
                if let end = endOfMonth(y, [12, 3, 7][term]) {
                    return read(as: end, "the end of the \(first) term")
                }
            }
        }
        // "2023": its last day. "2023/24": the end of that financial year.
        if parts.count == 1, parts[0].count == 4, let y = Int(parts[0]), (1990...2100).contains(y), let end = PlanDate(year: y, month: 12, day: 31) {
            return read(as: end, "the end of that year")
        }
        if parts.count == 1, let (start, single) = schoolOrFinancialYear(parts), !single, let end = PlanDate(year: start + 1, month: 3, day: 31) {
            return read(as: end, "the end of the financial year")
        }
        return nil
    }

    /// "31st March" as "31 March": an ordinal ending after a digit, at the end of a word, goes.
    /// By hand rather than with a regular expression, which is compiled each time it is used.
    static func unordinal(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            out.append(chars[i])
            if chars[i].isASCII, chars[i].isNumber, i + 2 < chars.count {
                let pair = String(chars[(i + 1)...(i + 2)]).lowercased()
                let ends = i + 3 == chars.count || !(chars[i + 3].isLetter || chars[i + 3].isNumber)
                if ends, ["st", "nd", "rd", "th"].contains(pair) {
                    i += 3
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// "01.04.23", "1/4/23", "01-04-2023", "3 Oct 22": day, month, year (two-digit years are 20xx).
    static func dayMonthYear(_ t: String) -> PlanDate? {
        for separator in [".", "/", "-"] {
            let f = t.split(separator: Character(separator), omittingEmptySubsequences: false).map(String.init)
            if f.count == 3, let d = Int(f[0]), let m = Int(f[1]), let y = year(f[2]), f[0].count <= 2 {
                return PlanDate(year: y, month: m, day: d)
            }
        }
        let w = t.split(separator: " ").map(String.init)
        if w.count == 3, let d = Int(w[0]), let m = monthIndex(Substring(w[1])), let y = year(w[2]) {
            return PlanDate(year: y, month: m, day: d)
        }
        return nil
    }

    /// A four- or two-digit year.
    static func year(_ text: String) -> Int? {
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text) else { return nil }
        if text.count == 4 { return n }
        if text.count == 2 { return 2000 + n }
        return nil
    }

    /// A month from its name or the first three letters of it ("Sept", "jan"): 1 to 12.
    static func monthIndex(_ word: Substring) -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let w = word.lowercased()
        guard w.count >= 3 else { return nil }
        return names.firstIndex { w.hasPrefix($0) }.map { $0 + 1 }
    }

    static func endOfMonth(_ year: Int, _ month: Int) -> PlanDate? {
        (28...31).reversed().lazy.compactMap { PlanDate(year: year, month: month, day: $0) }.first
    }

    /// "q2" and the words left, from either end.
    private static func quarter(in parts: [String]) -> (Int, [String])? {
        func q(_ s: String) -> Int? {
            guard s.count == 2, s.first == "q", let n = Int(String(s.dropFirst())), (1...4).contains(n) else { return nil }
            return n
        }
        if let first = parts.first, let n = q(first) { return (n, Array(parts.dropFirst())) }
        if let last = parts.last, let n = q(last) { return (n, Array(parts.dropLast())) }
        return nil
    }

    /// "2023/24", "2023-24", "23/24", "2023/2024" (a year that spans two) or "2023" alone
    /// (`single`): the year it starts.
    private static func schoolOrFinancialYear(_ parts: [String]) -> (start: Int, single: Bool)? {
        let joined = parts.joined(separator: "/")
        let halves = joined.split(separator: "/").map(String.init)
        if halves.count == 2, let a = year(halves[0]), let b = year(halves[1]), b == a + 1 { return (a, false) }
        if halves.count == 1, halves[0].count == 4, let a = year(halves[0]) { return (a, true) }
        return nil
    }
}

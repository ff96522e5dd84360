import Foundation
import PlanModel

/// Writes RFC 4180 CSV that Excel opens with `£`, `–` and curly quotes intact.
///
/// CRLF line ends; a field is quoted when it holds a comma, quote or line break, with
/// quotes doubled; the file starts with a UTF-8 byte-order mark, which is how Excel knows
/// the file is UTF-8. Text that Excel would run as a formula (starting `=`, `+`, `-`, `@`, a
/// tab or a carriage return) is prefixed with `'` so opening an export never runs anything.
public enum CSVWriter {
    public static func write(header: [String], rows: [[Cell]]) -> String {
        var out = "\u{FEFF}"
        out += header.map { field($0) }.joined(separator: ",") + "\r\n"
        for row in rows {
            out += row.map { cell in
                switch cell {
                case let .text(s): field(defuse(s))
                case let .number(n): n.map(formatNumber) ?? ""
                }
            }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One cell: text (defused against formulas) or a number (written as is).
    public enum Cell: Equatable, Sendable {
        case text(String)
        case number(Double?)

        public static func int(_ n: Int) -> Cell { .number(Double(n)) }
    }

    /// Text a spreadsheet would run as a formula is prefixed with `'`: a first character of
    /// `=` `+` `-` `@`, a tab or a carriage return (the OWASP set), or their full-width forms.
    /// Any other control character is shown, not written (`Visible.lines`).
    static func defuse(_ s: String) -> String {
        let shown = Visible.lines(s)
        guard let first = s.unicodeScalars.first, formulaStarts.contains(first) else { return shown }
        return "'" + shown
    }

    static let formulaStarts = Set("=+-@\t\r\u{FF1D}\u{FF0B}\u{FF0D}\u{FF20}".unicodeScalars)

    static func field(_ s: String) -> String {
        let needsQuotes = s.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

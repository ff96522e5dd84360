/// Plan text made safe to print: no control character from a plan ever reaches a
/// terminal, a log line or a spreadsheet as itself.
///
/// Control characters are shown the way the dashboard shows them: caret notation (`^[`
/// for ESC, `^?` for DEL), C1 controls and the Unicode line and paragraph separators as
/// `<9B>`, `<2028>`.
public enum Visible {
    /// One field on one line of plain output: line breaks and tabs as `\n`, `\r`, `\t`,
    /// so a note cannot start a line of its own or forge a column.
    public static func field(_ text: String) -> String {
        escape(text) { scalar in
            switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default: nil
            }
        }
    }

    /// Text that may run over several lines (a message, a CSV cell): newlines and tabs
    /// kept, carriage returns and every other control character shown.
    public static func lines(_ text: String) -> String {
        escape(text) { scalar in scalar == "\n" || scalar == "\t" ? String(scalar) : nil }
    }

    /// Whether a scalar is one that `field` and `lines` never print as itself.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029
    }

    /// The visible form of one control character.
    public static func shown(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        switch v {
        case 0..<0x20: return "^" + String(Unicode.Scalar(UInt8(v) + 0x40))
        case 0x7F: return "^?"
        default: return "<" + String(v, radix: 16, uppercase: true) + ">"
        }
    }

    private static func escape(_ text: String, special: (Unicode.Scalar) -> String?) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { out.append(scalar); continue }
            out.append(contentsOf: (special(scalar) ?? shown(scalar)).unicodeScalars)
        }
        return String(out)
    }
}

/// Writes JSON in planboard's canonical form: two-space indent, keys in the given order,
/// non-ASCII as itself, whole numbers without a fraction, a newline at the end.
///
/// The form is byte-compatible with Python's `json.dumps(value, indent=2, ensure_ascii=False)`,
/// so files written by scripts and by planboard diff cleanly.
public enum JSONWriter {
    public static func write(_ value: JSONOut) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ value: JSONOut, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(n): out += number(n)
        case let .string(s): quote(s, into: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += spaces(indent + 2)
                write(item, indent: indent + 2, into: &out)
                out += k == items.count - 1 ? "\n" : ",\n"
            }
            out += spaces(indent) + "]"
        case let .object(members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (k, member) in members.enumerated() {
                out += spaces(indent + 2)
                quote(member.0, into: &out)
                out += ": "
                write(member.1, indent: indent + 2, into: &out)
                out += k == members.count - 1 ? "\n" : ",\n"
            }
            out += spaces(indent) + "}"
        }
    }

    /// Indentation, without making a new string for each line.
    private static let indents = (0..<16).map { String(repeating: " ", count: 2 * $0) }

    private static func spaces(_ n: Int) -> String {
        n % 2 == 0 && n / 2 < indents.count ? indents[n / 2] : String(repeating: " ", count: n)
    }

    static func number(_ n: Double) -> String {
        if n.rounded() == n && abs(n) < 1e15 { return String(Int(n)) }
        return String(n)
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Most text needs no escape: append it whole rather than scalar by scalar.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

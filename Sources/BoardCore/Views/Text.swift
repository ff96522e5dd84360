import Foundation

/// Text layout helpers shared by the views.
public enum TextLayout {
    /// Wraps text into lines of at most `width` columns, breaking at spaces where it can.
    /// Line breaks in the text start new lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var w = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + w > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while w > width {
                    // A word longer than the line: cut it.
                    let (head, rest) = cut(word, width - lineWidth - (lineWidth > 0 ? 1 : 0))
                    line += (lineWidth > 0 ? " " : "") + head
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                    word = rest
                    w = DisplayWidth.of(word)
                }
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += word
                lineWidth += w
            }
            lines.append(line)
        }
        return lines
    }

    /// Splits text after `width` columns.
    public static func cut(_ text: String, _ width: Int) -> (String, String) {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let w = DisplayWidth.of(text[index])
            if used + w > width { break }
            used += w
            index = text.index(after: index)
        }
        return (String(text[..<index]), String(text[index...]))
    }

    /// Text cut to `width` columns with an ellipsis when it does not fit; one line only.
    public static func fit(_ text: String, _ width: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        guard width > 0 else { return "" }
        if DisplayWidth.of(flat) <= width { return flat }
        return cut(flat, width - 1).0 + "…"
    }

    /// Text padded with spaces to exactly `width` columns (cut with an ellipsis if longer).
    public static func pad(_ text: String, _ width: Int) -> String {
        let fitted = fit(text, width)
        return fitted + String(repeating: " ", count: max(0, width - DisplayWidth.of(fitted)))
    }
}


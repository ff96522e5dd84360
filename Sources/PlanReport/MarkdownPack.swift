import Foundation
import PlanModel

extension BoardPack {
    /// The same pack as Markdown: headings and pipe tables, for pasting into a council's
    /// report template (and, through pandoc, a Word document). Charts appear as the
    /// sentences and tables that say what they show.
    ///
    /// `titleHeading: false` leaves out the cover's level-1 heading, for a converter that
    /// sets the title from metadata (pandoc writing Word), so it appears once.
    public func markdown(titleHeading: Bool = true) -> String {
        let doc = document
        var out = ""
        for (i, section) in doc.sections.enumerated() {
            if i > 0 { out += "---\n\n" }
            for block in section.blocks {
                if !titleHeading, case .heading(1, _) = block { continue }
                MarkdownPack.render(block, into: &out)
            }
        }
        return out
    }
}

enum MarkdownPack {
    static func render(_ block: Block, into out: inout String) {
        switch block {
        case let .heading(level, text):
            out += String(repeating: "#", count: level) + " " + escape(text) + "\n\n"
        case let .paragraph(spans):
            out += inline(spans, inTable: false) + "\n\n"
        case let .note(text):
            out += "_" + escape(text) + "_\n\n"
        case let .fields(fields):
            for field in fields {
                out += "**\(escape(field.label)):** " + paragraphs(field.text) + "\n\n"
            }
        case let .bullets(items):
            for item in items { out += "- " + inline(item, inTable: false) + "\n" }
            out += "\n"
        case let .table(table):
            if let caption = table.caption { out += "_" + escape(caption) + "_\n\n" }
            out += "| " + table.headers.map(escape).joined(separator: " | ") + " |\n"
            out += "|" + table.headers.map { _ in " --- |" }.joined() + "\n"
            for row in table.rows {
                let cells = row.cells.map { inline($0, inTable: true) } + Array(repeating: "", count: max(0, table.headers.count - row.cells.count))
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
            out += "\n"
        case let .figure(_, caption):
            out += "_" + escape(caption) + "_\n\n"
        }
    }

    static func inline(_ spans: Inlines, inTable: Bool) -> String {
        spans.map { span in
            let text = inTable ? escape(flat(span.text)) : paragraphs(span.text)
            switch span.kind {
            case .strong: return text.isEmpty ? "" : "**\(text.trimmingTrailingSpace)**" + (text.hasSuffix(" ") ? " " : "")
            case .plain, .status, .band, .kpi, .flag: return text
            }
        }.joined()
    }

    /// Line breaks inside a table cell become spaces: a pipe table row is one line.
    static func flat(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return String(text.map { $0.isNewline ? " " : $0 })
    }

    /// Outside tables, a line break in plan text stays a line break (two spaces).
    static func paragraphs(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { lineStart(escape(String($0))) }.joined(separator: "  \n")
    }

    /// A line that would start a list ("1. ", "- ", "+ ") keeps its text as written.
    static func lineStart(_ line: String) -> String {
        if line.hasPrefix("- ") || line.hasPrefix("+ ") { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = line.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return line
    }

    /// Characters Markdown would read as formatting, escaped so plan text stays text.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for ch in text.unicodeScalars {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~": out.append("\\"); out.append(ch)
            default: out.append(ch)
            }
        }
        return String(out)
    }
}

private extension String {
    var trimmingTrailingSpace: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}

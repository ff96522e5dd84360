import PlanModel

/// Escaping for every place plan text goes.
enum Escape {
    /// Text and attribute values in HTML: the five characters that could end a tag or a quote.
    static func html(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A CSS string's contents: quotes, backslashes, line breaks and `<` (so no `</style>`
    /// can appear) as CSS escapes.
    static func cssString(_ text: String) -> String {
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "<": out += "\\3C "
            case ">": out += "\\3E "
            case "&": out += "\\26 "
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

extension BoardPack {
    /// The pack as one self-contained HTML file: inline CSS and SVG, no script, nothing
    /// fetched from anywhere; printed on A4 with a page per section and the plan,
    /// meeting and page number on every page. Also well-formed XML, so it can be checked.
    public func html() -> String {
        let doc = document
        var out = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>\(Escape.html(doc.title))</title>
            <style>
            \(HTMLPack.css(footer: doc.footer))
            </style>
            </head>
            <body>

            """
        for section in doc.sections {
            out += "<section id=\"\(section.id)\" class=\"\(section.id == "cover" ? "cover" : "page")\">\n"
            for block in section.blocks { HTMLPack.render(block, into: &out) }
            out += "</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }
}

enum HTMLPack {
    static func render(_ block: Block, into out: inout String) {
        switch block {
        case let .heading(level, text):
            out += "<h\(level)>\(Escape.html(text))</h\(level)>\n"
        case let .paragraph(spans):
            out += "<p>\(inline(spans))</p>\n"
        case let .note(text):
            out += "<p class=\"note\">\(Escape.html(text))</p>\n"
        case let .fields(fields):
            out += "<dl>\n"
            for field in fields {
                out += "<dt>\(Escape.html(field.label))</dt><dd>\(multiline(field.text))</dd>\n"
            }
            out += "</dl>\n"
        case let .bullets(items):
            out += "<ul>\n"
            for item in items { out += "<li>\(inline(item))</li>\n" }
            out += "</ul>\n"
        case let .table(table):
            out += "<table data-table=\"\(Escape.html(table.name))\">\n"
            if let caption = table.caption { out += "<caption>\(Escape.html(caption))</caption>\n" }
            out += "<thead><tr>"
            for header in table.headers { out += "<th scope=\"col\">\(Escape.html(header))</th>" }
            out += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += row.key.map { "<tr data-key=\"\(Escape.html($0))\">" } ?? "<tr>"
                for (i, cell) in row.cells.enumerated() {
                    let statusClass = cell.count == 1 ? cell.first.flatMap(cellClass) : nil
                    let cls = statusClass.map { " class=\"\($0)\"" } ?? ""
                    if i == 0 && table.rowHeaders {
                        out += "<th scope=\"row\"\(cls)>\(inline(cell))</th>"
                    } else {
                        out += "<td\(cls)>\(inline(cell))</td>"
                    }
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        case let .figure(svg, caption):
            out += "<figure>\n\(svg)\n<figcaption>\(Escape.html(caption))</figcaption>\n</figure>\n"
        }
    }

    static func inline(_ spans: Inlines) -> String {
        spans.map { span in
            let text = multiline(span.text)
            switch span.kind {
            case .plain: return text
            case .strong: return "<strong>\(text)</strong>"
            case let .status(s): return "<span class=\"rag rag-\(s.rawValue)\">\(text)</span>"
            case let .band(b): return "<span class=\"band band-\(b.rawValue)\">\(text)</span>"
            case let .kpi(k): return "<span class=\"kpi kpi-\(k.rawValue)\">\(text)</span>"
            case .flag: return "<span class=\"flag\">\(text)</span>"
            }
        }.joined()
    }

    /// A cell whose one span is a status is coloured as a whole (the RAG grid).
    static func cellClass(_ span: Span) -> String? {
        if case let .status(s) = span.kind { return "cell-\(s.rawValue)" }
        return nil
    }

    /// Line breaks in plan text kept as breaks.
    static func multiline(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\n")) else { return Escape.html(text) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { Escape.html(String($0)) }.joined(separator: "<br />")
    }

    /// Screen and print styles; colours always beside words and glyphs.
    static func css(footer: String) -> String {
        """
        :root { --red: #c62828; --red-bg: #fde2e2; --amber: #8a5a00; --amber-bg: #ffefc7; --green: #1b6e2a; --green-bg: #dff2e1;
          --blue: #174ea6; --blue-bg: #dde8fb; --grey: #555555; --grey-bg: #eeeeee; }
        html { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; line-height: 1.35; color: #111111; }
        body { margin: 0 auto; max-width: 1100px; padding: 1em 1.5em; }
        h1 { font-size: 2em; margin: 0.4em 0; }
        h2 { font-size: 1.45em; border-bottom: 2px solid #333333; padding-bottom: 0.15em; margin-top: 0; }
        h3 { font-size: 1.15em; margin: 1em 0 0.4em; }
        section.page { margin-top: 2.5em; }
        table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 0.92em; }
        caption { text-align: left; font-style: italic; padding: 0.2em 0; }
        th, td { border: 1px solid #999999; padding: 0.25em 0.4em; vertical-align: top; text-align: left; }
        thead th { background: #e8e8e8; }
        tbody th { font-weight: normal; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25em 1em; margin: 0.5em 0 1em; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        .note { color: #444444; font-size: 0.92em; }
        .rag, .kpi { font-weight: bold; white-space: nowrap; }
        .band { font-weight: bold; }
        table[data-table="rag-grid"] { font-size: 0.85em; }
        .rag-red { color: var(--red); } .rag-amber { color: var(--amber); } .rag-green { color: var(--green); }
        .rag-complete { color: var(--blue); } .rag-not-started { color: var(--grey); }
        .cell-red { background: var(--red-bg); } .cell-amber { background: var(--amber-bg); } .cell-green { background: var(--green-bg); }
        .cell-complete { background: var(--blue-bg); } .cell-not-started { background: var(--grey-bg); }
        .band-low { color: var(--green); } .band-medium { color: var(--amber); } .band-high { color: var(--red); }
        .kpi-off { color: var(--red); } .kpi-near { color: var(--amber); } .kpi-on-target { color: var(--green); } .kpi-no-data { color: var(--grey); }
        .flag { font-weight: bold; }
        figure { margin: 0.5em 0; }
        figcaption { font-size: 0.9em; color: #333333; max-width: 60em; }
        svg text { font-family: "DejaVu Sans", Arial, sans-serif; }
        svg.heatmap rect.band-low { fill: #cfe8cf; } svg.heatmap rect.band-medium { fill: #ffe0a3; } svg.heatmap rect.band-high { fill: #f4b6b6; }
        svg.heatmap rect { stroke: #ffffff; stroke-width: 2; }
        svg.heatmap .count { font-size: 24px; font-weight: bold; fill: #111111; }
        svg.heatmap .band-letter { font-size: 11px; fill: #333333; }
        svg.heatmap .axis { font-size: 13px; } svg.heatmap .axis-label { font-size: 13px; font-weight: bold; }
        svg.heatmap line.move { stroke: #1a1a1a; stroke-width: 2; }
        svg.kpi-chart .frame { stroke: #777777; } svg.kpi-chart .tick { font-size: 9px; fill: #333333; }
        svg.kpi-chart .target { fill: none; stroke: #555555; stroke-width: 1.5; stroke-dasharray: 4 3; }
        svg.kpi-chart .target-point { fill: #ffffff; stroke: #555555; stroke-width: 1.5; }
        svg.kpi-chart .actual { fill: none; stroke: #174ea6; stroke-width: 2; }
        svg.kpi-chart .actual-point { fill: #174ea6; }
        svg.kpi-chart .comparator { stroke: #999999; stroke-width: 1; stroke-dasharray: 1 3; }
        @page {
          size: A4;
          margin: 16mm 14mm 18mm 14mm;
          @bottom-left { content: "\(Escape.cssString(footer))"; font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #333333; }
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #333333; }
        }
        @page wide { size: A4 landscape; }
        @media print {
          section#register, section#rag-grid { page: wide; }
          html { font-size: 9.5pt; }
          body { max-width: none; padding: 0; }
          section.page { break-before: page; margin-top: 0; }
          h2, h3 { break-after: avoid; }
          tr, figure, dl { break-inside: avoid; }
          thead { display: table-header-group; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
    }
}

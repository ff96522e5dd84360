import PlanModel

/// The review as HTML and Markdown, through the pack's own renderers, so it prints,
/// reads without colour and passes the same accessibility checks as the pack.
extension ProgressReview {
    /// One self-contained HTML file: inline CSS and SVG, no script, nothing fetched.
    public func html() -> String { document.htmlPage() }

    /// Markdown; `titleHeading: false` leaves out the level-1 heading for pandoc's title.
    public func markdown(titleHeading: Bool = true) -> String { document.markdownText(titleHeading: titleHeading) }
}

extension Document {
    /// The document as the pack's HTML page (BoardPack.html writes the same page).
    func htmlPage() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>\(Escape.html(title))</title>
            <style>
            \(HTMLPack.css(footer: footer))
            </style>
            </head>
            <body>

            """
        for section in sections {
            out += "<section id=\"\(section.id)\" class=\"\(section.id == "cover" ? "cover" : "page")\">\n"
            for block in section.blocks { HTMLPack.render(block, into: &out) }
            out += "</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// The document as the pack's Markdown (BoardPack.markdown writes the same text).
    func markdownText(titleHeading: Bool) -> String {
        var out = ""
        for (i, section) in sections.enumerated() {
            if i > 0 { out += "---\n\n" }
            for block in section.blocks {
                if !titleHeading, case .heading(1, _) = block { continue }
                MarkdownPack.render(block, into: &out)
            }
        }
        return out
    }
}

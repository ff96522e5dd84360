import PlanModel

/// One file of a published site: its name inside the folder and its text.
public struct PublishedFile: Equatable, Sendable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}

extension PublicPlan {
    /// Marks each page planboard wrote, so a later publication may replace or remove it.
    public static let generator = "planboard publish"

    /// Whether a site's page is one planboard wrote for an area (`area-N.html`): a page a
    /// later publication takes away when its area has gone.
    public static func isAreaPage(name: String, text: String) -> Bool {
        name.hasPrefix("area-") && name.hasSuffix(".html") && name.dropFirst(5).dropLast(5).allSatisfy(\.isNumber)
            && text.contains("<meta name=\"generator\" content=\"\(generator)\" />")
    }

    /// The whole plan as one HTML page: styles inline (the council's `style` after planboard's,
    /// so it wins), no script, nothing fetched from anywhere.
    public func page(style: String? = nil) -> String {
        let sections = self.sections
        var body = "<h1>\(Escape.html(title))</h1>\n"
        body += contents(sections.map { ($0.id, $0.title) })
        for section in sections {
            body += "<section id=\"\(section.id)\" aria-labelledby=\"\(section.id)-heading\">\n"
            body += "<h2 id=\"\(section.id)-heading\">\(Escape.html(section.title))</h2>\n"
            body += render(section.blocks, level: 3) { target in "#\(target)" }
            body += "</section>\n"
        }
        let css = PublicStyle.css + (style.map { "\n/* The council's own style */\n" + PublicStyle.inline($0) } ?? "")
        return document(title: title, head: "<style>\n\(css)\n</style>", body: body, home: nil)
    }

    /// The plan as a small static site: `index.html` (the overview, the measures, who is
    /// accountable and how to take part), one page per area (`area-N.html`), `style.css`,
    /// and `council.css` when the council gives its own style.
    public func site(style: String? = nil) -> [PublishedFile] {
        let sections = self.sections
        let byID = Dictionary(sections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func href(from page: String) -> (String) -> String {
            { target in
                if byID[target]?.ownPage == true { return "\(target).html" }
                return page == "index" ? "#\(target)" : "index.html#\(target)"
            }
        }
        let head = "<link rel=\"stylesheet\" href=\"style.css\" />" + (style == nil ? "" : "\n<link rel=\"stylesheet\" href=\"council.css\" />")
        let onIndex = sections.filter { !$0.ownPage }
        var index = "<h1>\(Escape.html(title))</h1>\n"
        index += contents(onIndex.map { ($0.id, $0.title) })
        for section in onIndex {
            index += "<section id=\"\(section.id)\" aria-labelledby=\"\(section.id)-heading\">\n"
            index += "<h2 id=\"\(section.id)-heading\">\(Escape.html(section.title))</h2>\n"
            index += render(section.blocks, level: 3, href: href(from: "index"))
            index += "</section>\n"
        }
        var files = [PublishedFile(name: "index.html", text: document(title: title, head: head, body: index, home: nil))]
        for section in sections where section.ownPage {
            var body = "<h1>\(Escape.html(section.title))</h1>\n"
            body += render(section.blocks, level: 2, href: href(from: section.id))
            files.append(PublishedFile(name: "\(section.id).html",
                                       text: document(title: "\(section.title): \(title)", head: head, body: body, home: title)))
        }
        files.append(PublishedFile(name: "style.css", text: PublicStyle.css + "\n"))
        if let style { files.append(PublishedFile(name: "council.css", text: style)) }
        return files
    }

    // MARK: Pieces

    private func document(title: String, head: String, body: String, home: String?) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="generator" content="\(PublicPlan.generator)" />
            <title>\(Escape.html(title))</title>
            \(head)
            </head>
            <body>
            <a class="skip-link" href="#main">Skip to main content</a>
            <header class="site-header">
            <div class="width"><p class="site-name">\(Escape.html(plan.header.localArea.isEmpty ? "Local Offer" : "Local Offer: \(plan.header.localArea)"))</p></div>
            </header>
            <div class="width">

            """
        if let home {
            out += "<nav class=\"back\" aria-label=\"Back\"><a href=\"index.html\">Back to \(Escape.html(home))</a></nav>\n"
        }
        out += "<main id=\"main\" tabindex=\"-1\">\n" + body + "</main>\n</div>\n"
        out += "<footer class=\"site-footer\">\n<div class=\"width\">\n<p>\(Escape.html(datesLine))</p>\n</div>\n</footer>\n</body>\n</html>\n"
        return out
    }

    private func contents(_ entries: [(id: String, title: String)]) -> String {
        var out = "<nav class=\"contents\" aria-labelledby=\"contents-heading\">\n<h2 id=\"contents-heading\">Contents</h2>\n<ul>\n"
        for entry in entries { out += "<li><a href=\"#\(entry.id)\">\(Escape.html(entry.title))</a></li>\n" }
        return out + "</ul>\n</nav>\n"
    }

    private func render(_ blocks: [PublicBlock], level: Int, href: (String) -> String) -> String {
        var out = ""
        for block in blocks {
            switch block {
            case let .heading(text):
                out += "<h\(level)>\(Escape.html(text))</h\(level)>\n"
            case let .paragraph(spans):
                out += "<p>\(HTMLPack.inline(spans))</p>\n"
            case let .bullets(items):
                out += "<ul class=\"list\">\n" + items.map { "<li>\(HTMLPack.inline($0))</li>\n" }.joined() + "</ul>\n"
            case let .fields(fields):
                out += "<dl>\n" + fields.map { "<dt>\(Escape.html($0.label))</dt><dd>\(HTMLPack.multiline($0.text))</dd>\n" }.joined() + "</dl>\n"
            case let .item(title, lines):
                out += "<div class=\"item\">\n<p class=\"item-title\">\(HTMLPack.inline(title))</p>\n"
                out += lines.map { "<p>\(HTMLPack.inline($0))</p>\n" }.joined()
                out += "</div>\n"
            case let .figure(svg, caption):
                out += "<figure>\n\(svg)\n<figcaption>\(Escape.html(caption))</figcaption>\n</figure>\n"
            case let .table(table):
                var t = ""
                HTMLPack.render(.table(table), into: &t)
                out += "<div class=\"table\">\n" + t + "</div>\n"
            case let .links(links):
                out += "<ul class=\"links\">\n"
                for link in links {
                    out += "<li><a href=\"\(Escape.html(href(link.section)))\">\(Escape.html(link.text))</a>"
                    out += link.after.isEmpty ? "</li>\n" : "<br />\(Escape.html(link.after))</li>\n"
                }
                out += "</ul>\n"
            }
        }
        return out
    }
}

extension PublicPlan {
    /// The same content as Markdown, for a council website that takes Markdown.
    public func markdown() -> String {
        var out = "# " + MarkdownPack.escape(title) + "\n\n"
        for section in sections {
            out += "## " + MarkdownPack.escape(section.title) + "\n\n"
            for block in section.blocks {
                switch block {
                case let .heading(text):
                    out += "### " + MarkdownPack.escape(text) + "\n\n"
                case let .paragraph(spans):
                    MarkdownPack.render(.paragraph(spans), into: &out)
                case let .bullets(items):
                    MarkdownPack.render(.bullets(items), into: &out)
                case let .fields(fields):
                    MarkdownPack.render(.fields(fields), into: &out)
                case let .item(title, lines):
                    out += MarkdownPack.inline(title, inTable: false) + "\n\n"
                    for line in lines { out += "- " + MarkdownPack.inline(line, inTable: false) + "\n" }
                    out += "\n"
                case let .figure(_, caption):
                    MarkdownPack.render(.paragraph([Span(caption)]), into: &out)
                case let .table(table):
                    MarkdownPack.render(.table(table), into: &out)
                case let .links(links):
                    for link in links {
                        out += "- " + MarkdownPack.escape(link.text) + (link.after.isEmpty ? "" : ": " + MarkdownPack.escape(link.after)) + "\n"
                    }
                    out += "\n"
                }
            }
        }
        out += "_" + MarkdownPack.escape(datesLine) + "_\n"
        return out
    }
}

/// A fingerprint of what was published (64-bit FNV-1a over each file's name and bytes):
/// the same pages give the same fingerprint, so the log shows when a publication changed nothing.
public enum Fingerprint {
    public static func of(_ files: [PublishedFile]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for file in files {
            for byte in file.name.utf8 + [0] + file.text.utf8 + [0] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

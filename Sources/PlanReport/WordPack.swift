import PlanModel

/// The Markdown pandoc turns into Word: each section starts on a new page, and each chart
/// (a KPI's, the heatmap) is an image beside the words and table that say what it shows.
///
/// Pure: the charts come back as SVG text with the file names the Markdown gives them, and
/// the command writes them beside it before pandoc runs.
public struct WordMarkdown: Sendable {
    public var text: String
    public var images: [(name: String, svg: String)]
}

extension Document {
    /// A page break in Word's own markup, passed through by pandoc.
    static let wordPageBreak = "```{=openxml}\n<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n```\n\n"

    func wordMarkdown() -> WordMarkdown {
        var out = ""
        var images: [(name: String, svg: String)] = []
        for (i, section) in sections.enumerated() {
            if i > 0 { out += Document.wordPageBreak }
            for block in section.blocks {
                if case .heading(1, _) = block { continue }
                if case let .figure(svg, caption) = block {
                    let name = "chart-\(images.count + 1).svg"
                    images.append((name, svg))
                    out += "![\(MarkdownPack.escape(caption))](\(name))\n\n"
                    continue
                }
                MarkdownPack.render(block, into: &out)
            }
        }
        return WordMarkdown(text: out, images: images)
    }
}

extension BoardPack {
    /// The pack as pandoc's input for Word (see `WordMarkdown`).
    public func wordMarkdown() -> WordMarkdown { document.wordMarkdown() }

    /// The line at the foot of every page: plan and meeting.
    public var footer: String { document.footer }
}

extension ProgressReview {
    /// The line at the foot of every page: plan and review.
    public var footer: String { document.footer }

    /// The review as pandoc's input for Word (see `WordMarkdown`).
    public func wordMarkdown() -> WordMarkdown { document.wordMarkdown() }
}

import PlanModel

/// The pack as a small document of sections, headings, paragraphs and tables, written
/// once and rendered as HTML and as Markdown, so both say exactly the same.
struct Document {
    var title: String
    /// The line printed at the foot of every page: plan and meeting.
    var footer: String
    var sections: [Section]
}

struct Section {
    /// An anchor, also the section's class: `cover`, `summary`, `area-3` ...
    var id: String
    var blocks: [Block]
}

/// A run of text with what it means, so HTML can style it and Markdown can spell it out.
struct Span {
    enum Kind {
        case plain
        case strong
        case status(Status)
        case band(RiskBand)
        case kpi(KPIStatus)
        /// Overdue, moved, open: shown in words, marked for print.
        case flag
    }

    var text: String
    var kind: Kind

    init(_ text: String, _ kind: Kind = .plain) {
        self.text = text
        self.kind = kind
    }

    static func status(_ s: Status?) -> Span {
        guard let s else { return Span("– No actions") }
        return Span("\(s.packGlyph) \(s.label)", .status(s))
    }

    static func band(_ score: Score, _ settings: Settings) -> Span {
        let band = settings.band(for: score.value)
        return Span("\(score.likelihood)×\(score.impact) = \(score.value) \(band.letter) \(band.label)", .band(band))
    }
}

typealias Inlines = [Span]

struct Table {
    /// Names the table for machines (`data-table`) and for tests.
    var name: String
    var caption: String?
    var headers: [String]
    var rows: [Row]
    /// The first column names the row (a `th` with scope row).
    var rowHeaders = true

    struct Row {
        var key: String?
        var cells: [Inlines]
    }
}

enum Block {
    case heading(level: Int, text: String)
    case paragraph(Inlines)
    /// Label and text pairs: the highlight's narrative fields.
    case fields([(label: String, text: String)])
    case bullets([Inlines])
    case table(Table)
    /// An inline SVG drawing and the sentence that says what it shows; its numbers are
    /// also in a table beside it.
    case figure(svg: String, caption: String)
    /// A short line in smaller type: notes, "none".
    case note(String)
}

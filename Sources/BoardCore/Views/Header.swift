/// The header's rows below the title line: the breadcrumb, and the plan's notice (an
/// illustrative sample says its figures are invented). The notice sits beside the
/// breadcrumb where it fits whole; otherwise it flows on from beside the breadcrumb onto
/// rows of its own, so it is read, not cut, while the content keeps most of the screen.
enum Header {
    /// Text placed on a row of the header.
    struct Piece: Equatable {
        var text: String
        var x: Int
        var role: Role
    }

    /// Rows the notice may take in all: one further row on a small terminal, more where
    /// the screen has rows to spare.
    static func noticeRows(height: Int) -> Int { height < 30 ? 2 : 4 }

    /// The breadcrumb row, then any rows the notice continues onto.
    static func breadcrumbRows(_ state: BoardState) -> [[Piece]] {
        let width = state.width
        let crumbs = state.stack.map { $0.crumb(state) }
        var title = " " + crumbs.joined(separator: " › ")
        if let query = state.search { title += "   /\(query)" }
        let shownTitle = TextLayout.fit(title, width - 2)
        let end = DisplayWidth.of(shownTitle)
        var rows = [[Piece(text: shownTitle, x: 0, role: .title)]]
        guard let notice = state.plan.header.notice, !notice.isEmpty else { return rows }
        let text = "⚑ " + notice
        let beside = width - end - 2
        if DisplayWidth.of(text) <= beside {
            rows[0].append(Piece(text: text, x: width - DisplayWidth.of(text), role: .notice))
            return rows
        }
        // Flow: as much as fits beside the breadcrumb (when that is worth it), the rest
        // wrapped below at full width; the last row allowed ends with "…" if there is more.
        var rest = text
        if beside > 12, let first = TextLayout.wrap(text, width: beside).first, !first.isEmpty {
            rows[0].append(Piece(text: first, x: end + 2, role: .notice))
            rest = String(text.dropFirst(first.count).drop { $0 == " " })
        }
        let room = width - 2
        var lines = TextLayout.wrap(rest, width: room).filter { !$0.isEmpty }
        let allowed = max(1, noticeRows(height: state.height) - 1)
        if lines.count > allowed {
            lines = Array(lines.prefix(allowed - 1)) + [TextLayout.fit(lines[(allowed - 1)...].joined(separator: " "), room)]
        }
        for line in lines { rows.append([Piece(text: line, x: 1, role: .notice)]) }
        return rows
    }
}

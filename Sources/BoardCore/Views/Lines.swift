import PlanModel

/// What a line on screen stands for, so clicks and scrolling can find it.
public enum Target: Hashable, Sendable {
    /// An area by its index in the plan.
    case area(Int)
    case action(String)
    /// A field of the action or risk on screen, by index.
    case field(Int)
    case risk(String)
    case kpi(String)
    case checkpoint(String)
    /// A line of the change log, by its position.
    case change(Int64)
    /// A heatmap cell: likelihood and impact.
    case cell(Int, Int)
    /// A finding of the area on screen, by letter ("" for the folded findings line).
    case finding(String)
    /// A meeting in the list of meetings, by name.
    case meeting(String)
    /// A line of an area's highlight report on a meeting's agenda.
    case highlight(area: Int, part: HighlightPart)
    /// A decision of the board, by its number (D5 is 5).
    case decision(Int)
    /// A milestone of the KPI on screen, by label.
    case milestone(String)
}

/// The lines of an area's highlight report on an agenda: its RAG and its texts.
public enum HighlightPart: String, Hashable, Sendable, CaseIterable {
    case rag, reason, progress, next, escalate, ask
}

/// A line of styled text, and what it stands for when it can be selected.
public struct Line: Equatable, Sendable {
    public var segments: [Segment]
    public var target: Target?
    /// Paint the whole line in this role when selected (status cells keep their colour).
    public var selected = false
    /// How much of the line the selection paints: all of it, or only its name.
    public var highlight: Highlight = .whole

    /// How much of a selected line the selection paints. Every cell it paints is one the
    /// terminal must write again when the selection moves, so a table whose row has a name
    /// column highlights only that: a Down then repaints two names, not two whole rows.
    public enum Highlight: Equatable, Sendable {
        /// Every segment (but those that keep their role), and one cell past the text.
        case whole
        /// The first `n` segments only (the row's reference and name).
        case lead(Int)
        /// The first `n` segments, with `Highlight.marker` over the line's first column (a
        /// blank the view leaves for it), so the selected row reads without colour too.
        case marked(Int)

        /// Marks a selected row beside its highlight (▶ is taken: what “since” compares with).
        public static let marker = "▸"

        /// Whether the selection paints the segment at `index`.
        func paints(_ index: Int) -> Bool {
            switch self {
            case .whole: true
            case let .lead(n), let .marked(n): index < n
            }
        }
    }

    public struct Segment: Equatable, Sendable {
        public var text: String
        public var role: Role
        /// A segment whose colour means something keeps it on a selected line.
        public var keepsRole: Bool

        public init(_ text: String, _ role: Role = .normal, keepsRole: Bool = false) {
            self.text = text
            self.role = role
            self.keepsRole = keepsRole
        }
    }

    public init(_ segments: [Segment] = [], target: Target? = nil) {
        self.segments = segments
        self.target = target
    }

    public init(_ text: String, _ role: Role = .normal) {
        self.init([Segment(text, role)])
    }

    public static let blank = Line()

    /// Draws the line at row y, `width` columns from x.
    /// Text that runs past the edge ends in "…": a cut always shows.
    func draw(into buffer: inout ScreenBuffer, x: Int = 0, y: Int, width: Int) {
        var col = x
        for (i, segment) in segments.enumerated() {
            let role = selected && !segment.keepsRole && highlight.paints(i) ? .selection : segment.role
            let room = min(x + width, buffer.width) - col
            let size = DisplayWidth.of(segment.text)
            // The rest of the line is measured only at the edge: a line of many segments
            // (the RAG grid's cells) would otherwise measure its tail once per segment.
            if size < room || DisplayWidth.of(String(segments[i...].map(\.text).joined().reversed().drop { $0 == " " }.reversed())) <= room {
                col = buffer.put(segment.text, x: col, y: y, role: role, limit: max(0, room))
                continue
            }
            // This segment reaches the edge and something is left to show: end it in "…".
            if room > 0 {
                col = buffer.put(TextLayout.fit(segment.text, room), x: col, y: y, role: role, limit: room)
                if size == room { buffer[col - 1, y] = Cell("…", role) }
            } else if col > x, col - 1 < buffer.width {
                buffer[col - 1, y] = Cell("…", buffer[col - 1, y].role)
            }
            break
        }
        guard selected else { return }
        if highlight == .whole, col < x + width, col < buffer.width {
            // One cell past the text shows the selection's end without repainting the whole row.
            buffer[col, y] = Cell(" ", .selection)
        }
        if case .marked = highlight, x >= 0, x < buffer.width, buffer[x, y].text == " " {
            buffer[x, y] = Cell(Highlight.marker, .selection)
        }
    }
}

/// A scrolling body of lines, with an optional header line that stays put once the
/// lines above it have scrolled away (a table's column titles).
///
/// A body can be lazy: a long table gives its row count and a function that makes one
/// row, so drawing a screen costs the rows on it, not the rows in the plan.
public struct Body {
    public let count: Int
    public var sticky: Int?
    /// The first line that can be selected (the first row of a table).
    public var firstSelectable: Int?
    private var lineAt: (Int) -> Line
    private let indexOf: (Target) -> Int?

    /// A body of lines made up front.
    public init(_ lines: [Line] = [], sticky: Int? = nil) {
        count = lines.count
        self.sticky = sticky
        firstSelectable = lines.firstIndex { $0.target != nil }
        lineAt = { lines[$0] }
        if lines.count > LineIndex.linearLimit {
            let index = LineIndex(lines)
            indexOf = { index.of($0) }
        } else {
            indexOf = { target in lines.firstIndex { $0.target == target } }
        }
    }

    /// Lines above a table, the table's rows made on demand, and lines below it.
    public init(head: [Line], rows: Int, row: @escaping (Int) -> Line, rowIndex: @escaping (Target) -> Int?,
                tail: [Line] = [], sticky: Int? = nil) {
        count = head.count + rows + tail.count
        self.sticky = sticky
        firstSelectable = rows > 0 ? head.count : nil
        lineAt = { i in
            if i < head.count { return head[i] }
            if i < head.count + rows { return row(i - head.count) }
            return tail[i - head.count - rows]
        }
        indexOf = { target in rowIndex(target).map { head.count + $0 } ?? head.firstIndex { $0.target == target } }
    }

    public func line(_ index: Int) -> Line { lineAt(index) }

    /// The same body with one line marked selected: the line with `target`, else the first
    /// that can be selected. Marking is done as a line is drawn, so a body kept between keys
    /// (see `BoardState.keptBody`) costs nothing to mark again.
    func marking(_ target: Target?) -> Body {
        guard let marked = target.flatMap(index(of:)) ?? firstSelectable else { return self }
        var body = self
        let base = lineAt
        body.lineAt = { index in
            var line = base(index)
            if index == marked { line.selected = true }
            return line
        }
        return body
    }

    /// The line index of a target.
    func index(of target: Target) -> Int? { indexOf(target) }

    /// Which line is drawn on each of `rows` rows when scrolled to `top`.
    func visible(top: Int, rows: Int) -> [Int] {
        guard rows > 0 else { return [] }
        if let sticky, top > sticky {
            return [sticky] + Array(top + 1..<max(top + 1, min(count, top + rows)))
        }
        return Array(top..<max(top, min(count, top + rows)))
    }

    /// The lines (other than the sticky one) shown when scrolled to `top`.
    func shown(top: Int, rows: Int) -> ClosedRange<Int> {
        if let sticky, top > sticky { return (top + 1)...max(top + 1, top + rows - 1) }
        return top...max(top, top + rows - 1)
    }

    /// The top line that keeps `index` in view, moving as little as possible from `top`.
    func scroll(toShow index: Int, from top: Int, rows: Int) -> Int {
        let range = shown(top: top, rows: rows)
        var newTop = top
        if index < range.lowerBound {
            newTop = sticky.map { index > $0 ? index - 1 : index } ?? index
        } else if index > range.upperBound {
            newTop = index - rows + 1
        }
        return max(0, min(newTop, maxTop(rows: rows)))
    }

    /// The target of the selectable line `steps` selectable lines away from `current`
    /// (negative: upwards), stopping at the ends.
    func selectable(from current: Int, steps: Int) -> Target? {
        var index = current
        var left = abs(steps)
        var last = current
        while left > 0 {
            index += steps > 0 ? 1 : -1
            guard index >= 0, index < count else { break }
            if line(index).target != nil {
                last = index
                left -= 1
            }
        }
        return last >= 0 && last < count ? line(last).target : nil
    }

    /// The furthest the body can scroll: its last line on the last row.
    func maxTop(rows: Int) -> Int {
        let extra = sticky.map { count - rows > $0 ? 1 : 0 } ?? 0
        return max(0, count - rows + extra)
    }
}

/// Where each target first sits in a long list of lines: made on the first look-up and kept
/// with the body, so a body kept between keys finds the selected line without a search.
final class LineIndex {
    /// Shorter lists are searched line by line.
    static let linearLimit = 48
    private let lines: [Line]
    private var table: [Target: Int]?

    init(_ lines: [Line]) { self.lines = lines }

    func of(_ target: Target) -> Int? {
        if let table { return table[target] }
        var made: [Target: Int] = [:]
        for (i, line) in lines.enumerated() {
            if let t = line.target, made[t] == nil { made[t] = i }
        }
        table = made
        return made[target]
    }
}

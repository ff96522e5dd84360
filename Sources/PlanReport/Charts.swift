import PlanModel

/// The pack's drawings as inline SVG: no script, no fonts or images from elsewhere.
/// Each has a title and description, and its numbers are also in a table beside it.
enum Charts {
    /// The 5 × 5 heatmap: likelihood up the side (5 at the top), impact along the bottom,
    /// each cell with its count and band letter; arrows for scores that moved.
    static func heatmap(cells: [Score: Int], settings: Settings, moves: [(from: Score, to: Score)]) -> String {
        let cell = 64
        let left = 56
        let top = 12
        let width = left + 5 * cell + 12
        let height = top + 5 * cell + 52
        var svg = """
            <svg class="heatmap" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="heat-title heat-desc">
            <title id="heat-title">Residual risk heatmap</title>
            <desc id="heat-desc">\(Escape.html(heatDescription(cells)))</desc>

            """
        func x(_ impact: Int) -> Int { left + (impact - 1) * cell }
        func y(_ likelihood: Int) -> Int { top + (5 - likelihood) * cell }
        for likelihood in 1...5 {
            for impact in 1...5 {
                let score = Score(likelihood: likelihood, impact: impact)
                let band = settings.band(for: score.value)
                let count = cells[score] ?? 0
                svg += "<g class=\"cell\" data-likelihood=\"\(likelihood)\" data-impact=\"\(impact)\" data-count=\"\(count)\">"
                svg += "<rect class=\"band-\(band.rawValue)\" x=\"\(x(impact))\" y=\"\(y(likelihood))\" width=\"\(cell)\" height=\"\(cell)\" />"
                svg += "<text class=\"band-letter\" x=\"\(x(impact) + 5)\" y=\"\(y(likelihood) + 14)\">\(band.letter)</text>"
                if count > 0 {
                    svg += "<text class=\"count\" x=\"\(x(impact) + cell / 2)\" y=\"\(y(likelihood) + cell / 2 + 9)\" text-anchor=\"middle\">\(count)</text>"
                }
                svg += "</g>\n"
            }
        }
        for (i, move) in moves.enumerated() where move.from != move.to {
            // Offset each arrow a little so several between the same cells stay visible.
            let shift = (i % 5) * 4 - 8
            let x1 = x(move.from.impact) + cell / 2 + shift, y1 = y(move.from.likelihood) + cell / 2 + shift
            let x2 = x(move.to.impact) + cell / 2 + shift, y2 = y(move.to.likelihood) + cell / 2 + shift
            svg += "<line class=\"move\" x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" marker-end=\"url(#arrow)\" />\n"
        }
        svg += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" /></marker></defs>\n"
        for likelihood in 1...5 {
            svg += "<text class=\"axis\" x=\"\(left - 10)\" y=\"\(y(likelihood) + cell / 2 + 5)\" text-anchor=\"end\">\(likelihood)</text>\n"
        }
        for impact in 1...5 {
            svg += "<text class=\"axis\" x=\"\(x(impact) + cell / 2)\" y=\"\(top + 5 * cell + 18)\" text-anchor=\"middle\">\(impact)</text>\n"
        }
        svg += "<text class=\"axis-label\" x=\"\(left + 5 * cell / 2)\" y=\"\(top + 5 * cell + 42)\" text-anchor=\"middle\">Impact</text>\n"
        svg += "<text class=\"axis-label\" transform=\"translate(16 \(top + 5 * cell / 2)) rotate(-90)\" text-anchor=\"middle\">Likelihood</text>\n"
        svg += "</svg>"
        return svg
    }

    static func heatDescription(_ cells: [Score: Int]) -> String {
        let filled = cells.filter { $0.value > 0 }.sorted { ($0.key.likelihood, $0.key.impact) > ($1.key.likelihood, $1.key.impact) }
        if filled.isEmpty { return "No risks." }
        return filled.map { "likelihood \($0.key.likelihood), impact \($0.key.impact): \($0.value)" }.joined(separator: "; ")
    }

    /// A small line chart of one KPI: targets dashed with hollow circles, actuals solid
    /// with filled squares, the baseline as the first point and the comparator as a line.
    static func kpi(_ kpi: KPI) -> String {
        let width = 320, height = 120, left = 48, right = 30, top = 10, bottom = 26
        var values = kpi.milestones.compactMap(\.target) + kpi.milestones.compactMap(\.actual)
        if let b = kpi.baseline { values.append(b.value) }
        if let c = kpi.comparator { values.append(c.value) }
        var lo = values.min() ?? 0, hi = values.max() ?? 1
        if lo == hi { lo -= 1; hi += 1 }
        let pad = (hi - lo) * 0.08
        lo -= pad
        hi += pad
        let slots = kpi.milestones.count + 1  // the baseline, then each milestone
        func x(_ slot: Int) -> Double {
            Double(left) + Double(slot) * Double(width - left - right) / Double(max(1, slots - 1))
        }
        func y(_ v: Double) -> Double { Double(top) + (hi - v) / (hi - lo) * Double(height - top - bottom) }
        func f(_ d: Double) -> String { formatNumber(rounded(d)) }
        var svg = """
            <svg class="kpi-chart" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-label="\(Escape.html(kpiSummary(kpi)))">
            <title>\(Escape.html(kpi.ref)) \(Escape.html(kpi.name))</title>
            <line class="frame" x1="\(left)" y1="\(height - bottom)" x2="\(width - right)" y2="\(height - bottom)" />
            <text class="tick" x="\(left - 4)" y="\(f(y(hi - pad) + 4))" text-anchor="end">\(Escape.html(formatNumber(rounded(hi - pad))))</text>
            <text class="tick" x="\(left - 4)" y="\(f(y(lo + pad) + 4))" text-anchor="end">\(Escape.html(formatNumber(rounded(lo + pad))))</text>

            """
        if let c = kpi.comparator {
            svg += "<line class=\"comparator\" x1=\"\(left)\" y1=\"\(f(y(c.value)))\" x2=\"\(width - right)\" y2=\"\(f(y(c.value)))\" />\n"
        }
        svg += "<text class=\"tick\" x=\"\(f(x(0)))\" y=\"\(height - 8)\" text-anchor=\"middle\">Base</text>\n"
        for (i, m) in kpi.milestones.enumerated() {
            svg += "<text class=\"tick\" x=\"\(f(x(i + 1)))\" y=\"\(height - 8)\" text-anchor=\"middle\">\(Escape.html(String(m.label.prefix(10))))</text>\n"
        }
        var targets: [(Double, Double)] = []
        var actuals: [(Double, Double)] = []
        if let b = kpi.baseline { actuals.append((x(0), y(b.value))) }
        for (i, m) in kpi.milestones.enumerated() {
            if let t = m.target { targets.append((x(i + 1), y(t))) }
            if let a = m.actual { actuals.append((x(i + 1), y(a))) }
        }
        func path(_ points: [(Double, Double)]) -> String { points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ") }
        if targets.count > 1 { svg += "<polyline class=\"target\" points=\"\(path(targets))\" />\n" }
        for p in targets { svg += "<circle class=\"target-point\" cx=\"\(f(p.0))\" cy=\"\(f(p.1))\" r=\"3.5\" />\n" }
        if actuals.count > 1 { svg += "<polyline class=\"actual\" points=\"\(path(actuals))\" />\n" }
        for p in actuals { svg += "<rect class=\"actual-point\" x=\"\(f(p.0 - 3.5))\" y=\"\(f(p.1 - 3.5))\" width=\"7\" height=\"7\" />\n" }
        svg += "</svg>"
        return svg
    }

    /// The chart in one sentence: its text equivalent.
    static func kpiSummary(_ kpi: KPI) -> String {
        var parts: [String] = ["\(kpi.ref) \(kpi.name) (\(kpi.unit)), \(kpi.better == .higher ? "higher" : "lower") is better"]
        if let b = kpi.baseline { parts.append("baseline \(formatNumber(b.value))") }
        for m in kpi.milestones {
            parts.append("\(m.label): target \(m.target.map(formatNumber) ?? "none"), actual \(m.actual.map(formatNumber) ?? "none")")
        }
        if let c = kpi.comparator { parts.append("\(c.label) \(formatNumber(c.value))") }
        return "Chart: " + parts.joined(separator: "; ") + ". Solid line and squares: actuals from the baseline; dashed line and circles: targets."
    }

    private static func rounded(_ v: Double) -> Double { (v * 10).rounded() / 10 }
}

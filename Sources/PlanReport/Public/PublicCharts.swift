import PlanModel

/// The published page's drawings: inline SVG that scales to the screen, each with a text
/// equivalent (its label, and the same figures in words or a table beside it).
enum PublicCharts {
    /// One bar split by status, each part labelled in the legend below it in words.
    static func statusBar(_ actions: [Action]) -> String {
        let width = 600, height = 28
        let total = max(1, actions.count)
        var x = 0.0
        var parts = ""
        var words: [String] = []
        for status in Status.allCases.reversed() {
            let n = actions.filter { $0.status == status }.count
            guard n > 0 else { continue }
            let w = Double(width) * Double(n) / Double(total)
            parts += "<rect class=\"bar-\(status.rawValue)\" x=\"\(format(x))\" y=\"0\" width=\"\(format(w))\" height=\"\(height)\" />"
            x += w
            words.append("\(n) \(status.publicWords.lowercased())")
        }
        let label = "Bar chart of \(actions.count) actions by status: " + words.joined(separator: ", ")
        return "<svg class=\"status-bar\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(Escape.html(label))\">"
            + "<title>\(Escape.html(label))</title>\(parts)</svg>"
    }

    /// A KPI's figures and aims as a line chart (the board pack's drawing).
    static func kpi(_ kpi: KPI) -> String { Charts.kpi(kpi) }

    /// The caption under a KPI chart.
    static func kpiDescription(_ kpi: KPI) -> String {
        "Chart: the solid line and squares are the figures from the start; the dashed line and circles are the aims"
            + (kpi.comparator.map { "; the dotted line is the \($0.label) (\(formatNumber($0.value)))" } ?? "")
            + ". The table below gives the same figures."
    }

    private static func format(_ v: Double) -> String { formatNumber((v * 10).rounded() / 10) }
}

import PlanModel

/// The risk heatmap, the register and one risk's own screen.
enum RiskViews {
    // MARK: Heatmap

    static func heatmap(_ state: BoardState, _ screen: HeatmapScreen) -> Body {
        let layout = HeatLayout(state)
        // The chosen view is bracketed as well as highlighted, so it shows without colour.
        let stages = Risk.Stage.allCases.map { stage in
            let key = stage == .inherent ? "i" : stage == .residual ? "r" : "t"
            let chosen = stage == screen.stage
            return Line.Segment(chosen ? "[\(key) \(stage.rawValue)]" : " \(key) \(stage.rawValue) ", chosen ? .selection : .keyHint, keepsRole: true)
        }
        var lines = [Line([Line.Segment("Showing ", .heading)] + stages + [Line.Segment("  \(counted(state.plan.risks.count, "risk"))", .dim)])]
        let side = heatSide(state, screen, layout)
        let grid = heatGrid(state, screen, layout)
        // The side sits beside the grid and its axis, then below them; the note under it all.
        let pad = Line.Segment(String(repeating: " ", count: layout.gridWidth + 2))
        for (i, var line) in grid.enumerated() {
            if i < side.count {
                let used = line.segments.reduce(0) { $0 + DisplayWidth.of($1.text) }
                line.segments.append(Line.Segment(String(repeating: " ", count: max(1, layout.gridWidth + 2 - used))))
                line.segments.append(contentsOf: side[i].segments)
            }
            lines.append(line)
        }
        lines += side.dropFirst(grid.count).map { Line([pad] + $0.segments) }
        lines.append(Line(TextLayout.pad("      Likelihood ↑ (5 at the top) · impact → (1 to 5) · +n entered, −n left since the checkpoint", state.width), .dim))
        return Body(lines)
    }

    /// The heatmap's sizes at this screen size.
    struct HeatLayout {
        let wide: Bool
        let cellWidth: Int
        let cellHeight: Int
        let gridWidth: Int
        let sideWidth: Int
        /// How many of the selected cell's risks are listed, and how many moves since the checkpoint.
        let listed: Int
        let moves: Int

        init(_ state: BoardState) {
            wide = state.width >= 120
            cellWidth = wide ? 12 : 8
            cellHeight = state.height >= 40 ? 3 : 2
            gridWidth = 6 + 5 * cellWidth
            sideWidth = max(10, state.width - gridWidth - 3)
            listed = wide ? 10 : 3
            moves = wide ? 12 : 6
        }
    }

    /// Beside the grid: what sits in the selected cell, then what moved since the checkpoint.
    static func heatSide(_ state: BoardState, _ screen: HeatmapScreen, _ layout: HeatLayout) -> [Line] {
        let plan = state.plan
        let heat = state.heat(screen.stage)
        let cell = screen.cell
        let here = heat.risks[cell] ?? []
        let band = plan.settings.band(for: cell.value)
        // In plain text, with only the band in colour: moving the selection rewrites the
        // figures that change, not a run of styles around them.
        var side = [Line([Line.Segment("Likelihood \(cell.likelihood) × impact \(cell.impact) = \(cell.value) "),
                          Line.Segment(" \(band.letter) \(band.label) ", .heat(band), keepsRole: true)])]
        // The count after the words, so only its digits change from cell to cell.
        side.append(Line(here.isEmpty ? "Risks here: none" : "Risks here: \(here.count) (Enter lists them)"))
        // References in a column as wide as the plan's widest, so the risks' text stays put
        // from cell to cell and moving the selection redraws only what differs.
        for risk in here.prefix(layout.listed) {
            let gap = String(repeating: " ", count: max(1, heat.refWidth + 1 - DisplayWidth.of(risk.ref)))
            side.append(Line(TextLayout.fit(risk.ref + gap + risk.risk, layout.sideWidth)))
        }
        // The count is said above, so the line that says there are more stays the same.
        if here.count > layout.listed { side.append(Line("…")) }
        // The list takes the same lines whatever the cell holds, so what moved stays put.
        side += Array(repeating: .blank, count: layout.listed + 1 - min(here.count, layout.listed + 1) + 1)
        guard let since = state.since else { return side }
        side.append(Line(TextLayout.fit("Moved since \(since.name):", layout.sideWidth), .heading))
        if heat.moves.isEmpty { side.append(Line("none", .dim)) }
        for (ref, before, now) in heat.moves.prefix(layout.moves) {
            let arrow = now.value < before.value ? "↓" : now.value > before.value ? "↑" : "→"
            side.append(Line([Line.Segment("\(ref) "), Line.Segment("\(before.likelihood)×\(before.impact)=\(before.value)", .heat(plan.settings.band(for: before.value))),
                              Line.Segment(" \(arrow) "), Line.Segment("\(now.likelihood)×\(now.impact)=\(now.value)", .heat(plan.settings.band(for: now.value)))]))
        }
        if heat.moves.count > layout.moves { side.append(Line("… and \(heat.moves.count - layout.moves) more", .dim)) }
        return side
    }

    /// The 5 × 5 grid, likelihood 5 at the top, and its impact axis.
    static func heatGrid(_ state: BoardState, _ screen: HeatmapScreen, _ layout: HeatLayout) -> [Line] {
        let heat = state.heat(screen.stage)
        var grid: [Line] = []
        for likelihood in stride(from: 5, through: 1, by: -1) {
            for k in 0..<layout.cellHeight {
                var line = Line([Line.Segment(TextLayout.pad(k == 0 ? "  L\(likelihood)" : "", 6), .heading)])
                for impact in 1...5 {
                    let score = Score(likelihood: likelihood, impact: impact)
                    let band = state.plan.settings.band(for: score.value)
                    let count = heat.risks[score]?.count ?? 0
                    let isSelected = score == screen.cell && k == 0
                    var text = ""
                    if k == 0 {
                        text = count > 0 ? "\(band.letter) \(count)" : "\(band.letter) ·"
                    } else if k == 1 {
                        let out = heat.left[score] ?? 0
                        let into = heat.entered[score] ?? 0
                        text = (into > 0 ? "+\(into)" : "") + (out > 0 ? (into > 0 ? " " : "") + "−\(out)" : "")
                    }
                    // The selected cell's first line lights up, bracketed; its second keeps the band's colour.
                    let padded = TextLayout.pad((isSelected ? "[" : " ") + text, layout.cellWidth - 1) + (isSelected ? "]" : " ")
                    line.segments.append(Line.Segment(padded, isSelected ? .selection : .heat(band), keepsRole: true))
                }
                if k == 0 { line.target = .cell(likelihood, 0) }
                grid.append(line)
            }
        }
        var axis = Line([Line.Segment("      ", .heading)])
        for impact in 1...5 { axis.segments.append(Line.Segment(TextLayout.pad("  I\(impact)", layout.cellWidth), .heading)) }
        grid.append(axis)
        return grid
    }

    // MARK: Register

    struct Columns {
        var ref = 5, owner = 14, score = 7, review = 12, risk: Int, progress: Int

        init(width: Int) {
            if width >= 140 { owner = 22 }
            let rest = width - ref - owner - 3 * score - review - 1
            risk = max(10, rest * 3 / 5)
            progress = max(0, rest - risk)
        }
    }

    static func register(_ state: BoardState, _ screen: RegisterScreen) -> Body {
        let plan = state.plan
        let c = Columns(width: state.width)
        let risks = screen.risks(state)
        let selected = screen.selectedRisk(state)?.ref
        let column = screen.column
        var head: [Line] = []
        if let cell = screen.cell {
            head.append(Line("Only risks at \(cell.stage.rawValue) \(cell.score.likelihood)×\(cell.score.impact) (\(Bindings.key(.clearNarrowing, on: RegisterScreen.self)) shows all) · sorted by \(screen.sort.label)", .notice))
        } else {
            head.append(Line("\(counted(risks.count, "risk")), sorted by \(screen.sort.label) (\(Bindings.key(.sortRisks, on: RegisterScreen.self)) changes it) · ← → choose a column, Enter edits, \(Bindings.key(.followLink)) opens", .dim))
        }
        let titles = ["Ref", "Risk", "Owner", "Inher.", "Resid.", "Target", "Review", "Progress"]
        let widths = [c.ref, c.risk, c.owner, c.score, c.score, c.score, c.review, c.progress]
        var header = Line()
        for (i, title) in titles.enumerated() where widths[i] > 0 {
            header.segments.append(Line.Segment(TextLayout.pad(title, widths[i]), i == column ? .selection : .tableHeader, keepsRole: true))
        }
        head.append(header)
        var tail = risks.isEmpty ? [Line(plan.risks.isEmpty ? "The risk register is empty. Press \(Bindings.key(.addRisk, on: RegisterScreen.self)) to add a risk." : "No risks here.", .dim)] : []
        // The selected risk in full on the rows the table leaves: its columns cut the risk and
        // its progress to a few words on a narrow screen.
        let spare = state.contentRows - head.count - risks.count - 1
        if spare >= 2, let risk = screen.selectedRisk(state) {
            var words = TextLayout.wrap("\(risk.ref): \(risk.risk)", width: state.width - 1).map { Line($0) }
            if !risk.progress.isEmpty { words += TextLayout.wrap("Progress: \(risk.progress)", width: state.width - 1).map { Line($0, .dim) } }
            if words.count > spare - 1 {
                words = Array(words.prefix(spare - 1))
                if let last = words.indices.last { words[last].segments[0].text = TextLayout.fit(words[last].segments[0].text + " …", state.width - 1) }
            }
            tail += [.blank] + words
        }
        return Body(head: head, rows: risks.count, row: { i in
            let risk = risks[i]
            var line = Line(target: .risk(risk.ref))
            let isSelected = risk.ref == selected
            func cell(_ index: Int, _ text: String, _ role: Role = .normal, keeps: Bool = false) {
                guard widths[index] > 0 else { return }
                let focus = isSelected && index == column
                line.segments.append(Line.Segment(TextLayout.pad(text, widths[index] - 1) + " ", focus ? .input : role, keepsRole: keeps || focus))
            }
            cell(0, risk.ref)
            cell(1, risk.risk)
            cell(2, risk.owner)
            for (k, stage) in Risk.Stage.allCases.enumerated() {
                let score = risk.score(stage)
                cell(3 + k, BoardViews.scoreText(score, plan.settings), .heat(plan.settings.band(for: score.value)), keeps: true)
            }
            let overdue = risk.reviewDate.map { $0 < state.today } ?? false
            cell(6, (overdue ? "!" : "") + (risk.reviewDate?.display ?? "—"), overdue ? .overdue : .normal, keeps: overdue)
            cell(7, risk.progress)
            line.selected = isSelected
            return line
        }, rowIndex: { target in
            guard case let .risk(ref) = target else { return nil }
            return risks.firstIndex { $0.ref == ref }
        }, tail: tail, sticky: 1)
    }

    // MARK: One risk

    static func risk(_ state: BoardState, _ screen: RiskScreen) -> Body {
        guard let risk = state.plan.risk(screen.ref) else { return Body() }
        let plan = state.plan
        let width = state.width
        var lines: [Line] = []
        for (index, field) in RiskScreen.fields.enumerated() {
            let selected = index == screen.fieldIndex
            func add(_ label: String, _ segments: [Line.Segment]) {
                lines.append(DetailViews.field(label, segments, selected: selected, index: index))
            }
            switch field {
            case .ref: add("Reference", [Line.Segment(risk.ref)])
            case .risk, .mitigation, .progress:
                let text = risk.text(of: field)
                let label = field == .risk ? "Risk" : field == .mitigation ? "Mitigation" : "Progress"
                for (k, piece) in (text.isEmpty ? ["—"] : TextLayout.wrap(text, width: max(10, width - DetailViews.labelWidth - 1))).enumerated() {
                    var line = DetailViews.field(k == 0 ? label : "", [Line.Segment(piece, text.isEmpty ? .dim : .normal)], selected: selected, index: index)
                    if k > 0 { line.target = nil }
                    lines.append(line)
                }
            case .owner: add("Owner", [Line.Segment(risk.owner.isEmpty ? "none" : risk.owner, risk.owner.isEmpty ? .dim : .normal)])
            case .raised: add("Date raised", [Line.Segment(risk.raised?.display ?? "not recorded", risk.raised == nil ? .dim : .normal)])
            case .inherentLikelihood, .residualLikelihood, .targetLikelihood:
                let stage = field.stage ?? .residual
                let score = risk.score(stage)
                let band = plan.settings.band(for: score.value)
                add("\(stage.rawValue.capitalized) score", [Line.Segment("likelihood \(score.likelihood) × impact \(score.impact) = \(score.value) "),
                                                           Line.Segment(" \(band.letter) \(band.label) ", .heat(band), keepsRole: true)])
            case .reviewDate:
                let overdue = risk.reviewDate.map { $0 < state.today } ?? false
                add("Review date", [Line.Segment(risk.reviewDate?.display ?? "not set", risk.reviewDate == nil ? .dim : .normal)]
                    + (overdue ? [Line.Segment("  ! review overdue", .overdue, keepsRole: true)] : []))
            case .areas:
                let names = risk.areas.map { n in "\(n) \(plan.area(number: n)?.title ?? "?")" }
                add("Areas", [Line.Segment(names.isEmpty ? "none linked" : names.joined(separator: "; "), names.isEmpty ? .dim : .link)])
            case .inherentImpact, .residualImpact, .targetImpact:
                break
            }
        }
        lines.append(.blank)
        lines.append(Line("Enter edits the selected field (scores: likelihood then impact, one digit each) · \(Bindings.key(.followLink)) opens the first linked area", .dim))
        return Body(lines)
    }
}

/// The risks in each heatmap cell at one stage, and the movement since the checkpoint: how
/// many left and entered each cell, and which risks moved.
struct HeatCounts {
    var risks: [Score: [Risk]] = [:]
    var left: [Score: Int] = [:]
    var entered: [Score: Int] = [:]
    var moves: [(String, Score, Score)] = []
    /// The widest risk reference (up to 8), for the column the selected cell's risks are listed in.
    var refWidth = 0

    init(_ plan: Plan, stage: Risk.Stage, since: Checkpoint?) {
        for risk in plan.risks {
            risks[risk.score(stage), default: []].append(risk)
            refWidth = min(8, max(refWidth, DisplayWidth.of(risk.ref)))
        }
        guard let since else { return }
        let then = Dictionary(since.risks.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        for risk in plan.risks {
            guard let old = then[risk.ref] else { continue }
            let before = stage == .inherent ? old.inherent : stage == .residual ? old.residual : old.target
            let now = risk.score(stage)
            if before != now {
                left[before, default: 0] += 1
                entered[now, default: 0] += 1
                moves.append((risk.ref, before, now))
            }
        }
    }
}

extension BoardState {
    /// The heatmap's counts at one stage, worked out once per plan and checkpoint rather than on every key.
    func heat(_ stage: Risk.Stage) -> HeatCounts {
        memo.value("heat", key(stage.rawValue, since.map { "\($0.name)\u{0}\($0.date.iso)" } ?? "")) {
            HeatCounts(plan, stage: stage, since: since)
        }
    }
}

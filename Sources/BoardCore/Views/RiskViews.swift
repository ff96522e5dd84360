import PlanModel

/// The risk heatmap, the register and one risk's own screen.
enum RiskViews {
    // MARK: Heatmap

    static func heatmap(_ state: BoardState, _ screen: HeatmapScreen) -> Body {
        let plan = state.plan
        let width = state.width
        let wide = width >= 120
        let cellWidth = wide ? 12 : 8
        let cellHeight = state.height >= 40 ? 3 : 2
        let heat = state.heat(screen.stage)
        let (counts, left, entered, moves) = (heat.risks, heat.left, heat.entered, heat.moves)
        var lines: [Line] = []
        // The chosen view is bracketed as well as highlighted, so it shows without colour.
        let stages = Risk.Stage.allCases.map { stage in
            let key = stage == .inherent ? "i" : stage == .residual ? "r" : "t"
            let chosen = stage == screen.stage
            return Line.Segment(chosen ? "[\(key) \(stage.rawValue)]" : " \(key) \(stage.rawValue) ", chosen ? .selection : .keyHint, keepsRole: true)
        }
        lines.append(Line([Line.Segment("Showing ", .heading)] + stages + [Line.Segment("  \(counted(plan.risks.count, "risk"))", .dim)]))
        let gridWidth = 6 + 5 * cellWidth
        var side: [Line] = []
        // What sits in the selected cell, beside the grid.
        let cell = screen.cell
        let here = counts[cell] ?? []
        let band = plan.settings.band(for: cell.value)
        side.append(Line([Line.Segment("Likelihood \(cell.likelihood) × impact \(cell.impact) = \(cell.value) ", .heading),
                          Line.Segment(" \(band.letter) \(band.label) ", .heat(band), keepsRole: true)]))
        side.append(Line(here.isEmpty ? "No risks here." : "\(here.count) risk\(here.count == 1 ? "" : "s") here (Enter lists them):", here.isEmpty ? .dim : .normal))
        let sideWidth = max(10, width - gridWidth - 3)
        let listed = wide ? 10 : 5
        // References in a column as wide as the plan's widest, so the risks' text stays put
        // from cell to cell and moving the selection redraws only what differs.
        for risk in here.prefix(listed) { side.append(Line(TextLayout.fit(risk.ref + String(repeating: " ", count: max(1, heat.refWidth + 1 - DisplayWidth.of(risk.ref))) + risk.risk, sideWidth))) }
        if here.count > listed { side.append(Line("… and \(here.count - listed) more", .dim)) }
        // The list takes the same lines whatever the cell holds, so what moved stays put.
        side += Array(repeating: .blank, count: max(0, listed + 1 - min(here.count, listed + 1)) + 1)
        if let since = state.since {
            side.append(Line(TextLayout.fit("Moved since \(since.name):", sideWidth), .heading))
            if moves.isEmpty { side.append(Line("none", .dim)) }
            for (ref, before, now) in moves.prefix(wide ? 12 : 6) {
                let arrow = now.value < before.value ? "↓" : now.value > before.value ? "↑" : "→"
                side.append(Line([Line.Segment("\(ref) "), Line.Segment("\(before.likelihood)×\(before.impact)=\(before.value)", .heat(plan.settings.band(for: before.value))),
                                  Line.Segment(" \(arrow) "), Line.Segment("\(now.likelihood)×\(now.impact)=\(now.value)", .heat(plan.settings.band(for: now.value)))]))
            }
            if moves.count > (wide ? 12 : 6) { side.append(Line("… and \(moves.count - (wide ? 12 : 6)) more", .dim)) }
        }

        var grid: [Line] = []
        for likelihood in stride(from: 5, through: 1, by: -1) {
            for k in 0..<cellHeight {
                var line = Line([Line.Segment(TextLayout.pad(k == 0 ? "  L\(likelihood)" : "", 6), .heading)])
                for impact in 1...5 {
                    let score = Score(likelihood: likelihood, impact: impact)
                    let band = plan.settings.band(for: score.value)
                    let count = counts[score]?.count ?? 0
                    let isSelected = score == screen.cell
                    var text = ""
                    if k == 0 {
                        text = count > 0 ? "\(band.letter) \(count)" : "\(band.letter) ·"
                    } else if k == 1 {
                        let out = left[score] ?? 0
                        let into = entered[score] ?? 0
                        text = (into > 0 ? "+\(into)" : "") + (out > 0 ? (into > 0 ? " " : "") + "−\(out)" : "")
                    }
                    let padded = TextLayout.pad((isSelected && k == 0 ? "[" : " ") + text, cellWidth - 1) + (isSelected && k == 0 ? "]" : " ")
                    // The selected cell's first line lights up, bracketed; its second keeps the band's colour.
                    line.segments.append(Line.Segment(padded, isSelected && k == 0 ? .selection : .heat(band), keepsRole: true))
                }
                if k == 0 { line.target = .cell(likelihood, 0) }
                grid.append(line)
            }
        }
        var axis = Line([Line.Segment("      ", .heading)])
        for impact in 1...5 { axis.segments.append(Line.Segment(TextLayout.pad("  I\(impact)", cellWidth), .heading)) }
        grid.append(axis)
        grid.append(Line(TextLayout.pad("      Likelihood ↑ (5 at the top) · impact → (1 to 5) · +n entered, −n left since the checkpoint", width), .dim))
        for (i, var line) in grid.enumerated() {
            if i < side.count {
                let used = line.segments.reduce(0) { $0 + DisplayWidth.of($1.text) }
                line.segments.append(Line.Segment(String(repeating: " ", count: max(1, gridWidth + 2 - used))))
                line.segments.append(contentsOf: side[i].segments)
            }
            lines.append(line)
        }
        if side.count > grid.count { lines.append(contentsOf: side[grid.count...].map { var l = $0; l.segments.insert(Line.Segment(String(repeating: " ", count: gridWidth + 2)), at: 0); return l }) }
        return Body(lines)
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
        let tail = risks.isEmpty ? [Line(plan.risks.isEmpty ? "The risk register is empty. Press \(Bindings.key(.addRisk, on: RegisterScreen.self)) to add a risk." : "No risks here.", .dim)] : []
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

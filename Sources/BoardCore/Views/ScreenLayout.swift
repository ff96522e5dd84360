import PlanModel

/// What is where on screen: shared by drawing, scrolling and mouse clicks, so they agree.
public enum ScreenLayout {
    static func body(of state: BoardState) -> Body {
        switch state.screen {
        case .view(.dashboard): BoardViews.dashboard(state)
        case .view(.areas): AreaViews.areasList(state)
        case .view(.rag): BoardViews.rag(state)
        case .view(.heatmap): RiskViews.heatmap(state)
        case .view(.risks): RiskViews.register(state)
        case .view(.kpis): KPIViews.scoreCard(state)
        case .view(.triage): TriageViews.triage(state)
        case .view(.checkpoints): TriageViews.checkpoints(state)
        case .view(.governance): DetailViews.governance(state)
        case let .area(number): AreaViews.area(state, number: number)
        case let .action(ref): DetailViews.action(state, ref: ref)
        case let .risk(ref): RiskViews.risk(state, ref: ref)
        case let .kpi(ref): KPIViews.kpi(state, ref: ref)
        case .changes: TriageViews.changes(state)
        case .help: HelpView.body(state)
        }
    }

    static func scrollKey(_ screen: Screen) -> String {
        switch screen {
        case .view(let view): view.rawValue
        case .area: "area"
        case .action: "action"
        case .risk: "risk"
        case .kpi: "kpi"
        case .changes: "changes"
        case .help: "help"
        }
    }

    /// What a click at (x, y) selects.
    public static func hit(_ state: BoardState, x: Int, y: Int) -> Target? {
        let row = y - 2
        guard row >= 0, row < state.contentRows else { return nil }
        let body = body(of: state)
        let top = min(state.scroll[scrollKey(state.screen), default: 0], body.maxTop(rows: state.contentRows))
        let visible = body.visible(top: top, rows: state.contentRows)
        return row < visible.count ? body.line(visible[row]).target : nil
    }

    /// The currently selected target on screen.
    static func selection(_ state: BoardState) -> Target? {
        switch state.screen {
        case .view(.areas): .area(state.areaIndex)
        case .area: state.selectedFinding.map(Target.finding) ?? state.currentAction.map { .action($0.ref) }
        case .view(.triage): state.currentAction.map { .action($0.ref) }
        case .action: .field(state.fieldIndex)
        case .risk: .field(state.riskField)
        case .view(.rag): state.ragOverTime ? state.ragSelection.map { .action($0.ref) } : .area(state.ragArea)
        case .view(.risks): state.currentRisk.map { .risk($0.ref) }
        case .view(.kpis): state.currentKPI.map { .kpi($0.ref) }
        case .view(.dashboard), .view(.checkpoints), .changes, .kpi: state.selectedTarget()
        default: nil
        }
    }
}

extension BoardState {
    /// Scrolls the screen so the selection shows, moving as little as possible.
    mutating func keepSelectionVisible() {
        guard width >= Render.minimumWidth, height >= Render.minimumHeight else { return }
        let key = ScreenLayout.scrollKey(screen)
        let body = ScreenLayout.body(of: self)
        let top = min(scroll[key, default: 0], body.maxTop(rows: contentRows))
        guard let target = ScreenLayout.selection(self), let index = body.index(of: target) else {
            scroll[key] = top
            return
        }
        var newTop = body.scroll(toShow: index, from: top, rows: contentRows)
        // The first row of a table shows with as much as fits of what is above it.
        if index == body.firstSelectable { newTop = max(0, index - contentRows + 1) }
        scroll[key] = newTop
    }
}

import PlanModel

/// What is where on screen: shared by drawing, scrolling and mouse clicks, so they agree.
public enum ScreenLayout {
    static func body(of state: BoardState) -> Body { state.top.body(state) }

    /// The first line drawn, kept within what the body can scroll to.
    static func top(_ state: BoardState, _ body: Body) -> Int { min(state.top.top, body.maxTop(rows: state.contentRows)) }

    /// What a click at (x, y) selects.
    public static func hit(_ state: BoardState, x: Int, y: Int) -> Target? {
        let row = y - state.headerRows
        guard row >= 0, row < state.contentRows else { return nil }
        let body = body(of: state)
        let visible = body.visible(top: top(state, body), rows: state.contentRows)
        return row < visible.count ? body.line(visible[row]).target : nil
    }
}

import PlanModel

/// The areas of weakness, each with its actions per status.
public struct AreasScreen: ScreenComponent {
    public static let kind = "areas"
    public static let title = "Areas of weakness"
    public static let isView = true
    public static var bindings: [Binding] {
        [Bindings.open, Bindings.addArea, Bindings.editAreaTitle, Bindings.editAreaStatement] + Bindings.moveAreas + [Bindings.removeArea]
    }
    public static func make(_ subject: String, _ board: BoardState) -> AreasScreen? { AreasScreen() }

    public var top = 0
    /// The selected area, by its place in the plan.
    public var cursor = 0

    public func body(_ board: BoardState) -> Body { AreaViews.areasList(board, cursor: cursor) }
    public func selection(_ board: BoardState) -> Target? { .area(cursor) }

    public func selectedArea(_ board: BoardState) -> Area? {
        board.plan.areas.indices.contains(cursor) ? board.plan.areas[cursor] : nil
    }

    public mutating func move(_ delta: Int, _ board: BoardState) {
        cursor = clamp(cursor + delta, 0, board.plan.areas.count - 1)
    }

    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] {
        if let structure = command.own(as: StructureCommand.self) { return board.areaCommand(structure, selectedArea(board), closing: false) }
        guard command == .open else { return [] }
        guard let area = selectedArea(board) else {
            return [.say("No areas yet: press \(Bindings.key(.structure(.addArea), on: Self.self)) to add one.")]
        }
        return [.push(AreaScreen.id(area.number))]
    }

    public mutating func focus(_ target: Target, _ board: BoardState) {
        if case let .area(index) = target { cursor = index }
    }

    public mutating func returned(from screen: ScreenID, _ board: BoardState) {
        if screen.kind == AreaScreen.kind, let i = board.plan.areas.firstIndex(where: { String($0.number) == screen.subject }) { cursor = i }
    }

    public mutating func planChanged(_ board: BoardState) { cursor = clamp(cursor, 0, board.plan.areas.count - 1) }
}

extension View {
    public static let areas = View(kind: AreasScreen.kind)
}

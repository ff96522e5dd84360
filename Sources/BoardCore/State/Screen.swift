import PlanModel

/// Which screen is on the stack: its kind and what it shows (an area's number, an action's
/// reference), so the same screen can be found again and remembered.
public struct ScreenID: Hashable, Sendable, CustomStringConvertible {
    public var kind: String
    public var subject: String

    public init(_ kind: String, _ subject: String = "") {
        self.kind = kind
        self.subject = subject
    }

    public var description: String { subject.isEmpty ? kind : "\(kind) \(subject)" }

    /// One of the numbered views.
    public static func view(_ view: View) -> ScreenID { ScreenID(view.kind) }
}

/// One of the views reached with Tab and the number keys: the registered screens that say
/// they are views, numbered in registration order.
public struct View: Hashable, Sendable {
    public let kind: String

    public init(kind: String) { self.kind = kind }

    public static var allCases: [View] { Screens.views.map { View(kind: $0.kind) } }

    public var title: String { Screens.type(kind)?.title ?? kind }

    /// The number key that opens it: 1 to 9 for the first nine views; a view registered
    /// after them has none (Tab still reaches it).
    public var key: Character? {
        guard let index = View.allCases.firstIndex(of: self), index < 9 else { return nil }
        return Character(String(index + 1))
    }
}

/// A place to go, and what to select there.
public struct Visit: Sendable {
    public var id: ScreenID
    public var focus: Target?

    public init(_ id: ScreenID, focus: Target? = nil) {
        self.id = id
        self.focus = focus
    }
}

/// What a screen asks of the board: where to go, what to say, what to ask, what to do.
/// Screens change only themselves; the board carries out their steps.
public enum Step: Sendable {
    case push(Visit)
    case pop
    /// Replaces the whole stack.
    case show([Visit])
    case say(String, error: Bool)
    case ask(Overlay)
    case effect(Effect)
    /// Chooses the checkpoint "since" compares with.
    case since(String)
    /// Selects a target on the screen on top.
    case focus(Target)
    /// Changes the screen on top (a picker's filter, a list narrowed from another screen).
    case changeTop(@Sendable (inout any ScreenComponent, BoardState) -> Void)
    /// Sets (or, with nil, clears) the search that n and N follow.
    case search(String?)
    /// A reference changed: screens showing or selecting it follow.
    case renamed(from: Target, to: Target)

    static func say(_ text: String) -> Step { .say(text, error: false) }
    static func refuse(_ text: String) -> Step { .say(text, error: true) }
    static func push(_ id: ScreenID, focus: Target? = nil) -> Step { .push(Visit(id, focus: focus)) }

    /// Changes the screen on top when it is of the given kind.
    static func change<S: ScreenComponent>(_ type: S.Type, _ body: @escaping @Sendable (inout S, BoardState) -> Void) -> Step {
        .changeTop { screen, board in
            guard var typed = screen as? S else { return }
            body(&typed, board)
            screen = typed
        }
    }
}

/// A screen: its own state (cursor, scroll, filter), its bindings, how keys change it,
/// what it draws, and what it has selected. Everything has a do-nothing default, so a
/// screen says only what is particular to it.
public protocol ScreenComponent: Sendable {
    /// The kind of screen this type makes, as its `ScreenID` names it.
    static var kind: String { get }
    /// Its name in help and, for a view, the title line.
    static var title: String { get }
    /// Whether it is a numbered view (reached with a number key and Tab).
    static var isView: Bool { get }
    /// Its own keys, in key-bar order; they win over the global ones.
    static var bindings: [Binding] { get }
    /// Keys that open it from anywhere.
    static var globalBindings: [Binding] { get }
    /// Makes the screen for a subject, or nil when the plan has no such thing.
    static func make(_ subject: String, _ board: BoardState) -> Self?

    var id: ScreenID { get }
    /// The first visible line.
    var top: Int { get set }
    /// Its part of the breadcrumb on the title line.
    func crumb(_ board: BoardState) -> String
    func body(_ board: BoardState) -> Body
    /// The selected line, kept in view.
    func selection(_ board: BoardState) -> Target?
    func selectedAction(_ board: BoardState) -> Action?
    func selectedRisk(_ board: BoardState) -> Risk?
    func selectedKPI(_ board: BoardState) -> KPI?
    func selectedArea(_ board: BoardState) -> Area?
    /// A line above the key bar when no message is shown (the RAG grid names its cell).
    func statusLine(_ board: BoardState) -> [Line.Segment]?
    /// Whether "↓ n more" shows when the body is longer than the screen.
    var marksMore: Bool { get }

    mutating func move(_ delta: Int, _ board: BoardState)
    mutating func moveAcross(_ delta: Int, _ board: BoardState)
    mutating func perform(_ command: Command, _ board: BoardState) -> [Step]
    /// Selects a target (from a click, a search or another screen).
    mutating func focus(_ target: Target, _ board: BoardState)
    /// A click on a line: selects it, and a second click opens it.
    mutating func click(_ target: Target, _ board: BoardState) -> [Step]
    /// Each time it comes on screen, fresh or remembered.
    mutating func opened(_ board: BoardState)
    /// When the screen above it closed.
    mutating func returned(from: ScreenID, _ board: BoardState)
    /// The plan changed: keep the place.
    mutating func planChanged(_ board: BoardState)
    mutating func renamed(from: Target, to: Target)
    /// Whether it still shows something after the plan changed.
    func exists(in plan: Plan) -> Bool
}

extension ScreenComponent {
    public static var isView: Bool { false }
    public static var globalBindings: [Binding] { [] }
    public var id: ScreenID { ScreenID(Self.kind) }
    public func crumb(_ board: BoardState) -> String { Self.title }
    public func selection(_ board: BoardState) -> Target? { nil }
    public func selectedAction(_ board: BoardState) -> Action? { nil }
    public func selectedRisk(_ board: BoardState) -> Risk? { nil }
    public func selectedKPI(_ board: BoardState) -> KPI? { nil }
    public func selectedArea(_ board: BoardState) -> Area? { nil }
    public func statusLine(_ board: BoardState) -> [Line.Segment]? { nil }
    public var marksMore: Bool { true }
    public mutating func move(_ delta: Int, _ board: BoardState) { top = max(0, top + delta) }
    public mutating func moveAcross(_ delta: Int, _ board: BoardState) {}
    public mutating func perform(_ command: Command, _ board: BoardState) -> [Step] { [] }
    public mutating func focus(_ target: Target, _ board: BoardState) {}

    public mutating func click(_ target: Target, _ board: BoardState) -> [Step] {
        if selection(board) == target { return perform(.open, board) }
        focus(target, board)
        return []
    }
    public mutating func opened(_ board: BoardState) {}
    public mutating func returned(from: ScreenID, _ board: BoardState) {}
    public mutating func planChanged(_ board: BoardState) {}
    public mutating func renamed(from: Target, to: Target) {}
    public func exists(in plan: Plan) -> Bool { true }
}

/// A screen that selects whole lines of its body (the dashboard, checkpoints, a KPI, the
/// change log): moving walks the lines that can be selected, Enter opens one.
protocol LineScreen: ScreenComponent {
    var selected: Target? { get set }
}

extension LineScreen {
    public func selection(_ board: BoardState) -> Target? { selectedLine(board) }

    /// The selected line's target (the first one if none yet).
    func selectedLine(_ board: BoardState) -> Target? {
        let body = body(board)
        if let selected, body.index(of: selected) != nil { return selected }
        return body.firstSelectable.flatMap { body.line($0).target }
    }

    public mutating func move(_ delta: Int, _ board: BoardState) {
        let body = body(board)
        guard body.count > 0 else { return }
        let current = selectedLine(board).flatMap { body.index(of: $0) } ?? (delta > 0 ? -1 : body.count)
        if let target = body.selectable(from: current, steps: delta) { selected = target }
    }

    public mutating func focus(_ target: Target, _ board: BoardState) { selected = target }
}

/// A screen that lists one thing's fields, one selected at a time (an action, a risk).
protocol FieldScreen: ScreenComponent {
    /// How many fields it lists.
    static var fieldCount: Int { get }
    var fieldIndex: Int { get set }
}

extension FieldScreen {
    public func selection(_ board: BoardState) -> Target? { .field(fieldIndex) }
    public mutating func move(_ delta: Int, _ board: BoardState) { fieldIndex = clamp(fieldIndex + delta, 0, Self.fieldCount - 1) }
    /// Each opening starts at the first field.
    public mutating func opened(_ board: BoardState) { fieldIndex = 0 }

    public mutating func focus(_ target: Target, _ board: BoardState) {
        if case let .field(index) = target { fieldIndex = index }
    }
}

import PlanModel

/// Where the person was: the screens open, bottom first, and what the top one had selected,
/// so the dashboard opens again where it was left.
public struct BoardPlace: Equatable, Sendable, Codable {
    public var screens: [String]
    public var selection: String?

    public init(screens: [String], selection: String?) {
        self.screens = screens
        self.selection = selection
    }
}

extension BoardState {
    /// Where the person is now.
    public var place: BoardPlace {
        BoardPlace(screens: stack.map { Self.text($0.id) }, selection: top.selection(self).flatMap(Self.text))
    }

    /// Opens the screens of `place` that the plan still has, selecting what was selected;
    /// a place the plan no longer has (an action removed since) is left where it is.
    public mutating func restore(_ place: BoardPlace) {
        var visits: [Visit] = []
        for text in place.screens {
            guard let id = Self.screenID(text), let screen = Screens.make(id, self), screen.exists(in: plan) else { break }
            visits.append(Visit(id))
        }
        guard !visits.isEmpty else { return }
        visits[visits.count - 1].focus = place.selection.flatMap(Self.target)
        carryOut([.show(visits)])
    }

    private static func text(_ id: ScreenID) -> String { id.subject.isEmpty ? id.kind : "\(id.kind) \(id.subject)" }

    private static func screenID(_ text: String) -> ScreenID? {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let kind = parts.first, !kind.isEmpty else { return nil }
        return ScreenID(kind, parts.count > 1 ? parts[1] : "")
    }

    /// A selection that means the same after a restart (an index into a list of lines of
    /// the moment, a heatmap cell, does not).
    private static func text(_ target: Target) -> String? {
        switch target {
        case let .area(i): "area \(i)"
        case let .action(ref): "action \(ref)"
        case let .risk(ref): "risk \(ref)"
        case let .kpi(ref): "kpi \(ref)"
        case let .checkpoint(name): "checkpoint \(name)"
        case let .meeting(name): "meeting \(name)"
        case let .highlight(area, part): "highlight \(area) \(part.rawValue)"
        case let .decision(number): "decision \(number)"
        case let .milestone(label): "milestone \(label)"
        case .field, .change, .cell, .finding: nil
        }
    }

    private static func target(_ text: String) -> Target? {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "area": return Int(parts[1]).map(Target.area)
        case "action": return .action(parts[1])
        case "risk": return .risk(parts[1])
        case "kpi": return .kpi(parts[1])
        case "checkpoint": return .checkpoint(parts[1])
        case "meeting": return .meeting(parts[1])
        case "decision": return Int(parts[1]).map(Target.decision)
        case "highlight":
            let words = parts[1].split(separator: " ").map(String.init)
            guard words.count == 2, let area = Int(words[0]), let part = HighlightPart(rawValue: words[1]) else { return nil }
            return .highlight(area: area, part: part)
        case "milestone": return .milestone(parts[1])
        default: return nil
        }
    }
}

/// Which way a KPI should move.
public enum Better: String, Codable, Sendable, CaseIterable {
    case higher
    case lower
}

/// A figure with the date it was taken and how the plan words it.
public struct Measure: Codable, Equatable, Sendable {
    public var value: Double
    public var date: PlanDate?
    /// The plan's wording, e.g. "almost 2,000", or empty.
    public var note: String

    public init(value: Double, date: PlanDate? = nil, note: String = "") {
        self.value = value
        self.date = date
        self.note = note
    }
}

/// A figure to compare against, such as the England average.
public struct Comparator: Codable, Equatable, Sendable {
    public var label: String
    public var value: Double

    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}

/// A point on the score card's timeline ("3 months") with its target and what happened.
public struct Milestone: Codable, Equatable, Sendable {
    public var label: String
    public var date: PlanDate?
    public var target: Double?
    public var actual: Double?
    /// Where the actual came from (see `Evidence`).
    public var evidence: [Evidence] = []

    public init(label: String, date: PlanDate? = nil, target: Double? = nil, actual: Double? = nil) {
        self.label = label
        self.date = date
        self.target = target
        self.actual = actual
    }
}

/// One measure on the impact score card.
public struct KPI: Codable, Equatable, Sendable {
    /// KPI figures are kept below this size: above it a number has more digits than a
    /// Double keeps exactly, and would come back as 1.2345678901234568e+29.
    public static let maxFigure: Double = 1e15

    /// Why a figure cannot be kept, or nil when it can.
    public static func figureIssue(_ value: Double) -> String? {
        guard value.isFinite else { return "is not a number; expected a figure" }
        guard abs(value) < maxFigure else {
            return "is too large to keep exactly; expected a figure of at most 15 digits (below 1,000,000,000,000,000)"
        }
        return nil
    }

    public var ref: String
    public var name: String
    public var unit: String
    public var better: Better
    public var baseline: Measure?
    public var comparator: Comparator?
    public var milestones: [Milestone]

    public init(ref: String, name: String, unit: String, better: Better, baseline: Measure? = nil,
                comparator: Comparator? = nil, milestones: [Milestone] = []) {
        self.ref = ref
        self.name = name
        self.unit = unit
        self.better = better
        self.baseline = baseline
        self.comparator = comparator
        self.milestones = milestones
    }
}

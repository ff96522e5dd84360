/// How a KPI stands against its latest milestone target.
public enum KPIStatus: String, Codable, Sendable, CaseIterable {
    /// Met the target or better.
    case onTarget = "on-target"
    /// Within 10% of the target.
    case near
    /// Further off than 10%.
    case off
    /// No actual yet, or no target for the latest actual.
    case noData = "no-data"

    public var label: String {
        switch self {
        case .onTarget: "On target"
        case .near: "Within 10%"
        case .off: "Off target"
        case .noData: "No data"
        }
    }
}

/// Which way a KPI moved since its previous figure, judged by which direction is better.
public enum Travel: String, Codable, Sendable, CaseIterable {
    case improving, worsening, unchanged, unknown

    /// One word, never an arrow: an arrow beside a KPI that is better lower reads as "going
    /// up" or "going down", whichever way the figure went (K1 falling is better).
    public var word: String {
        switch self {
        case .improving: "better"
        case .worsening: "worse"
        case .unchanged: "same"
        case .unknown: "–"
        }
    }

    /// The same as a phrase: "better than the figure before".
    public var phrase: String {
        switch self {
        case .improving: "better than the figure before"
        case .worsening: "worse than the figure before"
        case .unchanged: "the same as the figure before"
        case .unknown: "no earlier figure to compare"
        }
    }
}

extension Plan {
    /// What to say under a table of figures when some KPIs are better lower: "Lower is
    /// better for K1, K2 and K3.", or nil when every KPI is better higher.
    public var lowerIsBetterNote: String? {
        let refs = kpis.filter { $0.better == .lower }.map(\.ref)
        guard let last = refs.last else { return nil }
        let list = refs.count == 1 ? last : refs.dropLast().joined(separator: ", ") + " and " + last
        return "Lower is better for \(list)."
    }
}

extension KPI {
    /// The index of the latest milestone that has an actual.
    public var latestActualIndex: Int? { milestones.lastIndex { $0.actual != nil } }

    /// The latest actual against that milestone's target.
    public var status: KPIStatus {
        guard let i = latestActualIndex, let actual = milestones[i].actual,
              let target = milestones[i].target else { return .noData }
        let meets = better == .higher ? actual >= target : actual <= target
        if meets { return .onTarget }
        let slack = abs(target) * 0.1
        let near = better == .higher ? actual >= target - slack : actual <= target + slack
        return near ? .near : .off
    }

    /// The latest actual against the one before it (or the baseline).
    public var travel: Travel {
        guard let i = latestActualIndex, let latest = milestones[i].actual else { return .unknown }
        let previous = milestones[..<i].last { $0.actual != nil }?.actual ?? baseline?.value
        guard let previous else { return .unknown }
        if latest == previous { return .unchanged }
        let rose = latest > previous
        return rose == (better == .higher) ? .improving : .worsening
    }

    /// The series of figures for a sparkline: the baseline, then each actual so far.
    public var series: [Double] {
        (baseline.map { [$0.value] } ?? []) + milestones.compactMap(\.actual)
    }
}

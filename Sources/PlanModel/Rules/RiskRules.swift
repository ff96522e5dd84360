/// A risk score's band, as the plan's settings draw it.
public enum RiskBand: String, Codable, Sendable, CaseIterable, Comparable {
    case low, medium, high

    public var label: String {
        switch self {
        case .low: "Low"
        case .medium: "Medium"
        case .high: "High"
        }
    }

    /// A letter, so a band never depends on colour alone.
    public var letter: Character {
        switch self {
        case .low: "L"
        case .medium: "M"
        case .high: "H"
        }
    }

    public static func < (lhs: RiskBand, rhs: RiskBand) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

extension Settings {
    /// The band a score (1 to 25) falls in.
    public func band(for value: Int) -> RiskBand {
        if value <= lowRiskMax { return .low }
        if value <= mediumRiskMax { return .medium }
        return .high
    }
}

extension Plan {
    /// Risks ordered by residual score, highest first; ties keep register order.
    public var risksByResidual: [Risk] {
        // Their places sorted, not the risks themselves: each is a large value to move.
        let scores = risks.map(\.residual.value)
        return risks.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.map { risks[$0] }
    }
}

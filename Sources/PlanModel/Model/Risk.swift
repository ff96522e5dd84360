/// Likelihood and impact, each 1 to 5, as a risk register scores them.
public struct Score: Codable, Equatable, Hashable, Sendable {
    public var likelihood: Int
    public var impact: Int

    public init(likelihood: Int, impact: Int) {
        self.likelihood = likelihood
        self.impact = impact
    }

    /// Likelihood × impact, 1 to 25.
    public var value: Int { likelihood * impact }

    /// Both parts are in 1...5.
    public var isValid: Bool { (1...5).contains(likelihood) && (1...5).contains(impact) }
}

/// One entry in the risk register.
public struct Risk: Codable, Equatable, Sendable {
    public var ref: String
    public var raised: PlanDate?
    public var risk: String
    public var owner: String
    /// Before mitigation.
    public var inherent: Score
    public var mitigation: String
    /// After mitigation.
    public var residual: Score
    public var target: Score
    /// Progress following action.
    public var progress: String
    public var reviewDate: PlanDate?
    /// Numbers of the areas of weakness this risk bears on.
    public var areas: [Int]

    public init(ref: String, raised: PlanDate? = nil, risk: String, owner: String = "",
                inherent: Score, mitigation: String = "", residual: Score, target: Score,
                progress: String = "", reviewDate: PlanDate? = nil, areas: [Int] = []) {
        self.ref = ref
        self.raised = raised
        self.risk = risk
        self.owner = owner
        self.inherent = inherent
        self.mitigation = mitigation
        self.residual = residual
        self.target = target
        self.progress = progress
        self.reviewDate = reviewDate
        self.areas = areas
    }

    /// Which of a risk's three scores.
    public enum Stage: String, Codable, Sendable, CaseIterable {
        case inherent, residual, target
    }

    public func score(_ stage: Stage) -> Score {
        switch stage {
        case .inherent: inherent
        case .residual: residual
        case .target: target
        }
    }
}

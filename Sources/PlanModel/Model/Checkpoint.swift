/// A named, dated snapshot of every status, score and actual, so a board can ask
/// "what changed since the last meeting?".
public struct Checkpoint: Codable, Equatable, Sendable {
    public struct ActionState: Codable, Equatable, Sendable {
        public var ref: String
        public var status: Status
        public init(ref: String, status: Status) {
            self.ref = ref
            self.status = status
        }
    }

    public struct RiskState: Codable, Equatable, Sendable {
        public var ref: String
        public var inherent: Score
        public var residual: Score
        public var target: Score
        public init(ref: String, inherent: Score, residual: Score, target: Score) {
            self.ref = ref
            self.inherent = inherent
            self.residual = residual
            self.target = target
        }
    }

    public struct KPIState: Codable, Equatable, Sendable {
        public var ref: String
        public var actuals: [Double?]
        public init(ref: String, actuals: [Double?]) {
            self.ref = ref
            self.actuals = actuals
        }
    }

    public var name: String
    public var date: PlanDate
    public var actions: [ActionState]
    public var risks: [RiskState]
    public var kpis: [KPIState]

    public init(name: String, date: PlanDate, actions: [ActionState] = [], risks: [RiskState] = [],
                kpis: [KPIState] = []) {
        self.name = name
        self.date = date
        self.actions = actions
        self.risks = risks
        self.kpis = kpis
    }

    /// Records the plan as it stands now.
    public init(name: String, date: PlanDate, of plan: Plan) {
        self.init(
            name: name, date: date,
            actions: plan.allActions.map { ActionState(ref: $0.ref, status: $0.status) },
            risks: plan.risks.map { RiskState(ref: $0.ref, inherent: $0.inherent, residual: $0.residual, target: $0.target) },
            kpis: plan.kpis.map { KPIState(ref: $0.ref, actuals: $0.milestones.map(\.actual)) })
    }
}

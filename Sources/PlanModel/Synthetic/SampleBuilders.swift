/// Small builders for the sample plans written in Swift (the illustrative Devon plan and
/// fictional Northmoor), so their tables read like the plans they describe.
protocol SampleBuilders {}

extension SampleBuilders {
    /// A date written in the tables. A mistyped one would change the sample files, which
    /// `SampleFileTests` compares byte for byte, so it cannot pass unnoticed.
    static func day(_ iso: String?) -> PlanDate? {
        iso.flatMap { PlanDate(iso: $0) }
    }

    static func day(_ iso: String) -> PlanDate {
        PlanDate(iso: iso) ?? PlanDate(dayNumber: 0)
    }

    static func note(_ date: String, _ author: String, _ text: String) -> Note {
        Note(date: day(date), author: author, text: text)
    }

    static func score(_ pair: (Int, Int)) -> Score { Score(likelihood: pair.0, impact: pair.1) }

    static func risk(_ ref: String, _ raised: String, _ text: String, _ owner: String, _ inherent: (Int, Int), _ mitigation: String,
                     _ residual: (Int, Int), _ target: (Int, Int), _ progress: String, _ review: String, _ areas: [Int]) -> Risk {
        Risk(ref: ref, raised: day(raised), risk: text, owner: owner, inherent: score(inherent), mitigation: mitigation,
             residual: score(residual), target: score(target), progress: progress, reviewDate: day(review), areas: areas)
    }

    /// A checkpoint of `plan` on `date`, with what differed then; anything not given is as now.
    static func checkpoint(_ plan: Plan, _ then: SampleThen) -> Checkpoint {
        var checkpoint = Checkpoint(name: then.name, date: day(then.date), of: plan)
        for i in checkpoint.actions.indices {
            if let status = then.statuses[checkpoint.actions[i].ref] { checkpoint.actions[i].status = status }
        }
        for i in checkpoint.risks.indices {
            let scores = then.scores[checkpoint.risks[i].ref] ?? [:]
            if let inherent = scores[.inherent] { checkpoint.risks[i].inherent = score(inherent) }
            if let residual = scores[.residual] { checkpoint.risks[i].residual = score(residual) }
            if let target = scores[.target] { checkpoint.risks[i].target = score(target) }
        }
        for i in checkpoint.kpis.indices {
            if let actuals = then.actuals[checkpoint.kpis[i].ref] { checkpoint.kpis[i].actuals = actuals }
        }
        return checkpoint
    }
}

/// What differed from now on a checkpoint's date.
struct SampleThen {
    var name: String
    var date: String
    var statuses: [String: Status]
    var scores: [String: [Risk.Stage: (Int, Int)]]
    var actuals: [String: [Double?]]

    init(_ name: String, _ date: String, statuses: [String: Status], scores: [String: [Risk.Stage: (Int, Int)]],
         actuals: [String: [Double?]]) {
        self.name = name
        self.date = date
        self.statuses = statuses
        self.scores = scores
        self.actuals = actuals
    }
}

/// Why a sample could not be made from its source: the source and the tables disagree.
public struct SampleMismatch: Error, CustomStringConvertible {
    public var description: String
}

/// An area's RAG as a board member asks for it first: the senior responsible officer's
/// judgement in the area's latest highlight report, when it gives one, else the roll-up of
/// the area's actions (the worst open action's status).
public struct AreaRAG: Equatable, Sendable {
    public var status: Status?
    /// The meeting whose highlight judged it; nil when it is the roll-up.
    public var judgedAt: String?
    /// What the actions roll up to, shown beside a judgement that differs.
    public var rollup: Status?

    public var isJudged: Bool { judgedAt != nil }

    public init(status: Status?, judgedAt: String?, rollup: Status?) {
        self.status = status
        self.judgedAt = judgedAt
        self.rollup = rollup
    }

    /// "Amber (the SRO’s judgement at Board 2023-09-12; the actions roll up to Red)", or
    /// "Red (the roll-up of its actions)".
    public var words: String {
        let shown = status?.label ?? "no actions"
        guard let judgedAt else { return "\(shown) (the roll-up of its actions)" }
        let rolled = rollup.map { $0 == status ? "as its actions roll up" : "the actions roll up to \($0.label)" } ?? "it has no actions"
        return "\(shown) (the SRO’s judgement at \(judgedAt); \(rolled))"
    }
}

extension Plan {
    /// Area `number`'s RAG: the judgement in its latest highlight (the latest meeting that
    /// has a highlight for it), else the roll-up of its actions.
    public func rag(ofArea number: Int) -> AreaRAG {
        rag(ofArea: number, rollingUpTo: rollupStatus(ofArea: number))
    }

    /// The same, given what the area's actions roll up to (a screen has it worked out
    /// already: `AreaRollup.worst`), so drawing it does not go over every action again.
    public func rag(ofArea number: Int, rollingUpTo rollup: Status?) -> AreaRAG {
        var latest: Meeting?
        for meeting in meetings where meeting.highlight(area: number) != nil {
            if latest.map({ meeting.date >= $0.date }) ?? true { latest = meeting }
        }
        if let latest, let judged = latest.highlight(area: number)?.rag {
            return AreaRAG(status: judged, judgedAt: latest.name, rollup: rollup)
        }
        return AreaRAG(status: rollup, judgedAt: nil, rollup: rollup)
    }
}

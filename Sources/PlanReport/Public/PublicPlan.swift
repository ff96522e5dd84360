import Foundation
import PlanModel

/// The plan as families read it: what `planboard publish` puts on the Local Offer.
///
/// A pure value worked out from the plan, its change log and today's date. What is internal
/// (progress notes, risks, decisions, names below the accountable officers, evidence links,
/// highlight reports, KPI baseline notes) stays out unless the plan's `Publication` setting
/// marks it public; every decision about what appears is made here, once, so the HTML, the
/// Markdown and the preview cannot disagree.
public struct PublicPlan: Sendable {
    public let plan: Plan
    public let publication: Publication
    public let today: PlanDate
    /// The date of the latest change to the plan (publications themselves not counted).
    public let lastUpdated: PlanDate?
    /// The latest date any KPI figure is for.
    public let figuresAsAt: PlanDate?
    /// The checkpoint "what has changed" compares with: the latest one.
    public let since: Checkpoint?
    /// What changed since then that families may see, in plan order.
    public let changes: [SinceSummary.Item]

    public init(plan: Plan, log: [ChangeRecord], today: PlanDate) {
        self.plan = plan
        self.publication = plan.settings.publicationOrDefault
        self.today = today
        self.lastUpdated = log.last(where: { !$0.isPublicationRecord }).map { PlanDate(utc: $0.at) }
        self.figuresAsAt = plan.kpis.flatMap { kpi in
            kpi.milestones.filter { $0.actual != nil }.compactMap(\.date) + [kpi.baseline?.date].compactMap { $0 }
        }.max()
        let since = plan.checkpoints.max { ($0.date, $0.name) < ($1.date, $1.name) }
        self.since = since
        if let since {
            let then = plan.asItWas(at: since, log: log.since(since))
            let publication = plan.settings.publicationOrDefault
            self.changes = SinceSummary(then: then, now: plan).items.filter { item in
                switch item.kind {
                case .started, .better, .worse, .sideways, .actionAdded, .actionRemoved,
                     .later, .earlier, .dateSet, .dateCleared, .actual:
                    true
                case .riskUp, .riskDown, .riskAdded, .riskRemoved:
                    publication.riskIsPublic(item.ref)
                case .leads, .actionEdited, .noteAdded, .noteRemoved, .riskEdited, .structure, .meeting, .decision, .checkpoint:
                    false
                }
            }
        } else {
            self.changes = []
        }
    }

    // MARK: What families see

    /// The progress notes of an action that are public, newest last.
    public func notes(of action: Action) -> [Note] {
        publication.notesArePublic(of: action.ref) ? action.notes : []
    }

    /// The names on an action that are public: its leads and senior responsible officer.
    public func names(on action: Action) -> [String] {
        guard publication.isPublic(.leads) else { return [] }
        var names = action.leads
        if let sro = action.seniorResponsibleOfficer, !sro.isEmpty, !names.contains(sro) { names.append(sro) }
        return names
    }

    public var risks: [Risk] { plan.risks.filter { publication.riskIsPublic($0.ref) } }

    public var decisions: [Decision] {
        plan.meetings.flatMap(\.decisions).filter { publication.decisionIsPublic($0.number) }
    }

    public var advisers: [Person] { publication.isPublic(.leads) ? plan.header.advisers : [] }

    /// Whether an open action's by-when has passed.
    public func isLate(_ action: Action) -> Bool {
        action.flags(today: today, settings: plan.settings).overdue
    }

    /// The KPIs an area's actions move, in score-card order.
    public func kpis(of area: Area) -> [KPI] {
        let linked = Set(area.actions.flatMap(\.kpis))
        return plan.kpis.filter { linked.contains($0.ref) }
    }

    // MARK: The preview

    /// One line of `publish --preview`: a thing, and whether it appears.
    public struct PreviewLine: Equatable, Sendable {
        public var appears: Bool
        public var what: String
    }

    /// Exactly what will appear and what is left out, item by item where it matters.
    public var preview: [PreviewLine] {
        var lines: [PreviewLine] = []
        func add(_ appears: Bool, _ what: String) { lines.append(PreviewLine(appears: appears, what: what)) }
        let actions = plan.areas.flatMap(\.actions)
        add(true, "the plan's title, local area, inspection dates and what the plan is for")
        add(true, "\(plan.areas.count) area\(plan.areas.count == 1 ? "" : "s") of weakness with their findings")
        add(true, "\(actions.count) action\(actions.count == 1 ? "" : "s") with status, by-when and success criteria")
        add(true, "\(plan.kpis.count) KPI\(plan.kpis.count == 1 ? "" : "s") with their figures, charts and targets")
        add(true, "\(plan.header.accountableOfficers.count) accountable officer\(plan.header.accountableOfficers.count == 1 ? "" : "s")")
        add(true, "the governance text and \(plan.governance.partners.count) partner\(plan.governance.partners.count == 1 ? "" : "s")")
        add(true, "\(changes.count) change\(changes.count == 1 ? "" : "s") since \(since.map { $0.date.display } ?? "the start") (statuses, dates, figures)")
        if let feedback = publication.feedback {
            add(true, "how to give feedback: \(feedback)")
        } else {
            add(false, "how to give feedback: none set yet (a chair sets it with `planboard publish feedback TEXT`)")
        }
        for action in actions where !action.notes.isEmpty {
            add(publication.notesArePublic(of: action.ref), "progress notes of action \(action.ref) (\(action.notes.count))")
        }
        let named = Set(actions.flatMap { $0.leads + [$0.seniorResponsibleOfficer].compactMap { $0 } } + plan.header.advisers.map(\.name))
        add(publication.isPublic(.leads), "named leads below the accountable officers (\(named.count) name\(named.count == 1 ? "" : "s"): action leads, senior responsible officers, advisers)")
        for risk in plan.risks { add(publication.riskIsPublic(risk.ref), "risk \(risk.ref)") }
        for decision in plan.meetings.flatMap(\.decisions) { add(publication.decisionIsPublic(decision.number), "decision \(decision.label)") }
        add(publication.isPublic(.evidence), "evidence links (the plan keeps none yet)")
        let highlights = plan.meetings.reduce(0) { $0 + $1.highlights.count }
        if highlights > 0 { add(false, "\(highlights) highlight report\(highlights == 1 ? "" : "s") (always internal: they are the board's)") }
        if plan.kpis.contains(where: { !($0.baseline?.note ?? "").isEmpty }) { add(false, "KPI baseline notes (always internal)") }
        return lines
    }
}

extension ChangeRecord {
    /// Whether this line only records a publication (the publication setting's `last`),
    /// which changes nothing families read.
    public var isPublicationRecord: Bool {
        guard case let .structure(.setPlanField(.publication, .publication(from), .publication(to))) = edit else { return false }
        var a = from ?? Publication(), b = to ?? Publication()
        a.last = nil
        b.last = nil
        return a == b
    }
}

extension PlanDate {
    /// The day (UTC) of a moment.
    init(utc moment: Date) {
        self.init(dayNumber: Int((moment.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    static let monthWords = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// "31 March 2023": months in full, as a council's page writes them.
    var words: String { "\(day) \(PlanDate.monthWords[month - 1]) \(year)" }

    /// "March 2023".
    var monthAndYear: String { "\(PlanDate.monthWords[month - 1]) \(year)" }
}

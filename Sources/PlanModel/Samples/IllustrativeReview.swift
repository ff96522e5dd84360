/// The progress review cycle for the illustrative Devon sample: the plan agreed with the
/// DfE and NHS England advisers, three agreed dates revised (two agreed, one proposed), and
/// evidence on most complete actions and some KPI figures, with some missing, as an adviser
/// would find it at the 6-month review.
///
/// Everything here is invented for demonstration, like the rest of the sample (its notice says so).
public enum IllustrativeReview {
    /// The advisers the plan was agreed with (invented names).
    public static let advisers = [
        Person(name: "Sam Patel", role: "SEND Adviser", organisation: "Department for Education"),
        Person(name: "Ruth Hale", role: "SEND Adviser", organisation: "NHS England"),
    ]

    static let agreedOn = "2022-08-16"

    /// Revised by-whens: the date in the agreed plan, the reason, when proposed and (if agreed) by whom and when.
    static let revisions: [(ref: String, agreed: String, reason: String, proposedBy: String, proposedOn: String, agreedBy: String?, agreedOn: String?)] = [
        ("1b", "2022-12-31", "The independent pay review needed a second round with the unions.", "Melissa Caslake", "2022-11-15",
         "the DfE and NHS England advisers at the 6-month review", "2023-02-14"),
        ("3n", "2023-04-28", "The quality assurance framework waits for the multi-agency panel to start.", "Jackie Ross", "2023-02-20",
         "Sam Patel (DfE) by email", "2023-03-14"),
        ("3o", "2023-05-31", "Educational psychologist recruitment slipped (risk R1).", "Jackie Ross", "2023-06-01", nil, nil),
    ]

    static func day(_ iso: String?) -> PlanDate? { iso.flatMap(PlanDate.init(iso:)) }

    /// Evidence by holder: actions, then KPI figures (milestone 1 is the first).
    static let actionEvidence: [(ref: String, title: String, date: String, location: String, shows: String)] = [
        ("3a.ii", "EP service review report", "2022-11-25", "https://intranet.devon.example/send/ep-service-review-2022.pdf",
         "The review’s recommendations and the new allocation system, agreed by the EP service"),
        ("3a.iii", "Caseworker performance dashboard", "2022-10-31", "https://intranet.devon.example/send/caseworker-targets",
         "Targets set for every caseworker and monitored weekly"),
        ("3c.i", "Caseload audit of every caseworker", "2022-09-30", "SEND Casework/Audits/Caseload audit 2022-09.xlsx",
         "Average caseload down from 210 to 160"),
        ("3d", "EHC pathway roadmap", "2022-12-16", "https://www.devon.example/send/ehc-roadmap",
         "The simplified pathway, published for families"),
        ("3d", "Parent carer forum feedback on the roadmap", "2023-01-20", "SEND Casework/Feedback/DPCF roadmap feedback.docx",
         "Families found the new paperwork clearer"),
    ]

    static let figureEvidence: [(kpi: String, milestone: Int, title: String, date: String, location: String, shows: String)] = [
        ("K1", 1, "Annual review tracker extract", "2023-02-10", "SEND Casework/Tracker/annual-reviews-2023-02.csv",
         "900 annual reviews outstanding after the data cleanse"),
        ("K4", 1, "SEN2 timeliness return", "2023-02-06", "https://intranet.devon.example/send/sen2-timeliness-q3",
         "47% of new EHC plans issued within 20 weeks"),
        ("K5", 0, "Multi-agency quality assurance report", "2022-10-28", "SEND Casework/QA/QA panel report 2022-10.pdf",
         "55% of audited plans judged good"),
    ]

    /// The plan with the advisers, its agreement, the revised dates and the evidence.
    public static func adding(to plan: Plan) -> Plan {
        var out = plan
        if out.header.advisers.isEmpty { out.header.advisers = advisers }
        let moved = Dictionary(revisions.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        guard let agreedOn = day(agreedOn) else { return out }
        let with = out.header.advisers.map { "\($0.name) (\($0.organisation.isEmpty ? $0.role : $0.organisation))" }
        out.header.agreements = [Agreement(date: agreedOn, with: with, note: "agreed with the DfE and NHS England advisers",
                                           byWhen: out.allActions.map { a in ActionDate(ref: a.ref, byWhen: moved[a.ref].flatMap { day($0.agreed) } ?? a.byWhen) })]
        for a in out.areas.indices {
            for i in out.areas[a].actions.indices {
                let action = out.areas[a].actions[i]
                if let r = moved[action.ref], let proposedOn = day(r.proposedOn) {
                    out.areas[a].actions[i].revisions = [DateRevision(baseline: 1, from: day(r.agreed), to: action.byWhen, reason: r.reason,
                                                                      proposedBy: r.proposedBy, proposedOn: proposedOn,
                                                                      agreedBy: r.agreedBy, agreedOn: day(r.agreedOn))]
                }
                out.areas[a].actions[i].evidence = actionEvidence.filter { $0.ref == action.ref }.compactMap { e in
                    day(e.date).map { Evidence(title: e.title, date: $0, location: e.location, shows: e.shows, addedBy: "Jackie Ross") }
                }
            }
        }
        for k in out.kpis.indices {
            for e in figureEvidence where e.kpi == out.kpis[k].ref && out.kpis[k].milestones.indices.contains(e.milestone) {
                guard let date = day(e.date) else { continue }
                out.kpis[k].milestones[e.milestone].evidence.append(Evidence(title: e.title, date: date, location: e.location, shows: e.shows,
                                                                             addedBy: "SEND performance team"))
            }
        }
        return out
    }
}

extension Plan {
    /// The review cycle's dates moved by `days`, as `shiftingStory` moves the rest of the
    /// story: agreements and the by-whens they hold, revised dates, evidence dates.
    func shiftingReviewCycle(byDays days: Int) -> Plan {
        var plan = self
        func moved(_ date: PlanDate?) -> PlanDate? { date?.adding(days: days) }
        for g in plan.header.agreements.indices {
            plan.header.agreements[g].date = plan.header.agreements[g].date.adding(days: days)
            for b in plan.header.agreements[g].byWhen.indices {
                plan.header.agreements[g].byWhen[b].byWhen = moved(plan.header.agreements[g].byWhen[b].byWhen)
            }
        }
        func shift(_ items: inout [Evidence]) {
            for e in items.indices { items[e].date = items[e].date.adding(days: days) }
        }
        for a in plan.areas.indices {
            for i in plan.areas[a].actions.indices {
                shift(&plan.areas[a].actions[i].evidence)
                for r in plan.areas[a].actions[i].revisions.indices {
                    var revision = plan.areas[a].actions[i].revisions[r]
                    revision.from = moved(revision.from)
                    revision.to = moved(revision.to)
                    revision.proposedOn = revision.proposedOn.adding(days: days)
                    revision.agreedOn = moved(revision.agreedOn)
                    plan.areas[a].actions[i].revisions[r] = revision
                }
            }
        }
        for k in plan.kpis.indices { for m in plan.kpis[k].milestones.indices { shift(&plan.kpis[k].milestones[m].evidence) } }
        for m in plan.meetings.indices { for h in plan.meetings[m].highlights.indices { shift(&plan.meetings[m].highlights[h].evidence) } }
        // A matter closed at a meeting names it; the meeting's name moved with its date.
        let names = Set(plan.meetings.map(\.name))
        for m in plan.meetings.indices {
            for a in plan.meetings[m].record.mattersArising.indices {
                guard let closed = plan.meetings[m].record.mattersArising[a].closedAt, !names.contains(closed),
                      let date = PlanDate(iso: String(closed.suffix(10))) else { continue }
                plan.meetings[m].record.mattersArising[a].closedAt = String(closed.dropLast(10)) + date.adding(days: days).iso
            }
        }
        return plan
    }
}

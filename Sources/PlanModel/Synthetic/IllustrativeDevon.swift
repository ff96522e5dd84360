/// The illustrative Devon plan: Devon's own text (`devon-app.json`) with invented by-when
/// dates, statuses, senior responsible officers, progress notes, risks, KPI figures and
/// checkpoints, and board meetings with highlight reports and decisions (`IllustrativeMeetings`).
/// Every invented value lives in the tables below or there; the plan text is never changed.
public enum IllustrativeDevon: SampleBuilders {

    /// Makes the illustrative plan from Devon's, or says where the two disagree.
    public static func make(from devon: Plan) throws(SampleMismatch) -> Plan {
        var plan = devon
        let refs = plan.allActions.map(\.ref)
        guard Set(refs) == Set(actions.keys), refs.count == actions.count else {
            throw SampleMismatch(description: "devon-app.json actions and the invented ones differ: \(Set(refs).symmetricDifference(actions.keys).sorted())")
        }
        for a in plan.areas.indices {
            for i in plan.areas[a].actions.indices {
                invent(&plan.areas[a].actions[i])
            }
        }
        plan.risks = risks
        for k in plan.kpis.indices { try figures(&plan.kpis[k]) }
        plan.checkpoints = checkpoints.map { checkpoint(plan, $0) }
        return IllustrativeReview.adding(to: IllustrativeMeetings.adding(to: plan))
    }

    private static func invent(_ action: inout Action) {
        guard let invented = actions[action.ref] else { return }
        action.byWhen = day(invented.byWhen)
        action.status = invented.status
        action.seniorResponsibleOfficer = invented.seniorResponsibleOfficer
        action.kpis += invented.extraKPIs.filter { !action.kpis.contains($0) }
        action.notes = invented.notes
    }

    private static func figures(_ kpi: inout KPI) throws(SampleMismatch) {
        guard let figures = figures[kpi.ref] else { throw SampleMismatch(description: "\(kpi.ref): no invented figures") }
        if var baseline = kpi.baseline {
            baseline.date = day(baselineDate)
            kpi.baseline = baseline
        } else {
            kpi.baseline = Measure(value: figures.baseline ?? 0, date: day(baselineDate))
        }
        let labels = kpi.milestones.map(\.label)
        guard labels == ["3 months", "6 months", "12 months"] else {
            throw SampleMismatch(description: "\(kpi.ref): unexpected milestones \(labels)")
        }
        for m in kpi.milestones.indices {
            let target = figures.targets[m]
            if let planned = kpi.milestones[m].target, planned != target {
                throw SampleMismatch(description: "\(kpi.ref) \(labels[m]): plan target \(formatNumber(planned)) is not \(target.map(formatNumber) ?? "none")")
            }
            kpi.milestones[m].date = day(milestoneDates[m])
            kpi.milestones[m].target = target
            kpi.milestones[m].actual = figures.actuals[m]
        }
    }

    /// One action's invented values.
    struct Invented {
        var byWhen: String?
        var status: Status
        var seniorResponsibleOfficer: String?
        var extraKPIs: [String]
        var notes: [Note]

        init(_ byWhen: String?, _ status: Status, _ seniorResponsibleOfficer: String?, _ extraKPIs: [String], _ notes: [Note]) {
            self.byWhen = byWhen
            self.status = status
            self.seniorResponsibleOfficer = seniorResponsibleOfficer
            self.extraKPIs = extraKPIs
            self.notes = notes
        }
    }

    /// A KPI's invented baseline (nil keeps the plan's), targets and actuals at 3, 6 and 12 months.
    struct Figures {
        var baseline: Double?
        var targets: [Double?]
        var actuals: [Double?]
    }

    static let jr = "Jackie Ross"
    static let mc = "Melissa Caslake"
    static let jm = "Jane Milligan"
    static let dco = "Designated Clinical Officer (NHS Devon)"
    static let hsc = "Head of Social Care (SEND)"
    static let milestoneDates = ["2022-10-31", "2023-01-31", "2023-07-31"]
    static let baselineDate = "2022-06-30"

    static let actions: [String: Invented] = [
        "1a": Invented("2023-03-31", .amber, mc, [], [
            note("2022-09-14", jr, "Draft ‘what to expect at SEN Support’ guide shared with the Devon Parent/Carer Forum for comment."),
            note("2023-04-12", jr, "Amber: the health and respite sections are not yet agreed with NHS partners; the education section is published on the Local Offer. New date to be set at the next board."),
        ]),
        "1b": Invented("2023-01-31", .red, mc, [], [
            note("2022-10-05", jr, "Pay benchmarking with neighbouring authorities completed; market supplement proposal drafted."),
            note("2023-01-26", jr, "Red: market supplement for caseworkers not approved by the HR panel; 7 of 18 caseworker posts still vacant."),
            note("2023-06-08", mc, "Revised proposal goes to next month’s Cabinet. Agency cover extended for another quarter."),
        ]),
        "1c": Invented("2023-06-30", .green, mc, [], [
            note("2022-11-02", jr, "Local Offer review group formed with the parent/carer forum and the young people’s representative group."),
            note("2023-01-25", jr, "Amber: web team capacity has delayed the new pathway pages by six weeks."),
            note("2023-05-30", jr, "Pathway pages for SEN Support and EHC needs assessment are live; back on track."),
        ]),
        "1d-e": Invented("2023-07-31", .amber, mc, [], [
            note("2023-03-01", jr, "Multi-agency briefing pack drafted; training schedule for education settings agreed for the summer term."),
            note("2023-08-03", jr, "Amber: training for health professionals moved back a term; education settings 60% trained."),
        ]),
        "1f": Invented("2023-09-30", .notStarted, mc, [], [
            note("2023-05-30", jr, "To start once the 1c pathway pages are complete."),
        ]),
        "2a": Invented("2023-09-30", .green, mc, ["K6"], [
            note("2022-08-22", jr, "Call-handling standard (reply within 3 working days) introduced for the 0-25 team; weekly performance report to managers."),
            note("2022-12-09", jr, "New parent/carer survey launched with the parent/carer forum: 412 responses in the first month."),
        ]),
        "2a.sc": Invented(nil, .amber, nil, [], [
            note("2022-10-19", hsc, "Single point of contact in social care agreed for families of children with SEND."),
            note("2023-02-08", hsc, "Amber: the duty line still answers under 70% of calls within target; rota under review."),
        ]),
        "2a.h": Invented(nil, .red, jm, [], [
            note("2022-11-10", dco, "Communication audit started across the acute and community health trusts."),
            note("2023-05-17", dco, "Red: the audit found missed-appointment letters are still sent by post only; the trust’s IT change is not scheduled until next year."),
        ]),
        "3a.i": Invented("2022-12-31", .red, mc, [], [
            note("2022-07-20", jr, "Recruitment campaign for 8 caseworkers and 3 educational psychologists launched."),
            note("2023-01-12", jr, "Amber: 5 caseworkers appointed; educational psychologist posts unfilled after two rounds."),
            note("2023-04-26", jr, "Red: two of the new caseworkers have left and the EP posts are still vacant; locum EPs commissioned to cover statutory advice."),
        ]),
        "3a.ii": Invented("2022-11-30", .complete, nil, [], [
            note("2022-11-24", jr, "EP service review completed; allocation by locality agreed by the board."),
        ]),
        "3a.iii": Invented("2022-10-31", .complete, nil, [], [
            note("2022-10-28", jr, "Weekly timeliness dashboard in place; 20-week targets set for each caseworker."),
        ]),
        "3b": Invented("2023-03-31", .amber, mc, [], [
            note("2022-08-01", jr, "Annual review backlog team of six in post (fixed term)."),
            note("2023-01-30", jr, "Red: backlog still 950 against an interim target of 800; health and social care contributions are not arriving in time."),
            note("2023-05-22", jr, "Amber: graduated response agreed with health and social care; backlog down to 640, but the agreed date was missed."),
        ]),
        "3c": Invented(nil, .green, nil, ["K6"], [
            note("2022-10-12", jr, "Casework culture training delivered to the 0-25 team (42 staff)."),
        ]),
        "3c.i": Invented("2022-09-30", .complete, nil, [], [
            note("2022-09-29", jr, "Caseloads capped with interim staff; completed."),
        ]),
        "3c.ii": Invented("2023-01-31", .amber, nil, [], [
            note("2022-12-02", jr, "Simplified request and annual review forms drafted with the parent/carer forum."),
            note("2023-02-10", jr, "Amber: new forms await sign-off by health and social care; latest QA sample rates 71% of plans good."),
        ]),
        "3c.iii": Invented(nil, .notStarted, nil, [], []),
        "3d": Invented("2022-12-16", .complete, nil, ["K6"], [
            note("2022-12-15", jr, "EHC pathway roadmap published on the Local Offer, with an easy-read version."),
        ]),
        "3e": Invented("2023-04-28", .green, nil, ["K6"], [
            note("2023-01-18", jr, "Hub phone line replaced by a named caseworker contact for each family in two pilot localities."),
        ]),
        "3f": Invented("2023-06-30", .green, nil, [], [
            note("2023-03-08", jr, "Professional lead roles defined for each locality team."),
        ]),
        "3g": Invented("2023-05-31", .amber, nil, [], [
            note("2023-03-22", jr, "Consistent caseworker allocation rules agreed."),
            note("2023-06-14", jr, "Amber: information-sharing agreement with health still unsigned; legal review under way."),
        ]),
        "3h": Invented("2023-09-29", .green, nil, ["K5"], [
            note("2022-12-07", jr, "Advice template agreed with EPS, health and social care."),
            note("2023-03-29", jr, "Advice-writing training delivered to 96 professionals."),
        ]),
        "3i": Invented("2023-02-28", .complete, nil, ["K5"], [
            note("2023-02-24", jr, "‘What a good EHC plan looks like’ standard published; all caseworkers trained."),
        ]),
        "3j": Invented("2023-01-31", .red, mc, ["K5"], [
            note("2022-11-30", jr, "Draft multi-agency QA framework circulated."),
            note("2023-01-31", jr, "Red: framework not agreed and no health or social care QA leads named, so audits are education-only."),
            note("2023-06-20", jr, "Framework agreed at the board; first joint audit set for next term."),
        ]),
        "3k": Invented("2023-09-29", .notStarted, nil, [], []),
        "3l": Invented("2023-09-29", .notStarted, nil, [], []),
        "3m": Invented(nil, .green, nil, [], [
            note("2023-03-08", jr, "Tracked through 3d, 3h and 3j."),
        ]),
        "3n": Invented("2023-06-30", .amber, nil, ["K1"], [
            note("2023-01-11", jr, "Annual review training for SENCOs scheduled in every locality."),
            note("2023-07-05", jr, "Amber: 58% of schools have attended; the mainstream inclusion strategy is still in draft."),
        ]),
        "3o": Invented("2023-07-31", .red, mc, ["K1"], [
            note("2022-12-14", jr, "Review of pupils out of education started: 118 identified."),
            note("2023-02-02", jr, "Amber: 40 reviews outstanding beyond six weeks."),
            note("2023-06-28", jr, "Red: not enough tuition and alternative provision places; 23 pupils still without a full-time offer."),
        ]),
        "3p.i": Invented("2023-09-01", .amber, nil, [], [
            note("2023-01-19", jr, "Multi-agency placement panel terms of reference agreed."),
            note("2023-07-12", jr, "Amber: panel meets monthly, but two independent providers have not signed the collaboration agreement."),
        ]),
        "3p.ii": Invented("2023-08-31", .green, nil, [], [
            note("2023-04-04", jr, "Quality expectations for provision drafted with the parent/carer forum."),
        ]),
    ]

    static let risks: [Risk] = [
        risk("R1", "2022-06-30",
             "Caseworkers and educational psychologists cannot be recruited or retained in the numbers needed, so EHC needs assessments and annual reviews stay late.",
             jr, (5, 5),
             "Market supplement for caseworkers; locum educational psychologists for statutory advice; trainee EP places; national recruitment campaign.",
             (4, 4), (2, 4),
             "5 caseworkers appointed, 2 have left. EP vacancies covered by locums until the new appointments start.",
             "2023-09-12", [1, 3]),
        risk("R2", "2022-06-30",
             "The backlog of 1600 delayed annual reviews is not cleared, so the provision in plans goes out of date.",
             jr, (5, 4),
             "Fixed-term backlog team; graduated response with health and social care partners; weekly tracking.",
             (3, 4), (2, 3),
             "Backlog down to 420 at the latest count (K1). Backlog team contracts extended by six months.",
             "2023-09-12", [3]),
        risk("R3", "2022-06-30",
             "Demand for ASD assessment keeps rising faster than capacity, so the waiting list of almost 2,000 does not fall.",
             dco, (5, 4),
             "Extra assessment capacity commissioned; neurodiversity pathway offering support before diagnosis.",
             (4, 4), (3, 3),
             "Waiting list down to 1,720 (K2); the share waiting over a year is still above target.",
             "2023-09-12", [4]),
        risk("R4", "2022-06-30",
             "Parents’ and carers’ trust in the local area does not recover, so families do not engage with co-production or the new survey.",
             mc, (4, 5),
             "Co-production charter with the parent/carer forum; ‘you said, we did’ updates; named caseworker contact for each family.",
             (3, 4), (2, 3),
             "Survey satisfaction up from 38% to 61% (K6). The parent/carer forum attends every board.",
             "2023-10-10", [1, 2, 3]),
        risk("R5", "2022-07-15",
             "Case records are incomplete or inaccurate, so the timeliness and backlog figures reported to the board are unreliable.",
             "SEND Data and Performance Lead", (4, 3),
             "Data cleanse of case records; monthly reconciliation with schools; data quality dashboard.",
             (2, 3), (1, 3),
             "Cleanse found 50 duplicate annual review records; the earlier backlog figure has been revised.",
             "2023-10-10", [1, 3]),
        risk("R6", "2022-07-15",
             "The high-needs funding deficit limits what can be spent on extra staff and provision.",
             "Head of Finance, Children’s Services", (4, 4),
             "Deficit management plan agreed with DfE; invest-to-save case for the backlog team.",
             (4, 4), (3, 4),
             "Deficit management plan agreed; no change to the risk yet.",
             "2023-09-12", [1, 3]),
        risk("R7", "2022-08-10",
             "Shortages in health visiting services persist, delaying healthy child programme reviews and the identification of under-fives.",
             "Head of Public Health Nursing", (4, 4),
             "Skill-mix model with nursery nurses; two-year reviews prioritised; student health visitor places.",
             (3, 4), (2, 3),
             "Two-year review coverage up from 61% to 74%.",
             "2023-10-10", [4]),
        risk("R8", "2022-08-10",
             "There is not enough capacity to quality assure EHC plans across education, health and social care.",
             jr, (3, 3),
             "Multi-agency QA framework (3j); a QA lead named in each agency; monthly audit sample.",
             (2, 3), (1, 3),
             "Joint audit starts next term; audits so far are education-only.",
             "2023-09-12", [3]),
        risk("R9", "2022-09-21",
             "The number of SEND Tribunal appeals rises, drawing caseworker time away from assessments.",
             jr, (4, 3),
             "Early mediation; better professional advice (3h); legal team support for casework.",
             (3, 3), (2, 2),
             "Appeals registered are 12% lower than in the same period last year.",
             "2023-10-10", [2, 3]),
        risk("R10", "2022-09-21",
             "The case-management system cannot support the new EHC process, backlog tracking and a family portal.",
             "Head of ICT, Devon County Council", (3, 4),
             "System upgrade and family portal procured; interim tracker for the backlog team.",
             (2, 2), (1, 2),
             "Upgrade went live last quarter; portal piloted in two localities.",
             "2023-12-12", [2, 3]),
    ]

    static let figures: [String: Figures] = [
        "K1": Figures(baseline: nil, targets: [1200, 800, 200], actuals: [1350, 900, 420]),
        "K2": Figures(baseline: nil, targets: [1900, 1750, 1500], actuals: [1980, 1890, 1720]),
        "K3": Figures(baseline: nil, targets: [45, 40, 30], actuals: [49, 44, nil]),
        "K4": Figures(baseline: 31, targets: [40, 50, 58], actuals: [36, 47, 55]),
        "K5": Figures(baseline: 42, targets: [60, 75, 95], actuals: [55, 71, 83]),
        "K6": Figures(baseline: 38, targets: [50, 65, 90], actuals: [nil, 52, 61]),
    ]

    static let checkpoints: [SampleThen] = [
        SampleThen("Board 2022-11-15", "2022-11-15",
             statuses: ["1a": .green, "1b": .amber, "1c": .notStarted, "1d-e": .notStarted, "2a.sc": .green, "2a.h": .amber, "3a.i": .amber, "3a.ii": .green, "3b": .amber, "3c.ii": .green, "3d": .green, "3e": .notStarted, "3f": .notStarted, "3g": .notStarted, "3h": .notStarted, "3i": .notStarted, "3j": .amber, "3m": .notStarted, "3n": .notStarted, "3o": .notStarted, "3p.i": .notStarted, "3p.ii": .notStarted],
             scores: ["R1": [.residual: (5, 4)], "R2": [.residual: (4, 4)], "R10": [.residual: (3, 3)]],
             actuals: ["K1": [1350, nil, nil], "K2": [1980, nil, nil], "K3": [49, nil, nil], "K4": [36, nil, nil], "K5": [55, nil, nil], "K6": [nil, nil, nil]]),
        // The K1 six-month figure was 950 then; the data cleanse (R5) revised it to 900.
        SampleThen("Six-month review 2023-02-14", "2023-02-14",
             statuses: ["1c": .amber, "3a.i": .amber, "3b": .red, "3i": .green, "3o": .amber, "3p.ii": .notStarted],
             scores: ["R2": [.residual: (4, 4)]],
             actuals: ["K1": [1350, 950, nil], "K2": [1980, 1890, nil], "K3": [49, 44, nil], "K4": [36, 47, nil], "K5": [55, 71, nil], "K6": [nil, 52, nil]]),
        // The last monthly board, four weeks before the story's day: 1d-e was still on track,
        // the backlog risk not yet lowered, and the 12-month figures not yet in.
        SampleThen("Board 2023-07-18", "2023-07-18",
             statuses: ["1d-e": .green],
             scores: ["R2": [.residual: (4, 4)]],
             actuals: ["K1": [1350, 900, nil], "K2": [1980, 1890, nil], "K4": [36, 47, nil], "K5": [55, 71, nil], "K6": [nil, 52, nil]]),
    ]
}

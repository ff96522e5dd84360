/// Northmoor: an invented local area with five areas of weakness, for testing layouts:
/// long and short text, every status and non-ASCII text (£, –, ’, é, 中文).
public enum FictionalNorthmoor: SampleBuilders {
    static let ah = "Dr Amélie Hartwell"
    static let tr = "Tomás Reyes"
    static let pa = "Priya Anand"
    static let ob = "Owen Bryce"
    static let sk = "Siân Kerrow"
    static let source = "From the revisit report, March ’23:"
    static let milestoneDates = ["2023-06-30", "2023-09-30", "2024-03-31"]

    /// The whole fictional plan, with one checkpoint.
    public static func make() -> Plan {
        let header = Header(
            localArea: "Northmoor Local Area (fictional)",
            title: "Accelerated Progress Plan (APP) for Northmoor Local Area – a fictional plan",
            notice: "Fictional plan for testing layouts: Northmoor, its people, figures and findings are invented. Five areas of weakness, long and short text, every status and non-ASCII text (£, –, ’, é).",
            inspectionStart: day("2023-03-06"), inspectionEnd: day("2023-03-10"), revisitReportDate: day("2023-05-02"),
            accountableOfficers: [
                Person(name: ah, role: "Director of Children’s Services", organisation: "Northmoor Council (fictional)"),
                Person(name: sk, role: "Chief Nursing Officer", organisation: "Northmoor Integrated Care Board (fictional)"),
            ],
            advisers: [
                Person(name: "Renée Ashworth", role: "SEND Adviser", organisation: "Department for Education"),
                Person(name: "Kwame Osei-Thorne", role: "SEND Adviser", organisation: "NHS England"),
            ])
        let governance = Governance(
            narrative: "The Northmoor SEND Improvement Board (fictional) meets every six weeks, chaired by the Director of Children’s Services. It reports to the Health and Wellbeing Board and, for health matters, to the ICB Quality Committee.\n\nEach area of weakness has a lead who reports progress, risks and KPIs to every meeting.",
            partners: ["Northmoor Council (fictional)", "Northmoor Integrated Care Board (fictional)", "Northmoor Parent Carer Forum (fictional)", "Schools, colleges and early years settings"],
            reportingLines: [
                ReportingLine(from: "SEND Improvement Board", to: "Health and Wellbeing Board", kind: .accountability, frequency: "quarterly"),
                ReportingLine(from: "SEND Improvement Board", to: "ICB Quality Committee", kind: .accountability, frequency: "every two months"),
                ReportingLine(from: "Area leads", to: "SEND Improvement Board", kind: .information, frequency: "every six weeks"),
            ])
        let areas = [
            area(1, "Joint commissioning",
                 "Leaders’ joint commissioning arrangements are underdeveloped, so services do not reflect the needs of children and young people with SEND.",
                 [
                     "There is no shared needs analysis across education, health and care.",
                     "Commissioners cannot say what £4.2m of jointly funded services achieve.",
                     "Speech and language therapy is commissioned differently in the north and south of the area.",
                 ], [
                     action("1a", "Complete a joint strategic needs analysis for SEND – agreed by all partners.", "2023-06-30", [ob], ah, .complete, "JSNA chapter published.", [], "Analysis signed off by the Health and Wellbeing Board.", [
                         note("2023-06-27", ob, "Signed off by the Health and Wellbeing Board."),
                     ]),
                     action("1b", "Agree a joint commissioning framework with pooled budget rules.", "2023-09-29", [ob, pa], ah, .amber, "", [], "", [
                         note("2023-05-03", ob, "Draft framework with legal services."),
                         note("2023-08-14", ob, "Amber: pooled budget rules need ICB board approval, now scheduled for October."),
                     ]),
                     action("1c.i", "Review speech and language therapy contracts – north locality.", "2023-12-15", [pa], nil, .green, "", ["K2"], "", [
                         note("2023-07-19", pa, "Contract data collected; provider engaged."),
                     ]),
                     action("1c.ii", "Review speech and language therapy contracts – south locality.", "2024-03-29", [pa], nil, .notStarted, "", ["K2"], "", []),
                 ]),
            area(2, "Therapy waiting times",
                 "Children and young people wait too long for therapies, and families receive little support while they wait.",
                 [
                     "Waits for occupational therapy exceed 52 weeks for 30% of referrals.",
                     "Families are not told how long they are likely to wait.",
                     "There is no ‘waiting well’ offer.",
                 ], [
                     action("2a", "Publish expected waiting times for every therapy on the Local Offer.", "2023-05-31", [pa], nil, .complete, "Waiting times published monthly.", ["K2"], "", [
                         note("2023-05-24", pa, "Published; updated on the first working day of each month."),
                     ]),
                     action("2b.i", "Recruit two band 6 occupational therapists.", "2023-07-31", [pa], sk, .red, "", ["K2"], "", [
                         note("2023-04-11", pa, "Adverts out twice."),
                         note("2023-08-02", pa, "Red: no appointable candidates; agency cost £1,150 a week per therapist is over budget."),
                     ]),
                     action("2b.ii", "Commission additional OT capacity from the independent sector – up to £180,000.", "2023-10-31", [pa, ob], sk, .amber, "", ["K2"], "", [
                         note("2023-08-09", ob, "Amber: procurement route agreed but the tender has slipped by a month."),
                     ]),
                     action("2c", "Launch a ‘waiting well’ offer: drop-in advice, sensory packs, parent workshops.", "2023-09-15", [pa], nil, .green, "Families report feeling supported (survey).", ["K4"], "", [
                         note("2023-06-06", pa, "First drop-in held in Ashby Vale; 34 families attended."),
                     ]),
                     action("2d", "Triage every referral within 10 working days.", "2023-08-31", [pa], nil, .green, "", [], "", []),
                     action("2e", "Report waiting-time trends to the partnership board each quarter.", nil, [pa], nil, .notStarted, "", [], "", []),
                 ]),
            area(3, "Preparation for adulthood",
                 "Young people’s preparation for adulthood is weak; too few have clear pathways into employment, independent living and good health.",
                 [
                     "Annual reviews from Year 9 rarely consider adulthood outcomes.",
                     "Supported internships are available in only one college.",
                     "Health transition from children’s to adult services is unplanned for many young people.",
                     "Young people say they are not listened to.",
                     "Careers advice does not take account of SEND.",
                 ], [
                     action("3a", "Embed preparation-for-adulthood outcomes in every annual review from Year 9.", "2023-12-15", [tr], nil, .amber, "Audit of Year 9+ reviews.", ["K3"], "90% of Year 9+ reviews include adulthood outcomes.", [
                         note("2023-07-10", tr, "Amber: audit shows 48%; template change waiting for the IT release."),
                     ]),
                     action("3b", "Expand supported internships to all three colleges.", "2024-03-29", [tr], nil, .green, "", [], "", [
                         note("2023-06-21", tr, "Second college signed up; 12 places for September."),
                     ]),
                     action("3c", "Agree a health transition protocol with adult services, including a named worker at 17½.", "2023-11-30", [sk], sk, .red, "", [], "", [
                         note("2023-08-01", sk, "Red: adult mental health services have not agreed the protocol; escalated to the ICB."),
                     ]),
                 ]),
            area(4, "Co-production with families",
                 "Co-production with parents, carers and young people is not embedded at a strategic or individual level.",
                 [
                     "The parent carer forum is consulted late, after decisions are made.",
                     "Families whose first language is not English are under-represented.",
                     "Feedback is collected but families do not hear what happened as a result.",
                 ], [
                     action("4a", "Agree a co-production charter with the Northmoor Parent Carer Forum.", "2023-04-28", [tr], ah, .complete, "", [], "", [
                         note("2023-04-25", tr, "Charter signed at the forum’s annual meeting."),
                     ]),
                     action("4b", "Publish ‘you said, we did’ updates every quarter.", "2023-06-30", [tr], nil, .complete, "", ["K4"], "", [
                         note("2023-06-29", tr, "First update published and sent to 1,240 families."),
                     ]),
                     action("4c", "Fund forum participation – £25,000 a year for three years.", "2023-05-31", [ob], nil, .complete, "", [], "", []),
                     action("4d", "Translate key Local Offer pages into the five most-spoken community languages.", "2023-10-31", [tr], nil, .green, "", [], "", [
                         note("2023-07-27", tr, "Polish, Romanian, Arabic and Urdu pages done; Chinese (中文) in proof."),
                     ]),
                     action("4e", "Young people’s panel to review every new leaflet – “nothing about us without us”.", "2023-09-29", [tr], nil, .amber, "", [], "", [
                         note("2023-08-16", tr, "Amber: panel has four members against a target of twelve; recruitment through schools in September."),
                     ]),
                     action("4f", "Train all SEND staff in person-centred practice.", "2024-01-31", [tr, pa], nil, .green, "", [], "", []),
                     action("4g", "Include a parent representative on every commissioning panel.", "2023-12-15", [ob], nil, .notStarted, "", [], "", []),
                     action("4h", "Run an annual co-production survey (including café-style sessions in each locality).", "2024-02-29", [tr], nil, .notStarted, "Survey response rate.", ["K4"], "", []),
                 ]),
            area(5, "Inclusion in mainstream schools",
                 "Too many children and young people with SEND are excluded from mainstream schools or placed on part-time timetables, and the area does not know how many.",
                 [
                     "Permanent exclusions of pupils with EHC plans are twice the national rate.",
                     "Part-time timetables are not recorded centrally.",
                     "Schools say they lack access to specialist outreach.",
                 ], [
                     action("5a", "Record every part-time timetable centrally and review each one within 6 weeks.", "2023-06-30", [ob], ah, .red, "", ["K1"], "", [
                         note("2023-03-14", ob, "Recording form issued to all schools."),
                         note("2023-07-04", ob, "Red: only 61% of schools returning data; academies’ trust leads to be written to by the DCS."),
                     ]),
                     action("5b.i", "Specialist outreach – autism.", "2023-09-01", [ob], nil, .green, "", ["K1"], "", []),
                     action("5b.ii", "Specialist outreach – social, emotional and mental health.", "2023-09-01", [ob], nil, .amber, "", ["K1"], "", [
                         note("2023-08-10", ob, "Amber: one of three outreach posts filled."),
                     ]),
                     action("5b.iii", "Specialist outreach – sensory (hearing and vision).", "2023-09-01", [ob], nil, .complete, "", [], "", []),
                     action("5c", "Inclusion charter for all schools, with a £500 inclusion award for early adopters.", "2024-03-29", [ob], nil, .notStarted, "", ["K1"], "", []),
                 ]),
        ]
        let kpis = [
            kpi("K1", "Permanent exclusions of pupils with EHC plans (per term)", "count", .lower,
                18, nil, [15, 12, 8], [16, nil, nil]),
            kpi("K2", "Median wait for occupational therapy", "weeks", .lower,
                41, Comparator(label: "Regional median", value: 18.5), [36, 30, 18], [38, nil, nil]),
            kpi("K3", "Year 9+ annual reviews with adulthood outcomes", "%", .higher,
                22, nil, [40, 60, 90], [48, nil, nil]),
            kpi("K4", "Families who feel listened to", "%", .higher,
                nil, Comparator(label: "England average (survey)", value: 47), [35, 45, 60], [nil, nil, nil]),
        ]
        let risks = [
            risk("R1", "2023-03-31", "Occupational therapists cannot be recruited, so waits do not fall.", pa,
                 (5, 4), "Independent-sector capacity; apprenticeship route; retention payments.", (4, 4), (2, 3),
                 "Two rounds of adverts unsuccessful.", "2023-10-02", [2]),
            risk("R2", "2023-03-31", "The high-needs deficit (£11.8m) stops new outreach posts.", ob,
                 (4, 5), "Deficit recovery plan; outreach funded from the early intervention reserve.", (3, 4), (2, 4),
                 "Reserve funding agreed for 2023–24 only.", "2023-10-02", [1, 5]),
            risk("R3", "2023-04-14", "Adult services do not sign up to the health transition protocol.", sk,
                 (3, 4), "ICB escalation; shared transition posts.", (3, 4), (1, 4),
                 "Escalated to the ICB board in August.", "2023-09-18", [3]),
            risk("R4", "2023-04-14", "Schools do not return part-time timetable data.", ob,
                 (4, 3), "Letter from the DCS; data item in the schools’ annual return.", (3, 3), (1, 2),
                 "Returns up from 40% to 61%.", "2023-09-18", [5]),
            risk("R5", "2023-05-02", "Forum capacity is too small to co-produce everything the plan asks of it.", tr,
                 (2, 3), "Funded forum hours; prioritised co-production calendar.", (1, 3), (1, 2),
                 "Calendar agreed with the forum.", "2023-11-06", [4]),
            risk("R6", "2023-05-02", "The case-management system change is delayed, blocking new review templates.", pa,
                 (3, 3), "Interim paper template; supplier penalty clause.", (2, 2), (1, 1),
                 "Release confirmed for October.", "2023-11-06", [2, 3]),
        ]
        var plan = Plan(header: header, settings: Settings(lowRiskMax: 4, mediumRiskMax: 12, dueSoonDays: 14), governance: governance,
                        areas: areas, risks: risks, kpis: kpis, checkpoints: [])
        plan.checkpoints = [checkpoint(plan, SampleThen(
            "Board 2023-07-05", "2023-07-05",
            statuses: ["1a": .green, "1b": .green, "2b.i": .amber, "2b.ii": .notStarted, "2c": .notStarted, "3a": .green, "3c": .amber,
                       "4e": .green, "5a": .amber, "5b.ii": .green],
            scores: ["R1": [.residual: (5, 4)], "R4": [.residual: (4, 3)]],
            actuals: ["K1": [16, nil, nil], "K2": [38, nil, nil], "K3": [nil, nil, nil], "K4": [nil, nil, nil]]))]
        return plan
    }

    static func area(_ number: Int, _ title: String, _ weakness: String, _ findings: [String], _ actions: [Action]) -> Area {
        Area(number: number, title: title, weakness: weakness, findingsSource: source,
             findings: findings.enumerated().map { Finding(letter: String(UnicodeScalar(UInt8(97 + $0.offset))), text: $0.element) },
             actions: actions)
    }

    static func action(_ ref: String, _ text: String, _ byWhen: String?, _ leads: [String], _ sro: String?, _ status: Status,
                       _ kpiText: String, _ kpis: [String], _ success: String, _ notes: [Note]) -> Action {
        Action(ref: ref, text: text, byWhen: day(byWhen), leads: leads, seniorResponsibleOfficer: sro, status: status,
               kpiText: kpiText, kpis: kpis, successCriteria: success, notes: notes)
    }

    static func kpi(_ ref: String, _ name: String, _ unit: String, _ better: Better, _ baseline: Double?, _ comparator: Comparator?,
                    _ targets: [Double?], _ actuals: [Double?]) -> KPI {
        KPI(ref: ref, name: name, unit: unit, better: better, baseline: baseline.map { Measure(value: $0, date: day("2023-03-31")) },
            comparator: comparator,
            milestones: ["3 months", "6 months", "12 months"].enumerated().map { m, label in
                Milestone(label: label, date: day(milestoneDates[m]), target: targets[m], actual: actuals[m])
            })
    }
}

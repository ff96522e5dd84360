/// Board meetings for the illustrative Devon sample: its checkpoints as recorded meetings
/// (the first board, the six-month review and the last monthly board), with highlight reports and decisions, and the next board drafted.
///
/// Everything here is invented for demonstration, like the sample's dates, statuses and
/// figures; `notice` says so, and the sample generator puts it on the plan.
public enum IllustrativeMeetings {
    /// The sample's notice with meetings: what is Devon's and what is invented.
    public static let notice = "Illustrative sample: the by-when dates, statuses, progress notes, risks, KPI figures, checkpoints, board meetings, highlight reports and decisions, attendance and minutes, the advisers, the plan’s agreement, its revised dates and the evidence in this file are invented for demonstration. The plan text is Devon’s (2022)."

    /// The illustrative plan with its meetings and the notice that labels them.
    public static func adding(to plan: Plan) -> Plan {
        var out = plan
        out.meetings = IllustrativeMinutes.recording(meetings(for: plan))
        out.header.notice = notice
        return out
    }

    /// The meetings, fitted to `plan`: only checkpoints, areas, actions and risks it has
    /// are referred to, so the value is valid for any version of the sample.
    public static func meetings(for plan: Plan) -> [Meeting] {
        let areas = Set(plan.areas.map(\.number))
        let actions = Set(plan.allActions.map(\.ref))
        let risks = Set(plan.risks.map(\.ref))
        func keep(_ highlights: [Highlight]) -> [Highlight] { highlights.filter { areas.contains($0.area) } }
        func keep(_ decisions: [Decision]) -> [Decision] {
            decisions.filter { d in
                switch d.link {
                case let .area(n)?: areas.contains(n)
                case let .action(ref)?: actions.contains(ref)
                case let .risk(ref)?: risks.contains(ref)
                case nil: true
                }
            }
        }
        /// The by-whens recorded at a meeting: today's, except those that have moved since.
        func byWhen(movedSince earlier: [String: String]) -> [ActionDate] {
            plan.allActions.map { action in
                ActionDate(ref: action.ref, byWhen: earlier[action.ref].flatMap(PlanDate.init(iso:)) ?? action.byWhen)
            }
        }

        var out: [Meeting] = []
        let checkpoints = plan.checkpoints.sorted { $0.date < $1.date }
        if let first = checkpoints.first {
            out.append(Meeting(
                name: first.name, date: first.date, checkpoint: first.name,
                byWhen: byWhen(movedSince: ["1b": "2022-12-31", "3a.i": "2022-11-30", "3j": "2022-12-16"]),
                highlights: keep([
                    Highlight(area: 1, rag: .amber,
                              reason: "Governance is agreed but the pay review has not started.",
                              progress: "SEND Improvement Partnership Board constituted; terms of reference agreed with NHS Devon.",
                              nextSteps: "Start the caseworker pay and retention review; publish the local area arrangements.",
                              escalations: "Recruitment: caseworker vacancies at 18%.",
                              asks: "Agree to commission an independent pay review."),
                    Highlight(area: 2, rag: .amber, reason: "Training planned but not yet delivered.",
                              progress: "Communication standards drafted with the parent carer forum.",
                              nextSteps: "Train casework teams on the standards.",
                              escalations: "", asks: ""),
                    Highlight(area: 3, rag: .red, reason: "EHC plans issued on time are well below the plan’s trajectory.",
                              progress: "EP service reviewed; performance targets set for every caseworker.",
                              nextSteps: "Recruit two educational psychologists; stand up the annual review backlog team.",
                              escalations: "Educational psychologist capacity (risk R1).",
                              asks: "Fund two additional educational psychologists for 12 months."),
                    Highlight(area: 4, rag: .amber, reason: "No actions in the plan yet; health is drafting them.",
                              progress: "ASD pathway mapped with NHS Devon.",
                              nextSteps: "Bring the ASD actions to the next board.",
                              escalations: "", asks: ""),
                ]),
                decisions: keep([
                    Decision(number: 1, text: "Fund two additional educational psychologists from the high-needs block for 12 months.",
                             owner: "Jackie Ross", due: PlanDate(iso: "2023-01-31"), done: true, link: .area(3)),
                    Decision(number: 2, text: "Commission an independent review of caseworker pay and retention.",
                             owner: "Melissa Caslake", due: PlanDate(iso: "2023-03-31"), done: true, link: .action("1b")),
                ])))
        }
        if checkpoints.count > 1 {
            let second = checkpoints[1]
            out.append(Meeting(
                name: second.name, date: second.date, checkpoint: second.name,
                byWhen: byWhen(movedSince: ["1d-e": "2023-04-30", "3n": "2023-04-28", "3o": "2023-05-31", "3p.i": "2023-06-30"]),
                highlights: keep([
                    Highlight(area: 1, rag: .red, reason: "The pay review reported late; recruitment is still short.",
                              progress: "Pay review reported; local offer pages rewritten with families.",
                              nextSteps: "Put the pay review’s recommendations to Cabinet.",
                              escalations: "High-needs deficit limits the pay options (risk R6).",
                              asks: "Support the pay recommendations going to Cabinet."),
                    Highlight(area: 2, rag: .amber, reason: "Health and social care have not yet adopted the standards.",
                              progress: "Casework teams trained on the communication standards.",
                              nextSteps: "Agree the standards with health and social care.",
                              escalations: "", asks: "Set up a working group with the parent carer forum."),
                    Highlight(area: 3, rag: .red, reason: "Timeliness improving but far from the 12-month target.",
                              progress: "Backlog team in place; delayed annual reviews down from about 1,600.",
                              nextSteps: "Extend the backlog team; start multi-agency quality assurance.",
                              escalations: "Quality assurance capacity (risk R8).",
                              asks: "Extend the backlog team by six months."),
                    Highlight(area: 4, rag: .amber, reason: "Waiting list still rising.",
                              progress: "Extra assessment sessions bought from an independent provider.",
                              nextSteps: "NHS Devon to set out a recovery trajectory.",
                              escalations: "ASD waiting list growth (risk R3).",
                              asks: "Ask NHS Devon for a recovery trajectory."),
                ]),
                decisions: keep([
                    Decision(number: 3, text: "Ask NHS Devon for a recovery trajectory for the ASD assessment waiting list by the next board.",
                             owner: "Jane Milligan", due: PlanDate(iso: "2023-04-30"), done: false, link: .risk("R3")),
                    Decision(number: 4, text: "Set up a working group with the parent carer forum on how the EHC process is explained to families.",
                             owner: "Jackie Ross", due: PlanDate(iso: "2023-05-31"), done: false, link: .area(2)),
                    Decision(number: 5, text: "Extend the annual review backlog team by six months.",
                             owner: "Jackie Ross", due: PlanDate(iso: "2023-03-31"), done: true, link: .action("3b")),
                ])))
        }
        if checkpoints.count > 2 {
            let third = checkpoints[2]
            out.append(Meeting(
                name: third.name, date: third.date, checkpoint: third.name,
                byWhen: byWhen(movedSince: [:]),
                highlights: keep([
                    Highlight(area: 1, rag: .red, reason: "Caseworker posts are still vacant while the revised pay proposal waits for Cabinet.",
                              progress: "Revised caseworker pay proposal ready for Cabinet; agency cover extended.",
                              nextSteps: "Take the revised pay proposal to Cabinet.",
                              escalations: "Caseworker vacancies (risk R1).",
                              asks: "Support the revised pay proposal going to Cabinet."),
                    Highlight(area: 2, rag: .amber, reason: "Health still writes to families by post only (2a.h).",
                              progress: "Working group with the parent carer forum set up and has met once.",
                              nextSteps: "Draft a joint communication charter with the forum.",
                              escalations: "", asks: ""),
                    Highlight(area: 3, rag: .red, reason: "Recruitment holds up 3a.i, 3j and 3o, though timeliness is improving.",
                              progress: "Delayed annual reviews down to 640; multi-agency QA framework agreed.",
                              nextSteps: "Start joint quality assurance audits; find tuition places for the pupils without a full-time offer (3o).",
                              escalations: "Educational psychologist vacancies (risk R1).",
                              asks: "Agree the proposed new by-when for 3o."),
                    Highlight(area: 4, rag: .amber, reason: "Recovery trajectory received; the waiting list has only just begun to fall.",
                              progress: "NHS Devon brought its recovery trajectory for the ASD waiting list (D3).",
                              nextSteps: "Draft the ASD actions for the plan.",
                              escalations: "ASD waiting list (risk R3).", asks: ""),
                ]),
                decisions: keep([
                    Decision(number: 6, text: "Support the revised caseworker pay proposal going to Cabinet.",
                             owner: "Melissa Caslake", due: PlanDate(iso: "2023-07-31"), done: true, link: .action("1b")),
                    Decision(number: 7, text: "Bring the 12-month KPI figures and the SEN2 timeliness return to the next board.",
                             owner: "Jackie Ross", due: PlanDate(iso: "2023-08-22"), done: false, link: .area(3)),
                ])))
        }
        if let latest = checkpoints.last, checkpoints.count > 1 {
            // The next board, drafted: its highlights follow the roll-up unless the SRO judges otherwise.
            if let next = PlanDate(iso: "2023-08-22"), next > latest.date {
                out.append(Meeting(
                    name: "Board 2023-08-22", date: next,
                    highlights: keep([
                        Highlight(area: 1, progress: "Cabinet agreed the pay recommendations; local offer relaunched.",
                                  nextSteps: "Recruit to the new caseworker grades.",
                                  escalations: "Action 1b still red: recruitment lags the new grades.", asks: ""),
                        Highlight(area: 2, progress: "Working group with the parent carer forum has met twice.",
                                  nextSteps: "Publish the joint communication charter.", escalations: "",
                                  asks: "Endorse the communication charter."),
                        Highlight(area: 3, rag: .amber,
                                  reason: "The red actions are held up by recruitment alone; delayed annual reviews are falling faster than planned (K1).",
                                  progress: "Delayed annual reviews more than halved; multi-agency QA panel started.",
                                  nextSteps: "Clear the remaining backlog; report QA findings.",
                                  escalations: "Actions 3a.i, 3j and 3o depend on recruitment (risk R1).",
                                  asks: "Note the revised by-when for 3o."),
                        Highlight(area: 4, rag: .amber, reason: "Recovery trajectory received; not yet on track.",
                                  progress: "NHS Devon trajectory received last month.",
                                  nextSteps: "Add the ASD actions to the plan.",
                                  escalations: "ASD waiting list (risk R3).", asks: ""),
                    ])))
            }
        }
        return out
    }
}

/// Moving a sample's story in time, so an illustrative plan reads as current.
///
/// The illustrative Devon plan tells its story as at one day (15 Aug 2023). Opened years
/// later, every action would be years overdue and no review due soon, which reads as total
/// failure. Moving every invented date by the same number of days keeps the story (what is
/// late, what is due soon, what changed between checkpoints) and sets it at today.
extension Plan {
    /// The plan with every date of its story moved by `days`: by-whens, progress notes,
    /// risks raised and reviewed, KPI baselines and milestones, checkpoints (and a date in
    /// a checkpoint's name), meetings (their dates, a date in their names, the by-whens they
    /// recorded and their decisions' due dates). The header's inspection dates are facts about the local area,
    /// not part of the story, and stay as they are.
    public func shiftingStory(byDays days: Int) -> Plan {
        guard days != 0 else { return self }
        var plan = self
        func moved(_ date: PlanDate?) -> PlanDate? { date?.adding(days: days) }
        for a in plan.areas.indices {
            for i in plan.areas[a].actions.indices {
                plan.areas[a].actions[i].byWhen = moved(plan.areas[a].actions[i].byWhen)
                for n in plan.areas[a].actions[i].notes.indices {
                    plan.areas[a].actions[i].notes[n].date = plan.areas[a].actions[i].notes[n].date.adding(days: days)
                }
            }
        }
        for r in plan.risks.indices {
            plan.risks[r].raised = moved(plan.risks[r].raised)
            plan.risks[r].reviewDate = moved(plan.risks[r].reviewDate)
        }
        for k in plan.kpis.indices {
            let baselineDate = moved(plan.kpis[k].baseline?.date)
            plan.kpis[k].baseline?.date = baselineDate
            for m in plan.kpis[k].milestones.indices {
                plan.kpis[k].milestones[m].date = moved(plan.kpis[k].milestones[m].date)
            }
        }
        var renamed: [String: String] = [:]
        for c in plan.checkpoints.indices {
            let old = plan.checkpoints[c].date
            let new = old.adding(days: days)
            plan.checkpoints[c].date = new
            let name = plan.checkpoints[c].name
            plan.checkpoints[c].name = name.replacingOccurrences(of: old.iso, with: new.iso)
            renamed[name] = plan.checkpoints[c].name
        }
        for m in plan.meetings.indices {
            let old = plan.meetings[m].date
            let new = old.adding(days: days)
            plan.meetings[m].date = new
            plan.meetings[m].name = plan.meetings[m].name.replacingOccurrences(of: old.iso, with: new.iso)
            plan.meetings[m].checkpoint = plan.meetings[m].checkpoint.map { renamed[$0] ?? $0 }
            for b in plan.meetings[m].byWhen.indices {
                plan.meetings[m].byWhen[b].byWhen = moved(plan.meetings[m].byWhen[b].byWhen)
            }
            for d in plan.meetings[m].decisions.indices {
                plan.meetings[m].decisions[d].due = moved(plan.meetings[m].decisions[d].due)
            }
        }
        return plan.shiftingReviewCycle(byDays: days)
    }

    /// The illustrative plan set so that its story's "as at" day is `today`, with its
    /// notice saying so. Days are counted, so weekdays and months in note texts may no
    /// longer match their new dates; the notice says the dates were moved.
    public func settingStory(asAt storyDay: PlanDate, to today: PlanDate) -> Plan {
        let days = today.dayNumber - storyDay.dayNumber
        guard days != 0 else { return self }
        var plan = shiftingStory(byDays: days)
        let moved = "Its dates were moved \(days > 0 ? "forward" : "back") \(abs(days)) days so that the story, written as at \(storyDay.display), is set at \(today.display)."
        plan.header.notice = [header.notice, moved].compactMap { $0 }.joined(separator: " ")
        return plan
    }
}

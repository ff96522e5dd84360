import PlanModel

/// The plan's tables as CSV: actions, the risk register and the impact score card.
public enum PlanCSV {
    /// Which table to write.
    public enum Table: String, CaseIterable, Sendable {
        case actions, risks, kpis
    }

    public static func write(_ table: Table, of plan: Plan) -> String {
        switch table {
        case .actions: actions(plan)
        case .risks: risks(plan)
        case .kpis: kpis(plan)
        }
    }

    static func actions(_ plan: Plan) -> String {
        let header = ["Area", "Ref", "Action", "By when", "Leads", "Senior responsible officer", "Status",
                      "KPI used to measure", "KPIs", "Success criteria", "Latest note date", "Latest note"]
        var rows: [[CSVWriter.Cell]] = []
        for area in plan.areas {
            for a in area.actions {
                let note = a.notes.last
                rows.append([.int(area.number), .text(a.ref), .text(a.text), .text(a.byWhen?.iso ?? a.byWhenWritten ?? ""),
                             .text(a.leads.joined(separator: "; ")), .text(a.seniorResponsibleOfficer ?? ""),
                             .text(a.status.label), .text(a.kpiText), .text(a.kpis.joined(separator: "; ")),
                             .text(a.successCriteria), .text(note?.date.iso ?? ""), .text(note?.text ?? "")])
            }
        }
        return CSVWriter.write(header: header, rows: rows)
    }

    static func risks(_ plan: Plan) -> String {
        var header = ["Ref", "Date raised", "Risk", "Owner"]
        for stage in ["Inherent", "Residual", "Target"] {
            header += ["\(stage) likelihood", "\(stage) impact", "\(stage) score", "\(stage) band"]
        }
        header += ["Mitigation", "Progress following action", "Review date", "Areas"]
        let rows: [[CSVWriter.Cell]] = plan.risks.map { r in
            var row: [CSVWriter.Cell] = [.text(r.ref), .text(r.raised?.iso ?? ""), .text(r.risk), .text(r.owner)]
            for stage in Risk.Stage.allCases {
                let s = r.score(stage)
                row += [.int(s.likelihood), .int(s.impact), .int(s.value), .text(plan.settings.band(for: s.value).label)]
            }
            row += [.text(r.mitigation), .text(r.progress), .text(r.reviewDate?.iso ?? ""),
                    .text(r.areas.map(String.init).joined(separator: "; "))]
            return row
        }
        return CSVWriter.write(header: header, rows: rows)
    }

    static func kpis(_ plan: Plan) -> String {
        let width = plan.kpis.map(\.milestones.count).max() ?? 0
        var header = ["Ref", "KPI", "Unit", "Better", "Baseline", "Baseline date", "Comparator", "Comparator value"]
        for m in 0..<width {
            header += ["Milestone \(m + 1)", "Milestone \(m + 1) date", "Milestone \(m + 1) target", "Milestone \(m + 1) actual"]
        }
        header += ["Status", "Direction of travel", "Linked actions"]
        let rows: [[CSVWriter.Cell]] = plan.kpis.map { k in
            var row: [CSVWriter.Cell] = [.text(k.ref), .text(k.name), .text(k.unit), .text(k.better.rawValue),
                                         .number(k.baseline?.value), .text(k.baseline?.date?.iso ?? ""),
                                         .text(k.comparator?.label ?? ""), .number(k.comparator?.value)]
            for m in 0..<width {
                if m < k.milestones.count {
                    let ms = k.milestones[m]
                    row += [.text(ms.label), .text(ms.date?.iso ?? ""), .number(ms.target), .number(ms.actual)]
                } else {
                    row += [.text(""), .text(""), .number(nil), .number(nil)]
                }
            }
            row += [.text(k.status.label), .text(k.travel.rawValue),
                    .text(plan.actions(movingKPI: k.ref).map(\.ref).joined(separator: "; "))]
            return row
        }
        return CSVWriter.write(header: header, rows: rows)
    }
}

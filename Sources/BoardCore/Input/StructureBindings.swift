import PlanModel

/// The commands that build the plan's structure, each carried by `Command.structure`.
public enum StructureCommand: Hashable, Sendable {
    case addArea, editAreaTitle, editAreaStatement, removeArea
    /// Moves the selected area (or finding) one place: -1 up, +1 down.
    case moveArea(Int)
    case addFinding, editFinding, removeFinding
    case moveFinding(Int)
    case addKPI, removeKPI, editKPILine, switchBetter
    case addMilestone, removeMilestone
    case linkAction, unlinkAction
    /// Chooses a header or governance field to edit.
    case editPlan
}

/// The keys that build the plan, shared by the screens that show each part.
extension Bindings {
    public static let addArea = Binding([.char("A")], .structure(.addArea), "Add an area of weakness (title, then the weakness)",
                                        bar: "Add area", needs: [.writable, .chair])
    public static let editAreaTitle = Binding([.char("T")], .structure(.editAreaTitle), "Edit the area's short title",
                                              needs: [.writable, .chair, .area])
    public static let editAreaStatement = Binding([.char("S")], .structure(.editAreaStatement), "Edit the weakness as written (the statement) in $EDITOR",
                                                  needs: [.writable, .chair, .area])
    public static let removeArea = Binding([.char("D")], .structure(.removeArea), "Remove the area, its findings and actions (asks first)",
                                           needs: [.writable, .chair, .area])
    public static let moveAreas: [Binding] = [
        Binding([.char("[")], .structure(.moveArea(-1)), "Move the area up the plan's order", needs: [.writable, .chair, .area]),
        Binding([.char("]")], .structure(.moveArea(1)), "Move the area down the plan's order", needs: [.writable, .chair, .area]),
    ]

    public static let findings: [Binding] = [
        Binding([.char("A")], .structure(.addFinding), "Add a finding (lettered next)", bar: "Add finding", needs: [.writable, .chair, .area]),
        Binding([.char("e")], .structure(.editFinding), "Edit the selected finding", needs: [.writable, .chair, .finding]),
        Binding([.char("[")], .structure(.moveFinding(-1)), "Move the finding up (letters follow)", needs: [.writable, .chair, .finding]),
        Binding([.char("]")], .structure(.moveFinding(1)), "Move the finding down (letters follow)", needs: [.writable, .chair, .finding]),
        Binding([.char("x")], .structure(.removeFinding), "Remove the selected finding (letters close up)", needs: [.writable, .chair, .finding]),
    ]

    public static let addKPI = Binding([.char("A")], .structure(.addKPI), "Add a KPI (reference, name, unit, direction, baseline, comparator)",
                                       bar: "Add KPI", needs: [.writable, .chair])
    public static let removeKPI = Binding([.char("D")], .structure(.removeKPI), "Remove the KPI, unlinking its actions (asks first)",
                                          needs: [.writable, .chair, .kpi])

    /// Enter on a KPI's screen: opens a linked action, or edits the selected line.
    public static let kpiOpen = Binding([.enter, .right, .char("l")], .open, "Open the selected action, or edit the selected line",
                                        bar: "Open/edit")

    /// The KPI screen's own editing keys.
    public static let kpiEditing: [Binding] = [
        Binding([.char("e")], .structure(.editKPILine), "Edit the selected line: name, unit, baseline, comparator or a milestone",
                needs: [.writable, .chair, .kpi]),
        Binding([.char("b")], .structure(.switchBetter), "Switch which direction is better (higher or lower)", needs: [.writable, .chair, .kpi]),
        Binding([.char("A")], .structure(.addMilestone), "Add a milestone (label, date, target)", bar: "Milestone", needs: [.writable, .chair, .kpi]),
        Binding([.char("x")], .structure(.removeMilestone), "Remove the selected milestone", needs: [.writable, .chair, .milestone]),
        Binding([.char("+")], .structure(.linkAction), "Link actions to this KPI", bar: "Link", needs: [.writable, .kpi]),
        Binding([.char("-")], .structure(.unlinkAction), "Unlink the selected action from this KPI", needs: [.writable, .kpi]),
        removeKPI,
    ]

    public static let editPlan = Binding([.char("e"), .enter], .structure(.editPlan),
                                         "Edit the header or governance: choose a field", bar: "Edit", needs: [.writable, .chair])
}

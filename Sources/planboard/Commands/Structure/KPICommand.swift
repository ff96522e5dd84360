import ArgumentParser
import Foundation
import PlanModel

struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "Build the impact score card: add, set or remove KPIs and their milestones.",
        subcommands: [KPIAdd.self, KPISet.self, KPIRemove.self, MilestoneCommand.self, KPILink.self, KPIUnlink.self])
}

/// The options that describe a KPI, shared by `kpi add` and `kpi set`.
struct KPIFields: ParsableArguments {
    @Option(help: ArgumentHelp("What it measures.", valueName: "text")) var name: String?
    @Option(help: ArgumentHelp("%, count, weeks, days …", valueName: "unit")) var unit: String?
    @Option(help: ArgumentHelp("Which direction is better: higher or lower.", valueName: "direction")) var better: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The baseline value, or none.", valueName: "number")) var baseline: String?
    @Option(name: .customLong("baseline-date"), help: ArgumentHelp("When the baseline was taken, or none.", valueName: "date")) var baselineDate: String?
    @Option(name: .customLong("baseline-note"), help: ArgumentHelp("How the plan words the baseline, e.g. \"almost 2,000\".", valueName: "text")) var baselineNote: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("A figure to compare against, or none.", valueName: "number")) var comparator: String?
    @Option(name: .customLong("comparator-label"), help: ArgumentHelp("What the comparator is, e.g. \"England average\".", valueName: "text")) var comparatorLabel: String?

    var isEmpty: Bool { [name, unit, better, baseline, baselineDate, baselineNote, comparator, comparatorLabel].allSatisfy { $0 == nil } }

    /// The baseline these options ask for, starting from the one the KPI has.
    func baselineMeasure(from current: Measure?) throws -> Measure? {
        if baseline == nil && baselineDate == nil && baselineNote == nil { return current }
        let value: Double?
        if let baseline { value = try StructureCLI.optionalNumber(baseline, option: "--baseline") } else { value = current?.value }
        guard let value else {
            if baselineDate != nil || baselineNote != nil, baseline == nil {
                throw CLIError("--baseline-date and --baseline-note need a baseline value: add --baseline NUMBER")
            }
            return nil
        }
        let date = try baselineDate.map { try StructureCLI.optionalDate($0, option: "--baseline-date") } ?? current?.date
        return Measure(value: value, date: date, note: baselineNote ?? current?.note ?? "")
    }

    func comparatorValue(from current: PlanModel.Comparator?) throws -> PlanModel.Comparator? {
        if comparator == nil && comparatorLabel == nil { return current }
        let value: Double?
        if let comparator { value = try StructureCLI.optionalNumber(comparator, option: "--comparator") } else { value = current?.value }
        guard let value else {
            if comparatorLabel != nil, comparator == nil { throw CLIError("--comparator-label needs a value: add --comparator NUMBER") }
            return nil
        }
        let label = comparatorLabel ?? current?.label ?? ""
        if label.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CLIError("--comparator needs --comparator-label, e.g. \"England average\"")
        }
        return PlanModel.Comparator(label: label, value: value)
    }
}

struct KPIAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a KPI to the score card.",
        discussion: Prose.flowing("""
            Example: planboard kpi add K4 --name "EHC plans issued within 20 weeks" --unit % --better higher --baseline 31 --baseline-date 30/06/2022 --comparator 58 --comparator-label "England average"
            Then its milestones: planboard kpi milestone add K4 --label "3 months" --date 31/10/2022 --target 40
            """))
    @Argument(help: ArgumentHelp("Its reference, unique on the score card, e.g. K1.", valueName: "ref")) var ref: String
    @OptionGroup var fields: KPIFields
    @Option(help: ArgumentHelp("Place it before this KPI (default: last).", valueName: "ref")) var before: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let name = fields.name else { throw CLIError("a new KPI needs --name") }
        try StructureCLI.apply(store) { plan in
            if let before { _ = try StructureCLI.kpi(before, in: plan) }
            let kpi = KPI(ref: ref, name: name, unit: fields.unit ?? "", better: try fields.better.map(StructureCLI.better) ?? .higher,
                          baseline: try fields.baselineMeasure(from: nil), comparator: try fields.comparatorValue(from: nil))
            return [.addKPI(kpi, before: before, links: [])]
        }
    }
}

struct KPISet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a KPI's name, unit, direction, baseline or comparator.",
        discussion: "Example: planboard kpi set K1 --baseline 1600 --baseline-date 30/06/2022 --better lower")
    @Argument(help: ArgumentHelp("The KPI's reference.", valueName: "ref")) var ref: String
    @OptionGroup var fields: KPIFields
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if fields.isEmpty { throw ValidationError("nothing to change: give --name, --unit, --better, --baseline, --baseline-date, --baseline-note, --comparator or --comparator-label") }
    }

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let kpi = try StructureCLI.kpi(ref, in: plan)
            var wanted: [(KPIField, StructureValue)] = []
            if let name = fields.name { wanted.append((.name, .text(name))) }
            if let unit = fields.unit { wanted.append((.unit, .text(unit))) }
            if let better = fields.better { wanted.append((.better, .better(try StructureCLI.better(better)))) }
            wanted.append((.baseline, .measure(try fields.baselineMeasure(from: kpi.baseline))))
            wanted.append((.comparator, .comparator(try fields.comparatorValue(from: kpi.comparator))))
            return plan.setting(wanted, ofKPI: kpi.ref)
        }
    }
}

struct KPIRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a KPI, unlinking the actions that move it.",
        discussion: "The actions stay; only their link to this KPI goes. `planboard undo` puts it back. Example: planboard kpi remove K6")
    @Argument(help: ArgumentHelp("The KPI's reference.", valueName: "ref")) var ref: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            _ = try StructureCLI.kpi(ref, in: plan)
            return plan.removing(kpi: ref).map { [$0] } ?? []
        }
    }
}

struct MilestoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestone", abstract: "Add, set or remove a KPI's milestones (\"3 months\" …) with dates and targets.",
        subcommands: [MilestoneAdd.self, MilestoneSet.self, MilestoneRemove.self])
}

struct MilestoneAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a milestone to a KPI.",
        discussion: "Example: planboard kpi milestone add K1 --label \"3 months\" --date 31/10/2022 --target 1200")
    @Argument(help: ArgumentHelp("The KPI's reference.", valueName: "ref")) var ref: String
    @Option(help: ArgumentHelp("Its label, unique for the KPI, e.g. \"6 months\".", valueName: "text")) var label: String
    @Option(help: ArgumentHelp("Its date.", valueName: "date")) var date: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The target at that date.", valueName: "number")) var target: String?
    @Option(help: ArgumentHelp("Place it before the milestone with this label (default: last).", valueName: "label")) var before: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            _ = try StructureCLI.kpi(ref, in: plan)
            let milestone = Milestone(label: label, date: try date.flatMap { try StructureCLI.optionalDate($0, option: "--date") },
                                      target: try target.flatMap { try StructureCLI.optionalNumber($0, option: "--target") })
            return [.addMilestone(kpi: ref, milestone: milestone, before: before)]
        }
    }
}

struct MilestoneSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a milestone's label, date or target (record actuals in the dashboard).",
        discussion: "Example: planboard kpi milestone set K1 \"3 months\" --date 31/10/2022 --target 1200")
    @Argument(help: ArgumentHelp("The KPI's reference.", valueName: "ref")) var ref: String
    @Argument(help: ArgumentHelp("The milestone's label.", valueName: "label")) var milestone: String
    @Option(help: ArgumentHelp("A new label.", valueName: "text")) var label: String?
    @Option(help: ArgumentHelp("Its date, or none.", valueName: "date")) var date: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Its target, or none.", valueName: "number")) var target: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if label == nil && date == nil && target == nil { throw ValidationError("nothing to change: give --label, --date or --target") }
    }

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let kpi = try StructureCLI.kpi(ref, in: plan)
            guard let m = kpi.milestones.first(where: { $0.label == milestone }) else {
                throw CLIError("KPI \(ref) has no milestone \"\(milestone)\"; expected one of \(StructureCLI.list(kpi.milestones.map(\.label)))")
            }
            var wanted: [(MilestoneField, StructureValue)] = []
            if let date { wanted.append((.date, .date(try StructureCLI.optionalDate(date, option: "--date")))) }
            if let target { wanted.append((.target, .number(try StructureCLI.optionalNumber(target, option: "--target")))) }
            if let label { wanted.append((.label, .text(label))) }
            return plan.setting(wanted, ofMilestone: m.label, kpi: ref)
        }
    }
}

struct MilestoneRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a milestone, with its target and actual.",
        discussion: "Example: planboard kpi milestone remove K1 \"12 months\"")
    @Argument(help: ArgumentHelp("The KPI's reference.", valueName: "ref")) var ref: String
    @Argument(help: ArgumentHelp("The milestone's label.", valueName: "label")) var label: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let kpi = try StructureCLI.kpi(ref, in: plan)
            guard let m = kpi.milestones.first(where: { $0.label == label }) else {
                throw CLIError("KPI \(ref) has no milestone \"\(label)\"; expected one of \(StructureCLI.list(kpi.milestones.map(\.label)))")
            }
            return [.removeMilestone(kpi: ref, milestone: m)]
        }
    }
}

struct KPILink: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link", abstract: "Link actions to a KPI: the KPI measures what they do.",
        discussion: "Example: planboard kpi link K1 3b 3c.i")
    @Argument(help: ArgumentHelp("The KPI's reference.", valueName: "ref")) var ref: String
    @Argument(help: ArgumentHelp("The actions' references.", valueName: "action")) var actions: [String]
    @OptionGroup var store: StoreOptions

    func run() throws {
        try KPILink.relink(store, kpi: ref, actions: actions, link: true)
    }

    /// One change for all the actions named, each linked to (or unlinked from) the KPI.
    static func relink(_ options: StoreOptions, kpi ref: String, actions: [String], link: Bool) throws {
        let db = try options.open()
        let plan = try db.load()
        _ = try StructureCLI.kpi(ref, in: plan)
        for actionRef in actions where plan.action(actionRef) == nil {
            throw CLIError("there is no action \(actionRef); expected a reference such as \(plan.allActions.first?.ref ?? "1a")")
        }
        try StructureCLI.save(plan.linking(actions: actions, toKPI: ref, link), to: db)
    }
}

struct KPIUnlink: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlink", abstract: "Unlink actions from a KPI.",
        discussion: "Example: planboard kpi unlink K1 3c.i")
    @Argument(help: ArgumentHelp("The KPI's reference.", valueName: "ref")) var ref: String
    @Argument(help: ArgumentHelp("The actions' references.", valueName: "action")) var actions: [String]
    @OptionGroup var store: StoreOptions

    func run() throws {
        try KPILink.relink(store, kpi: ref, actions: actions, link: false)
    }
}

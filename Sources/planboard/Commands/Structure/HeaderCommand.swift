import ArgumentParser
import Foundation
import PlanModel

struct HeaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "header",
        abstract: "Set the plan's header: local area, title, inspection dates, officers, advisers.",
        subcommands: [HeaderSet.self, HeaderPeopleCommand<OfficerKind>.self, HeaderPeopleCommand<AdviserKind>.self])
}

struct HeaderSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set header fields; all given are saved as one change.",
        discussion: Prose.flowing("""
            Dates may be typed 2022-05-23, 23/05/2022 or 23 May 2022; `none` clears one (the
            template's XXX, a revisit report date not yet known).
            Example: planboard header set --local-area "Devon Local Area" --inspection-start 23/05/2022 --inspection-end 25/05/2022
            """))

    @Option(name: .customLong("local-area"), help: ArgumentHelp("The local area's name.", valueName: "name"))
    var localArea: String?
    @Option(help: ArgumentHelp("The plan's title as written.", valueName: "text"))
    var title: String?
    @Option(help: ArgumentHelp("A notice shown wherever the plan is shown, or none.", valueName: "text"))
    var notice: String?
    @Option(name: .customLong("inspection-start"), help: ArgumentHelp("First day of the inspection, or none.", valueName: "date"))
    var inspectionStart: String?
    @Option(name: .customLong("inspection-end"), help: ArgumentHelp("Last day of the inspection, or none.", valueName: "date"))
    var inspectionEnd: String?
    @Option(name: .customLong("revisit-report-date"), help: ArgumentHelp("Publication of the revisit report, or none.", valueName: "date"))
    var revisitReportDate: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if [localArea, title, notice, inspectionStart, inspectionEnd, revisitReportDate].allSatisfy({ $0 == nil }) {
            throw ValidationError("nothing to change: give --local-area, --title, --notice, --inspection-start, --inspection-end or --revisit-report-date")
        }
    }

    func run() throws {
        try StructureCLI.apply(store) { plan in
            var wanted: [(PlanField, StructureValue)] = []
            if let localArea { wanted.append((.localArea, .text(localArea))) }
            if let title { wanted.append((.title, .text(title))) }
            if let notice { wanted.append((.notice, .optionalText(["none", ""].contains(notice.lowercased()) ? nil : notice))) }
            if let inspectionStart { wanted.append((.inspectionStart, .date(try StructureCLI.optionalDate(inspectionStart, option: "--inspection-start")))) }
            if let inspectionEnd { wanted.append((.inspectionEnd, .date(try StructureCLI.optionalDate(inspectionEnd, option: "--inspection-end")))) }
            if let revisitReportDate { wanted.append((.revisitReportDate, .date(try StructureCLI.optionalDate(revisitReportDate, option: "--revisit-report-date")))) }
            return wanted.compactMap { field, value in
                let now = plan.value(of: field)
                return now == value ? nil : .setPlanField(field: field, from: now, to: value)
            }
        }
    }
}

/// Which list of people a `PeopleCommand` edits.
protocol PeopleKind {
    static var name: String { get }
    static var plural: String { get }
    static var field: PlanField { get }
}
enum OfficerKind: PeopleKind {
    static let name = "officer"
    static let plural = "accountable officers"
    static let field = PlanField.accountableOfficers
}
enum AdviserKind: PeopleKind {
    static let name = "adviser"
    static let plural = "SEND and NHS England advisers"
    static let field = PlanField.advisers
}

struct HeaderPeopleCommand<Kind: PeopleKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Kind.name, abstract: "Add or remove \(Kind.plural).",
                             subcommands: [HeaderPeopleAdd<Kind>.self, HeaderPeopleRemove<Kind>.self])
    }
}

struct HeaderPeopleAdd<Kind: PeopleKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: "Add one of the \(Kind.plural).",
                             discussion: "Example: planboard header \(Kind.name) add \"Jane Milligan\" --role \"Chief Executive\" --organisation \"NHS Devon CCG\"")
    }
    @Argument(help: ArgumentHelp("Their name.", valueName: "name")) var name: String
    @Option(help: ArgumentHelp("Their role.", valueName: "text")) var role: String = ""
    @Option(help: ArgumentHelp("Their organisation.", valueName: "text")) var organisation: String = ""
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            guard case let .people(now) = plan.value(of: Kind.field) else { return [] }
            if now.contains(where: { $0.name == name }) {
                throw CLIError("\(name) is already one of the \(Kind.plural); nothing was changed")
            }
            return [.setPlanField(field: Kind.field, from: .people(now), to: .people(now + [Person(name: name, role: role, organisation: organisation)]))]
        }
    }
}

struct HeaderPeopleRemove<Kind: PeopleKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "remove", abstract: "Remove one of the \(Kind.plural), by name.")
    }
    @Argument(help: ArgumentHelp("Their name, as listed.", valueName: "name")) var name: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            guard case let .people(now) = plan.value(of: Kind.field) else { return [] }
            guard now.contains(where: { $0.name == name }) else {
                throw CLIError("\(name) is not one of the \(Kind.plural); expected one of \(StructureCLI.list(now.map(\.name)))")
            }
            return [.setPlanField(field: Kind.field, from: .people(now), to: .people(now.filter { $0.name != name }))]
        }
    }
}

struct GovernanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "governance",
        abstract: "Set the governance narrative, partner organisations and reporting lines.",
        subcommands: [GovernanceSet.self, PartnerCommand.self, LineCommand.self])
}

struct GovernanceSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set the governance and accountability narrative.",
        discussion: "Example: planboard governance set --narrative \"The SEND Partnership Board provides strategic leadership …\"")
    @Option(help: ArgumentHelp("The narrative (paragraphs separated by blank lines).", valueName: "text")) var narrative: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let now = plan.value(of: .narrative)
            return now == .text(narrative) ? [] : [.setPlanField(field: .narrative, from: now, to: .text(narrative))]
        }
    }
}

struct PartnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner", abstract: "Add or remove partner organisations.",
        subcommands: [PartnerAdd.self, PartnerRemove.self])
}

struct PartnerAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a partner organisation.",
                                                    discussion: "Example: planboard governance partner add \"Devon Parent/Carer Forum (DPCF)\"")
    @Argument(help: ArgumentHelp("The partner, as the plan words it.", valueName: "text")) var partner: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let now = plan.governance.partners
            if now.contains(partner) { throw CLIError("\"\(partner)\" is already a partner; nothing was changed") }
            return [.setPlanField(field: .partners, from: .names(now), to: .names(now + [partner]))]
        }
    }
}

struct PartnerRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a partner organisation, by its text.")
    @Argument(help: ArgumentHelp("The partner, as listed.", valueName: "text")) var partner: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let now = plan.governance.partners
            guard now.contains(partner) else {
                throw CLIError("\"\(partner)\" is not a partner; expected one of \(StructureCLI.list(now))")
            }
            return [.setPlanField(field: .partners, from: .names(now), to: .names(now.filter { $0 != partner }))]
        }
    }
}

struct LineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "line", abstract: "Add or remove reporting lines (who reports to whom).",
        subcommands: [LineAdd.self, LineRemove.self])
}

struct LineAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a reporting line.",
        discussion: "Example: planboard governance line add --from \"SEND Partnership Board\" --to \"Health and Wellbeing Board\" --kind accountability --frequency quarterly")
    @Option(help: ArgumentHelp("Who reports.", valueName: "body")) var from: String
    @Option(help: ArgumentHelp("To whom.", valueName: "body")) var to: String
    @Option(help: ArgumentHelp("information, or accountability (challenge and accountability).", valueName: "kind")) var kind: String
    @Option(help: ArgumentHelp("How often, e.g. quarterly.", valueName: "text")) var frequency: String = ""
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let lineKind = ReportingLine.Kind(rawValue: kind.lowercased()) else {
            throw CLIError("--kind \"\(kind)\" is not a kind of reporting line; expected information or accountability")
        }
        try StructureCLI.apply(store) { plan in
            let now = plan.governance.reportingLines
            let line = ReportingLine(from: from, to: to, kind: lineKind, frequency: frequency)
            if now.contains(where: { $0.from == from && $0.to == to }) {
                throw CLIError("there is already a reporting line from \(from) to \(to); remove it first to change it")
            }
            return [.setPlanField(field: .reportingLines, from: .lines(now), to: .lines(now + [line]))]
        }
    }
}

struct LineRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove the reporting line from one body to another.")
    @Option(help: ArgumentHelp("Who reports.", valueName: "body")) var from: String
    @Option(help: ArgumentHelp("To whom.", valueName: "body")) var to: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let now = plan.governance.reportingLines
            guard now.contains(where: { $0.from == from && $0.to == to }) else {
                throw CLIError("there is no reporting line from \(from) to \(to); expected one of \(StructureCLI.list(now.map { "\($0.from) → \($0.to)" }))")
            }
            return [.setPlanField(field: .reportingLines, from: .lines(now), to: .lines(now.filter { !($0.from == from && $0.to == to) }))]
        }
    }
}

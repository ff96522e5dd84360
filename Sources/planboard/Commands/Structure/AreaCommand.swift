import ArgumentParser
import Foundation
import PlanModel

struct AreaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "area",
        abstract: "Add, edit, reorder or remove areas of weakness.",
        subcommands: [AreaAdd.self, AreaSet.self, AreaMove.self, AreaRemove.self])
}

struct AreaAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an area of weakness.",
        discussion: Prose.flowing("""
            The area takes the next free number unless --number is given. Its actions take
            references from its number (3a, 3b …).
            Example: planboard area add --title "EHC plans" --weakness "The time it takes to issue EHC plans …"
            """))
    @Option(help: ArgumentHelp("A short title for lists and grids.", valueName: "text")) var title: String
    @Option(help: ArgumentHelp("The weakness exactly as written.", valueName: "text")) var weakness: String
    @Option(help: ArgumentHelp("The line introducing the findings, e.g. \"From the revisit report June 2022:\".", valueName: "text")) var source: String = ""
    @Option(help: ArgumentHelp("The area's number (default: one more than the highest).", valueName: "n")) var number: Int?
    @Option(help: ArgumentHelp("Place it before the area with this number (default: last).", valueName: "n")) var before: Int?
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let n = number ?? plan.nextAreaNumber
            if let before { _ = try StructureCLI.area(before, in: plan) }
            return [.addArea(Area(number: n, title: title, weakness: weakness, findingsSource: source), before: before, risks: [])]
        }
    }
}

struct AreaSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set an area's title, weakness or findings source line.",
        discussion: "Example: planboard area set 3 --title \"EHC plan timeliness\"")
    @Argument(help: ArgumentHelp("The area's number.", valueName: "n")) var number: Int
    @Option(help: ArgumentHelp("A short title.", valueName: "text")) var title: String?
    @Option(help: ArgumentHelp("The weakness as written.", valueName: "text")) var weakness: String?
    @Option(help: ArgumentHelp("The line introducing the findings.", valueName: "text")) var source: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if title == nil && weakness == nil && source == nil { throw ValidationError("nothing to change: give --title, --weakness or --source") }
    }

    func run() throws {
        try StructureCLI.apply(store) { plan in
            _ = try StructureCLI.area(number, in: plan)
            let wanted: [(AreaField, String?)] = [(.title, title), (.weakness, weakness), (.findingsSource, source)]
            return wanted.compactMap { field, value in value.flatMap { plan.setting(field, ofArea: number, to: $0) } }
        }
    }
}

struct AreaMove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move an area to another place in the plan's order.",
        discussion: "Places count from 1. The area keeps its number, so its actions keep their references. Example: planboard area move 4 --to 1")
    @Argument(help: ArgumentHelp("The area's number.", valueName: "n")) var number: Int
    @Option(help: ArgumentHelp("Its new place, 1 for first.", valueName: "place")) var to: Int
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            _ = try StructureCLI.area(number, in: plan)
            guard (1...plan.areas.count).contains(to) else {
                throw CLIError("--to \(to) is not a place in the plan; expected 1 to \(plan.areas.count)")
            }
            guard let from = plan.areas.firstIndex(where: { $0.number == number }) else { return [] }
            return plan.moving(area: number, by: to - 1 - from).map { [$0] } ?? []
        }
    }
}

struct AreaRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove an area with its findings, actions and their notes.",
        discussion: Prose.flowing("""
            Without --yes it only says what would go with the area, and changes nothing.
            Risks linked to the area stay in the register, unlinked from it. `planboard undo`
            puts everything back.
            Example: planboard area remove 4 --yes
            """))
    @Argument(help: ArgumentHelp("The area's number.", valueName: "n")) var number: Int
    @Flag(help: "Remove it (without this, only say what would go).") var yes = false
    @OptionGroup var store: StoreOptions

    static func consequences(_ area: Area, links: [AreaLink]) -> String {
        let notes = area.actions.reduce(0) { $0 + $1.notes.count }
        return "area \(area.number) \"\(area.title)\" with \(counted(area.findings.count, "finding", "findings")), \(counted(area.actions.count, "action", "actions")), \(counted(notes, "note", "notes")), and the links from \(counted(links.count, "risk", "risks")) (\(StructureCLI.list(links.map(\.risk))))"
    }

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let area = try StructureCLI.area(number, in: plan)
            let links = plan.areaLinks(number)
            guard yes else {
                throw CLIError("this would remove \(AreaRemove.consequences(area, links: links)); nothing was changed. Add --yes to remove it")
            }
            return plan.removing(area: number).map { [$0] } ?? []
        }
    }
}

struct FindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finding",
        abstract: "Add, edit, reorder or remove an area's lettered findings.",
        discussion: "Findings stay lettered a, b, c … in order: adding, moving or removing one re-letters those after it.",
        subcommands: [FindingAdd.self, FindingSet.self, FindingMove.self, FindingRemove.self])
}

struct FindingAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a finding to an area (at the end, or taking --letter).",
        discussion: "Example: planboard finding add 2 \"Telephone calls are unanswered.\"")
    @Argument(help: ArgumentHelp("The area's number.", valueName: "area")) var area: Int
    @Argument(help: ArgumentHelp("The finding as the report words it.", valueName: "text")) var text: String
    @Option(help: ArgumentHelp("The letter it takes; the findings from there move down one.", valueName: "letter")) var letter: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let a = try StructureCLI.area(area, in: plan)
            return [.addFinding(area: area, letter: letter?.lowercased() ?? findingLetter(at: a.findings.count), text: text)]
        }
    }
}

struct FindingSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change a finding's text.",
        discussion: "Example: planboard finding set 2 b \"There is a failure to keep families informed.\"")
    @Argument(help: ArgumentHelp("The area's number.", valueName: "area")) var area: Int
    @Argument(help: ArgumentHelp("The finding's letter.", valueName: "letter")) var letter: String
    @Argument(help: ArgumentHelp("Its new text.", valueName: "text")) var text: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let finding = try FindingCommand.finding(area, letter, in: plan)
            return plan.setting(finding: finding.letter, inArea: area, to: text).map { [$0] } ?? []
        }
    }
}

struct FindingMove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a finding so that it takes another letter.",
        discussion: "Example: planboard finding move 3 p --to a  (p becomes a; a … o become b … p)")
    @Argument(help: ArgumentHelp("The area's number.", valueName: "area")) var area: Int
    @Argument(help: ArgumentHelp("The finding's letter now.", valueName: "letter")) var letter: String
    @Option(help: ArgumentHelp("The letter it takes.", valueName: "letter")) var to: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let finding = try FindingCommand.finding(area, letter, in: plan)
            return finding.letter == to.lowercased() ? [] : [.moveFinding(area: area, letter: finding.letter, text: finding.text, to: to.lowercased())]
        }
    }
}

struct FindingRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a finding; the letters after it move up one.",
        discussion: "Example: planboard finding remove 3 o")
    @Argument(help: ArgumentHelp("The area's number.", valueName: "area")) var area: Int
    @Argument(help: ArgumentHelp("The finding's letter.", valueName: "letter")) var letter: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        try StructureCLI.apply(store) { plan in
            let finding = try FindingCommand.finding(area, letter, in: plan)
            return plan.removing(finding: finding.letter, inArea: area).map { [$0] } ?? []
        }
    }
}

extension FindingCommand {
    static func finding(_ area: Int, _ letter: String, in plan: Plan) throws -> Finding {
        let a = try StructureCLI.area(area, in: plan)
        let wanted = letter.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " ).").union(.whitespaces))
        guard let finding = a.findings.first(where: { $0.letter.lowercased() == wanted }) else {
            throw CLIError("area \(area) has no finding \(letter); expected one of \(StructureCLI.list(a.findings.map(\.letter)))")
        }
        return finding
    }
}

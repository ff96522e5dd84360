import ArgumentParser
import PlanModel

/// planboard: a terminal dashboard for a local area's SEND Accelerated Progress Plan.
struct Planboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planboard",
        abstract: "Browse, update and report on a SEND Accelerated Progress Plan.",
        discussion: Prose.flowing("""
            The plan lives in one SQLite file (or on a PostgreSQL server), found in this
            order: --db PATH, else $PLANBOARD_DB, else the plan = line of
            $XDG_CONFIG_HOME/planboard/config.toml, else $XDG_DATA_HOME/planboard/plan.sqlite.
            On first use, when there is no plan yet at that last place, planboard creates one
            from the illustrative Devon sample and says so.
            Every change is saved when it is made, with who made it, in a change log.

            Exit status: 0 success, 1 invalid input or a refused operation, 2 usage error.
            """),
        version: versionLine,
        subcommands: [Dashboard.self, Summary.self, Mine.self, Validate.self, Import.self, Export.self, SetCommand.self, Batch.self, Log.self,
                      CheckpointCommand.self, Undo.self, Redo.self, Generate.self,
                      MeetingCommand.self, HighlightCommand.self, DecisionCommand.self, Report.self,
                      Init.self, HeaderCommand.self, GovernanceCommand.self, AreaCommand.self, FindingCommand.self, ActionCommand.self, KPICommand.self,
                      ServerCommand.self, PeopleCommand.self, Copy.self, Publish.self, EvidenceCommand.self, AgreementCommand.self,
                      MinutesCommand.self],
        defaultSubcommand: Dashboard.self
    )

    /// This release, and the plan files it reads and writes.
    static let versionLine = "planboard 0.5.0 (reads plan files of format planboard/1 and planboard/2)"

    static var commandNames: [String] { configuration.subcommands.compactMap { $0.configuration.commandName } }

    /// What to say when the first word names no command: the nearest command, and the list.
    static func unknownCommand(_ word: String) -> String {
        let names = commandNames
        let typed = word.lowercased()
        let nearest = names.map { (name: $0, distance: NearNames.distance(Array(typed), Array($0))) }.min { $0.distance < $1.distance }
        let suggestion = nearest.flatMap { $0.distance <= max(1, min(3, $0.name.count / 3)) ? " Did you mean `planboard \($0.name)`?" : nil } ?? ""
        return "\(Visible.field(word)) is not a planboard command.\(suggestion) The commands are: \(names.joined(separator: ", ")) (`planboard --help` says what each does)"
    }
}

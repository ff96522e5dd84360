import ArgumentParser

/// planboard: a terminal dashboard for a local area's SEND Accelerated Progress Plan.
struct Planboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planboard",
        abstract: "Browse, update and report on a SEND Accelerated Progress Plan.",
        discussion: """
            The plan lives in one SQLite file: --db PATH, else $PLANBOARD_DB, else
            $XDG_DATA_HOME/planboard/plan.sqlite. On first use, when there is no plan yet,
            planboard creates one from the illustrative Devon sample and says so.
            Every change is saved when it is made, with who made it, in a change log.

            Exit status: 0 success, 1 invalid input or a refused operation, 2 usage error.
            """,
        subcommands: [Dashboard.self, Summary.self, Validate.self, Import.self, Export.self, SetCommand.self, Batch.self, Log.self,
                      CheckpointCommand.self, Undo.self, Redo.self, Generate.self,
                      MeetingCommand.self, HighlightCommand.self, DecisionCommand.self, Report.self,
                      Init.self, HeaderCommand.self, GovernanceCommand.self, AreaCommand.self, FindingCommand.self, KPICommand.self,
                      ServerCommand.self, PeopleCommand.self, Copy.self, EvidenceCommand.self, AgreementCommand.self, MinutesCommand.self],
        defaultSubcommand: Dashboard.self
    )
}

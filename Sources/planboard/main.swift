import ArgumentParser
import Foundation
import PlanExchange
import PlanStore

/// The command the arguments name. With none named (the usual start: `planboard`, or
/// `planboard --db PATH`), the dashboard's own options are read as they stand: finding it
/// through every command's definitions costs about 10 ms of each start, and even the
/// dashboard's own definitions about 4 ms (ArgumentParser looks its options up by
/// reflection). Anything else (a command, help, a mistake) goes the usual way, with the
/// usual messages.
func command() throws -> ParsableCommand {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let plain = Dashboard.plain(arguments) { return plain }
    let asksForHelp = arguments.contains { ["-h", "--help", "--version", "help"].contains($0) || $0.hasPrefix("--generate-completion") || $0.hasPrefix("--experimental") }
    // A command of no subcommands, named first (`planboard summary ...`), is parsed on its
    // own, found by the name its definition gives: about 10 ms less of each command.
    if let name = arguments.first, !asksForHelp,
       let type = Planboard.configuration.subcommands.first(where: { $0.configuration.commandName == name }),
       type.configuration.subcommands.isEmpty, let parsed = try? type.parse(Array(arguments.dropFirst())) {
        return parsed
    }
    if arguments.first?.hasPrefix("-") ?? true, !asksForHelp, let dashboard = try? Dashboard.parse(arguments) {
        return dashboard
    }
    if let first = arguments.first, !first.hasPrefix("-"), first != "help", !Planboard.commandNames.contains(first) {
        throw ValidationError(Planboard.unknownCommand(first))
    }
    return try Planboard.parseAsRoot()
}

// Exit codes: 0 success, 1 invalid input or a refused operation, 2 usage.
do {
    var command = try command()
    try command.run()
} catch let error as StoreError {
    Output.error(error.message)
    exit(1)
} catch let error as PlanFileError {
    Output.error(error.description)
    exit(1)
} catch let error as CLIError {
    Output.error(error.message)
    exit(1)
} catch {
    let code = Planboard.exitCode(for: error)
    if code == .success {
        print(Planboard.fullMessage(for: error))
        exit(0)
    }
    if code == .validationFailure {
        Output.error(Planboard.fullMessage(for: error))
        exit(2)
    }
    let message = Planboard.fullMessage(for: error)
    if !message.isEmpty { Output.error(message) }
    exit(code.rawValue == 0 ? 0 : 1)
}

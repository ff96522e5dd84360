import ArgumentParser
import Foundation
import PlanExchange
import PlanStore

// Exit codes: 0 success, 1 invalid input or a refused operation, 2 usage.
do {
    var command = try Planboard.parseAsRoot()
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

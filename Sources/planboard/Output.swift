import Foundation

/// A refused operation or invalid input, reported with exit code 1.
struct CLIError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Writing to the terminal: results to standard output, messages to standard error.
enum Output {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("planboard: \(message)\n".utf8))
    }

    /// One line of output, written at once (not buffered), so a script reading it sees
    /// each line as soon as the work it reports is done.
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// A notice that is not the command's output (e.g. "created a plan at ...").
    static func notice(_ message: String) {
        FileHandle.standardError.write(Data("planboard: \(message)\n".utf8))
    }

    /// Writes `text` to `path` atomically (a temporary file renamed into place), so an
    /// interrupted export never leaves half a file where a good one was.
    static func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

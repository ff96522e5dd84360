import Foundation

/// Runs the real `planboard` binary, as a user or a script would.
public enum PlanboardBinary {
    /// The built executable, next to the test bundle.
    public static var url: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Samples.repositoryRoot.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent("planboard") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Starts planboard with `arguments` and returns at once, with its standard input and
    /// output (standard error is dropped): for a `batch -` fed while others write.
    public static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (process: Process, input: FileHandle, output: FileHandle) {
        let process = Self.process(arguments, environment: environment)
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, input.fileHandleForWriting, output.fileHandleForReading)
    }

    /// planboard with `arguments`, in this environment less the plan and colour settings a
    /// test must not inherit, plus `environment`; not started.
    static func process(_ arguments: [String], environment: [String: String]) -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PLANBOARD_DB"] = nil
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }

    /// Writes `text` to a started process's input on another thread, then closes it, so the
    /// caller can go on to read the process's output.
    public static func feed(_ input: FileHandle, _ text: String) {
        DispatchQueue.global().async {
            try? input.write(contentsOf: Data(text.utf8))
            try? input.close()
        }
    }

    /// Runs planboard with `arguments`, waiting for it to finish.
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
        try collect(Self.process(arguments, environment: environment), stdin: stdin)
    }

    /// Runs a shell line (for redirections such as `> /dev/full`, or `script` for a
    /// terminal), with `$PB` naming planboard, waiting for it to finish.
    public static func shell(_ line: String, environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
        let process = Self.process(["-c", line], environment: environment.merging(["PB": url.path]) { $1 })
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        return try collect(process, stdin: stdin)
    }

    /// Starts `process` and gathers what it writes until it ends.
    private static func collect(_ process: Process, stdin: String?) throws -> Result {
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

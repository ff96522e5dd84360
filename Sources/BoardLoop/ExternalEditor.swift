import Foundation

/// Runs `$VISUAL` or `$EDITOR` (else vi) on a temporary file, with the terminal handed over.
public struct ExternalEditor: LongTextEditor {
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The editor command: `$VISUAL`, else `$EDITOR`, else vi.
    var command: String {
        environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
    }

    public func edit(_ text: String, on terminal: any BoardTerminal) -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("planboard-\(getpid())-\(UUID().uuidString).txt")
        do { try Data(text.utf8).write(to: file) } catch { return nil }
        defer { try? FileManager.default.removeItem(at: file) }
        var status: Int32 = -1
        terminal.suspend { status = run(on: file.path) }
        guard status == 0, let data = try? Data(contentsOf: file) else { return nil }
        var edited = String(decoding: data, as: UTF8.self)
        if edited.hasSuffix("\n") { edited.removeLast() }
        return edited
    }

    /// Runs the editor through the shell (so `$EDITOR` may hold arguments) and waits.
    private func run(on path: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(command) \"$1\"", "planboard-editor", path]
        process.environment = environment
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        } catch {
            return -1
        }
    }
}

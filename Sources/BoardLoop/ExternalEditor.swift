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
    ///
    /// Not with Foundation's `Process`: on Linux it starts the child in a session of its own,
    /// away from the terminal, and vi then exits at once. The child is spawned in our own
    /// process group, which owns the terminal, with default signal handling; afterwards the
    /// terminal is taken back in case the editor handed it elsewhere.
    private func run(on path: String) -> Int32 {
        let argv = ["/bin/sh", "-c", "\(command) \"$1\"", "planboard-editor", path]
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = envp.map { strdup($0) } + [nil]
        defer {
            for pointer in cArgs { free(pointer) }
            for pointer in cEnv { free(pointer) }
        }
        #if canImport(Darwin)
        var attributes: posix_spawnattr_t?
        #else
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let terminalGroup = isatty(STDIN_FILENO) == 1 ? tcgetpgrp(STDIN_FILENO) : -1
        var child: pid_t = 0
        guard posix_spawn(&child, "/bin/sh", nil, &attributes, &cArgs, &cEnv) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 {
            guard errno == EINTR else { return -1 }
        }
        if terminalGroup > 0 { Self.takeTerminalBack(terminalGroup) }
        // Exited normally: the low 7 bits are 0 and the status is in the next 8.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
    }

    /// Makes `group` the terminal's foreground group again, ignoring SIGTTOU while doing so
    /// (a background group asking for the terminal would otherwise be stopped).
    private static func takeTerminalBack(_ group: pid_t) {
        guard tcgetpgrp(STDIN_FILENO) != group else { return }
        let previous = signal(SIGTTOU, SIG_IGN)
        _ = tcsetpgrp(STDIN_FILENO, group)
        signal(SIGTTOU, previous)
    }
}

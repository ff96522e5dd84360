import Foundation
import XCTest

/// A real terminal for end-to-end tests: a tmux server on its own socket (`tmux -L`), so a
/// test never touches the user's own tmux, with one detached session of a given size.
///
/// The session runs `command` under `bash -c` with TERM=xterm-256color; when the command
/// ends it prints `EXITED:<status>` and leaves an interactive shell behind (prompt `$ `),
/// so a test can see how the program left the terminal.
///
/// Waiting is always by polling the screen for a condition (every 50 ms, up to a timeout),
/// never by fixed sleeps.
final class TmuxSession {
    /// The marker printed when the command ends: `EXITED:<status>`.
    static let exitMarker = "EXITED:"

    let socket: String
    let target = "e2e"
    private(set) var width: Int
    private(set) var height: Int
    private var killed = false
    /// The server's socket file, removed at the end (tmux leaves it behind).
    private var socketPath: String?

    /// Where `tmux` is, or nil when it is not installed.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
            let candidate = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Skips the calling test when tmux is not installed (CI installs it).
    static func requireTmux() throws {
        if executable == nil { throw XCTSkip("tmux is not installed; the end-to-end tests need it") }
    }

    /// Starts a server and a detached `width`×`height` session running `command` (a bash
    /// command line) with `environment` added.
    init(width: Int = 80, height: Int = 24, command: String, environment: [String: String] = [:]) throws {
        try TmuxSession.requireTmux()
        socket = "planboard-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.width = width
        self.height = height
        let script = """
            export TERM=xterm-256color
            \(command)
            echo \(TmuxSession.exitMarker)$?
            export PS1='$ '
            exec bash --norc --noprofile -i
            """
        var args = ["-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)"]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(key)=\(value)"] }
        args += ["bash", "--norc", "--noprofile", "-c", script]
        let result = try tmux(args)
        guard result.status == 0 else {
            throw Failure("tmux new-session failed (\(result.status)): \(result.stderr)")
        }
        // Keep the pane after the shell ends, so a crash leaves its last screen to look at.
        _ = try? tmux(["set-option", "-t", target, "remain-on-exit", "on"])
        socketPath = display("#{socket_path}")
    }

    deinit { kill() }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `tmux -L <socket> args...` and waits for it.
    ///
    /// Not with Foundation's `Process`: on Linux it hands the child a socket that it watches
    /// to learn when the child ends, and the tmux server forked by `new-session` keeps that
    /// socket open for its whole life, so `waitUntilExit()` would never return. Here the child
    /// gets only its standard input, output and error.
    @discardableResult
    func tmux(_ args: [String]) throws -> Output {
        guard let executable = TmuxSession.executable else { throw XCTSkip("tmux is not installed") }
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil  // so running the tests inside tmux does not confuse it
        env["TMUX_PANE"] = nil
        return try Spawn.run(executable, ["tmux", "-L", socket] + args, environment: env)
    }

    /// Sends keys by tmux name (`Enter`, `Escape`, `C-u`, `Down`, `q` ...).
    func send(_ keys: String...) {
        _ = try? tmux(["send-keys", "-t", target] + keys)
    }

    /// Types text literally (`send-keys -l`), so nothing in it is read as a key name.
    func type(_ text: String) {
        _ = try? tmux(["send-keys", "-t", target, "-l", text])
    }

    /// The visible screen, one string per row (tmux trims trailing spaces).
    func capture() -> [String] {
        guard let result = try? tmux(["capture-pane", "-p", "-t", target]), result.status == 0 else { return [] }
        var lines = result.stdout.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The screen as one string, rows separated by newlines.
    var screen: String { capture().joined(separator: "\n") }

    /// Polls the screen every 50 ms until `condition` holds; false if it never did in time.
    @discardableResult
    func waitUntil(timeout: TimeInterval = 5, _ condition: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if condition(capture()) { return true }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Polls until `text` appears somewhere on the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 5) -> Bool {
        waitUntil(timeout: timeout) { $0.joined(separator: "\n").contains(text) }
    }

    /// Polls until a row starts with `prefix` (ignoring leading spaces) and contains `text`.
    @discardableResult
    func waitForLine(startingWith prefix: String, containing text: String, timeout: TimeInterval = 5) -> Bool {
        waitUntil(timeout: timeout) { lines in
            lines.contains { line in
                let trimmed = line.drop { $0 == " " }
                return trimmed.hasPrefix(prefix) && trimmed.contains(text)
            }
        }
    }

    /// Waits for the command to end; returns its exit status, or nil if it did not end in time.
    func waitForExit(timeout: TimeInterval = 5) -> Int32? {
        var status: Int32?
        waitUntil(timeout: timeout) { lines in
            guard let line = lines.last(where: { $0.hasPrefix(TmuxSession.exitMarker) }) else { return false }
            status = Int32(line.dropFirst(TmuxSession.exitMarker.count).prefix { $0.isNumber })
            return status != nil
        }
        return status
    }

    /// Resizes the window (tmux 3.3: the window then keeps this manual size).
    func resize(_ width: Int, _ height: Int) {
        self.width = width
        self.height = height
        _ = try? tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format for the pane, e.g. `#{pane_title}`.
    func display(_ format: String) -> String {
        let out = (try? tmux(["display-message", "-p", "-t", target, format]))?.stdout ?? ""
        return out.trimmingCharacters(in: .newlines)
    }

    /// Stops the server and everything running in it. Safe to call more than once.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
        if let socketPath, socketPath.hasSuffix("/\(socket)") { unlink(socketPath) }
    }
}

/// Starts a program with only standard input (/dev/null), output and error open, and waits.
enum Spawn {
    static func run(_ path: String, _ argv: [String], environment: [String: String]) throws -> TmuxSession.Output {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw TmuxSession.Failure("pipe: errno \(errno)") }
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        #if canImport(Darwin)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_CLOEXEC_DEFAULT))
        #else
        // Close everything else the test process has open (closing an fd that is not open is ignored).
        let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
        for fd in Set(open + Array(3..<64)) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        #endif

        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, cArgs, cEnv)
        close(outPipe[1])
        close(errPipe[1])
        defer {
            close(outPipe[0])
            close(errPipe[0])
        }
        guard spawned == 0 else { throw TmuxSession.Failure("could not start \(path): error \(spawned)") }
        let stdout = readAll(outPipe[0])
        let stderr = readAll(errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        return TmuxSession.Output(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), stdout: stdout, stderr: stderr)
    }

    private static func readAll(_ fd: Int32) -> String {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n > 0 { data.append(contentsOf: buffer[0..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        return String(decoding: data, as: UTF8.self)
    }
}

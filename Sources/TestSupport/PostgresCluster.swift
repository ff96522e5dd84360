import Foundation

/// A throwaway PostgreSQL server for tests: its own cluster in a temporary folder, on a free
/// port on 127.0.0.1, stopped and removed when the test is done.
///
/// PostgreSQL refuses to run as root, so when the tests run as root (as CI does) the cluster
/// belongs to the unprivileged `postgres` account the Debian package creates, and every
/// server program runs as that account. The superuser is `postgres`, with a password, and
/// connections over TCP must give it (scram-sha-256), so logins are checked as on a real
/// server.
public final class PostgresCluster: @unchecked Sendable {
    public let folder: URL
    public let port: Int
    public let superuser = "postgres"
    public let password: String
    /// Extra server settings (`-c name=value` at each start), e.g. `ssl` and its files.
    public let settings: [String: String]
    private let bin: URL
    private let runAs: String?
    private var running = false

    public var data: URL { folder.appendingPathComponent("data") }
    public var logFile: URL { folder.appendingPathComponent("server.log") }

    /// Why no cluster could be started, with what was found.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates and starts a new cluster with `settings` beside the usual ones (say
    /// `["ssl": "on", "ssl_cert_file": ..., "ssl_key_file": ...]`; files the server reads must
    /// be given to its account with `giveToServer`). Fails, saying why, when PostgreSQL is not
    /// installed (`scripts/setup` installs it).
    public init(settings: [String: String] = [:]) throws {
        self.settings = settings
        bin = try Self.binaries()
        let isRoot = getuid() == 0
        runAs = isRoot ? "postgres" : nil
        password = "pw-\(UUID().uuidString.prefix(8))"
        // As root the server runs as `postgres`, which must reach the folder: /tmp, not a
        // private $TMPDIR. The socket path must also stay short (about 100 bytes at most).
        let base = isRoot ? "/tmp" : NSTemporaryDirectory()
        folder = URL(fileURLWithPath: base).appendingPathComponent("planboard-pg-\(UUID().uuidString.prefix(13))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        if let runAs {
            try Self.run("/bin/chown", [runAs, folder.path])
        }
        let pwfile = folder.appendingPathComponent("pwfile")
        try Data((password + "\n").utf8).write(to: pwfile)
        if let runAs { try Self.run("/bin/chown", [runAs, pwfile.path]) }
        port = try Self.freePort()
        try runServerProgram("initdb", ["-D", folder.appendingPathComponent("data").path, "-U", superuser, "--pwfile=\(pwfile.path)", "-E", "UTF8", "--no-locale",
                                        "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"])
        try? FileManager.default.removeItem(at: pwfile)
        try start()
    }

    deinit { destroy() }

    /// Starts the server and waits until it accepts connections.
    public func start() throws {
        // pg_ctl hands these to a shell: each extra value goes in single quotes.
        let extra = settings.sorted { $0.key < $1.key }
            .map { " -c \($0.key)='\($0.value.replacingOccurrences(of: "'", with: "'\\''"))'" }.joined()
        try runServerProgram("pg_ctl", ["-D", data.path, "-l", logFile.path, "-w", "-t", "60",
                                        "-o", "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60" + extra,
                                        "start"])
        running = true
    }

    /// Stops the server: `fast` ends every session at once, as a crash or a restart would.
    public func stop(mode: String = "fast") throws {
        try runServerProgram("pg_ctl", ["-D", data.path, "-w", "-t", "60", "-m", mode, "stop"])
        running = false
    }

    /// Stops the server and removes its folder. Safe to call more than once.
    public func destroy() {
        if running { try? stop(mode: "immediate") }
        try? FileManager.default.removeItem(at: folder)
    }

    /// A URL for `database` as `user` (no password in it: it comes from PGPASSWORD).
    public func url(database: String, user: String? = nil) -> String {
        "postgres://\(user ?? superuser)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Creates an empty database and returns its name.
    @discardableResult
    public func createDatabase(_ name: String = "plan_\(UUID().uuidString.prefix(8).lowercased())") throws -> String {
        try psql("CREATE DATABASE \"\(name)\"")
        return name
    }

    /// Runs SQL through `psql` as `user` with `password` over TCP, as a person at another
    /// machine would. Returns what psql printed, or throws with its error output.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres", user: String? = nil, password: String? = nil) throws -> String {
        let result = try Self.capture(bin.appendingPathComponent("psql").path,
                                      ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)",
                                       "-U", user ?? superuser, "-d", database, "-c", sql],
                                      environment: ["PGPASSWORD": password ?? self.password, "PGCONNECT_TIMEOUT": "10"])
        guard result.status == 0 else {
            throw Failure(description: "psql exited \(result.status): \(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Makes `path` the server account's (when the tests run as root, the server runs as
    /// `postgres`), so the server can read it: a private key must also be mode 0600.
    public static func giveToServer(_ path: String) throws {
        guard getuid() == 0 else { return }
        try run("/bin/chown", ["postgres", path])
    }

    // MARK: Running programs

    private func runServerProgram(_ name: String, _ arguments: [String]) throws {
        let program = bin.appendingPathComponent(name).path
        let result: (status: Int32, stdout: String, stderr: String)
        if let runAs {
            // In the cluster's own folder: the unprivileged account may not enter ours.
            result = try Self.capture("/usr/sbin/runuser", ["-u", runAs, "--", "/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", folder.path, program] + arguments,
                                      environment: [:])
        } else {
            result = try Self.capture(program, arguments, environment: [:])
        }
        guard result.status == 0 else {
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            throw Failure(description: "\(name) exited \(result.status): \(result.stderr)\(result.stdout)\n\(log.suffix(2000))")
        }
    }

    private static func run(_ program: String, _ arguments: [String]) throws {
        let result = try capture(program, arguments, environment: [:])
        guard result.status == 0 else {
            throw Failure(description: "\(program) \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
    }

    /// Runs a program and waits for it, its output in files. `posix_spawn` and `waitpid`,
    /// not Foundation's `Process`: pg_ctl leaves the server running in the background, and
    /// `Process.waitUntilExit` was seen to wait on it for ever.
    static func capture(_ program: String, _ arguments: [String], environment: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pgout-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("pgerr-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        env["LC_ALL"] = "C"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(program): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// The newest installed PostgreSQL's programs (Debian keeps them out of PATH).
    static func binaries() throws -> URL {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
            .compactMap(Int.init).sorted()
        for version in versions.reversed() {
            let bin = root.appendingPathComponent("\(version)/bin")
            if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) { return bin }
        }
        throw Failure(description: "PostgreSQL is not installed: found no /usr/lib/postgresql/*/bin/initdb; expected the Debian package postgresql (scripts/setup installs it)")
    }

    /// A port nobody is listening on now: bind to port 0 and keep what the kernel chose.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "cannot open a socket to find a free port") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw Failure(description: "cannot bind a socket on 127.0.0.1 to find a free port") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw Failure(description: "cannot read the port the kernel chose") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

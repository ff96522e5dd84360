import Foundation
import PlanStoreContract
import PostgresNIO

/// One connection to the server, used from ordinary (blocking) code: the command line and
/// the dashboard work on one thread, so each query waits for its answer. When the server
/// goes away the connection is dropped and the next query connects again.
final class PostgresSession: @unchecked Sendable {
    let location: PostgresLocation
    let password: String?
    private var connection: PostgresConnection?
    private let logger: Logger

    /// How long to wait for the server to accept a connection.
    static let connectTimeout: TimeAmount = .seconds(10)

    init(location: PostgresLocation, password: String?) {
        self.location = location
        self.password = password
        var logger = Logger(label: "planboard.postgres")
        // The driver's own log lines would name the server and user on the terminal; errors
        // reach the person through StoreError instead.
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit { close() }

    /// Connects now if not connected, so a bad address or login is reported at once.
    func connect() throws {
        _ = try live()
    }

    func close() {
        if let connection { try? connection.close().wait() }
        connection = nil
    }

    /// Lets go of a connection the server has ended, closing our side too (the driver
    /// insists every connection is closed before it is released).
    private func drop() {
        if let connection {
            ChangeFeed.close(connection)
        }
        connection = nil
    }

    var isConnected: Bool { connection.map { !$0.isClosed } ?? false }

    /// True when the last failure was the connection (server stopped, network down) rather
    /// than the server refusing: the caller may connect again and retry a read.
    private(set) var lost = false

    private func live() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        drop()
        let configuration = try self.configuration()
        do {
            let made = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                                                      id: 1, logger: logger).wait()
            connection = made
            return made
        } catch {
            lost = Self.isConnectionLost(error)
            throw translate(error, connecting: true)
        }
    }

    /// How to reach and log in to the server. For verify-full the driver checks the
    /// certificate against the URL's host (and sends it as SNI); for a host written as an
    /// address it checks the address the connection reached instead.
    func configuration() throws -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: password,
            database: location.database, tls: try tls())
        configuration.options.connectTimeout = Self.connectTimeout
        return configuration
    }

    /// The encryption `location` asks for. `prefer` to a server other than this machine is
    /// `require` (`PostgresLocation.effectiveSSLMode`): the driver then refuses a server that
    /// offers none instead of going on in clear.
    private func tls() throws -> PostgresConnection.Configuration.TLS {
        let mode = location.effectiveSSLMode
        var settings = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            return .disable
        case .prefer, .require:
            // As libpq: encrypt, without checking who the certificate belongs to.
            settings.certificateVerification = .none
        case .verifyCA:
            settings.certificateVerification = .noHostnameVerification
            settings.trustRoots = try trustRoots()
        case .verifyFull:
            settings.certificateVerification = .fullVerification
            settings.trustRoots = try trustRoots()
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: settings)
        } catch {
            throw StoreError(.io, "cannot set up encryption for \(location): \(error); expected the system's TLS library to work, or use sslmode=disable on a trusted network")
        }
        return mode == .prefer ? .prefer(context) : .require(context)
    }

    /// The CAs a verified server's certificate must chain to: the `sslrootcert` file, read
    /// now so that a missing or wrong file is named before anything is sent; else the
    /// system's trust store.
    private func trustRoots() throws -> NIOSSLTrustRoots {
        guard let file = location.sslRootCert else { return .default }
        let shown = "the CA file \(file) (sslrootcert in the --db URL)"
        let expected = "expected the CA certificate, in PEM form (-----BEGIN CERTIFICATE-----), that signed the server's certificate"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) else {
            throw StoreError(.notFound, "\(shown) does not exist; \(expected)")
        }
        guard !isFolder.boolValue else {
            throw StoreError(.notFound, "\(shown) is a folder; \(expected)")
        }
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw StoreError(.io, "\(shown) cannot be read (permission denied?); \(expected), readable by you")
        }
        let certificates = (try? NIOSSLCertificate.fromPEMBytes(Array(bytes))) ?? []
        guard !certificates.isEmpty else {
            throw StoreError(.notFound, "\(shown) holds no certificate in PEM form; \(expected)")
        }
        return .certificates(certificates)
    }

    /// A refusal in words when encryption could not be set up: the server offers none, or its
    /// certificate is not one the address trusts. Nil when `error` is about something else.
    private func tlsRefusal(_ error: PSQLError) -> StoreError? {
        let place = location.server
        if error.code == .sslUnsupported {
            return StoreError(.refused, location.noEncryptionMessage)
        }
        guard error.code == .connectionError, let cause = error.underlying,
              cause is NIOSSLError || cause is NIOSSLExtraError || cause is BoringSSLError else { return nil }
        let trusted = location.sslRootCert.map { "the CA in \($0)" } ?? "the system's trusted CAs"
        let nothingSent = "nothing was sent"
        if let extra = cause as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return StoreError(.refused, "the server at \(place) has a certificate that is not for \(location.host) (sslmode=verify-full checks the name); \(nothingSent). Expected a certificate whose names include \(location.host): connect by a name the certificate bears, or have the server's administrator issue one for \(location.host)")
        }
        if "\(cause)".contains("CERTIFICATE_VERIFY_FAILED") {
            return StoreError(.refused, "the server at \(place) has a certificate that does not check out against \(trusted): not signed by it, or out of date (sslmode=\(location.sslMode.rawValue) checks it); \(nothingSent). Expected a current certificate signed by the CA\(location.sslRootCert == nil ? " named with sslrootcert=/path/to/ca.crt in the --db URL, or by one the system trusts" : " in that file")")
        }
        return StoreError(.refused, "could not set up encryption with the server at \(place) (\(Self.plain(cause))); \(nothingSent). Expected a server with ssl turned on and a working certificate")
    }

    /// Runs one statement with bind parameters and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        lost = false
        sent = false
        lastState = nil
        let connection = try live()
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            lost = Self.isConnectionLost(error)
            // A connection the client already knew to be closed sent nothing.
            sent = lost && (error as? PSQLError)?.code != .clientClosedConnection
            lastState = (error as? PSQLError)?.serverInfo?[.sqlState]
            if lost { drop() }
            throw translate(error, connecting: false)
        }
    }

    /// Whether the last failed query may have reached the server before the connection went
    /// (so a change may have been committed), rather than failing to connect at all.
    private(set) var sent = false

    /// The SQLSTATE of the last query's failure, when the server gave one.
    private(set) var lastState: String?

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try query("BEGIN")
        let result: T
        do {
            result = try body()
        } catch {
            if isConnected { _ = try? query("ROLLBACK") }
            throw error
        }
        try query("COMMIT")
        return result
    }

    // MARK: Errors

    /// True when the error means the connection is gone (server stopped, network down).
    static func isConnectionLost(_ error: Error) -> Bool {
        guard let psql = error as? PSQLError else { return error is ChannelError || error is IOError }
        switch psql.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
            return true
        case .server:
            // admin_shutdown, crash_shutdown, cannot_connect_now: the server is going away.
            return ["57P01", "57P02", "57P03"].contains(psql.serverInfo?[.sqlState] ?? "")
        default:
            return false
        }
    }

    static let lostMarker = "lost the connection to"

    /// A message a person can act on, naming the server (never the password).
    func translate(_ error: Error, connecting: Bool) -> Error {
        if error is StoreError { return error }
        let place = location.server
        guard let psql = error as? PSQLError else {
            return StoreError(.io, "cannot reach the PostgreSQL server at \(place) (\(Self.plain(error))); expected a server accepting connections there. Is it running, and is the address right?")
        }
        if let refusal = tlsRefusal(psql) { return refusal }
        let state = psql.serverInfo?[.sqlState] ?? ""
        let serverMessage = psql.serverInfo?[.message] ?? ""
        switch psql.code {
        case .server:
            switch state {
            case "28P01":
                return StoreError(.refused, "the server at \(place) refused the login for \(location.user): wrong password (it came from \(password == nil ? "nowhere: set PGPASSWORD or add a line to ~/.pgpass" : "PGPASSWORD or ~/.pgpass")). Nothing was changed")
            case "28000":
                return StoreError(.refused, "the server at \(place) refused the login for \(location.user) (\(serverMessage)); expected a person added with `planboard people add`, allowed in the server's pg_hba.conf")
            case "3D000":
                return StoreError(.notFound, "the server at \(place) has no database called \"\(location.database)\"; expected the database the partnership created for its plan. Check the name in --db")
            case "42501":
                return StoreError(.readOnly, "the server refused: \(location.user) may not make this change (\(serverMessage)); nothing was changed")
            case "57P01", "57P02", "57P03":
                return StoreError(.io, "\(Self.lostMarker) the PostgreSQL server at \(place): it is shutting down or starting up (\(serverMessage))")
            case "53300":
                return StoreError(.io, "the server at \(place) has too many connections now; try again shortly")
            case "PB001":
                // A part the change touches moved since it was read: the store reads again.
                return StoreError(.conflict, serverMessage)
            case "PB002":
                return StoreError(.readOnly, serverMessage)
            case "PB003", "PB004":
                return StoreError(.refused, "the server at \(place) refused the change: \(serverMessage)")
            default:
                return StoreError(.io, "the server at \(place) reported: \(serverMessage) (SQLSTATE \(state))")
            }
        case .authMechanismRequiresPassword:
            return StoreError(.refused, "the server at \(place) asks for a password for \(location.user) and none was given; set PGPASSWORD or add a line to ~/.pgpass (host:port:database:user:password)")
        case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return StoreError(.io, "\(Self.lostMarker) the PostgreSQL server at \(place)\(connecting ? " while logging in" : "")")
        case .connectionError:
            let cause = psql.underlying.map(Self.plain) ?? "no answer"
            return StoreError(.io, "cannot reach the PostgreSQL server at \(place) (\(cause)); expected a server accepting connections there. Is it running, and is the address right?")
        default:
            return StoreError(.io, "the PostgreSQL server at \(place): \(psql.code)")
        }
    }

    /// An error in words, without Swift's type dump.
    static func plain(_ error: Error) -> String {
        if let io = error as? IOError { return io.description }
        let text = "\(error)"
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("connectTimeout") { return "no answer within \(connectTimeout.nanoseconds / 1_000_000_000) s" }
        return text
    }
}

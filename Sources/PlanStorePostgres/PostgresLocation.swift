import Foundation
import PlanStoreContract

/// A shared plan's address: `postgres://USER@HOST:PORT/DB?sslmode=MODE&sslrootcert=CA.crt`.
///
/// The password is never part of it: it comes from `PGPASSWORD` or the password file
/// (`$PGPASSFILE`, else `~/.pgpass`), as with psql, and never appears in output, logs or
/// errors. `description` is the address without it, safe to show.
///
/// To any server but this machine, planboard never sends a password or the plan in clear
/// unless the address says `sslmode=disable`: there `prefer` (the default) acts as `require`
/// (see `effectiveSSLMode`).
public struct PostgresLocation: Equatable, Sendable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, CaseIterable {
        /// No encryption.
        case disable
        /// Encrypt when the server offers it (the certificate is not checked, as libpq's
        /// `prefer`); to a server other than this machine it acts as `require`.
        case prefer
        /// Encrypt or refuse to connect (the certificate is not checked, as libpq's `require`).
        case require
        /// Encrypt and check that the server's certificate chains to a trusted CA (the
        /// `sslrootcert` file, else the system's trust store), but not whose name it bears.
        case verifyCA = "verify-ca"
        /// Encrypt and check the server's certificate chains to a trusted CA (the
        /// `sslrootcert` file, else the system's trust store) and is for the URL's host.
        case verifyFull = "verify-full"

        /// True for the modes that check the server's certificate.
        public var verifies: Bool { self == .verifyCA || self == .verifyFull }
    }

    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    /// The mode the address asks for (`prefer` when it names none).
    public var sslMode: SSLMode
    /// The CA certificate file (PEM) the server's certificate must chain to, from
    /// `sslrootcert=`; nil for the system's trust store.
    public var sslRootCert: String?

    /// True when `text` names a PostgreSQL plan rather than a file (the scheme in any case).
    public static func isURL(_ text: String) -> Bool {
        let lowered = text.prefix(13).lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    public init(user: String, host: String, port: Int = 5432, database: String, sslMode: SSLMode = .prefer,
                sslRootCert: String? = nil) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
        self.sslRootCert = sslRootCert
    }

    static let example = "postgres://USER@HOST:PORT/DB?sslmode=disable|prefer|require|verify-ca|verify-full[&sslrootcert=CA.crt]"

    /// Reads a `postgres://` URL. Errors never repeat a password that was put in it.
    public init(url text: String) throws {
        let example = Self.example
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw StoreError(.notFound, "the --db address is not a PostgreSQL URL; expected \(example)")
        }
        if components.password != nil {
            throw StoreError(.refused, "the --db URL holds a password; planboard takes the password only from PGPASSWORD or ~/.pgpass, so it never shows up in a command line, a log or a message. Remove it from the URL; expected \(example)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreError(.notFound, "the --db URL names no user; expected \(example)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreError(.notFound, "the --db URL names no server; expected \(example)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreError(.notFound, "the --db URL names no database (\"/\(database)\"); expected \(example)")
        }
        var mode = SSLMode.prefer
        var rootCert: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let parsed = SSLMode(rawValue: value) else {
                    throw StoreError(.notFound, "the --db URL has sslmode=\(item.value ?? ""); expected one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                mode = parsed
            case "sslrootcert":
                guard let value = item.value, !value.isEmpty else {
                    throw StoreError(.notFound, "the --db URL has sslrootcert with no file; expected sslrootcert=/path/to/ca.crt, the CA certificate (PEM) the server's certificate is signed by")
                }
                rootCert = value
            default:
                throw StoreError(.notFound, "the --db URL has the setting \"\(item.name)\", which planboard does not know; expected only sslmode and sslrootcert")
            }
        }
        if let rootCert, !mode.verifies {
            throw StoreError(.notFound, "the --db URL has sslrootcert=\(rootCert) with sslmode=\(mode.rawValue), which does not check the server's certificate; expected sslmode=verify-full (or verify-ca) with sslrootcert")
        }
        // A bracketed IPv6 literal is kept without its brackets, as the driver wants it.
        var bare = host
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        self.init(user: user.removingPercentEncoding ?? user, host: bare, port: components.port ?? 5432,
                  database: database.removingPercentEncoding ?? database, sslMode: mode,
                  sslRootCert: rootCert.map { $0.removingPercentEncoding ?? $0 })
    }

    // MARK: Encryption

    /// True when the host is this machine: `localhost`, an address in 127.0.0.0/8, or `::1`.
    /// Only there may `prefer` fall back to a connection in clear.
    public var isLocalHost: Bool { Self.isLocal(host) }

    static func isLocal(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, name, &v6) == 1 {
            let bytes = withUnsafeBytes(of: v6) { Array($0) }
            // ::1, or 127.x.y.z written as an IPv4-mapped address (::ffff:127.x.y.z).
            if bytes == [UInt8](repeating: 0, count: 15) + [1] { return true }
            return bytes.prefix(12) == ArraySlice([UInt8](repeating: 0, count: 10) + [0xff, 0xff]) && bytes[12] == 127
        }
        return false
    }

    /// The mode planboard connects with: the one asked for, except that `prefer` to a host
    /// other than this machine is `require`, so a password or the plan never crosses a
    /// network in clear unless the address says `sslmode=disable`.
    public var effectiveSSLMode: SSLMode {
        sslMode == .prefer && !isLocalHost ? .require : sslMode
    }

    /// True when planboard refuses to connect without encryption.
    public var mustEncrypt: Bool { effectiveSSLMode != .disable && effectiveSSLMode != .prefer }

    /// Why a connection to a server that offers no encryption was refused, and what to do.
    public var noEncryptionMessage: String {
        let asked = sslMode == .prefer
            ? "planboard never sends a password or the plan in clear to a server other than this machine unless the address says sslmode=disable (this one has sslmode=prefer, or none, which means prefer)"
            : "the URL has sslmode=\(sslMode.rawValue)"
        return "the server at \(server) does not offer encryption, and \(asked); nothing was sent. Turn on ssl in the server (ssl = on, with a certificate), or, only on a network you trust, write sslmode=disable in the --db URL"
    }

    /// The server as messages name it: `host:port`.
    public var server: String { "\(host):\(port)" }

    /// The address without any password: safe to print.
    public var description: String {
        var parts = URLComponents()
        parts.scheme = "postgres"
        parts.user = user
        if host.contains(":") {
            parts.percentEncodedHost = "[\(host)]"
        } else {
            parts.host = host
        }
        parts.port = port
        parts.path = "/" + database
        parts.queryItems = [URLQueryItem(name: "sslmode", value: sslMode.rawValue)]
            + (sslRootCert.map { [URLQueryItem(name: "sslrootcert", value: $0)] } ?? [])
        return parts.string ?? "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// The password for this address: `PGPASSWORD`, else the first matching line of the
    /// password file (`PGPASSFILE`, else `~/.pgpass`), else none.
    public func password(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let file = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".pgpass")
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.pgpassFields(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// Splits a password-file line on unescaped colons (`\:` and `\\` are escapes).
    static func pgpassFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}

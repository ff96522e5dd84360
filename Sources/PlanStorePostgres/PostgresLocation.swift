import Foundation
import PlanStore

/// A shared plan's address: `postgres://USER@HOST:PORT/DB?sslmode=disable|prefer|require`.
///
/// The password is never part of it: it comes from `PGPASSWORD` or the password file
/// (`$PGPASSFILE`, else `~/.pgpass`), as with psql, and never appears in output, logs or
/// errors. `description` is the address without it, safe to show.
public struct PostgresLocation: Equatable, Sendable, CustomStringConvertible {
    public enum SSLMode: String, Sendable, CaseIterable {
        /// No encryption.
        case disable
        /// Encrypt when the server offers it (the certificate is not checked, as libpq's `prefer`).
        case prefer
        /// Encrypt or refuse to connect (the certificate is not checked, as libpq's `require`).
        case require
        /// Encrypt and check the server's certificate and name against the system's trust store.
        case verifyFull = "verify-full"
    }

    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode

    /// True when `text` names a PostgreSQL plan rather than a file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(user: String, host: String, port: Int = 5432, database: String, sslMode: SSLMode = .prefer) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
    }

    /// Reads a `postgres://` URL. Errors never repeat a password that was put in it.
    public init(url text: String) throws {
        let example = "postgres://USER@HOST:PORT/DB?sslmode=disable|prefer|require"
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
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let parsed = SSLMode(rawValue: value) else {
                    throw StoreError(.notFound, "the --db URL has sslmode=\(item.value ?? ""); expected one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                mode = parsed
            default:
                throw StoreError(.notFound, "the --db URL has the setting \"\(item.name)\", which planboard does not know; expected only sslmode")
            }
        }
        self.init(user: user.removingPercentEncoding ?? user, host: host, port: components.port ?? 5432,
                  database: database.removingPercentEncoding ?? database, sslMode: mode)
    }

    /// The address without any password: safe to print.
    public var description: String {
        var parts = URLComponents()
        parts.scheme = "postgres"
        parts.user = user
        parts.host = host
        parts.port = port
        parts.path = "/" + database
        parts.queryItems = [URLQueryItem(name: "sslmode", value: sslMode.rawValue)]
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

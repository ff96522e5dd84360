import Foundation

/// A throwaway certificate authority for tests, made with the `openssl` command in a
/// temporary folder (`scripts/setup` installs it), and the server certificates it signs.
///
/// Keys are EC P-256 (quick to make) and last two days. The folder and every file in it are
/// given to the PostgreSQL server's account (see `PostgresCluster.giveToServer`), keys with
/// mode 0600, since the server refuses a key others may read.
public final class TestCertificates: @unchecked Sendable {
    public let folder: URL
    /// The CA's certificate (PEM): what a client names in `sslrootcert`.
    public let caCertificate: URL
    private let caKey: URL

    /// Why a certificate could not be made, with what openssl said.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A server's certificate and key, signed by this CA.
    public struct ServerCertificate: Sendable {
        public var certificate: URL
        public var key: URL

        /// The server settings that turn TLS on with this certificate.
        public var serverSettings: [String: String] {
            ["ssl": "on", "ssl_cert_file": certificate.path, "ssl_key_file": key.path]
        }
    }

    /// Makes a new CA called `name` in a new folder (under /tmp, which the server's account can reach).
    public init(name: String = "planboard test CA") throws {
        let base = getuid() == 0 ? "/tmp" : NSTemporaryDirectory()
        folder = URL(fileURLWithPath: base).appendingPathComponent("planboard-tls-\(UUID().uuidString.prefix(13))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try PostgresCluster.giveToServer(folder.path)
        caCertificate = folder.appendingPathComponent("ca.crt")
        caKey = folder.appendingPathComponent("ca.key")
        let config = folder.appendingPathComponent("ca.cnf")
        try """
            [req]
            distinguished_name = dn
            prompt = no
            x509_extensions = ca_ext
            [dn]
            CN = \(name)
            [ca_ext]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = hash
            """.write(to: config, atomically: true, encoding: .utf8)
        try Self.openssl(["req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                          "-keyout", caKey.path, "-out", caCertificate.path, "-days", "2", "-config", config.path])
        try giveAway(caCertificate, key: false)
    }

    deinit { remove() }

    /// Removes the folder with every key and certificate in it. Safe to call more than once.
    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A server certificate for `commonName`, valid for `dnsNames` and `ipAddresses` (its
    /// subject alternative names), signed by this CA.
    public func serverCertificate(commonName: String = "localhost", dnsNames: [String] = ["localhost"],
                                  ipAddresses: [String] = ["127.0.0.1"]) throws -> ServerCertificate {
        let stem = "server-\(UUID().uuidString.prefix(8))"
        let key = folder.appendingPathComponent("\(stem).key")
        let request = folder.appendingPathComponent("\(stem).csr")
        let certificate = folder.appendingPathComponent("\(stem).crt")
        let extensions = folder.appendingPathComponent("\(stem).cnf")
        let alternatives = (dnsNames.map { "DNS:\($0)" } + ipAddresses.map { "IP:\($0)" }).joined(separator: ", ")
        try """
            [server_ext]
            basicConstraints = CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth
            subjectKeyIdentifier = hash
            authorityKeyIdentifier = keyid
            \(alternatives.isEmpty ? "" : "subjectAltName = \(alternatives)")
            """.write(to: extensions, atomically: true, encoding: .utf8)
        try Self.openssl(["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                          "-keyout", key.path, "-out", request.path, "-subj", "/CN=\(commonName)"])
        try Self.openssl(["x509", "-req", "-in", request.path, "-CA", caCertificate.path, "-CAkey", caKey.path,
                          "-set_serial", "\(UInt32.random(in: 1...UInt32.max))", "-days", "2", "-out", certificate.path,
                          "-extfile", extensions.path, "-extensions", "server_ext"])
        try giveAway(certificate, key: false)
        try giveAway(key, key: true)
        return ServerCertificate(certificate: certificate, key: key)
    }

    /// Gives a file to the server's account: a key readable by it alone.
    private func giveAway(_ file: URL, key: Bool) throws {
        try FileManager.default.setAttributes([.posixPermissions: key ? 0o600 : 0o644], ofItemAtPath: file.path)
        try PostgresCluster.giveToServer(file.path)
    }

    private static func openssl(_ arguments: [String]) throws {
        guard let program = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure(description: "openssl is not installed: found none in /usr/bin or /usr/local/bin; expected the Debian package openssl (scripts/setup installs it)")
        }
        let result = try PostgresCluster.capture(program, arguments, environment: [:])
        guard result.status == 0 else {
            throw Failure(description: "openssl \(arguments.prefix(2).joined(separator: " ")) exited \(result.status): \(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}

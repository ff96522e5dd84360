import Foundation
import PlanModel
import PlanStore
@testable import PlanStorePostgres
import PostgresNIO
import TestSupport
import XCTest

/// Encryption to a shared plan's server: certificates checked against a CA file and the
/// host's name, and a password or the plan never sent in clear to a server other than this
/// machine unless the address says `sslmode=disable`.
///
/// A throwaway CA signs a certificate for `localhost` and 127.0.0.1, and a cluster of its own
/// serves it (`ssl = on`); the shared test cluster, without TLS, stands for a server that
/// offers no encryption.
final class PostgresTLSTests: XCTestCase {
    nonisolated(unsafe) static var ca: TestCertificates?
    nonisolated(unsafe) static var server: PostgresCluster?
    nonisolated(unsafe) static var database = ""
    nonisolated(unsafe) static var failure: Error?

    override class func setUp() {
        super.setUp()
        do {
            let ca = try TestCertificates()
            let cluster = try PostgresCluster(settings: try ca.serverCertificate().serverSettings)
            database = try cluster.createDatabase()
            let owner = try PostgresLocation(url: cluster.url(database: database))
            let env = PostgresTestServer.environment(cluster)
            try PostgresAdmin.initialise(owner, environment: env)
            try PostgresAdmin.create(owner, plan: try Samples.plan(SamplePlans.devon), summary: "created from a plan", environment: env)
            (self.ca, server) = (ca, cluster)
        } catch {
            failure = error
        }
    }

    override class func tearDown() {
        // Test cases outlive this (XCTest keeps them), so the folders go now, not at deinit.
        server?.destroy()
        ca?.remove()
        (server, ca) = (nil, nil)
        super.tearDown()
    }

    var cluster: PostgresCluster!
    var ca: TestCertificates!

    override func setUpWithError() throws {
        if let failure = Self.failure { throw failure }
        cluster = try XCTUnwrap(Self.server, "no PostgreSQL cluster with TLS could be started; run scripts/setup")
        ca = try XCTUnwrap(Self.ca)
    }

    /// An address on the TLS cluster, as the superuser (the password comes from PGPASSWORD).
    func url(host: String = "localhost", _ settings: String, on cluster: PostgresCluster? = nil, database: String? = nil) -> String {
        let cluster = cluster ?? self.cluster!
        let host = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(cluster.superuser)@\(host):\(cluster.port)/\(database ?? Self.database)\(settings.isEmpty ? "" : "?" + settings)"
    }

    func open(_ url: String, cluster: PostgresCluster? = nil) throws -> PostgresPlanStore {
        try PostgresPlanStore.open(try PostgresLocation(url: url), environment: PostgresTestServer.environment(cluster ?? self.cluster))
    }

    /// The refusal opening `url` meets, or nil when it opens.
    func refusal(_ url: String, cluster: PostgresCluster? = nil) -> StoreError? {
        do {
            let store = try open(url, cluster: cluster)
            store.close()
            return nil
        } catch {
            return error as? StoreError ?? StoreError(.io, "not a StoreError: \(error)")
        }
    }

    /// Whether the store's own connection is encrypted, as the server sees it.
    func isEncrypted(_ store: PostgresPlanStore) throws -> Bool {
        let row = try store.session.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first
        return try XCTUnwrap(row).decode(Bool.self)
    }

    // MARK: Checking the certificate

    func testVerifyFullWithTheRightCAConnectsEncryptedAndReadsThePlan() throws {
        for host in ["localhost", "127.0.0.1"] {
            let store = try open(url(host: host, "sslmode=verify-full&sslrootcert=\(ca.caCertificate.path)"))
            defer { store.close() }
            XCTAssertEqual(try store.load().header.localArea, "Devon Local Area", host)
            XCTAssertTrue(try isEncrypted(store), "verify-full to \(host) is encrypted")
        }
        let checked = try open(url(host: "127.0.0.1", "sslmode=verify-ca&sslrootcert=\(ca.caCertificate.path)"))
        defer { checked.close() }
        XCTAssertTrue(try isEncrypted(checked))
    }

    func testVerifyFullWithAnotherCAIsRefusedAndSaysWhichCA() throws {
        let other = try TestCertificates(name: "another CA")
        defer { other.remove() }
        for mode in ["verify-full", "verify-ca"] {
            let refused = refusal(url("sslmode=\(mode)&sslrootcert=\(other.caCertificate.path)"))
            XCTAssertEqual(refused?.kind, .refused, refused?.message ?? "it opened")
            let message = refused?.message ?? ""
            XCTAssertTrue(message.contains("the server at localhost:\(cluster.port) has a certificate that does not check out against the CA in \(other.caCertificate.path): not signed by it"), message)
            XCTAssertTrue(message.contains("nothing was sent"), message)
            XCTAssertFalse(message.contains(cluster.password))
        }
        // Without sslrootcert, the system's CAs, which never signed a test CA's certificate.
        let system = refusal(url("sslmode=verify-full"))
        XCTAssertTrue(system?.message.contains("does not check out against the system's trusted CAs") ?? false, system?.message ?? "it opened")
        XCTAssertTrue(system?.message.contains("sslrootcert=/path/to/ca.crt") ?? false, system?.message ?? "")
    }

    func testVerifyFullRefusesACertificateForAnotherNameAndVerifyCADoesNotCheckTheName() throws {
        // A server whose certificate names only `localhost`: reached as 127.0.0.1 it is not the
        // server the certificate is for.
        let onlyLocalhost = try PostgresCluster(settings: try ca.serverCertificate(dnsNames: ["localhost"], ipAddresses: []).serverSettings)
        defer { onlyLocalhost.destroy() }
        let database = try onlyLocalhost.createDatabase()
        let owner = try PostgresLocation(url: onlyLocalhost.url(database: database))
        let env = PostgresTestServer.environment(onlyLocalhost)
        try PostgresAdmin.initialise(owner, environment: env)
        try PostgresAdmin.create(owner, plan: try Samples.plan(SamplePlans.devon), summary: "created", environment: env)
        let root = "sslrootcert=\(ca.caCertificate.path)"

        let refused = refusal(url(host: "127.0.0.1", "sslmode=verify-full&\(root)", on: onlyLocalhost, database: database), cluster: onlyLocalhost)
        XCTAssertEqual(refused?.kind, .refused, refused?.message ?? "it opened")
        XCTAssertTrue(refused?.message.contains("has a certificate that is not for 127.0.0.1 (sslmode=verify-full checks the name); nothing was sent") ?? false,
                      refused?.message ?? "it opened")
        if let alias = Self.aliasForThisMachine() {
            let byAlias = refusal(url(host: alias, "sslmode=verify-full&\(root)", on: onlyLocalhost, database: database), cluster: onlyLocalhost)
            XCTAssertTrue(byAlias?.message.contains("not for \(alias)") ?? false, byAlias?.message ?? "\(alias) opened")
        }
        XCTAssertNil(refusal(url(host: "localhost", "sslmode=verify-full&\(root)", on: onlyLocalhost, database: database), cluster: onlyLocalhost),
                     "the name on the certificate is accepted")
        XCTAssertNil(refusal(url(host: "127.0.0.1", "sslmode=verify-ca&\(root)", on: onlyLocalhost, database: database), cluster: onlyLocalhost),
                     "verify-ca checks the CA, not the name")
    }

    func testAMissingOrWrongCAFileIsNamedBeforeAnythingIsSent() throws {
        let folder = try TempFolder("tls")
        let missing = folder.path("no-such-ca.crt")
        let notFound = refusal(url("sslmode=verify-full&sslrootcert=\(missing)"))
        XCTAssertEqual(notFound?.kind, .notFound)
        XCTAssertEqual(notFound?.message, "the CA file \(missing) (sslrootcert in the --db URL) does not exist; expected the CA certificate, in PEM form (-----BEGIN CERTIFICATE-----), that signed the server's certificate")

        let garbage = folder.path("ca.crt")
        try "not a certificate\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        let unreadable = refusal(url("sslmode=verify-full&sslrootcert=\(garbage)"))
        XCTAssertTrue(unreadable?.message.contains("the CA file \(garbage) (sslrootcert in the --db URL) holds no certificate in PEM form") ?? false,
                      unreadable?.message ?? "it opened")
        let aFolder = refusal(url("sslmode=verify-full&sslrootcert=\(folder.url.path)"))
        XCTAssertTrue(aFolder?.message.contains("is a folder") ?? false, aFolder?.message ?? "it opened")
    }

    // MARK: Encrypting without checking

    func testRequireAndPreferAreEncryptedAndDisableIsNot() throws {
        for settings in ["sslmode=require", "sslmode=prefer", ""] {
            let store = try open(url(host: "127.0.0.1", settings))
            defer { store.close() }
            XCTAssertTrue(try isEncrypted(store), "\(settings.isEmpty ? "no sslmode" : settings): the server offers TLS, so it is used")
        }
        let clear = try open(url(host: "127.0.0.1", "sslmode=disable"))
        defer { clear.close() }
        XCTAssertFalse(try isEncrypted(clear), "sslmode=disable, written out, is in clear")
    }

    // MARK: Never in clear to another machine

    func testPreferToAnotherMachineActsAsRequireAndDisableMustBeWrittenOut() throws {
        for address in ["postgres://sam@db.example.org/plan", "postgres://sam@db.example.org/plan?sslmode=prefer",
                        "postgres://sam@10.0.0.5/plan", "postgres://sam@192.168.1.20:5433/plan?sslmode=prefer",
                        "postgres://sam@[2001:db8::1]/plan", "postgres://sam@localhost.example.org/plan",
                        "postgres://sam@127.0.0.1.example.org/plan", "postgres://sam@vm/plan"] {
            let location = try PostgresLocation(url: address)
            XCTAssertEqual(location.effectiveSSLMode, .require, address)
            XCTAssertTrue(location.mustEncrypt, address)
            XCTAssertFalse(location.isLocalHost, address)
        }
        for address in ["postgres://sam@localhost/plan", "postgres://sam@LOCALHOST./plan", "postgres://sam@127.0.0.1/plan",
                        "postgres://sam@127.10.20.30/plan?sslmode=prefer", "postgres://sam@[::1]/plan", "postgres://sam@[::ffff:127.0.0.1]/plan"] {
            let location = try PostgresLocation(url: address)
            XCTAssertTrue(location.isLocalHost, address)
            XCTAssertEqual(location.effectiveSSLMode, .prefer, "\(address): this machine keeps prefer")
            XCTAssertFalse(location.mustEncrypt, address)
        }
        let disabled = try PostgresLocation(url: "postgres://sam@db.example.org/plan?sslmode=disable")
        XCTAssertEqual(disabled.effectiveSSLMode, .disable, "sslmode=disable written out is honoured")
        for mode in ["require", "verify-ca", "verify-full"] {
            XCTAssertEqual(try PostgresLocation(url: "postgres://sam@localhost/plan?sslmode=\(mode)").effectiveSSLMode.rawValue, mode)
        }
    }

    func testANonLocalHostWithoutTLSIsRefusedAndNeverFallsBackToClear() throws {
        // The shared test cluster offers no encryption.
        let (plain, database) = try PostgresTestServer.newPlan(try Samples.plan(SamplePlans.devon))
        XCTAssertNil(refusal(url(host: "127.0.0.1", "", on: plain, database: database), cluster: plain), "this machine, no sslmode: prefer, in clear")
        guard let alias = Self.aliasForThisMachine() else {
            throw XCTSkip("/etc/hosts names no other host for 127.0.0.1; the decision itself is checked in testPreferToAnotherMachineActsAsRequireAndDisableMustBeWrittenOut")
        }
        for settings in ["", "sslmode=prefer", "sslmode=require"] {
            let refused = refusal(url(host: alias, settings, on: plain, database: database), cluster: plain)
            XCTAssertEqual(refused?.kind, .refused, "\(alias) \(settings): \(refused?.message ?? "it opened, in clear")")
            let message = refused?.message ?? ""
            XCTAssertTrue(message.contains("the server at \(alias):\(plain.port) does not offer encryption"), message)
            XCTAssertTrue(message.contains("nothing was sent"), message)
            XCTAssertTrue(message.contains("Turn on ssl in the server"), message)
            XCTAssertTrue(message.contains("only on a network you trust, write sslmode=disable"), message)
            if settings != "sslmode=require" {
                XCTAssertTrue(message.contains("never sends a password or the plan in clear to a server other than this machine"), message)
            }
        }
        let store = try open(url(host: alias, "sslmode=disable", on: plain, database: database), cluster: plain)
        defer { store.close() }
        XCTAssertFalse(try isEncrypted(store), "sslmode=disable written out connects in clear")

        // The same alias to the TLS server, with no sslmode, is encrypted (require: the name is not checked).
        let encrypted = try open(url(host: alias, ""))
        defer { encrypted.close() }
        XCTAssertTrue(try isEncrypted(encrypted))
    }

    // MARK: Addresses

    func testTheAddressKeepsItsCAFileAndRefusesOneThatWouldNotBeChecked() throws {
        let location = try PostgresLocation(url: "postgres://jackie@db.example.org:6543/devon_app?sslmode=verify-full&sslrootcert=/etc/planboard/ca.crt")
        XCTAssertEqual(location, PostgresLocation(user: "jackie", host: "db.example.org", port: 6543, database: "devon_app",
                                                  sslMode: .verifyFull, sslRootCert: "/etc/planboard/ca.crt"))
        XCTAssertEqual(location.description, "postgres://jackie@db.example.org:6543/devon_app?sslmode=verify-full&sslrootcert=/etc/planboard/ca.crt")
        XCTAssertEqual(try PostgresLocation(url: location.description), location, "the description reads back as the same address")
        XCTAssertEqual(try PostgresLocation(url: "postgres://jackie@db.example.org/devon_app").description,
                       "postgres://jackie@db.example.org:5432/devon_app?sslmode=prefer", "the description is as before")
        XCTAssertEqual(try PostgresLocation(url: "postgres://jackie@[::1]:5433/devon_app").description,
                       "postgres://jackie@[::1]:5433/devon_app?sslmode=prefer")
        XCTAssertEqual(try PostgresLocation(url: "POSTGRESQL://jackie@db/devon_app").host, "db", "the scheme in any case")

        for mode in ["", "sslmode=prefer&", "sslmode=require&", "sslmode=disable&"] {
            XCTAssertThrowsError(try PostgresLocation(url: "postgres://jackie@db/plan?\(mode)sslrootcert=/etc/ca.crt")) { error in
                let message = (error as? StoreError)?.message ?? ""
                XCTAssertTrue(message.contains("sslrootcert=/etc/ca.crt with sslmode=") && message.contains("expected sslmode=verify-full (or verify-ca) with sslrootcert"), message)
            }
        }
        XCTAssertThrowsError(try PostgresLocation(url: "postgres://jackie@db/plan?sslmode=verify-full&sslrootcert=")) { error in
            XCTAssertTrue((error as? StoreError)?.message.contains("sslrootcert with no file") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try PostgresLocation(url: "postgres://jackie@db/plan?sslcert=me.crt")) { error in
            XCTAssertTrue((error as? StoreError)?.message.contains("expected only sslmode and sslrootcert") ?? false, "\(error)")
        }
    }

    /// A name in /etc/hosts for 127.0.0.1 other than `localhost` (the machine's own name, say):
    /// this machine, but not by a name planboard counts as local.
    static func aliasForThisMachine() -> String? {
        guard let hosts = try? String(contentsOfFile: "/etc/hosts", encoding: .utf8) else { return nil }
        for line in hosts.split(whereSeparator: \.isNewline) {
            let fields = line.prefix { $0 != "#" }.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.first == "127.0.0.1" else { continue }
            if let name = fields.dropFirst().first(where: { !PostgresLocation.isLocal($0) }) { return name }
        }
        return nil
    }
}

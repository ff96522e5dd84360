import Foundation
import PlanStoreContract
import PostgresNIO

/// Notice of changes committed by anyone, through PostgreSQL's `LISTEN`/`NOTIFY`: each
/// committed edit sends `NOTIFY planboard, '<log position>'`, and this calls back with it.
///
/// It has its own connection, so it never waits behind the store's queries, made on another
/// thread so the dashboard's first frame never waits for it. Once it listens it calls back
/// with the log position as it stands, so nothing committed before it listened is missed.
/// When the server goes away it says so (`trouble`), connects again (every half second) and
/// then calls back with the log position as it stands, so nothing committed meanwhile is missed.
final class ChangeFeed: ChangeFollowing, @unchecked Sendable {
    private let location: PostgresLocation
    private let password: String?
    private let onChange: @Sendable (Int64) -> Void
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var stopped = false
    private var lostAt: String?
    private let logger: Logger

    init(location: PostgresLocation, password: String?, onChange: @escaping @Sendable (Int64) -> Void) throws {
        self.location = location
        self.password = password
        self.onChange = onChange
        var logger = Logger(label: "planboard.postgres.feed")
        logger.logLevel = .critical
        self.logger = logger
        DispatchQueue.global().async { [weak self] in self?.connect() }
    }

    deinit { stop() }

    var trouble: String? { lock.withLock { lostAt } }

    /// Whether it is listening now (it starts on another thread).
    var isListening: Bool { lock.withLock { connection.map { !$0.isClosed } ?? false } }

    func stop() {
        let connection: PostgresConnection? = lock.withLock {
            stopped = true
            defer { self.connection = nil }
            return self.connection
        }
        if let connection { Self.close(connection) }
    }

    /// Closes a connection, keeping it alive until the close has finished: postgres-nio
    /// traps (in debug builds) when a connection is let go before it is closed, and
    /// dropping the last reference while the close is under way does just that.
    static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    private func listen() throws {
        let session = PostgresSession(location: location, password: password)
        let configuration = try session.configuration()
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                                                        id: 2, logger: logger).wait()
        } catch {
            throw session.translate(error, connecting: true)
        }
        let onChange = self.onChange
        // On the connection's own thread, and only while it is open: a listener added to a
        // connection that has just closed would be dropped unanswered, which postgres-nio
        // treats as a programming error and stops the process for.
        let added: Bool
        do {
            added = try connection.eventLoop.submit { () -> Bool in
                guard !connection.isClosed else { return false }
                connection.addListener(channel: PostgresPlanStore.channel) { _, notification in
                    if let seq = Int64(notification.payload) { onChange(seq) }
                }
                return true
            }.wait()
        } catch {
            added = false
        }
        guard added else {
            Self.close(connection)
            throw StoreError(.io, "\(PostgresSession.lostMarker) the PostgreSQL server at \(location.server) as the feed began listening")
        }
        do {
            _ = try connection.query("LISTEN planboard", logger: logger).wait()
        } catch {
            Self.close(connection)
            throw session.translate(error, connecting: false)
        }
        let keep = lock.withLock { () -> Bool in
            guard !stopped else { return false }
            self.connection = connection
            return true
        }
        guard keep else {
            Self.close(connection)
            return
        }
        connection.closeFuture.whenComplete { [weak self] _ in self?.lost() }
    }

    /// What the feed says while it cannot reach the server.
    private var notAnswering: String {
        "the PostgreSQL server at \(location.server) is not answering; changes are NOT saved until it is back (planboard keeps trying)"
    }

    /// The connection closed under the feed: say so, and try again.
    private func lost() {
        lock.withLock {
            if !stopped { lostAt = notAnswering }
        }
        reconnectLater()
    }

    private func reconnectLater() {
        guard !lock.withLock({ stopped }) else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { [weak self] in self?.connect() }
    }

    /// Listens, then tells the log position as it stands: whatever was committed before.
    private func connect() {
        guard !lock.withLock({ stopped }) else { return }
        do {
            try listen()
            guard let connection = lock.withLock({ self.connection }) else { return }
            let rows = try connection.query("SELECT version FROM planboard.plan WHERE id = 1", logger: logger).wait()
            var iterator = rows.makeIterator()
            if let row = iterator.next() {
                lock.withLock { lostAt = nil }
                onChange(try row.decode(Int64.self))
            }
        } catch {
            lock.withLock {
                if !stopped, lostAt == nil { lostAt = notAnswering }
            }
            reconnectLater()
        }
    }
}

extension PostgresPlanStore {
    /// Calls `onChange` with the new log position whenever anyone commits a change.
    public func follow(_ onChange: @escaping @Sendable (Int64) -> Void) throws -> (any ChangeFollowing)? {
        try ChangeFeed(location: location, password: session.password, onChange: onChange)
    }
}

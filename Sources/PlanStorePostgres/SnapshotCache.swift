import Crypto
import Foundation
import PlanModel
import PlanStoreContract

/// What a command remembers of a shared plan from its last change, so the next change made
/// soon after costs one call to the server instead of a read and a write.
///
/// A project lead updating their actions runs `planboard set` several times in a row; each
/// run is a new process. The plan as the last change left it (each part with its revision)
/// is kept in the person's cache folder, readable by them alone, for `maxAge`. A change
/// worked out on it is sent with the revisions it holds, so the server refuses it when any
/// part it touches moved meanwhile, and the store then reads what changed and works it out
/// again, exactly as when a change is overtaken between a read and a write. The call also
/// names the database it was read from (`PostgresPlanStore.identity`): a plan dropped and
/// made again under the same name, or upgraded, is never written from the old one's parts.
///
/// A cache entry is used once: it is removed when a command works a change out on it, and
/// written again only after a change is saved, so a command refused because the cache was
/// behind (a lead added elsewhere a minute ago) works when run again. Any other read asks
/// the server.
public struct SnapshotCache: Sendable {
    public let folder: URL
    /// How long a remembered plan is used.
    public var maxAge: TimeInterval = 15 * 60

    public init(folder: URL) {
        self.folder = folder
    }

    /// `$XDG_CACHE_HOME/planboard/shared`, else `~/.cache/planboard/shared`; nil when
    /// neither can be named.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> SnapshotCache? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return SnapshotCache(folder: URL(fileURLWithPath: xdg).appendingPathComponent("planboard/shared"))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return SnapshotCache(folder: URL(fileURLWithPath: home).appendingPathComponent(".cache/planboard/shared"))
        }
        return nil
    }

    /// One remembered plan.
    struct Entry: Codable {
        var server: String
        var database: String
        var user: String
        var role: String
        /// The database it was read from, as the server named it.
        var identity: String
        var version: Int64
        var saved: Date
        var parts: [Part]

        struct Part: Codable {
            var kind: String
            var key: String
            var parent: String?
            var position: Int
            var body: String
            var rev: Int64
        }
    }

    /// The file for one login on one database: named by a digest, so no address or name
    /// appears in the folder's listing.
    func file(server: String, database: String, user: String) -> URL {
        let digest = SHA256.hash(data: Data("\(server)\n\(database)\n\(user)".utf8))
        return folder.appendingPathComponent(digest.map { String(format: "%02x", $0) }.joined() + ".json")
    }

    /// The entry for this login: nil when there is none, it is older than `maxAge`, it is
    /// for another place, or the file or its folder could be written by anyone but this user
    /// (then it is not trusted).
    func entry(server: String, database: String, user: String, now: Date = Date()) -> Entry? {
        let url = file(server: server, database: database, user: user)
        guard Self.isPrivate(folder.path), Self.isPrivate(url.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path), let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.server == server, entry.database == database, entry.user == user,
              now.timeIntervalSince(entry.saved) < maxAge, entry.saved <= now.addingTimeInterval(60) else { return nil }
        return entry
    }

    /// Keeps `entry`, readable and writable by this user alone. A cache that cannot be
    /// written (a full disk, a read-only home) only costs the next command a read.
    func keep(_ entry: Entry) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard Self.isPrivate(folder.path) else { return }
            let url = file(server: entry.server, database: entry.database, user: entry.user)
            let temporary = folder.appendingPathComponent(".\(UUID().uuidString).tmp")
            let data = try JSONEncoder().encode(entry)
            guard manager.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
            if rename(temporary.path, url.path) != 0 { try? manager.removeItem(at: temporary) }
        } catch {
            return
        }
    }

    /// Removes what is remembered for this login.
    func forget(server: String, database: String, user: String) {
        try? FileManager.default.removeItem(at: file(server: server, database: database, user: user))
    }

    /// Owned by this user, not a link, and closed to everyone else.
    static func isPrivate(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFDIR || kind == S_IFREG else { return false }
        return info.st_uid == geteuid() && info.st_mode & 0o077 == 0
    }
}

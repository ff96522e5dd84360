import BoardCore
import Foundation

/// Where the dashboard was left on each plan, so it opens there again: one JSON file in
/// `$XDG_STATE_HOME/planboard` (`~/.local/state/planboard`), readable by its owner alone.
/// Only places are kept (a view, an action's reference), never plan text. Losing it costs
/// only the place: a file that cannot be read or written is passed over.
enum Places {
    static var path: String {
        let env = ProcessInfo.processInfo.environment
        let state = env["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/state")
        return ((state as NSString).appendingPathComponent("planboard") as NSString).appendingPathComponent("places.json")
    }

    /// At most this many plans are remembered, the most recent kept.
    static let limit = 50

    struct Entry: Codable {
        var plan: String
        var place: BoardPlace
    }

    static func load(for plan: String) -> BoardPlace? {
        entries().last { $0.plan == plan }?.place
    }

    static func save(_ place: BoardPlace, for plan: String) {
        var list = entries().filter { $0.plan != plan }
        list.append(Entry(plan: plan, place: place))
        if list.count > limit { list.removeFirst(list.count - limit) }
        guard let data = try? JSONEncoder().encode(list) else { return }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = folder + "/.places-\(UUID().uuidString).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
    }

    private static func entries() -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return (try? JSONDecoder().decode([Entry].self, from: data)) ?? []
    }
}

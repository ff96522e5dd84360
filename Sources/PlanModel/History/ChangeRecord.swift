import Foundation

/// One line of the change log: who changed what, when, and how to undo it.
public struct ChangeRecord: Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// A change someone made.
        case edit
        /// The undoing of an earlier change (`target`).
        case undo
        /// The redoing of an undone change (`target`).
        case redo
        /// The whole plan was replaced from a file.
        case `import`
    }

    public var seq: Int64
    public var at: Date
    public var user: String
    public var kind: Kind
    /// For undo and redo, the change they act on.
    public var target: Int64?
    public var summary: String
    public var edit: Edit?
    public var inverse: Edit?

    public init(seq: Int64, at: Date, user: String, kind: Kind, target: Int64?, summary: String, edit: Edit?, inverse: Edit?) {
        self.seq = seq
        self.at = at
        self.user = user
        self.kind = kind
        self.target = target
        self.summary = summary
        self.edit = edit
        self.inverse = inverse
    }
}

/// A plan, its whole change log, and the log position both stand at: what a dashboard holds
/// when the whole plan has been read, and after catching up with changes made elsewhere.
public struct LoggedPlan: Sendable {
    public var plan: Plan
    public var log: [ChangeRecord]
    public var version: Int64

    public init(plan: Plan, log: [ChangeRecord], version: Int64) {
        self.plan = plan
        self.log = log
        self.version = version
    }
}

extension Array where Element == ChangeRecord {
    /// The changes made since a checkpoint was recorded: after the log line that recorded
    /// it, or, for a checkpoint that came in a file, from the start of its date (UTC).
    public func since(_ checkpoint: Checkpoint) -> [ChangeRecord] {
        if let recorded = last(where: { record in
            if case let .addCheckpoint(c, _) = record.edit, c.name == checkpoint.name, record.kind != .undo { return true }
            return false
        }) {
            return filter { $0.seq > recorded.seq }
        }
        // The start of the checkpoint's day in UTC, by arithmetic: no calendar to load.
        let start = Date(timeIntervalSince1970: Double(checkpoint.date.dayNumber) * 86_400)
        return filter { $0.at >= start }
    }
}

import Foundation
import PlanModel

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
}

/// Timestamps in the log: UTC with milliseconds, so they sort as text.
enum LogTime {
    static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func date(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}

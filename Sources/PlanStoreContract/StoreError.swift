import PlanModel
/// Why the store could not open a plan or make a change, in words a board secretary can
/// act on: which file, what was found, what was expected. The file is left as it was.
public struct StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case notFound, notAPlan, newerVersion, corrupt, readOnly, locked, refused, io
        /// The plan no longer holds what the edit's author saw; nothing was written.
        case conflict
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

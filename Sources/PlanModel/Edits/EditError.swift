/// Why an edit could not be applied. The plan is left as it was.
public struct EditError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

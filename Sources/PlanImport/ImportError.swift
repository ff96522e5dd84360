/// Why a file could not be imported at all. Nothing was changed.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, as the person named it.
    public var file: String
    public var message: String

    public init(file: String, _ message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file) \(message)" }
}

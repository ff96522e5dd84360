/// One thing wrong with a plan or a file, and where: `areas[2].actions[4].byWhen`.
public struct Problem: Equatable, Sendable, CustomStringConvertible {
    /// Where in the plan, as a path of keys and indexes.
    public var path: String
    /// What was found and what was expected.
    public var message: String
    /// Line and column in the file, when the problem was found while reading one.
    public var line: Int?
    public var column: Int?

    public init(path: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String {
        var place = path.isEmpty ? "(top level)" : path
        if let line, let column { place += " (line \(line), column \(column))" }
        return "\(place): \(message)"
    }
}

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
        let position = line.flatMap { line in column.map { "line \(line), column \($0)" } }
        switch (path.isEmpty, position) {
        case (true, let position?): return "\(position): \(message)"
        case (true, nil): return "\(message)"
        case (false, let position?): return "\(path) (\(position)): \(message)"
        case (false, nil): return "\(path): \(message)"
        }
    }
}

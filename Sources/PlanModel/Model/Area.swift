/// An area of weakness the inspectors found, with their findings and the plan's actions.
public struct Area: Codable, Equatable, Sendable {
    public var number: Int
    /// A short title for lists and grids.
    public var title: String
    /// The weakness exactly as the plan words it.
    public var weakness: String
    /// The line introducing the findings, e.g. "From the updated draft report June ’22:".
    public var findingsSource: String
    public var findings: [Finding]
    public var actions: [Action]

    public init(number: Int, title: String, weakness: String, findingsSource: String = "",
                findings: [Finding] = [], actions: [Action] = []) {
        self.number = number
        self.title = title
        self.weakness = weakness
        self.findingsSource = findingsSource
        self.findings = findings
        self.actions = actions
    }
}

/// One lettered finding from the inspectors' report.
public struct Finding: Codable, Equatable, Sendable {
    public var letter: String
    public var text: String

    public init(letter: String, text: String) {
        self.letter = letter
        self.text = text
    }
}

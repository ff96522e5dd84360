/// What a person may do on a shared plan, as the server that enforces it says. BoardCore
/// gets it as data from the program; nil in `BoardState.role` means no role is enforced
/// (a SQLite file, where roles are advisory and anyone who can write the file may change
/// anything).
public enum PlanRole: String, Sendable, Comparable, CaseIterable {
    /// A board member: reads everything, changes nothing.
    case viewer
    /// A project lead: actions, notes, KPIs and risks.
    case editor
    /// Also meetings, checkpoints, areas and findings, the header and governance, people.
    case chair

    public static func < (a: PlanRole, b: PlanRole) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// "a viewer", "an editor", "a chair".
    public var withArticle: String { self == .editor ? "an editor" : "a \(rawValue)" }
}

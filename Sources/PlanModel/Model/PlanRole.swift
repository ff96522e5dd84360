/// What a person may do with a plan: enforced by the server on a shared PostgreSQL plan,
/// advisory in a SQLite file (anyone who can write the file may change anything). The stores
/// keep it; the dashboard gets it as data (nil in `BoardState.role`: no role is enforced).
public enum PlanRole: String, Sendable, Comparable, CaseIterable {
    /// A board member: reads everything, changes nothing.
    case viewer
    /// A project lead: actions, notes, KPI actuals and risks.
    case editor
    /// Also meetings, checkpoints, import, areas and findings, the header and governance, people.
    case chair

    public static func < (a: PlanRole, b: PlanRole) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// "a viewer", "an editor", "a chair".
    public var withArticle: String { self == .editor ? "an editor" : "a \(rawValue)" }
}

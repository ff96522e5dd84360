import BoardCore
import PlanModel

/// The terminal as the dashboard loop needs it: ncurses in the program, `MemoryTerminal`
/// in tests. Everything about a real terminal (escape codes, colours, signals) stays behind it.
@MainActor
public protocol BoardTerminal: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Shows a frame (a real terminal writes only what changed since the last one).
    func draw(_ buffer: ScreenBuffer)
    /// Waits up to `milliseconds` for a key, a click, a paste or a resize.
    func read(milliseconds: Int32) -> Message?
    /// Hands the terminal over (for `$EDITOR` or Ctrl-Z), runs `body`, takes it back and
    /// repaints everything on the next draw.
    func suspend(_ body: () -> Void)
    /// Whether Ctrl-C, SIGTERM or SIGHUP arrived since last asked.
    func takeQuitSignal() -> Bool
    /// Whether Ctrl-Z arrived since last asked.
    func takeSuspendSignal() -> Bool
}

/// Time as the loop needs it: a monotonic count for polling, and today's date.
@MainActor
public protocol BoardClock: AnyObject {
    /// Nanoseconds since some fixed point; only differences matter.
    func nanoseconds() -> UInt64
    /// Today, as overdue and due soon are judged (nil when it cannot be told).
    func today() -> PlanDate?
}

/// The plan the dashboard shows and changes: the store in the program, a value in tests.
@MainActor
public protocol PlanSource: AnyObject {
    var user: String { get }
    var isReadOnly: Bool { get }
    func load() throws -> Plan
    func changeLog() throws -> [ChangeRecord]
    /// Changes whenever anyone changes the plan.
    func version() throws -> Int64
    func apply(_ edit: Edit) throws -> Plan
    func undo() throws -> (plan: Plan, undone: ChangeRecord)?
    func redo() throws -> (plan: Plan, redone: ChangeRecord)?
    func recordCheckpoint(name: String, date: PlanDate) throws -> Plan
}

/// Long text edited outside the dashboard (`$EDITOR`), with the terminal handed over.
@MainActor
public protocol LongTextEditor {
    /// The edited text, or nil when the editor failed or was abandoned.
    func edit(_ text: String, on terminal: any BoardTerminal) -> String?
}

/// A change the plan source refused because the plan no longer holds what the person saw:
/// someone else changed it since (or an undo would trample their later change). Nothing
/// was written; `message` says who changed what, to what and when.
public struct PlanConflict: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

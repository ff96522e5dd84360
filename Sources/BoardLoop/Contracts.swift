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
    /// The change-log lines after position `seq`, oldest first.
    func changes(afterSeq seq: Int64) throws -> [ChangeRecord]
    /// The plan and log brought up to date from log position `version` by applying the
    /// log's new lines, reloading only what cannot be applied.
    func follow(_ plan: Plan, log: [ChangeRecord], from version: Int64) throws -> LoggedPlan
    /// Whether the source was told of a change since last asked (a shared plan's `NOTIFY`):
    /// a cheap check the loop makes every turn. Nil when the source is never told (a file):
    /// the loop then checks `version()` every `DashboardLoop.pollInterval`, cheap there.
    func takeChangeNotice() -> Bool?
    /// Why the plan's server cannot be reached now, in words to show; nil while it can
    /// (always nil for a file).
    var trouble: String? { get }
    /// The person's role on a shared plan, which the server enforces; nil on a file, where
    /// roles are advisory.
    var role: PlanRole? { get }
    /// Enough of the plan to draw the first screen (every action's reference, status and
    /// by-when; the rest whole), read quickly; nil when the source has no such shortcut.
    func outline() throws -> Plan?
    /// Starts reading the whole plan, its log and version on another thread; nil when the
    /// source cannot (the loop then reads them at once, with `load`).
    func loadInBackground() -> PlanLoading?
    /// Starts saving `edit` on another thread, for a source a network away (a shared plan);
    /// nil when saving is quick enough to wait for (a file): the loop then calls `apply`.
    /// The loop leaves the source alone until the save has answered.
    func saveInBackground(_ edit: Edit) -> PendingSave?
}

extension PlanSource {
    public func takeChangeNotice() -> Bool? { nil }
    public var trouble: String? { nil }
    public var role: PlanRole? { nil }

    public func changes(afterSeq seq: Int64) throws -> [ChangeRecord] { try changeLog().filter { $0.seq > seq } }

    public func outline() throws -> Plan? { nil }

    public func loadInBackground() -> PlanLoading? { nil }

    public func saveInBackground(_ edit: Edit) -> PendingSave? { nil }

    /// Without a cheaper way, following is loading afresh.
    public func follow(_ plan: Plan, log: [ChangeRecord], from version: Int64) throws -> LoggedPlan {
        let now = try self.version()
        return LoggedPlan(plan: try load(), log: try changeLog(), version: now)
    }
}

/// Long text edited outside the dashboard (`$EDITOR`), with the terminal handed over.
@MainActor
public protocol LongTextEditor {
    /// The edited text, or nil when the editor failed or was abandoned.
    func edit(_ text: String, on terminal: any BoardTerminal) -> String?
}

/// Writes the board pack for a meeting: PlanReport and a safe file writer in the program,
/// a double in tests (BoardCore and this loop know no report format and no file system).
@MainActor
public protocol PackWriter {
    /// Writes the pack and returns where it went, or throws a message saying why not.
    func writePack(_ plan: Plan, log: [ChangeRecord], meeting: String, since: String?, today: PlanDate) throws -> String
}

/// A change the plan source refused because the plan no longer holds what the person saw:
/// someone else changed it since (or an undo would trample their later change). Nothing
/// was written; `message` says who changed what, to what and when.
public struct PlanConflict: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// A change the plan source could not save because its server is not answering (or went
/// away before it confirmed): nothing was written, or, when the message says so, it cannot
/// yet tell. `message` says which, plainly.
public struct PlanNotSaved: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

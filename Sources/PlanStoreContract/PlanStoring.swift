import Foundation
import PlanModel

/// Where a plan is kept: the one contract the command line and the dashboard work through,
/// with two backends, a SQLite file (`PlanStore`, the embedded default) and a shared
/// PostgreSQL database (`PostgresPlanStore` in the PlanStorePostgres module).
///
/// Every backend keeps the same promises: each change is one `Edit`, applied with
/// `Plan.applying` to the plan as it stands in the store at that moment and committed in
/// one transaction together with its change-log line, so nothing acknowledged is lost;
/// undo and redo are worked out from the log, per person; a refused edit changes nothing.
public protocol PlanStoring: AnyObject {
    /// Where the plan is, as the person named it: a file path, or a URL without any password.
    var path: String { get }
    /// Who the change log names for this process's changes.
    var user: String { get }
    /// True when this person may not change the plan; every write then fails with `.readOnly`.
    var isReadOnly: Bool { get }

    // What the dashboard asks of a store, so that it never needs to know which one it has.

    /// A plan on a server, a network away (its changes are worth saving on another thread).
    var isShared: Bool { get }
    /// The person's role as the server enforces it; nil on a file, where roles are advisory.
    var enforcedRole: PlanRole? { get }
    /// Where the server is (`host:port`), to say it is not answering; nil for a file.
    var serverPlace: String? { get }
    /// The log position the plan this store holds is current to, known without asking
    /// anyone; nil when the store keeps nothing between reads.
    var heldVersion: Int64? { get }
    /// How many actions the plan holds, when counting them is quick (a file); nil otherwise.
    func actionCountIfQuick() throws -> Int?
    /// The whole plan, its change log and the log position they stand at, read together.
    func loadWithLog() throws -> LoggedPlan

    /// The change-log position the plan is at; it moves whenever anyone writes.
    func version() throws -> Int64
    /// The whole plan as the store holds it now.
    func load() throws -> Plan
    /// Applies one edit in one transaction and logs it; returns the plan after it.
    @discardableResult
    func apply(_ edit: Edit, at time: Date) throws -> Plan
    /// Applies several edits together, all or nothing (a tracker import). A backend that
    /// can logs each as its own line, so each can be undone; by default they are one change.
    @discardableResult
    func applyAll(_ edits: [Edit], at time: Date) throws -> Plan
    /// Replaces the whole plan (an import), all or nothing.
    func replace(with plan: Plan, at time: Date, summary: String) throws
    /// Records a checkpoint of the plan as it stands.
    @discardableResult
    func recordCheckpoint(name: String, date: PlanDate, at time: Date) throws -> Plan
    /// Undoes this user's latest change that is not yet undone. Nil when there is nothing to undo.
    func undo(at time: Date) throws -> (plan: Plan, undone: ChangeRecord)?
    /// Redoes this user's latest undone change. Nil when there is nothing to redo.
    func redo(at time: Date) throws -> (plan: Plan, redone: ChangeRecord)?
    /// Every change after log position `seq`, oldest first.
    func changes(afterSeq seq: Int64) throws -> [ChangeRecord]
    /// Every change made at or after `time`.
    func changes(since time: Date) throws -> [ChangeRecord]
    /// Every change since a checkpoint was recorded.
    func changes(sinceCheckpoint name: String) throws -> [ChangeRecord]

    /// Calls `onChange` with the new log position whenever anyone commits a change, until
    /// the returned value is stopped or released. Nil when the backend cannot tell (a SQLite
    /// file): the caller then checks `version()` now and then, which is cheap there.
    func follow(_ onChange: @escaping @Sendable (Int64) -> Void) throws -> (any ChangeFollowing)?
    /// The plan and log brought up to date from log position `version` by applying the
    /// log's new lines, reading the plan afresh only for what cannot be applied.
    func follow(_ plan: Plan, log: [ChangeRecord], from version: Int64) throws -> LoggedPlan

    /// The plan with each action holding at least its reference, status and by-when, and
    /// everything else whole (what `summary` and the dashboard's first screen show): a
    /// backend that can leave the rest out does; by default the whole plan. It may leave
    /// out of the checkpoints what `checkpoints` does not ask for.
    func outline(checkpoints: OutlineCheckpoints) throws -> Plan
    /// The actions `refs` that the plan holds, whole: a backend that can read just those
    /// does; by default nil, and the caller reads the whole plan.
    func actions(_ refs: [String]) throws -> [Action]?
    /// The checkpoint called `name` with what it recorded, nil when there is none: a backend
    /// that can read just that one (megabytes at 100,000 actions) does; by default from the
    /// whole plan.
    func checkpoint(named name: String) throws -> Checkpoint?
    /// The plan with at least the actions `refs`: a backend that can read just those (a
    /// command changing one action of 100,000) does; by default the whole plan.
    func plan(around refs: [String]) throws -> Plan
    /// Applies one edit that changes actions in place, reading only what it needs where
    /// the backend can; by default `apply`.
    @discardableResult
    func applyToPart(_ edit: Edit, at time: Date) throws -> Plan
}

/// How much of its checkpoints an outline holds.
public enum OutlineCheckpoints: Sendable, Equatable {
    /// None.
    case none
    /// Each one's name and date, without what it recorded.
    case named
    /// Each one whole.
    case whole
}

/// A running notice of changes; `stop()` ends it.
public protocol ChangeFollowing: AnyObject, Sendable {
    func stop()
    /// Why the notice is not coming through now (its server went away and it is trying
    /// again), in words to show; nil while it is.
    var trouble: String? { get }
}

extension ChangeFollowing {
    public var trouble: String? { nil }
}

extension PlanStoring {
    /// Every change since a checkpoint was recorded (or, for a checkpoint that came in a
    /// file, since the start of its date): the same on every backend.
    public func changes(sinceCheckpoint name: String) throws -> [ChangeRecord] {
        let plan = try load()
        guard let checkpoint = plan.checkpoint(named: name) else {
            let names = plan.checkpoints.map(\.name)
            throw StoreError(.refused, "there is no checkpoint called \"\(name)\"; expected one of: \(names.isEmpty ? "(none recorded yet)" : names.joined(separator: ", "))")
        }
        return try changes().since(checkpoint)
    }

    public func follow(_ onChange: @escaping @Sendable (Int64) -> Void) throws -> (any ChangeFollowing)? { nil }

    public var isShared: Bool { false }
    public var enforcedRole: PlanRole? { nil }
    public var serverPlace: String? { nil }
    public var heldVersion: Int64? { nil }
    public func actionCountIfQuick() throws -> Int? { nil }

    public func loadWithLog() throws -> LoggedPlan {
        let version = try version()
        return LoggedPlan(plan: try load(), log: try changes(afterSeq: 0), version: version)
    }

    public func plan(around refs: [String]) throws -> Plan { try load() }

    public func outline(checkpoints: OutlineCheckpoints) throws -> Plan { try load() }

    public func actions(_ refs: [String]) throws -> [Action]? { nil }

    public func checkpoint(named name: String) throws -> Checkpoint? { try load().checkpoint(named: name) }

    /// The plan as counting the changes since a checkpoint needs it (`SinceSummary` with
    /// `Plan.asItWas`), given the log's lines since (`recent`) and the outline: the outline,
    /// with whole the actions those lines touched. An action no line touched is the same
    /// then and now but for its status and by-when, which the outline holds, so it counts
    /// the same cut down or whole. The whole plan when a line
    /// changed the structure or a meeting, or touched more actions than are worth reading
    /// one by one.
    public func planForCounting(_ recent: [ChangeRecord], outline: Plan) throws -> Plan {
        var scope = WriteScope()
        for record in recent {
            for edit in [record.edit, record.inverse].compactMap({ $0 }) where !scope.add(edit) { return try load() }
        }
        let refs = scope.actions.unique
        if refs.isEmpty { return outline }
        guard refs.count <= 500, let found = try actions(refs) else { return try load() }
        var whole = Dictionary(found.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        var plan = outline
        for a in plan.areas.indices where !whole.isEmpty {
            for i in plan.areas[a].actions.indices {
                if let action = whole.removeValue(forKey: plan.areas[a].actions[i].ref) { plan.areas[a].actions[i] = action }
            }
        }
        return plan
    }

    /// The outline as the dashboard's first screen needs it: the checkpoints named and dated
    /// (the since line says the changes are being counted until the whole plan is in).
    public func outline() throws -> Plan { try outline(checkpoints: .named) }

    @discardableResult
    public func applyToPart(_ edit: Edit, at time: Date) throws -> Plan { try apply(edit, at: time) }

    @discardableResult
    public func applyToPart(_ edit: Edit) throws -> Plan { try applyToPart(edit, at: Date()) }

    @discardableResult
    public func apply(_ edit: Edit) throws -> Plan { try apply(edit, at: Date()) }

    @discardableResult
    public func applyAll(_ edits: [Edit], at time: Date) throws -> Plan {
        guard !edits.isEmpty else { return try load() }
        return try apply(edits.count == 1 ? edits[0] : .batch(edits), at: time)
    }

    @discardableResult
    public func applyAll(_ edits: [Edit]) throws -> Plan { try applyAll(edits, at: Date()) }

    public func replace(with plan: Plan, summary: String = "imported a plan") throws {
        try replace(with: plan, at: Date(), summary: summary)
    }

    @discardableResult
    public func recordCheckpoint(name: String, date: PlanDate) throws -> Plan {
        try recordCheckpoint(name: name, date: date, at: Date())
    }

    public func undo() throws -> (plan: Plan, undone: ChangeRecord)? { try undo(at: Date()) }
    public func redo() throws -> (plan: Plan, redone: ChangeRecord)? { try redo(at: Date()) }
    public func changes() throws -> [ChangeRecord] { try changes(afterSeq: 0) }
}

/// The whole of a plan's history as one value, for `planboard copy`: the plan as it stands
/// and every change-log line, with their positions, people and times.
public struct PlanHistory: Equatable, Sendable {
    public var plan: Plan
    public var log: [ChangeRecord]
    /// The plan's people and their roles, by name.
    public var people: [PlanPerson]

    public init(plan: Plan, log: [ChangeRecord], people: [PlanPerson] = []) {
        self.plan = plan
        self.log = log
        self.people = people
    }
}

/// One person of a plan and their role.
public struct PlanPerson: Equatable, Sendable {
    public var name: String
    public var role: PlanRole

    public init(name: String, role: PlanRole) {
        self.name = name
        self.role = role
    }

    /// Why `name` cannot name a person, or nil when it can: the same rule on both backends
    /// (a PostgreSQL role name is at most 63 bytes).
    public static func problem(with name: String) -> String? {
        guard !name.isEmpty, name.utf8.count <= 63, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return "a person's name must be 1 to 63 characters without control characters; nothing was changed"
        }
        return nil
    }
}

/// The undo and redo a person may do, from the log: shared by every backend.
public enum UndoPlan {
    /// The log position this user's next undo (or redo) acts on, if any.
    public static func target(_ kind: ChangeRecord.Kind, log: [ChangeRecord], user: String) -> Int64? {
        let stacks = UndoStacks(log: log, user: user)
        return kind == .undo ? stacks.undo.last : stacks.redo.last
    }
}

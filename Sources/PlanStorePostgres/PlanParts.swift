import Foundation
import PlanModel
import PlanStoreContract

/// A plan as rows of the `part` table, and back.
struct PlanPart: Equatable {
    struct Key: Hashable, Comparable {
        var kind: String
        var key: String
        static func < (a: Key, b: Key) -> Bool { (a.kind, a.key) < (b.kind, b.key) }
    }

    var id: Key
    var parent: String?
    var position: Int
    var body: String
}

enum PlanParts {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func text<T: Encodable>(_ value: T, _ encoder: JSONEncoder) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One part's value, compared before it is encoded, so an edit encodes only what it changed.
    enum Value: Equatable {
        case header(Header), settings(Settings), governance(Governance), area(Area), action(Action), risk(Risk), kpi(KPI), checkpoint(Checkpoint)
        case meeting(Meeting)

        func text(_ encoder: JSONEncoder) throws -> String {
            switch self {
            case let .header(value): try PlanParts.text(value, encoder)
            case let .settings(value): try PlanParts.text(value, encoder)
            case let .governance(value): try PlanParts.text(value, encoder)
            case let .area(value): try PlanParts.text(value, encoder)
            case let .action(value): try PlanParts.text(value, encoder)
            case let .risk(value): try PlanParts.text(value, encoder)
            case let .kpi(value): try PlanParts.text(value, encoder)
            case let .checkpoint(value): try PlanParts.text(value, encoder)
            case let .meeting(value): try PlanParts.text(value, encoder)
            }
        }
    }

    struct Entry: Equatable {
        var parent: String?
        var position: Int
        var value: Value
    }

    /// Every part of `plan`, keyed by kind and identity, not yet encoded.
    static func entries(of plan: Plan) -> [PlanPart.Key: Entry] {
        var entries: [PlanPart.Key: Entry] = [:]
        func add(_ kind: String, _ key: String, parent: String? = nil, position: Int = 0, _ value: Value) {
            entries[PlanPart.Key(kind: kind, key: key)] = Entry(parent: parent, position: position, value: value)
        }
        add("header", "", .header(plan.header))
        add("settings", "", .settings(plan.settings))
        add("governance", "", .governance(plan.governance))
        for (position, area) in plan.areas.enumerated() {
            var bare = area
            bare.actions = []
            add("area", String(area.number), position: position, .area(bare))
            for (index, action) in area.actions.enumerated() {
                add("action", action.ref, parent: String(area.number), position: index, .action(action))
            }
        }
        for (position, risk) in plan.risks.enumerated() { add("risk", risk.ref, position: position, .risk(risk)) }
        for (position, kpi) in plan.kpis.enumerated() { add("kpi", kpi.ref, position: position, .kpi(kpi)) }
        for (position, checkpoint) in plan.checkpoints.enumerated() {
            add("checkpoint", checkpoint.name, position: position, .checkpoint(checkpoint))
        }
        for (position, meeting) in plan.meetings.enumerated() {
            add("meeting", meeting.name, position: position, .meeting(meeting))
        }
        return entries
    }

    /// Every part of `plan` as rows.
    static func parts(of plan: Plan) throws -> [PlanPart] {
        let encoder = encoder()
        return try entries(of: plan).sorted { $0.key < $1.key }.map { key, entry in
            PlanPart(id: key, parent: entry.parent, position: entry.position, body: try entry.value.text(encoder))
        }
    }

    /// Each row's value, read from its JSON.
    static func decode(_ rows: [PlanPart], place: String) throws -> [PlanPart.Key: Entry] {
        let decoder = JSONDecoder()
        var entries: [PlanPart.Key: Entry] = [:]
        for part in rows {
            func read<T: Decodable>(_ type: T.Type) throws -> T {
                guard let value = try? decoder.decode(T.self, from: Data(part.body.utf8)) else {
                    throw StoreError(.corrupt, "\(place) is damaged: the \(part.id.kind) \"\(part.id.key)\" cannot be read; expected the data planboard wrote. Copy the plan back from a backup")
                }
                return value
            }
            let value: Value
            switch part.id.kind {
            case "header": value = .header(try read(Header.self))
            case "settings": value = .settings(try read(Settings.self))
            case "governance": value = .governance(try read(Governance.self))
            case "area": value = .area(try read(Area.self))
            case "action": value = .action(try read(Action.self))
            case "risk": value = .risk(try read(Risk.self))
            case "kpi": value = .kpi(try read(KPI.self))
            case "checkpoint": value = .checkpoint(try read(Checkpoint.self))
            case "meeting": value = .meeting(try read(Meeting.self))
            default:
                throw StoreError(.newerVersion, "\(place) holds a part of kind \"\(part.id.kind)\", which this planboard does not know; update planboard to open it")
            }
            entries[part.id] = Entry(parent: part.parent, position: part.position, value: value)
        }
        return entries
    }

    /// The plan the parts make up.
    static func plan(from entries: [PlanPart.Key: Entry], place: String) throws -> Plan {
        let sorted = entries.sorted { ($0.key.kind, $0.value.position, $0.key.key) < ($1.key.kind, $1.value.position, $1.key.key) }
        var header: Header?, settings: Settings?, governance: Governance?
        var actions: [String: [Action]] = [:]
        var areas: [(String, Area)] = []
        var risks: [Risk] = [], kpis: [KPI] = [], checkpoints: [Checkpoint] = [], meetings: [Meeting] = []
        for (key, entry) in sorted {
            switch entry.value {
            case let .header(value): header = value
            case let .settings(value): settings = value
            case let .governance(value): governance = value
            case let .area(value): areas.append((key.key, value))
            case let .action(value): actions[entry.parent ?? "", default: []].append(value)
            case let .risk(value): risks.append(value)
            case let .kpi(value): kpis.append(value)
            case let .checkpoint(value): checkpoints.append(value)
            case let .meeting(value): meetings.append(value)
            }
        }
        guard let header, let settings, let governance else {
            throw StoreError(.corrupt, "\(place) is damaged: the plan has no header, settings or governance; expected all three")
        }
        return Plan(header: header, settings: settings, governance: governance,
                    areas: areas.map { key, area in
                        var area = area
                        area.actions = actions[key] ?? []
                        return area
                    },
                    risks: risks, kpis: kpis, checkpoints: checkpoints, meetings: meetings)
    }

    /// What a change writes, as `planboard.apply` takes it: one entry per part touched, with
    /// the revision it was read at (-1: not there yet), its parent ('' for none), its position
    /// and its body ('' removes it).
    struct Change {
        var kinds: [String] = []
        var keys: [String] = []
        var revs: [Int64] = []
        var parents: [String] = []
        var positions: [Int32] = []
        var bodies: [String] = []
        /// The parts removed and written, for the plan held once the server has taken them.
        var removed: [PlanPart.Key] = []
        var written: [(PlanPart.Key, Entry)] = []

        var kindsTouched: Set<String> { Set(kinds) }

        fileprivate mutating func add(_ key: PlanPart.Key, rev: Int64?, entry: Entry?, body: String) {
            kinds.append(key.kind)
            keys.append(key.key)
            revs.append(rev ?? -1)
            parents.append(entry?.parent ?? "")
            positions.append(Int32(clamping: entry?.position ?? 0))
            bodies.append(body)
            if let entry { written.append((key, entry)) } else { removed.append(key) }
        }
    }

    /// The change that turns the parts held (`was`, read at `revs`) into those of `new`. Only
    /// changed and added parts are encoded.
    static func change(from was: [PlanPart.Key: Entry], revs: [PlanPart.Key: Int64], to new: Plan) throws -> Change {
        let encoder = encoder()
        let now = entries(of: new)
        var change = Change()
        for key in was.keys.sorted() where now[key] == nil {
            change.add(key, rev: revs[key], entry: nil, body: "")
        }
        for key in now.keys.sorted() {
            guard let entry = now[key] else { continue }
            if let before = was[key], before == entry { continue }
            change.add(key, rev: was[key] == nil ? nil : revs[key], entry: entry, body: try entry.value.text(encoder))
        }
        return change
    }

    /// A plan with nothing in it: what a database without a plan is replaced from.
    static let nothing = Plan(header: Header(localArea: "", title: ""), governance: Governance(), areas: [])
}

import Foundation
import PlanModel
import PlanStore

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

    /// Every part of `plan`, keyed by kind and identity.
    static func parts(of plan: Plan) throws -> [PlanPart.Key: PlanPart] {
        let encoder = encoder()
        var parts: [PlanPart.Key: PlanPart] = [:]
        func add(_ kind: String, _ key: String, parent: String? = nil, position: Int = 0, _ body: String) {
            let id = PlanPart.Key(kind: kind, key: key)
            parts[id] = PlanPart(id: id, parent: parent, position: position, body: body)
        }
        add("header", "", try text(plan.header, encoder))
        add("settings", "", try text(plan.settings, encoder))
        add("governance", "", try text(plan.governance, encoder))
        for (position, area) in plan.areas.enumerated() {
            var bare = area
            bare.actions = []
            add("area", String(area.number), position: position, try text(bare, encoder))
            for (index, action) in area.actions.enumerated() {
                add("action", action.ref, parent: String(area.number), position: index, try text(action, encoder))
            }
        }
        for (position, risk) in plan.risks.enumerated() { add("risk", risk.ref, position: position, try text(risk, encoder)) }
        for (position, kpi) in plan.kpis.enumerated() { add("kpi", kpi.ref, position: position, try text(kpi, encoder)) }
        for (position, checkpoint) in plan.checkpoints.enumerated() {
            add("checkpoint", checkpoint.name, position: position, try text(checkpoint, encoder))
        }
        return parts
    }

    /// The plan the rows hold. `place` names the database in messages.
    static func plan(from rows: [PlanPart], place: String) throws -> Plan {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ part: PlanPart) throws -> T {
            guard let value = try? decoder.decode(T.self, from: Data(part.body.utf8)) else {
                throw StoreError(.corrupt, "\(place) is damaged: the \(part.id.kind) \"\(part.id.key)\" cannot be read; expected the data planboard wrote. Copy the plan back from a backup")
            }
            return value
        }
        func single<T: Decodable>(_ kind: String, _ type: T.Type) throws -> T {
            guard let part = rows.first(where: { $0.id.kind == kind }) else {
                throw StoreError(.corrupt, "\(place) is damaged: the plan has no \(kind); expected one")
            }
            return try decode(T.self, part)
        }
        let sorted = rows.sorted { ($0.id.kind, $0.position, $0.id.key) < ($1.id.kind, $1.position, $1.id.key) }
        var actions: [String: [Action]] = [:]
        for part in sorted where part.id.kind == "action" {
            actions[part.parent ?? "", default: []].append(try decode(Action.self, part))
        }
        let areas = try sorted.filter { $0.id.kind == "area" }.map { part in
            var area = try decode(Area.self, part)
            area.actions = actions[part.id.key] ?? []
            return area
        }
        return Plan(header: try single("header", Header.self), settings: try single("settings", Settings.self),
                    governance: try single("governance", Governance.self), areas: areas,
                    risks: try sorted.filter { $0.id.kind == "risk" }.map { try decode(Risk.self, $0) },
                    kpis: try sorted.filter { $0.id.kind == "kpi" }.map { try decode(KPI.self, $0) },
                    checkpoints: try sorted.filter { $0.id.kind == "checkpoint" }.map { try decode(Checkpoint.self, $0) })
    }

    /// What must be written to turn the rows of `old` into those of `new`.
    struct Difference {
        var removed: [PlanPart.Key] = []
        var added: [PlanPart] = []
        var changed: [PlanPart] = []

        /// The kinds of part the difference touches, for the role check.
        var kinds: Set<String> { Set(removed.map(\.kind) + added.map(\.id.kind) + changed.map(\.id.kind)) }
        var isEmpty: Bool { removed.isEmpty && added.isEmpty && changed.isEmpty }
    }

    static func difference(from old: [PlanPart.Key: PlanPart], to new: [PlanPart.Key: PlanPart]) -> Difference {
        var difference = Difference()
        for key in old.keys.sorted() where new[key] == nil { difference.removed.append(key) }
        for key in new.keys.sorted() {
            guard let part = new[key] else { continue }
            if let was = old[key] {
                if was != part { difference.changed.append(part) }
            } else {
                difference.added.append(part)
            }
        }
        return difference
    }
}

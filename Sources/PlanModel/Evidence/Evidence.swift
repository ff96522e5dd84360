/// Evidence of a change: a document, page or record that shows what an action achieved,
/// where a KPI figure came from, or what a highlight report claims.
///
/// planboard keeps where the evidence is (a link or a document reference such as a file
/// path or an intranet address), never the file itself. An item has an identity, `id`,
/// unique among its holder's evidence, so an edit and its undo name the item they act on.
public struct Evidence: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    /// When the evidence was produced (a report's date, an audit's date).
    public var date: PlanDate
    /// Where it is: a link or a document reference.
    public var location: String
    /// What it shows, in a sentence.
    public var shows: String
    /// Who added it.
    public var addedBy: String

    public init(id: String? = nil, title: String, date: PlanDate, location: String, shows: String = "", addedBy: String = "") {
        self.id = id ?? Evidence.derivedID(title: title, date: date, location: location)
        self.title = title
        self.date = date
        self.location = location
        self.shows = shows
        self.addedBy = addedBy
    }

    /// The id an item gets from its title, date and location: `e` and 10 hex digits of FNV-1a.
    public static func derivedID(title: String, date: PlanDate, location: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(date.iso)\u{1F}\(title)\u{1F}\(location)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash & 0xff_ffff_ffff, radix: 16)
        return "e" + String(repeating: "0", count: 10 - hex.count) + hex
    }

    /// Whether the location reads as a web link rather than a document reference.
    public var isLink: Bool {
        let lower = location.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}

/// What an evidence item is attached to, by identity.
public enum EvidenceHolder: Codable, Hashable, Sendable {
    /// An action, by reference.
    case action(String)
    /// A KPI figure: the actual at one milestone (by its place in the KPI's schedule).
    case figure(kpi: String, milestone: Int)
    /// An area's highlight report at a meeting.
    case highlight(meeting: String, area: Int)

    /// How people name it: "action 3b", "K2 at 6 months", "area 3's highlight for “Board 2023-01-10”".
    public func display(in plan: Plan?) -> String {
        switch self {
        case let .action(ref): return "action \(ref)"
        case let .figure(kpi, milestone):
            let label = plan?.kpi(kpi).flatMap { $0.milestones.indices.contains(milestone) ? $0.milestones[milestone].label : nil }
            return "\(kpi) at \(label ?? "milestone \(milestone + 1)")"
        case let .highlight(meeting, area): return "area \(area)'s highlight for “\(meeting)”"
        }
    }
}

extension Plan {
    /// The evidence a holder carries, or nil when the holder does not exist.
    public func evidence(of holder: EvidenceHolder) -> [Evidence]? {
        switch holder {
        case let .action(ref): return action(ref)?.evidence
        case let .figure(ref, m):
            guard let kpi = kpi(ref), kpi.milestones.indices.contains(m) else { return nil }
            return kpi.milestones[m].evidence
        case let .highlight(name, area): return meeting(named: name)?.highlight(area: area)?.evidence
        }
    }

    /// Replaces a holder’s evidence (for stores that keep it apart); false when the holder does not exist.
    public mutating func setEvidence(_ items: [Evidence], of holder: EvidenceHolder) -> Bool {
        switch holder {
        case let .action(ref):
            guard let at = locate(action: ref) else { return false }
            areas[at.area].actions[at.index].evidence = items
        case let .figure(ref, m):
            guard let k = kpis.firstIndex(where: { $0.ref == ref }), kpis[k].milestones.indices.contains(m) else { return false }
            kpis[k].milestones[m].evidence = items
        case let .highlight(name, area):
            guard let mi = meetings.firstIndex(where: { $0.name == name }),
                  let h = meetings[mi].highlights.firstIndex(where: { $0.area == area }) else { return false }
            meetings[mi].highlights[h].evidence = items
        }
        return true
    }

    /// Every holder with its evidence, in plan order: actions, then KPI figures, then highlights.
    public var allEvidence: [(holder: EvidenceHolder, items: [Evidence])] {
        var out: [(EvidenceHolder, [Evidence])] = []
        for area in areas { for action in area.actions where !action.evidence.isEmpty { out.append((.action(action.ref), action.evidence)) } }
        for kpi in kpis {
            for (m, milestone) in kpi.milestones.enumerated() where !milestone.evidence.isEmpty {
                out.append((.figure(kpi: kpi.ref, milestone: m), milestone.evidence))
            }
        }
        for meeting in meetings {
            for h in meeting.highlights where !h.evidence.isEmpty {
                out.append((.highlight(meeting: meeting.name, area: h.area), h.evidence))
            }
        }
        return out
    }

    /// What an adviser will ask for: Complete actions and recorded KPI figures with no evidence.
    public var missingEvidence: [EvidenceHolder] {
        var out: [EvidenceHolder] = []
        for area in areas { for action in area.actions where action.status == .complete && action.evidence.isEmpty { out.append(.action(action.ref)) } }
        for kpi in kpis {
            for (m, milestone) in kpi.milestones.enumerated() where milestone.actual != nil && milestone.evidence.isEmpty {
                out.append(.figure(kpi: kpi.ref, milestone: m))
            }
        }
        return out
    }

    /// The area an evidence holder belongs to: an action's, a highlight's, or (for a KPI
    /// figure) the areas of the actions that move the KPI.
    public func areas(of holder: EvidenceHolder) -> [Int] {
        switch holder {
        case let .action(ref): return locate(action: ref).map { [areas[$0.area].number] } ?? []
        case let .highlight(_, area): return [area]
        case let .figure(ref, _):
            return areas.filter { $0.actions.contains { $0.kpis.contains(ref) } }.map(\.number)
        }
    }
}

// Evidence is optional wherever it is stored as Codable JSON (a shared plan's parts, the
// change log): parts and log lines written before evidence existed have none, and a holder
// without evidence is written without the key, so their JSON is as it was.
extension KeyedDecodingContainer {
    public func decode(_ type: [Evidence].Type, forKey key: Key) throws -> [Evidence] {
        try decodeIfPresent(type, forKey: key) ?? []
    }
}

extension KeyedEncodingContainer {
    public mutating func encode(_ value: [Evidence], forKey key: Key) throws {
        if !value.isEmpty { try encodeIfPresent(value, forKey: key) }
    }
}

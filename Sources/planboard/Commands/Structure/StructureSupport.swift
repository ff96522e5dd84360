import ArgumentParser
import Foundation
import PlanModel
import PlanStore

/// Applying structure edits from the command line: one change in the log per command.
enum StructureCLI {
    /// Opens the plan, builds the edits against it as it is now, and applies them together.
    /// The edits carry the values read here, so a change made meanwhile by someone else is
    /// refused rather than overwritten.
    @discardableResult
    static func apply(_ options: StoreOptions, _ build: (Plan) throws -> [StructureEdit]) throws -> Plan {
        let db = try options.open()
        let edits = try build(db.load())
        guard !edits.isEmpty else {
            try Output.line("Nothing to change: the plan already holds that.")
            return try db.load()
        }
        let edit: Edit = edits.count == 1 ? .structure(edits[0]) : .batch(edits.map(Edit.structure))
        let after = try db.apply(edit)
        for e in edits { try Output.line("Saved: \(e.summary)") }
        return after
    }

    static func area(_ number: Int, in plan: Plan) throws -> Area {
        guard let area = plan.area(number: number) else {
            throw CLIError("there is no area of weakness \(number); expected one of \(list(plan.areas.map { String($0.number) }))")
        }
        return area
    }

    static func kpi(_ ref: String, in plan: Plan) throws -> KPI {
        guard let kpi = plan.kpi(ref) else {
            throw CLIError("there is no KPI \(ref); expected one of \(list(plan.kpis.map(\.ref)))")
        }
        return kpi
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "none (there are none yet)" : items.joined(separator: ", ") }

    /// A date option that may also be `none`.
    static func optionalDate(_ text: String, option: String) throws -> PlanDate? {
        if ["none", "unset", "unknown", "xxx", ""].contains(text.lowercased()) { return nil }
        return try parseDate(text, option: option)
    }

    /// A number option that may also be `none`; `1,600` and `58%` are read as 1600 and 58.
    static func optionalNumber(_ text: String, option: String) throws -> Double? {
        if ["none", "unset", ""].contains(text.lowercased()) { return nil }
        return try number(text, option: option)
    }

    static func number(_ text: String, option: String) throws -> Double {
        let cleaned = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")
            .trimmingCharacters(in: .whitespaces)
        guard let value = Double(cleaned), value.isFinite else {
            throw CLIError("\(option) \"\(text)\" is not a number; expected a number such as 58 or 1600")
        }
        return value
    }

    static func better(_ text: String) throws -> Better {
        guard let value = Better(rawValue: text.lowercased()) else {
            throw CLIError("--better \"\(text)\" is not a direction; expected higher or lower")
        }
        return value
    }
}

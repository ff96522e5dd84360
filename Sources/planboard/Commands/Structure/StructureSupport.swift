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
        return try save(edits.map(Edit.structure), to: db)
    }

    /// Applies `edits` as one change and says what was saved, one line each ("Nothing to
    /// change" when there are none); returns the plan after them.
    @discardableResult
    static func save(_ edits: [Edit], to db: any PlanStoring) throws -> Plan {
        guard !edits.isEmpty else {
            try Output.line("Nothing to change: the plan already holds that.")
            return try db.load()
        }
        let after = try db.apply(edits.count == 1 ? edits[0] : .batch(edits))
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

    /// The one word that says "no value" on the command line, for every option that may be
    /// empty (an empty argument is refused instead: most often an unset shell variable).
    static let noValue = "none"

    /// A date option that may also be `none`.
    static func optionalDate(_ text: String, option: String) throws -> PlanDate? {
        if text.trimmingCharacters(in: .whitespaces).lowercased() == noValue { return nil }
        return try parseDate(text, option: option)
    }

    /// A number option that may also be `none`; `1,600` and `58%` are read as 1600 and 58.
    static func optionalNumber(_ text: String, option: String) throws -> Double? {
        if text.trimmingCharacters(in: .whitespaces).lowercased() == noValue { return nil }
        return try number(text, option: option)
    }

    /// A number option, read as the dashboard reads a typed figure (`TypedText`).
    static func number(_ text: String, option: String) throws -> Double {
        switch TypedText.number(text) {
        case let .success(value?): return value
        case .success(nil): throw CLIError("\(option) is empty; give a number such as 58 or 1,600, or \(option) none for no value. Nothing was changed")
        case let .failure(refusal): throw CLIError("\(option): \(refusal.message). Nothing was changed")
        }
    }

    static func better(_ text: String) throws -> Better {
        guard let value = Better(rawValue: text.lowercased()) else {
            throw CLIError("--better \"\(text)\" is not a direction; expected higher or lower")
        }
        return value
    }
}

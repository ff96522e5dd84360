import Foundation
import PlanModel

/// Actions from a council's Excel tracker (.xlsx or .csv) into one area of a plan.
///
/// Columns are matched by their headers as in a Word plan. A reference already in the plan
/// updates that action, one edit per changed field; a new reference adds an action. An empty
/// cell changes nothing, so importing the same file again makes no edits.
public enum TrackerImport {
    public struct Result: Sendable {
        /// The edits, in the order to apply them; each is one line in the change log.
        public var edits: [Edit]
        /// Each edit described for a person, with the row it came from.
        public var changes: [String]
        public var report: ImportReport
        /// The lines of `report.placed` that say how a cell was read, in row order: a date read
        /// from words, a by-when kept as written, a status read from shading, a row joined to
        /// the one before. (The rest of `placed` says only that a row was placed.)
        public var notes: [ImportReport.Line]
    }

    public static func read(url: URL, name: String, area number: Int, plan: Plan, today: PlanDate, author: String,
                            columns choices: ColumnChoices = ColumnChoices()) throws -> Result {
        guard plan.area(number: number) != nil else {
            throw ImportError(file: name, "cannot go into area \(number): the plan has no area \(number); expected one of \(plan.areas.isEmpty ? "none (add one with `planboard area add`)" : plan.areas.map { String($0.number) }.joined(separator: ", ")). Nothing was changed")
        }
        // Rows are read one at a time and made into actions, and the actions into edits, as they
        // come: only the rows up to the header are held, and only the actions a later row may
        // still change (`ActionRowReader.drain`).
        var report = ImportReport()
        // What became of each action, put after the lines said while reading, as when every
        // row was read first.
        var outcomes = ImportReport()
        var kept: [ImportReport.Line] = []
        var above: [SheetRow] = []
        // The header: the first of the first ten rows whose cells name an action or reference column and another.
        var header: (roles: [Int: ColumnRole], headed: Set<Int>, width: Int)?
        var reader: ActionRowReader?
        var placedBefore = 0
        var unheaded: [Int: (count: Int, first: Int, last: Int)] = [:]
        var sheetName = ""
        // Whether actions become edits while the sheet is read (below), or once it is read.
        var whileReading = false
        var edits: [Edit] = []
        var changes: [String] = []
        var working = ActionEditBatch(plan)
        func add(_ edit: Edit, _ line: String, at place: String) throws {
            _ = try working.apply(edit)
            edits.append(edit)
            changes.append("\(place): \(line)")
        }
        func reserve(_ rows: Int) {
            edits.reserveCapacity(max(0, rows))
            changes.reserveCapacity(max(0, rows))
            working.reserveCapacity(max(0, rows))
        }
        func process(_ row: RowAction) throws {
            do {
                if let existing = working.action(row.ref) {
                    guard working.areaNumber(ofAction: row.ref) == number else {
                        outcomes.miss(row.place, "\(row.ref) is an action of area \(working.areaNumber(ofAction: row.ref) ?? 0), not area \(number); not placed")
                        return
                    }
                    let before = changes.count
                    try update(existing, from: row, today: today, author: author, file: name, add: add, missed: { outcomes.miss($0, $1) })
                    if changes.count == before { outcomes.place(row.place, "\(row.ref): no change") } else {
                        outcomes.place(row.place, "\(row.ref): \(changes.count - before) change\(changes.count - before == 1 ? "" : "s")")
                    }
                } else {
                    guard let text = row.text, !text.isEmpty else {
                        outcomes.miss(row.place, "\(row.ref) is not in the plan and the row gives no action text to add it with; not placed")
                        return
                    }
                    var action = Action(ref: row.ref, text: text, byWhen: row.byWhen ?? nil, leads: row.leads ?? [],
                                        seniorResponsibleOfficer: row.sro ?? nil, status: row.status ?? .notStarted,
                                        kpiText: row.kpiText ?? "", successCriteria: row.successCriteria ?? "")
                    action.byWhenWritten = row.byWhenWritten
                    if let progress = row.progress { action.notes.append(Note(date: today, author: author, text: progress)) }
                    if action.status.needsReason && action.notes.isEmpty {
                        action.notes.append(Note(date: today, author: author, text: "\(action.status.label) in \(name); the tracker gives no reason."))
                    }
                    try add(.addAction(area: number, index: nil, action: action), "add action \(row.ref) \"\(text.prefix(60))\" (\(action.status.label))", at: row.place)
                    if let written = row.byWhenWritten {
                        outcomes.place(row.place, RowAction.keptAsWritten(row.ref, written))
                        kept.append(ImportReport.Line(place: row.place, what: RowAction.keptAsWritten(row.ref, written)))
                    }
                    outcomes.place(row.place, "\(row.ref): new action")
                }
            } catch let error as EditError {
                outcomes.miss(row.place, "\(row.ref): \(error.message); not placed")
            }
        }
        do {
            // The file's bytes go at the end of this block, before the plan after the edits is made.
            let sheet = try SheetSource.open(url: url, name: name)
            sheetName = sheet.name
            // Each action is made into its edits as soon as no later row can change it, while
            // the sheet is read, when that holds less than keeping every row's action until the
            // sheet's bytes go: so for a CSV file; a worksheet's XML, several times its text, is
            // let go first.
            whileReading = sheet.heldBytes < sheet.expectedRows * MemoryLayout<RowAction>.stride
            try sheet.forEachRow { row in
                guard let found = header else {
                    // Still looking for the header (past the tenth row, the rows are only read
                    // to the end, so a cell too long is still refused as such).
                    guard above.count < 10 else { return }
                    let roles = ColumnMatcher.assign(row.cells.map(\.text), choices.actionRole)
                    let values = Set(roles.values)
                    guard !values.isDisjoint(with: [.action, .ref]), values.count >= 2 else {
                        above.append(row)
                        return
                    }
                    // Each row is read only as wide as the columns in use; a cell under no header is
                    // counted by its column and reported once, however far to the right it is.
                    header = (roles, Set(row.entries.filter { !$0.cell.trimmed.isEmpty }.map(\.column)), (roles.keys.max() ?? -1) + 1)
                    describeHeader(row, roles: roles, above: above, sheet: sheet.name, choices: choices, report: &report)
                    above = []
                    reader = ActionRowReader(area: number, roles: roles, isTracker: true)
                    if !whileReading { reader?.reserveCapacity(sheet.expectedRows - row.number) }
                    placedBefore = report.placed.count
                    // Nearly every row is one edit: room for them at once, not doubled as they come.
                    if whileReading { reserve(sheet.expectedRows - row.number) }
                    return
                }
                for entry in row.entries where !found.headed.contains(entry.column) && !entry.cell.trimmed.isEmpty {
                    let seen = unheaded[entry.column]
                    unheaded[entry.column] = ((seen?.count ?? 0) + 1, seen?.first ?? row.number, row.number)
                }
                reader?.read(row.cells(width: found.width), place: "\(sheet.name), row \(row.number)", report: &report)
                if whileReading { try reader?.drain(process) }
            }
        }
        guard header != nil, var reader else {
            throw ImportError(file: name, "has no header row planboard recognises in its first ten rows; expected columns such as Ref, Action (or Description), Lead (or Owner), By when (or Deadline), RAG (or Status), or say what a column holds with --column \"HEADER=FIELD\" (FIELD one of \(ColumnChoices.fieldList)). Nothing was changed")
        }
        if !whileReading { reserve(reader.actions.count) }
        try reader.drain(all: true, process)
        for (column, seen) in unheaded.sorted(by: { $0.key < $1.key }) {
            let rows = seen.first == seen.last ? "row \(seen.first)" : "rows \(seen.first)–\(seen.last)"
            report.miss("\(sheetName), column \(SheetReader.columnName(column))", "\(seen.count) cell\(seen.count == 1 ? "" : "s") in \(rows) under no header; not placed. Give the column a header, or add it to the tracker's table")
        }
        // How cells were read: said while reading, and the by-whens kept as written, in row order
        // (a place ends with its row's number).
        let row = { (line: ImportReport.Line) in Int(line.place.split(separator: " ").last ?? "") ?? 0 }
        let notes = (Array(report.placed[placedBefore...]) + kept).enumerated()
            .sorted { (row($0.element), $0.offset) < (row($1.element), $1.offset) }.map(\.element)
        report.placed += outcomes.placed
        report.notPlaced += outcomes.notPlaced
        report.skipped += outcomes.skipped
        report.check += outcomes.check
        return Result(edits: edits, changes: changes, report: report, notes: notes)
    }

    /// The report's lines for the rows above the header, the header itself, each of its
    /// columns not used and each --column that names no header.
    private static func describeHeader(_ headerRow: SheetRow, roles: [Int: ColumnRole], above: [SheetRow], sheet: String,
                                       choices: ColumnChoices, report: inout ImportReport) {
        for row in above where row.cells.contains(where: { !$0.trimmed.isEmpty }) {
            report.skip("\(sheet), row \(row.number)", "above the header: \"\(QuickTrim.oneLine(row.cells.map(\.trimmed).filter { !$0.isEmpty }.joined(separator: " | ")).prefix(60))\"")
        }
        report.skip("\(sheet), row \(headerRow.number)", "the tracker's header")
        let taken = Set(roles.values)
        for (i, cell) in headerRow.cells.enumerated() where roles[i] == nil && !cell.trimmed.isEmpty {
            let (skipped, what) = ColumnMatcher.unused(cell.trimmed, choices: choices, taken: taken)
            let place = "\(sheet), column \(SheetReader.columnName(i))"
            if skipped { report.skip(place, what) } else { report.miss(place, what) }
        }
        let seen = Set(headerRow.cells.map { ColumnMatcher.normalise($0.text) })
        for header in choices.headers where !seen.contains(ColumnMatcher.normalise(header)) {
            report.miss("--column", "the tracker has no column headed \"\(header)\"; the option was not used")
        }
    }

    private static func update(_ action: Action, from row: RowAction, today: PlanDate, author: String, file: String,
                               add: (Edit, String, String) throws -> Void, missed: (String, String) -> Void) throws {
        let ref = action.ref
        let place = row.place
        if let progress = row.progress, !action.notes.contains(where: { $0.text == progress }) {
            try add(.addNote(ref: ref, index: nil, note: Note(date: today, author: author, text: progress)), "note on \(ref): \"\(progress.prefix(60))\"", place)
        }
        func set(_ field: ActionField, _ old: FieldValue, _ new: FieldValue) throws {
            guard old != new else { return }
            try add(TrackerImport.setEdit(ref: ref, field: field, from: old, to: new), "\(ref) \(field.rawValue): \(old.display) → \(new.display)", place)
        }
        if let text = row.text, !text.isEmpty { try set(.text, .text(action.text), .text(text)) }
        if let byWhen = row.byWhen { try set(.byWhen, .date(action.byWhen), .date(byWhen)) }
        if let written = row.byWhenWritten, written != action.byWhenWritten {
            // Written words change no field of an action already in the plan: the person decides.
            missed(place, "\(ref) by when \"\(written)\" is not a date; \(ref) keeps \(action.byWhenShown(none: "no date")). Set one with `planboard set \(ref) --by-when DATE`")
        }
        if let leads = row.leads, !leads.isEmpty { try set(.leads, .names(action.leads), .names(leads)) }
        if let sro = row.sro { try set(.seniorResponsibleOfficer, .optionalText(action.seniorResponsibleOfficer), .optionalText(sro)) }
        if let kpiText = row.kpiText { try set(.kpiText, .text(action.kpiText), .text(kpiText)) }
        if let criteria = row.successCriteria { try set(.successCriteria, .text(action.successCriteria), .text(criteria)) }
        if let status = row.status, status != action.status {
            let hasReason = !action.notes.isEmpty || row.progress != nil
            if status.needsReason && !hasReason {
                try add(.addNote(ref: ref, index: nil, note: Note(date: today, author: author, text: "\(status.label) in \(file); the tracker gives no reason.")),
                        "note on \(ref): \(status.label) with no reason given in the tracker", place)
            }
            try set(.status, .status(action.status), .status(status))
        }
    }

    /// The one place a tracker builds a field edit, so the edit's shape can change in one line.
    static func setEdit(ref: String, field: ActionField, from old: FieldValue, to new: FieldValue) -> Edit {
        .setAction(ref: ref, field: field, from: old, to: new)
    }
}

extension SheetReader {
    /// Excel's name for a column: A, B … Z, AA …
    static func columnName(_ index: Int) -> String {
        index < 26 ? String(UnicodeScalar(UInt8(65 + index))) : columnName(index / 26 - 1) + columnName(index % 26)
    }
}

import Foundation
import PlanModel

/// Reads an Accelerated Progress Plan written in the Word template (as the Devon plan is):
/// the title and header, governance, each area of weakness with its statement, lettered
/// findings and actions table, the risk register and the impact score card.
public enum PlanDocumentReader {
    /// What a Word import gives: the plan, and what was and was not placed.
    public struct Result: Sendable {
        public var plan: Plan
        public var report: ImportReport
    }

    /// Reads the .docx at `url`. `name` is how messages name the file; `today` and `author`
    /// date and sign the note planboard must add when a Red or Amber status comes with no reason;
    /// `columns` says what columns mean where the person said (`--column`).
    public static func read(url: URL, name: String, today: PlanDate, author: String, columns: ColumnChoices = ColumnChoices()) throws -> Result {
        let file = try OfficeFile(url: url, name: name, expecting: .word)
        if file.has("xl/workbook.xml") {
            throw ImportError(file: name, "is an Excel workbook, not a Word document; nothing was changed. To add actions from a tracker use `planboard import \(name) --area N`")
        }
        let main = try file.mainPart() ?? "word/document.xml"
        guard let xml = try file.part(main) else {
            throw ImportError(file: name, "is a zip archive but not a Word document (it has no \(main)); expected a plan saved by Word as .docx. Nothing was changed")
        }
        let numbering = try Self.numberingPart(of: file, main: main).map(Numbering.parse) ?? Numbering()
        let document = try WordDocument.parse(xml, file: name, numbering: numbering)
        var reader = Interpreter(file: name, today: today, author: author, choices: columns)
        try reader.read(document)
        return Result(plan: reader.plan, report: reader.report)
    }
}

extension PlanDocumentReader {
    /// The document's list numbering part, found through its relationships.
    static func numberingPart(of file: OfficeFile, main: String) throws -> Data? {
        let folder = (main as NSString).deletingLastPathComponent
        let rels = try file.part(folder + "/_rels/" + (main as NSString).lastPathComponent + ".rels").map(Relationships.parse) ?? []
        guard let target = rels.first(where: { $0.type.hasSuffix("/numbering") })?.target else { return try file.part(folder + "/numbering.xml") }
        return try file.part(target.hasPrefix("/") ? String(target.dropFirst()) : folder + "/" + target)
    }
}

/// Walks the document's blocks in order, keeping track of which part of the plan it is in.
struct Interpreter {
    let file: String
    let today: PlanDate
    let author: String
    var plan = Plan(header: Header(localArea: "", title: ""), governance: Governance(), areas: [])
    var report = ImportReport()
    /// What the person said columns mean (`--column`), and the headers seen, to say which matched none.
    let choices: ColumnChoices
    private var usedChoices = Set<String>()

    private enum Section { case start, governance, area, actions, risks, scoreCard, guidance }
    private var section = Section.start
    private var area: Int?
    private enum AreaPart { case statement, findings }
    private var areaPart = AreaPart.statement
    private var awaitingHeaderValue: (field: HeaderLabel, place: String)?
    /// Officers or advisers written one per paragraph: the list goes on until something else.
    private var morePeople: HeaderLabel?
    private var narrative: [String] = []
    private var leadIn: (text: String, place: String)?
    /// The actions table being read, carried across a page break into a continuation table.
    private var actionRows: ActionRowReader?
    private var actionColumns = 0
    private var lastBlockWasActionsTable = false
    private var sawRecognisedTable = false

    init(file: String, today: PlanDate, author: String, choices: ColumnChoices = ColumnChoices()) {
        self.choices = choices
        self.file = file
        self.today = today
        self.author = author
    }

    enum HeaderLabel: CaseIterable {
        case localArea, inspection, revisit, officers, advisers

        var name: String {
            switch self {
            case .localArea: "the local area's name"
            case .inspection: "the inspection dates"
            case .revisit: "the revisit report date"
            case .officers: "the accountable officers"
            case .advisers: "the SEND and NHS England advisers"
            }
        }

        static func match(_ text: String) -> HeaderLabel? {
            let h = ColumnMatcher.normalise(text)
            // The template's labels are short and have no commas; values and findings do.
            guard !h.isEmpty, h.count < 80, !text.contains(",") else { return nil }
            if h.hasPrefix("date of publication") || h.hasPrefix("revisit") || h.hasPrefix("date of revisit") || h.hasPrefix("date of the revisit") { return .revisit }
            if h.contains("inspection") && (h.contains("date") || h.contains("when")) { return .inspection }
            if h.contains("accountable officer") { return .officers }
            if h.contains("adviser") || h.contains("advisor") { return .advisers }
            if h == "name of the local area" || h == "local area" || h == "name of local area" { return .localArea }
            return nil
        }
    }

    /// Template guidance and fixed headings: recognised, not plan content.
    static let guidance = [
        "please describe", "please make clear", "the focus of this plan", "for each weakness", "the actions you are taking",
        "the timescales for", "the kpis that you will use", "if you have a council wide risk register", "this is the summary of",
        "governance and accountability structures and processes",
    ]

    mutating func read(_ document: WordDocument) throws {
        for block in document.blocks {
            switch block {
            case let .paragraph(p): paragraph(p)
            case let .table(t): table(t)
            }
        }
        finishGovernance()
        finishActions()
        for header in choices.headers where !usedChoices.contains(ColumnMatcher.normalise(header)) {
            report.miss("--column", "no table has a column headed \"\(header)\"; the option was not used")
        }
        if !sawRecognisedTable && plan.areas.isEmpty {
            throw ImportError(file: file, "is a Word document, but planboard found no part of an Accelerated Progress Plan in it: no table with headers it knows (Action / By when / Responsible officer / RAG / KPI, a risk register, an impact score card) and no \"Area of weakness\" heading; nothing was changed. Expected a plan written in the APP template")
        }
        if plan.header.localArea.trimmingCharacters(in: .whitespaces).isEmpty {
            if let name = localAreaFromTitle() {
                plan.header.localArea = name
                report.place("header", "local area \"\(name)\", taken from the title (there is no \"Name of the Local Area\")")
            } else {
                plan.header.localArea = "Unnamed local area"
                report.miss("header", "no \"Name of the Local Area\"; the plan is called \"\(plan.header.localArea)\". Set it with `planboard header set --local-area NAME`")
            }
        }
        addReasons()
    }

    // MARK: Paragraphs

    private mutating func paragraph(_ p: WordDocument.Paragraph) {
        let text = QuickTrim.oneLine(p.text)
        let place = "paragraph \(p.number)"
        guard !text.isEmpty else { return }
        let normal = ColumnMatcher.normalise(text)
        lastBlockWasActionsTable = false

        let isHeading = ["governance and accountability", "area of weakness", "actions designed to lead", "risk register",
                         "impact score card", "impact scorecard"].contains { normal.hasPrefix($0) } || Interpreter.isGovernanceHeading(normal)
            || Interpreter.guidance.contains { normal.hasPrefix($0) }
        if isHeading {
            if let pending = awaitingHeaderValue { report.skip(pending.place, "\(pending.field.name): left blank in the document") }
            awaitingHeaderValue = nil
            morePeople = nil
        }
        if let field = morePeople, HeaderLabel.match(text) == nil, section == .start, text.contains(",") {
            let people = Interpreter.people(text)
            if field == .officers { plan.header.accountableOfficers += people } else { plan.header.advisers += people }
            report.place(place, "\(people.count) more \(field == .officers ? "accountable officer" : "adviser")\(people.count == 1 ? "" : "s"): \(people.map(\.name).joined(separator: ", "))")
            return
        }
        morePeople = nil
        if let pending = awaitingHeaderValue {
            if HeaderLabel.match(text) == nil {
                setHeader(pending.field, text, place: place)
                awaitingHeaderValue = nil
                if pending.field == .officers || pending.field == .advisers { morePeople = pending.field }
                return
            }
            awaitingHeaderValue = nil
            report.skip(pending.place, "\(pending.field.name): left blank in the document")
        }
        if let label = HeaderLabel.match(text) {
            awaitingHeaderValue = (label, place)
            report.skip(place, "the header label \"\(text)\"")
            return
        }
        if normal.hasPrefix("annex a") || (plan.header.title.isEmpty && section == .start && normal.contains("accelerated progress plan")) {
            plan.header.title = plan.header.title.isEmpty ? text : plan.header.title + " " + text
            report.place(place, "the plan's title")
            return
        }
        if (normal.hasPrefix("governance and accountability") && !normal.contains("structures")) || Interpreter.isGovernanceHeading(normal) {
            finishActions()
            section = .governance
            report.skip(place, "the heading \"\(text)\"")
            return
        }
        if normal.hasPrefix("area of weakness") {
            finishGovernance()
            finishActions()
            section = .area
            area = nil
            areaPart = .statement
            report.skip(place, "the heading \"\(text)\"")
            return
        }
        if normal.hasPrefix("actions designed to lead") {
            finishGovernance()
            section = .actions
            report.skip(place, "the heading \"\(text)\"")
            return
        }
        if normal == "risk register" || normal.hasPrefix("risk register") {
            finishGovernance()
            finishActions()
            section = .risks
            report.skip(place, "the heading \"\(text)\"")
            return
        }
        if normal.hasPrefix("impact score card") || normal.hasPrefix("impact scorecard") {
            finishGovernance()
            finishActions()
            section = .scoreCard
            report.skip(place, "the heading \"\(text)\"")
            return
        }
        if Interpreter.guidance.contains(where: { normal.hasPrefix($0) }) || (section == .guidance && !normal.hasPrefix("area")) {
            if normal.hasPrefix("the focus of this plan") { finishGovernance(); section = .guidance }
            report.skip(place, "template guidance \"\(text.prefix(60))\(text.count > 60 ? "…" : "")\"")
            return
        }

        switch section {
        case .governance: governanceParagraph(p, text: text, place: place)
        case .area: areaParagraph(text, place: place)
        case .actions:
            report.miss(place, "text between the actions table and the next heading, \"\(text.prefix(80))\"; not placed")
        case .start:
            report.miss(place, "text before the plan's parts, \"\(text.prefix(80))\"; not placed")
        case .risks, .scoreCard:
            report.skip(place, "text beside the \(section == .risks ? "risk register" : "impact score card"), \"\(text.prefix(60))\"")
        case .guidance:
            report.skip(place, "template guidance \"\(text.prefix(60))\"")
        }
    }

    private mutating func setHeader(_ field: HeaderLabel, _ value: String, place: String) {
        let text = QuickTrim.oneLine(value)
        switch field {
        case .localArea:
            plan.header.localArea = text
            report.place(place, "local area \"\(text)\"")
        case .inspection:
            if let (start, end) = Interpreter.dateRange(text) {
                plan.header.inspectionStart = start
                plan.header.inspectionEnd = end
                report.place(place, "inspection dates \(start.iso) to \(end.iso) (from \"\(text)\")")
            } else {
                report.miss(place, "inspection dates \"\(text)\" are not dates planboard can read; expected e.g. 23-25 May 2022 or 23/05/2022 to 25/05/2022")
            }
        case .revisit:
            if ["xxx", "tbc", "tbd", "unknown", "not yet known", "n a"].contains(ColumnMatcher.normalise(text)) {
                plan.header.revisitReportDate = nil
                report.place(place, "revisit report date: not yet known (\"\(text)\")")
            } else if let (date, _) = CellValues.date(text), let date {
                plan.header.revisitReportDate = date
                report.place(place, "revisit report date \(date.iso)")
            } else {
                report.miss(place, "revisit report date \"\(text)\" is not a date; left unknown")
            }
        case .officers, .advisers:
            let people = Interpreter.people(value)
            if field == .officers { plan.header.accountableOfficers = people } else { plan.header.advisers = people }
            report.place(place, "\(people.count) \(field == .officers ? "accountable officer" : "adviser")\(people.count == 1 ? "" : "s"): \(people.map(\.name).joined(separator: ", "))")
        }
    }

    /// "Name, Role, Organisation and Name, Role, Organisation", or one person per line.
    static func people(_ text: String) -> [Person] {
        var pieces: [String] = []
        for line in text.components(separatedBy: CharacterSet(charactersIn: "\n;")) {
            for part in line.components(separatedBy: " and ") {
                let trimmed = part.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                // "Health and Wellbeing Board": a part with no comma belongs to the one before.
                if !trimmed.contains(","), let last = pieces.popLast() { pieces.append(last + " and " + trimmed) } else { pieces.append(trimmed) }
            }
        }
        return pieces.map { piece in
            let fields = piece.split(separator: ",").map { QuickTrim.oneLine(String($0)) }
            return Person(name: fields.first ?? piece, role: fields.count > 1 ? fields[1] : "",
                          organisation: fields.count > 2 ? fields[2...].joined(separator: ", ") : "")
        }
    }

    /// "23-25t May 2022", "23 to 25 May 2022", "23/05/2022 - 25/05/2022", or one date.
    static func dateRange(_ text: String) -> (PlanDate, PlanDate)? {
        let t = text.replacingOccurrences(of: #"(\d)(st|nd|rd|th|t)\b"#, with: "$1", options: .regularExpression)
        let parts = t.components(separatedBy: CharacterSet(charactersIn: "-–")).flatMap { $0.components(separatedBy: " to ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if parts.count == 1, let (d, _) = CellValues.date(parts[0]), let d { return (d, d) }
        guard parts.count == 2, let (endDate, _) = CellValues.date(parts[1]), let end = endDate else { return nil }
        if let (s, _) = CellValues.date(parts[0]), let start = s { return (start, end) }
        if let day = Int(parts[0]), let start = PlanDate(year: end.year, month: end.month, day: day) { return (start, end) }
        // "23 May" with the year only at the end.
        if let (s, _) = CellValues.date(parts[0] + " \(end.year)"), let start = s { return (start, end) }
        return nil
    }

    private func localAreaFromTitle() -> String? {
        // "… Plan (APP) for Devon Local Area following the judgement …" or "… for Bigshire Local Area".
        let title = plan.header.title
        guard let start = title.range(of: " for ") else { return nil }
        var name = String(title[start.upperBound...])
        if let end = name.range(of: " following") { name = String(name[..<end.lowerBound]) }
        name = name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty || name.count > 80 ? nil : name
    }

    private mutating func governanceParagraph(_ p: WordDocument.Paragraph, text: String, place: String) {
        governanceLine(text, place: place, isListItem: p.isListItem || p.style.lowercased().contains("list"))
    }

    private mutating func governanceLine(_ text: String, place: String, isListItem: Bool) {
        if isListItem {
            if let leadIn {
                report.skip(leadIn.place, "the lead-in to the partners list, \"\(leadIn.text)\"")
                self.leadIn = nil
            }
            plan.governance.partners.append(text)
            report.place(place, "partner \"\(text.prefix(60))\"")
            return
        }
        if let leadIn {
            narrative.append(leadIn.text)
            report.place(leadIn.place, "governance narrative")
            self.leadIn = nil
        }
        if text.hasSuffix(":") {
            leadIn = (text, place)
            return
        }
        narrative.append(text)
        report.place(place, "governance narrative")
    }

    private mutating func finishGovernance() {
        if let leadIn {
            narrative.append(leadIn.text)
            report.place(leadIn.place, "governance narrative")
            self.leadIn = nil
        }
        if !narrative.isEmpty {
            plan.governance.narrative = ((plan.governance.narrative.isEmpty ? [] : [plan.governance.narrative]) + narrative)
                .joined(separator: "\n\n")
            narrative = []
        }
    }

    private mutating func areaParagraph(_ text: String, place: String) {
        if area == nil {
            let numbered = TextScan.leadingNumber(text)
            let number = numbered?.number ?? ((plan.areas.map(\.number).max() ?? 0) + 1)
            let statement = numbered?.rest ?? text
            if plan.area(number: number) != nil {
                report.miss(place, "a second area numbered \(number); not placed")
                return
            }
            plan.areas.append(Area(number: number, title: Interpreter.shortTitle(statement), weakness: statement))
            area = number
            areaPart = .statement
            report.place(place, "area of weakness \(number): its statement")
            report.skip(place, "area \(number)'s short title \"\(Interpreter.shortTitle(statement))\" is made from its first words; change it with `planboard area set \(number) --title`")
            return
        }
        guard let a = plan.areas.lastIndex(where: { $0.number == area }) else { return }
        let number = plan.areas[a].number
        let chars = Array(text)
        if let (letter, end) = TextScan.letterLabel(chars, maxLetters: 2), letter == letter.lowercased() {
            let rest = String(chars[end...]).trimmingCharacters(in: .whitespaces)
            areaPart = .findings
            if plan.areas[a].findings.contains(where: { $0.letter == letter }) {
                report.miss(place, "a second finding \(number)\(letter); not placed")
                return
            }
            plan.areas[a].findings.append(Finding(letter: letter, text: rest))
            report.place(place, "finding \(number)\(letter)")
            return
        }
        if areaPart == .findings, !plan.areas[a].findings.isEmpty {
            let f = plan.areas[a].findings.count - 1
            let joined = plan.areas[a].findings[f].text.isEmpty ? text : plan.areas[a].findings[f].text + " " + text
            plan.areas[a].findings[f].text = joined
            report.place(place, "finding \(number)\(plan.areas[a].findings[f].letter), continued")
            return
        }
        if ColumnMatcher.normalise(text).hasPrefix("from") || !plan.areas[a].findingsSource.isEmpty {
            plan.areas[a].findingsSource += (plan.areas[a].findingsSource.isEmpty ? "" : " ") + text
            report.place(place, "area \(number)'s findings source line")
            return
        }
        plan.areas[a].weakness += " " + text
        report.place(place, "area \(number)'s statement, continued")
    }

    /// The headings councils give their governance section: "Governance", "Governance
    /// arrangements", "Our governance" (the template's own is "Governance and Accountability").
    static func isGovernanceHeading(_ normal: String) -> Bool {
        ["governance", "our governance", "governance arrangements", "governance structure", "governance structures",
         "plan governance", "governance and oversight", "governance and reporting"].contains(normal)
    }

    /// A table of one cell holding the governance: its paragraphs are the narrative, and the
    /// short lines after a line ending ":" ("Our partners are:") the partners.
    private mutating func governanceTable(_ text: String, place: String) {
        var listing = false
        for line in text.components(separatedBy: "\n") {
            let line = QuickTrim.oneLine(line)
            guard !line.isEmpty else { continue }
            if line.hasSuffix(":") {
                governanceLine(line, place: place, isListItem: false)
                listing = true
                continue
            }
            let short = line.split(separator: " ").count <= 8 && !line.hasSuffix(".")
            listing = listing && short
            governanceLine(line, place: place, isListItem: listing)
        }
    }

    /// A short title for lists: the statement's first words, up to about 40 characters.
    static func shortTitle(_ statement: String) -> String {
        let words = statement.split(separator: " ").map(String.init)
        var out = ""
        for word in words {
            if out.count + word.count + 1 > 40 { return out + "…" }
            out += out.isEmpty ? word : " " + word
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:"))
    }

    // MARK: Tables

    private mutating func table(_ t: WordDocument.Table) {
        let place = "table \(t.number)"
        let grid = TableGrid(t)
        guard !grid.rows.isEmpty else { return }

        // The governance written in a table of one cell under its heading.
        if section == .governance, grid.columns == 1, grid.rows.count == 1 {
            governanceTable(grid.rows[0][0].text, place: "\(place), row 1")
            return
        }

        // A header table: labels in the first column, values beside them.
        if grid.rows.prefix(12).contains(where: { HeaderLabel.match($0.first?.text ?? "") != nil }) {
            sawRecognisedTable = true
            for (r, row) in grid.rows.enumerated() {
                let rowPlace = "\(place), row \(r + 1)"
                // The plan's title merged across the table's first row.
                if r == 0, TableGrid.isTitleRow(row), HeaderLabel.match(row[0].text) == nil {
                    let title = QuickTrim.oneLine(row[0].trimmed)
                    if plan.header.title.isEmpty {
                        plan.header.title = title
                        report.place(rowPlace, "the plan's title")
                    } else {
                        report.miss(rowPlace, "a second title \"\(title.prefix(80))\" above the header; the plan's title stays \"\(plan.header.title.prefix(80))\"")
                    }
                    continue
                }
                guard let label = HeaderLabel.match(row.first?.text ?? "") else {
                    let text = QuickTrim.oneLine(row.map(\.text).joined(separator: " "))
                    if !text.isEmpty { report.miss(rowPlace, "\"\(text.prefix(80))\" in the header table; not placed") }
                    continue
                }
                let value = row.dropFirst().map(\.text).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.joined(separator: "\n")
                if value.isEmpty {
                    report.skip(rowPlace, "\(row.first.map { QuickTrim.oneLine($0.text) } ?? ""): left blank")
                } else {
                    setHeader(label, value, place: rowPlace)
                }
            }
            lastBlockWasActionsTable = false
            return
        }

        // A continuation of the actions table before it, across a page break.
        if lastBlockWasActionsTable, var rows = actionRows, grid.columns == actionColumns {
            var start = 0
            if let (count, kind, _) = TableGrid.header(grid.rows, choices: choices), kind == .actions {
                report.skip(count == 1 ? "\(place), row 1" : "\(place), rows 1–\(count)", "the actions table's header, repeated on the next page")
                start = count
            }
            for r in start..<grid.rows.count {
                rows.read(grid.rows[r], place: "\(place), row \(r + 1)", afterPageBreak: r == start, report: &report)
            }
            actionRows = rows
            report.skip(place, "continues the actions table before it (across a page break)")
            return
        }

        finishActions()
        // Title rows above the header: one cell spanning the whole table ("Actions designed to lead to improvement").
        var top = 0
        while top < grid.rows.count - 1, TableGrid.isTitleRow(grid.rows[top]) {
            let title = QuickTrim.oneLine(grid.rows[top][0].trimmed)
            report.skip("\(place), row \(top + 1)", "the table's title row \"\(title.prefix(60))\"")
            if ColumnMatcher.normalise(title).hasPrefix("actions designed"), section == .area { section = .actions }
            top += 1
        }
        let body = Array(grid.rows.dropFirst(top))
        guard let (headerRows, kind, roles) = TableGrid.header(body, choices: choices) else {
            let first = QuickTrim.oneLine(grid.rows[0].map(\.text).joined(separator: " | "))
            report.miss(place, "a table whose header planboard does not recognise (first row: \"\(first.prefix(100))\"); expected an actions table (Action, By when, Responsible officer, RAG, KPI …), a risk register or an impact score card. Not placed")
            return
        }
        sawRecognisedTable = true
        let headers = TableGrid.headerTexts(body, headerRows)
        report.skip(headerRows == 1 ? "\(place), row \(top + 1)" : "\(place), rows \(top + 1)–\(top + headerRows)", "the table's header")
        let taken = Set(roles.values)
        for (i, header) in headers.enumerated() where roles[i] == nil && !header.isEmpty {
            let columnPlace = "\(place), column \(i + 1)"
            if kind == .actions {
                let (skipped, what) = ColumnMatcher.unused(header, choices: choices, taken: taken)
                if skipped { report.skip(columnPlace, what) } else { report.miss(columnPlace, what) }
            } else {
                report.miss(columnPlace, "the column \"\(QuickTrim.oneLine(header))\" is not one planboard knows; its cells were not placed")
            }
        }
        for header in headers { usedChoices.insert(ColumnMatcher.normalise(header)) }
        let dataRows = body.enumerated().dropFirst(headerRows).map { (offset: $0.offset + top, element: $0.element) }
        switch kind {
        case .actions:
            guard let number = area, section == .area || section == .actions else {
                report.miss(place, "an actions table outside any area of weakness (\(dataRows.count) rows); not placed. Put it after its area's \"Area of weakness\" heading")
                return
            }
            var reader = ActionRowReader(area: number, roles: roles, isTracker: false)
            for (r, row) in dataRows { reader.read(row, place: "\(place), row \(r + 1)", report: &report) }
            actionRows = reader
            actionColumns = grid.columns
            lastBlockWasActionsTable = true
            if dataRows.allSatisfy({ $0.element.allSatisfy { $0.trimmed.isEmpty } }) {
                report.skip(place, "area \(number)'s actions table is empty")
            }
        case .risks:
            var reader = RiskRowReader(roles: roles, startNumber: plan.risks.count + 1)
            for (r, row) in dataRows { reader.read(row, place: "\(place), row \(r + 1)", plan: plan, report: &report) }
            plan.risks += reader.risks
            if dataRows.allSatisfy({ $0.element.allSatisfy { $0.trimmed.isEmpty } }) { report.skip(place, "the risk register is empty") }
        case .reportingLines:
            for (r, row) in dataRows {
                let rowPlace = "\(place), row \(r + 1)"
                func text(_ role: ColumnRole) -> String {
                    roles.first { $0.value == role }.map { row.indices.contains($0.key) ? QuickTrim.oneLine(row[$0.key].trimmed) : "" } ?? ""
                }
                let from = text(.lineFrom), to = text(.lineTo)
                guard !from.isEmpty || !to.isEmpty else { continue }
                guard !from.isEmpty, !to.isEmpty else {
                    report.miss(rowPlace, "a reporting line needs both who reports and to whom (found \"\(from)\" to \"\(to)\"); not placed")
                    continue
                }
                let kindText = ColumnMatcher.normalise(text(.lineKind))
                let kind: ReportingLine.Kind = kindText.contains("account") || kindText.contains("challenge") ? .accountability : .information
                if !kindText.isEmpty && !kindText.contains("inform") && kind == .information {
                    report.miss(rowPlace, "the kind of line \"\(text(.lineKind))\" is neither information nor accountability; information is assumed")
                }
                plan.governance.reportingLines.append(ReportingLine(from: from, to: to, kind: kind, frequency: text(.frequency)))
                report.place(rowPlace, "reporting line \(from) → \(to) (\(kind.rawValue))")
            }
        case .kpis:
            let comparatorLabel = roles.first { $0.value == .comparator }.map { QuickTrim.oneLine(headers[$0.key]) } ?? "Comparator"
            var reader = KPIRowReader(roles: roles, comparatorLabel: comparatorLabel)
            for (r, row) in dataRows { reader.read(row, place: "\(place), row \(r + 1)", existing: plan.kpis, report: &report) }
            plan.kpis += reader.kpis
            if dataRows.allSatisfy({ $0.element.allSatisfy { $0.trimmed.isEmpty } }) { report.skip(place, "the impact score card is empty") }
        }
    }

    /// Puts the actions read so far into their area.
    private mutating func finishActions() {
        defer {
            actionRows = nil
            lastBlockWasActionsTable = false
        }
        guard let reader = actionRows, let a = plan.areas.firstIndex(where: { $0.number == reader.area }) else { return }
        var used = Set(plan.allActions.map(\.ref))
        for row in reader.actions {
            if !used.insert(row.ref).inserted {
                report.miss(row.place, "a second action \(row.ref); not placed (references must be unique)")
                continue
            }
            let text = row.text ?? ""
            if text.isEmpty {
                report.miss(row.place, "action \(row.ref) has no text; not placed")
                continue
            }
            var action = Action(ref: row.ref, text: text, byWhen: row.byWhen ?? nil, leads: row.leads ?? [],
                                seniorResponsibleOfficer: row.sro ?? nil, status: row.status ?? .notStarted,
                                kpiText: row.kpiText ?? "", successCriteria: row.successCriteria ?? "")
            action.byWhenWritten = row.byWhenWritten
            if let progress = row.progress {
                action.notes.append(Note(date: today, author: author, text: progress))
            }
            action.kpis = Interpreter.kpiRefs(in: action.kpiText)
            plan.areas[a].actions.append(action)
            report.place(row.place, "action \(row.ref)\(action.status == .notStarted ? "" : " (\(action.status.label))")")
        }
    }

    /// KPI references written in a KPI cell ("K4", "see K1 and K2").
    static func kpiRefs(in text: String) -> [String] {
        TextScan.kpiRefs(in: text)
    }

    /// Red and Amber need a reason; one that came without gets a note saying where it came from.
    private mutating func addReasons() {
        let kpiRefs = Set(plan.kpis.map(\.ref))
        for a in plan.areas.indices {
            for i in plan.areas[a].actions.indices {
                var action = plan.areas[a].actions[i]
                let unknown = action.kpis.filter { !kpiRefs.contains($0) }
                if !unknown.isEmpty {
                    action.kpis.removeAll { unknown.contains($0) }
                    report.miss("action \(action.ref)", "its KPI text names \(unknown.joined(separator: ", ")), which the score card does not have; not linked")
                }
                if action.status.needsReason && action.notes.isEmpty {
                    action.notes.append(Note(date: today, author: author, text: "\(action.status.label) in \(file); the document gives no reason."))
                    report.place("action \(action.ref)", "\(action.status.label) with no reason in the document: planboard added a note saying so (a Red or Amber action needs one)")
                }
                plan.areas[a].actions[i] = action
            }
        }
    }
}

/// A Word table laid out on its grid: spans spread, vertical merges filled from above.
struct TableGrid {
    var rows: [[GridCell]] = []
    var columns = 0

    init(_ table: WordDocument.Table) {
        // The text and fill each grid column shows, for the merges of the rows below.
        var above: [GridCell] = []
        for row in table.rows {
            var out = Array(repeating: GridCell(text: ""), count: row.gridBefore)
            var sources = Array(repeating: GridCell(text: ""), count: row.gridBefore)
            for cell in row.cells {
                let column = out.count
                let span = max(1, cell.span)
                if cell.merge == .continue {
                    var value = above.indices.contains(column) ? above[column] : GridCell(text: "")
                    value.merged = true
                    out.append(value)
                    sources.append(contentsOf: Array(repeating: GridCell(text: value.text, fill: value.fill), count: span))
                } else {
                    let value = GridCell(text: cell.text, fill: cell.fill)
                    out.append(value)
                    sources.append(contentsOf: Array(repeating: value, count: span))
                }
                // The further columns a cell spans are empty, marked as merged.
                for _ in 1..<span { out.append(GridCell(text: "", fill: cell.fill, merged: true)) }
            }
            rows.append(out)
            columns = max(columns, out.count)
            above = sources
        }
        rows = rows.map { $0 + Array(repeating: GridCell(text: ""), count: max(0, columns - $0.count)) }
    }

    /// The header texts per column over the first `count` rows: a spanned or merged header
    /// cell names every column under it, and a lower row's words come after the upper's. A
    /// group heading spanning several columns ("Timescale and ownership" over "Target date"
    /// and "Lead officer") gives way to the words under it: it names the group, not the column.
    static func headerTexts(_ rows: [[GridCell]], _ count: Int) -> [String] {
        guard let width = rows.first?.count else { return [] }
        var out = Array(repeating: "", count: width)
        var group = Array(repeating: false, count: width)
        for r in 0..<min(count, rows.count) {
            var spanning = ""
            var c = 0
            while c < width {
                // A cell of its own followed by the empty columns it spans.
                var end = c + 1
                if !rows[r][c].merged { while end < width, rows[r][end].merged, rows[r][end].trimmed.isEmpty { end += 1 } }
                let spansColumns = end - c > 1
                for column in c..<end {
                    let cell = rows[r][column]
                    var text = cell.trimmed
                    if cell.merged && text.isEmpty { text = spanning } else { spanning = text }
                    guard !text.isEmpty else { continue }
                    if group[column] && !cell.merged {
                        out[column] = text  // the words under a group heading name the column
                        group[column] = false
                    } else if !out[column].contains(text) {
                        out[column] += (out[column].isEmpty ? "" : " ") + text
                    }
                    if spansColumns && r + 1 < count { group[column] = true }
                }
                c = end
            }
        }
        return out
    }

    /// How many rows make the header (two when the second row holds only header words
    /// under a merged group heading), the table's kind and each column's role; nil when no
    /// header is recognised.
    static func header(_ rows: [[GridCell]], choices: ColumnChoices = ColumnChoices()) -> (Int, TableKind, [Int: ColumnRole])? {
        if rows.count >= 2, isHeaderRow(rows[1], choices: choices),
           let r = ColumnMatcher.recognise(headerTexts(rows, 2), choices: choices) { return (2, r.kind, r.roles) }
        if let r = ColumnMatcher.recognise(headerTexts(rows, 1), choices: choices) { return (1, r.kind, r.roles) }
        return nil
    }

    /// A row that is one cell spanning the whole table: a title, not a header.
    static func isTitleRow(_ row: [GridCell]) -> Bool {
        guard row.count > 1, !row[0].trimmed.isEmpty else { return false }
        return row.dropFirst().allSatisfy { $0.merged && $0.trimmed.isEmpty }
    }

    /// A row made only of short header words (or cells merged from the row above).
    private static func isHeaderRow(_ row: [GridCell], choices: ColumnChoices) -> Bool {
        let texts = row.filter { !$0.merged && !$0.trimmed.isEmpty }.map(\.trimmed)
        guard !texts.isEmpty else { return false }
        return texts.allSatisfy { $0.count < 40 && (choices.choice(for: $0) != nil || ColumnMatcher.actionRole($0) != nil || ColumnMatcher.kpiRole($0) != nil) }
    }
}

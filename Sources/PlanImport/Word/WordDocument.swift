import Foundation
import PlanModel
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A Word document's body as planboard reads it: paragraphs and tables in order.
struct WordDocument {
    var blocks: [Block] = []

    /// Word's widest table has 63 columns; a damaged file's larger spans are cut to this.
    static let maxColumns = 63

    enum Block {
        case paragraph(Paragraph)
        case table(Table)
    }

    struct Paragraph {
        /// 1-based, counting only paragraphs outside tables, as a person counts them.
        var number: Int = 0
        var text: String = ""
        var style: String = ""
        /// In a bulleted or numbered list.
        var isListItem = false
        /// In a numbered or lettered list (its label is now at the start of `text`).
        var isNumbered = false
        /// A page break falls in or before it.
        var breaksPage = false
    }

    struct Cell {
        /// The cell's paragraphs, each as one line.
        var paragraphs: [String] = []
        /// How many grid columns it spans (`w:gridSpan`).
        var span = 1
        /// Vertical merging (`w:vMerge`): restart, continue, or none.
        var merge: Merge = .none
        /// The shading fill (`w:shd w:fill`), as RRGGBB, when set.
        var fill: String?

        enum Merge { case none, restart, `continue` }

        var text: String { paragraphs.joined(separator: "\n") }
    }

    struct Row {
        var cells: [Cell] = []
        /// Repeated at the top of each page (`w:tblHeader`).
        var isHeader = false
        /// Grid columns skipped before the first cell (`w:gridBefore`).
        var gridBefore = 0
    }

    struct Table {
        /// 1-based, counting top-level tables.
        var number: Int = 0
        var rows: [Row] = []
        /// A page break came between this table and the block before it.
        var afterPageBreak = false
    }

    static func parse(_ data: Data, file: String, numbering: Numbering = Numbering()) throws -> WordDocument {
        let builder = Builder(numbering: numbering)
        // Read by planboard's own one-pass reader, as a worksheet is: libxml2 (through
        // XMLParser) gives up on a line past 10 MB, and Word writes its document on one line.
        // The builder takes the reader's events as it took XMLParser's.
        let events = XMLParser(data: Data())
        let bytes = Array(data)
        func damaged(_ offset: Int) -> ImportError {
            let line = 1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return ImportError(file: file, "is damaged: its document text is not well-formed XML (it breaks off or is malformed near line \(line)); expected a document saved by Word. Nothing was changed")
        }
        do {
            try XMLScan(keepTextUpTo: Int.max).scan(bytes, start: { name, attributes in
                var dictionary: [String: String] = [:]
                for attribute in attributes where dictionary[String(attribute.name)] == nil { dictionary[String(attribute.name)] = attribute.value }
                builder.parser(events, didStartElement: String(name), namespaceURI: nil, qualifiedName: nil, attributes: dictionary)
            }, end: { name in
                builder.parser(events, didEndElement: String(name), namespaceURI: nil, qualifiedName: nil)
            }, text: { text, length in
                // A text planboard could never keep is refused as soon as it is seen.
                if length > 4 * Validator.maxTextLength {
                    throw ImportError(file: file, "has a text of more than \(Validator.maxTextLength) characters in one piece (\(length) bytes); expected at most \(Validator.maxTextLength) characters in any paragraph or cell. Nothing was changed")
                }
                if let text { builder.parser(events, foundCharacters: text) }
            })
        } catch let error as XMLScan.Malformed {
            throw damaged(error.offset)
        }
        guard builder.error == nil, builder.depth == 0, builder.sawRoot else { throw damaged(bytes.count) }
        return builder.document
    }

    /// Builds the body from the parser's events. Text in deleted runs, field codes and the
    /// fallback copies of drawings is skipped; nested tables are read as their cell's text.
    private final class Builder: NSObject, XMLParserDelegate {
        var document = WordDocument()
        private var paragraphCount = 0
        private var tableCount = 0
        private var tables: [Table] = []
        private var rows: [Row] = []
        private var cells: [Cell] = []
        private var paragraph: Paragraph?
        private var paragraphDepth = 0
        private var inText = false
        private var skipDepth = 0
        private var pendingPageBreak = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            depth += 1
            if name == "document" { sawRoot = true }
            if skipDepth > 0 || name == "Fallback" || name == "delText" || name == "instrText" {
                skipDepth += 1
                return
            }
            func attr(_ local: String) -> String? {
                attributes.first { $0.key == local || $0.key.hasSuffix(":" + local) }?.value
            }
            switch name {
            case "tbl":
                tables.append(Table())
                if tables.count == 1 { tables[0].afterPageBreak = pendingPageBreak }
            case "tr": if tables.count >= 1 { rows.append(Row()) }
            case "tblHeader": if !rows.isEmpty { rows[rows.count - 1].isHeader = attr("val").map { $0 != "0" && $0 != "false" } ?? true }
            case "gridBefore": if !rows.isEmpty, cells.count < tables.count, let v = attr("val").flatMap(Int.init), v > 0 { rows[rows.count - 1].gridBefore = min(v, WordDocument.maxColumns) }
            case "tc": cells.append(Cell())
            case "gridSpan": if !cells.isEmpty, let v = attr("val").flatMap(Int.init), v > 1 { cells[cells.count - 1].span = min(v, WordDocument.maxColumns) }
            case "vMerge": if !cells.isEmpty { cells[cells.count - 1].merge = attr("val") == "restart" ? .restart : .continue }
            case "shd":
                // Only a cell's own shading counts (tcPr), not a paragraph's or a run's.
                if !cells.isEmpty, paragraph == nil, let fill = attr("fill"), fill.count == 6, fill.lowercased() != "auto" {
                    cells[cells.count - 1].fill = fill.uppercased()
                }
            case "p":
                paragraphDepth += 1
                if paragraph == nil {
                    paragraph = Paragraph()
                    listId = nil
                    listLevel = 0
                }
            case "r":
                // The list label goes before the paragraph's first text.
                if let id = listId, paragraph?.text.isEmpty == true, !labelled {
                    labelled = true
                    if id != "0", let label = numbering.label(list: id, level: listLevel) { paragraph?.text = label + " " }
                    if id == "0" { paragraph?.isListItem = false }
                }
            case "pStyle": if paragraph != nil, let v = attr("val") { paragraph?.style = v }
            case "numPr": paragraph?.isListItem = true
            case "ilvl": if paragraph != nil, let v = attr("val").flatMap(Int.init) { listLevel = v }
            case "numId": if paragraph != nil, let v = attr("val") { listId = v }
            case "pageBreakBefore": if attr("val").map({ $0 != "0" && $0 != "false" }) ?? true { paragraph?.breaksPage = true }
            case "t": inText = true
            case "tabs": inTabs = true
            case "tab": if paragraph != nil, !inTabs { paragraph?.text += "\t" }
            case "br", "cr":
                if attr("type") == "page" { paragraph?.breaksPage = true } else { paragraph?.text += "\n" }
            case "noBreakHyphen": paragraph?.text += "-"
            default: break
            }
        }

        /// `w:tab` also appears in paragraph properties as a tab stop; those are not text.
        private var inTabs = false
        private var numbering: Numbering
        private var listId: String?
        private var listLevel = 0
        private var labelled = false

        init(numbering: Numbering) { self.numbering = numbering }

        /// Open elements, to tell a document that breaks off from a whole one.
        var depth = 0
        var sawRoot = false
        var error: Error?
        var errorLine: Int?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if error == nil {
                error = parseError
                errorLine = parser.lineNumber
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            if skipDepth > 0 {
                skipDepth -= 1
                return
            }
            switch name {
            case "t": inText = false
            case "tabs": inTabs = false
            case "p":
                paragraphDepth -= 1
                guard paragraphDepth == 0, var p = paragraph else { return }
                paragraph = nil
                // A numbered paragraph with no text still counts in its list.
                if let id = listId, !labelled, id != "0", let label = numbering.label(list: id, level: listLevel), p.text.isEmpty {
                    p.text = label
                }
                if let id = listId, id != "0", numbering.isBullet(list: id, level: listLevel) == false { p.isNumbered = true }
                labelled = false
                listId = nil
                if !cells.isEmpty {
                    cells[cells.count - 1].paragraphs.append(p.text)
                } else {
                    paragraphCount += 1
                    var numbered = p
                    numbered.number = paragraphCount
                    document.blocks.append(.paragraph(numbered))
                    if p.breaksPage { pendingPageBreak = true } else if !p.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { pendingPageBreak = false }
                }
            case "tc":
                guard let cell = cells.popLast() else { return }
                if !rows.isEmpty && cells.count == tables.count - 1 {
                    rows[rows.count - 1].cells.append(cell)
                } else if !cells.isEmpty {
                    cells[cells.count - 1].paragraphs += cell.paragraphs
                }
            case "tr":
                guard let row = rows.popLast(), !tables.isEmpty else { return }
                if rows.count == tables.count - 1 {
                    tables[tables.count - 1].rows.append(row)
                } else if !cells.isEmpty {
                    cells[cells.count - 1].paragraphs += row.cells.flatMap(\.paragraphs)
                }
            case "tbl":
                guard let table = tables.popLast() else { return }
                if tables.isEmpty {
                    tableCount += 1
                    var numbered = table
                    numbered.number = tableCount
                    document.blocks.append(.table(numbered))
                    pendingPageBreak = false
                } else if !cells.isEmpty {
                    // A table inside a cell: its text joins the cell's.
                    cells[cells.count - 1].paragraphs += table.rows.flatMap { $0.cells.flatMap(\.paragraphs) }
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText && skipDepth == 0 { paragraph?.text += TextScan.clean(string) }
        }
    }
}

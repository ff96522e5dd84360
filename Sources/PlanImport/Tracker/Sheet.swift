import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlanModel

/// One row of a sheet: only the cells with something in them, so a row whose one cell is in
/// column XFD costs one cell, not 16,384.
struct SheetRow {
    var number: Int
    /// The cells with text or shading, in column order.
    var entries: [(column: Int, cell: GridCell)]

    /// The cells from column A up to (not including) `width`, empty where there is none.
    func cells(width: Int) -> [GridCell] {
        var out = Array(repeating: GridCell(text: ""), count: width)
        for entry in entries where entry.column < width { out[entry.column] = entry.cell }
        return out
    }

    /// The cells from column A to the last there is: for a header row, or tests.
    var cells: [GridCell] { cells(width: (entries.last?.column ?? -1) + 1) }
}

/// The first worksheet of an .xlsx, or a .csv, as rows of cells with their shading.
struct Sheet {
    var name: String
    var rows: [SheetRow]

    /// A cell over planboard's longest text, refused as soon as it is seen.
    static func tooLong(_ file: String, _ place: String, characters: Int?) -> ImportError {
        let size = characters.map { "\($0) characters" } ?? "more than \(Validator.maxTextLength) characters"
        return ImportError(file: file, "has a cell of \(size) at \(place); expected at most \(Validator.maxTextLength) characters in one cell. Nothing was changed")
    }

    /// Every row of a tracker held at once, for tests (an import reads it row by row with
    /// `SheetSource`).
    static func read(url: URL, name: String) throws -> Sheet {
        let source = try SheetSource.open(url: url, name: name)
        var rows: [SheetRow] = []
        try source.forEachRow { rows.append($0) }
        return Sheet(name: source.name, rows: rows)
    }
}

/// A tracker's first worksheet (or its CSV), read one row at a time: its rows are never all
/// held at once, so memory goes with the actions made from them, not with the cells.
struct SheetSource {
    var name: String
    private var read: ((SheetRow) throws -> Void) throws -> Void
    /// About how many rows the sheet has (counted cheaply; a little over, never far under).
    private(set) var expectedRows: Int
    /// The bytes held while the rows are read (the CSV's text, or the worksheet's XML).
    private(set) var heldBytes: Int

    /// Calls `body` with each row, in order.
    func forEachRow(_ body: (SheetRow) throws -> Void) throws {
        try read(body)
    }

    static func open(url: URL, name: String) throws -> SheetSource {
        url.pathExtension.lowercased() == "csv" ? try csv(url: url, name: name) : try xlsx(url: url, name: name)
    }

    static func xlsx(url: URL, name: String) throws -> SheetSource {
        let file = try OfficeFile(url: url, name: name, expecting: .excel)
        if file.has("word/document.xml") {
            throw ImportError(file: name, "is a Word document, not an Excel tracker; nothing was changed. Import a whole plan from Word with `planboard import \(name)` (without --area)")
        }
        let workbookPath = try file.mainPart() ?? "xl/workbook.xml"
        guard let workbook = try file.part(workbookPath) else {
            throw ImportError(file: name, "is a zip archive but not an Excel workbook (it has no \(workbookPath)); expected a tracker saved by Excel as .xlsx. Nothing was changed")
        }
        guard let sheet = ElementCollector.collect("sheet", in: workbook).first else {
            throw ImportError(file: name, "is an Excel workbook with no worksheets; nothing was changed")
        }
        let folder = (workbookPath as NSString).deletingLastPathComponent
        let relsPath = folder + "/_rels/" + (workbookPath as NSString).lastPathComponent + ".rels"
        let rels = try file.part(relsPath).map(Relationships.parse) ?? []
        func resolve(_ target: String) -> String {
            target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? target : folder + "/" + target)
        }
        let sheetPath = rels.first { $0.id == sheet["id"] }.map { resolve($0.target) } ?? resolve("worksheets/sheet1.xml")
        guard let sheetData = try file.partBytes(sheetPath) else {
            throw ImportError(file: name, "is damaged: its first worksheet (\(sheetPath)) is missing; nothing was changed")
        }
        let sharedPath = rels.first { $0.type.hasSuffix("/sharedStrings") }.map { resolve($0.target) } ?? resolve("sharedStrings.xml")
        let stylesPath = rels.first { $0.type.hasSuffix("/styles") }.map { resolve($0.target) } ?? resolve("styles.xml")
        let strings = try file.part(sharedPath).map { try SharedStrings.parse($0, file: name) } ?? []
        let theme = try file.part(resolve("theme/theme1.xml")).map(ThemeColours.parse) ?? []
        let fills = try file.part(stylesPath).map { StyleFills.parse($0, theme: theme) } ?? []
        // Rows start with "<row" and end with "</row>": a cheap count of them, for room.
        var rowCount = 0
        var i = 0
        while i + 4 < sheetData.count {
            if sheetData[i] == 0x3C, sheetData[i + 1] == 0x2F, sheetData[i + 2] == 0x72, sheetData[i + 3] == 0x6F, sheetData[i + 4] == 0x77 { rowCount += 1 }
            i += 1
        }
        return SheetSource(name: sheet["name"] ?? "Sheet1", read: { body in
            let reader = SheetReader(strings: strings, fills: fills, file: name)
            do {
                try withoutActuallyEscaping(body) { body in
                    reader.onRow = body
                    defer { reader.onRow = nil }
                    try reader.read(sheetData)
                }
            } catch let error as ImportError {
                throw error
            } catch let error as XMLScan.Malformed {
                throw ImportError(file: name, "is damaged: its worksheet is not well-formed XML (\(error.reason), at byte \(error.offset) of \(sheetPath)); nothing was changed")
            }
        }, expectedRows: rowCount, heldBytes: sheetData.count)
    }

    static func csv(url: URL, name: String) throws -> SheetSource {
        guard let data = try? Data(contentsOf: url) else {
            throw ImportError(file: name, "cannot be read; expected a readable CSV file")
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Excel's "CSV" is Windows-1252 unless saved as "CSV UTF-8".
        var utf8: [UInt8]
        if let text = String(data: bytes, encoding: .utf8) {
            utf8 = Array(text.utf8)
        } else if let text = String(data: bytes, encoding: .windowsCP1252) {
            utf8 = Array(text.utf8)
        } else {
            throw ImportError(file: name, "is not text; expected a CSV file saved from Excel")
        }
        if utf8.contains(0) { throw ImportError(file: name, "is not a CSV file (it holds binary data); nothing was changed") }
        let sheetName = (name as NSString).lastPathComponent
        // A record ends at a line break (CR LF, LF or CR): their count is a little over the
        // rows (a quoted field may hold some).
        var lineBreaks = 1
        for k in utf8.indices where utf8[k] == 0x0A || (utf8[k] == 0x0D && (k + 1 == utf8.count || utf8[k + 1] != 0x0A)) { lineBreaks += 1 }
        return SheetSource(name: sheetName, read: { each in try csvRows(utf8, name: name, each: each) }, expectedRows: lineBreaks,
                           heldBytes: utf8.count)
    }

    private static func csvRows(_ utf8: [UInt8], name: String, each: (SheetRow) throws -> Void) throws {
        let limit = Validator.maxTextLength
        var entries: [(column: Int, cell: GridCell)] = []
        var column = 0
        var record = 1
        var field: [UInt8] = []
        var quoted = false
        func finishField() throws {
            if field.count > limit {
                let scalars = String(decoding: field, as: UTF8.self).unicodeScalars.count
                if scalars > limit { throw Sheet.tooLong(name, "row \(record), column \(SheetReader.columnName(column))", characters: scalars) }
            }
            if !field.isEmpty { entries.append((column, GridCell(text: TextScan.clean(String(decoding: field, as: UTF8.self))))) }
            field.removeAll(keepingCapacity: true)
            column += 1
        }
        func finishRow() throws {
            try each(SheetRow(number: record, entries: entries))
            entries = []
            column = 0
            record += 1
        }
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            i += 1
            if quoted {
                if b == 0x22 {
                    if i < n, utf8[i] == 0x22 { field.append(0x22); i += 1 } else { quoted = false }
                } else {
                    field.append(b)
                    if field.count > 4 * limit { throw Sheet.tooLong(name, "row \(record), column \(SheetReader.columnName(column))", characters: nil) }
                }
                continue
            }
            switch b {
            case 0x22: quoted = true
            case 0x2C: try finishField()
            case 0x0D, 0x0A:
                if b == 0x0D, i < n, utf8[i] == 0x0A { i += 1 }
                try finishField()
                try finishRow()
            default:
                field.append(b)
                if field.count > 4 * limit { throw Sheet.tooLong(name, "row \(record), column \(SheetReader.columnName(column))", characters: nil) }
            }
        }
        if !field.isEmpty || !entries.isEmpty || column > 0 {
            try finishField()
            try finishRow()
        }
    }
}

/// The workbook's shared strings, rich text joined, phonetic guides left out.
enum SharedStrings {
    static func parse(_ data: Data, file: String) throws -> [String] {
        var strings: [String] = []
        var current = ""
        var length = 0
        var inText = false
        var inPhonetic = false
        let limit = Validator.maxTextLength
        do {
            try XMLScan().scan(Array(data), start: { name, _ in
                switch name {
                case "si": current = ""; length = 0
                case "t": inText = true
                case "rPh": inPhonetic = true
                default: break
                }
            }, end: { name in
                switch name {
                case "si":
                    if length > limit, current.unicodeScalars.count > limit {
                        throw Sheet.tooLong(file, "shared text \(strings.count + 1)", characters: current.unicodeScalars.count)
                    }
                    strings.append(current)
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
            }, text: { text, bytes in
                guard inText && !inPhonetic else { return }
                length += bytes
                guard let text, length <= 4 * limit else { throw Sheet.tooLong(file, "shared text \(strings.count + 1)", characters: nil) }
                current += text
            })
        } catch let error as XMLScan.Malformed {
            throw ImportError(file: file, "is damaged: its shared text is not well-formed XML (\(error.reason), at byte \(error.offset)); nothing was changed")
        }
        return strings
    }
}

/// Each cell style's solid fill colour (RRGGBB), by style index: a colour given as RGB, as
/// one of Excel's legacy indexed colours, or as a theme colour (lightened or darkened by its tint).
final class StyleFills: NSObject, XMLParserDelegate {
    private var fills: [String?] = []
    private var styleFills: [Int] = []
    private var inFills = false
    private var inCellXfs = false
    private var inPattern = false
    private var theme: [String] = []

    /// The legacy palette's strong colours, the ones trackers use for RAG.
    static let indexed: [Int: String] = [2: "FF0000", 3: "00FF00", 4: "0000FF", 5: "FFFF00", 10: "FF0000", 11: "00FF00",
                                         12: "0000FF", 13: "FFFF00", 17: "008000", 22: "C0C0C0", 23: "808080",
                                         40: "00CCFF", 42: "CCFFCC", 43: "FFFF99", 50: "99CC00", 51: "FFCC00",
                                         52: "FF9900", 53: "FF6600", 57: "339966"]

    static func parse(_ data: Data, theme: [String] = []) -> [String?] {
        let reader = StyleFills()
        reader.theme = theme
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        _ = parser.parse()
        return reader.styleFills.map { reader.fills.indices.contains($0) ? reader.fills[$0] : nil }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "fills": inFills = true
        case "fill" where inFills: fills.append(nil)
        case "patternFill" where inFills: inPattern = attributes["patternType"] == "solid"
        case "fgColor" where inFills && inPattern:
            if let rgb = attributes["rgb"], rgb.count >= 6 {
                fills[fills.count - 1] = String(rgb.suffix(6)).uppercased()
            } else if let index = attributes["indexed"].flatMap(Int.init) {
                fills[fills.count - 1] = StyleFills.indexed[index]
            } else if let index = attributes["theme"].flatMap(Int.init), theme.indices.contains(index) {
                fills[fills.count - 1] = ThemeColours.tinted(theme[index], by: attributes["tint"].flatMap(Double.init) ?? 0)
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: styleFills.append(attributes["fillId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "fills": inFills = false
        case "cellXfs": inCellXfs = false
        default: break
        }
    }
}

/// A worksheet's rows: each cell's shown value and fill, at its column, read in one pass.
final class SheetReader {
    let strings: [String]
    let fills: [String?]
    let file: String
    /// Each row as it is read.
    var onRow: ((SheetRow) throws -> Void)?
    private var entries: [(column: Int, cell: GridCell)] = []
    private var rowNumber = 0
    private var column = 0
    private var type = ""
    private var style = 0
    private var value = ""
    private var valueBytes = 0
    private var inValue = false
    private var inCell = false

    init(strings: [String], fills: [String?], file: String) {
        self.strings = strings
        self.fills = fills
        self.file = file
    }

    /// Excel's widest sheet ends at column XFD.
    static let maxColumns = 16_384

    /// The column of a cell reference ("C7" is 2); nil when it is not one Excel could write.
    static func column(of reference: String) -> Int? {
        let letters = reference.prefix { $0.isASCII && $0.isLetter }.uppercased()
        guard (1...3).contains(letters.count) else { return nil }
        let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return column < maxColumns ? column : nil
    }

    func read(_ bytes: [UInt8]) throws {
        let limit = Validator.maxTextLength
        try XMLScan().scan(bytes, start: { name, attributes in
            func attribute(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
            switch name {
            case "row":
                entries = []
                rowNumber = attribute("r").flatMap(Int.init) ?? rowNumber + 1
                column = 0
            case "c":
                column = min(attribute("r").flatMap(SheetReader.column(of:)) ?? column, SheetReader.maxColumns - 1)
                type = attribute("t") ?? "n"
                style = attribute("s").flatMap(Int.init) ?? 0
                value = ""
                valueBytes = 0
                inCell = true
            case "v", "t": inValue = inCell
            default: break
            }
        }, end: { name in
            switch name {
            case "v", "t": inValue = false
            case "c":
                inCell = false
                var text = value
                if type == "s", let i = Int(value), strings.indices.contains(i) { text = strings[i] }
                if type == "b" { text = value == "1" ? "TRUE" : "FALSE" }
                if valueBytes > limit, text.unicodeScalars.count > limit {
                    throw Sheet.tooLong(file, "row \(rowNumber), column \(SheetReader.columnName(column))", characters: text.unicodeScalars.count)
                }
                let fill = fills.indices.contains(style) ? fills[style] : nil
                if !text.isEmpty || fill != nil {
                    if let last = entries.last, last.column >= column { entries.removeAll { $0.column == column } }
                    entries.append((column, GridCell(text: TextScan.clean(text), fill: fill)))
                    if entries.count > 1, entries[entries.count - 2].column > column { entries.sort { $0.column < $1.column } }
                }
                column += 1
            case "row":
                try onRow?(SheetRow(number: rowNumber, entries: entries))
                entries = []
            default: break
            }
        }, text: { text, bytes in
            guard inValue else { return }
            valueBytes += bytes
            guard let text, valueBytes <= 4 * limit else {
                throw Sheet.tooLong(file, "row \(rowNumber), column \(SheetReader.columnName(column))", characters: nil)
            }
            value += text
        })
    }
}

/// The workbook theme's colours in the order cells refer to them: light 1, dark 1, light 2,
/// dark 2, accents 1 to 6, hyperlink, followed hyperlink.
enum ThemeColours {
    static func parse(_ data: Data) -> [String] {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        _ = parser.parse()
        let c = reader.colours
        let order = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"]
        return order.map { c[$0] ?? "000000" }
    }

    /// A colour lightened (tint > 0) or darkened (tint < 0) as Excel does.
    static func tinted(_ hex: String, by tint: Double) -> String {
        guard tint != 0, let value = UInt32(hex, radix: 16) else { return hex }
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) }
        let out = channels.map { c in tint < 0 ? c * (1 + tint) : c + (255 - c) * tint }
        return out.map { String(format: "%02X", Int($0.rounded()).clamped(0, 255)) }.joined()
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var colours: [String: String] = [:]
        private var current: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink":
                current = name
            case "srgbClr": if let current, let v = attributes["val"] { colours[current] = v.uppercased() }
            case "sysClr": if let current, let v = attributes["lastClr"] { colours[current] = v.uppercased() }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == current { current = nil }
        }
    }
}

extension Int {
    func clamped(_ low: Int, _ high: Int) -> Int { Swift.min(Swift.max(self, low), high) }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The first worksheet of an .xlsx, or a .csv, as rows of cells with their shading.
struct Sheet {
    var name: String
    var rows: [(number: Int, cells: [GridCell])]

    static func xlsx(url: URL, name: String) throws -> Sheet {
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
        guard let sheetData = try file.part(sheetPath) else {
            throw ImportError(file: name, "is damaged: its first worksheet (\(sheetPath)) is missing; nothing was changed")
        }
        let sharedPath = rels.first { $0.type.hasSuffix("/sharedStrings") }.map { resolve($0.target) } ?? resolve("sharedStrings.xml")
        let stylesPath = rels.first { $0.type.hasSuffix("/styles") }.map { resolve($0.target) } ?? resolve("styles.xml")
        let strings = try file.part(sharedPath).map(SharedStrings.parse) ?? []
        let theme = try file.part(resolve("theme/theme1.xml")).map(ThemeColours.parse) ?? []
        let fills = try file.part(stylesPath).map { StyleFills.parse($0, theme: theme) } ?? []
        let reader = SheetReader(strings: strings, fills: fills)
        let parser = XMLParser(data: sheetData)
        parser.delegate = reader
        parser.shouldProcessNamespaces = true
        let parsed = parser.parse()
        guard parsed, parser.parserError == nil, reader.error == nil, reader.depth == 0 else {
            throw ImportError(file: name, "is damaged: its worksheet is not well-formed XML (it breaks off or is malformed near line \(parser.lineNumber)); nothing was changed")
        }
        return Sheet(name: sheet["name"] ?? "Sheet1", rows: reader.rows)
    }

    static func csv(url: URL, name: String) throws -> Sheet {
        guard let data = try? Data(contentsOf: url) else {
            throw ImportError(file: name, "cannot be read; expected a readable CSV file")
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Excel's "CSV" is Windows-1252 unless saved as "CSV UTF-8".
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .windowsCP1252) else {
            throw ImportError(file: name, "is not text; expected a CSV file saved from Excel")
        }
        if text.contains("\u{0}") { throw ImportError(file: name, "is not a CSV file (it holds binary data); nothing was changed") }
        var rows: [(Int, [GridCell])] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { field.append(c) }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r\n", "\n", "\r":
                row.append(field); field = ""
                rows.append((line, row.map { GridCell(text: TextScan.clean($0)) }))
                row = []
                line += 1
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append((line, row.map { GridCell(text: TextScan.clean($0)) })) }
        return Sheet(name: (name as NSString).lastPathComponent, rows: rows)
    }
}

/// The workbook's shared strings, rich text joined, phonetic guides left out.
final class SharedStrings: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    static func parse(_ data: Data) -> [String] {
        let reader = SharedStrings()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        _ = parser.parse()
        return reader.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inText = true
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText && !inPhonetic { current += string }
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

/// A worksheet's rows: each cell's shown value and fill, at its column.
final class SheetReader: NSObject, XMLParserDelegate {
    let strings: [String]
    let fills: [String?]
    var rows: [(number: Int, cells: [GridCell])] = []
    private var row: [Int: GridCell] = [:]
    private var rowNumber = 0
    private var column = 0
    private var type = ""
    private var style = 0
    private var value = ""
    private var inValue = false

    var depth = 0
    var error: Error?

    init(strings: [String], fills: [String?]) {
        self.strings = strings
        self.fills = fills
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = parseError }
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

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        switch name {
        case "row":
            row = [:]
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            column = 0
        case "c":
            column = min(attributes["r"].flatMap(SheetReader.column(of:)) ?? column, SheetReader.maxColumns - 1)
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
        case "v", "t": inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        switch name {
        case "v", "t": inValue = false
        case "c":
            var text = value
            if type == "s", let i = Int(value), strings.indices.contains(i) { text = strings[i] }
            if type == "b" { text = value == "1" ? "TRUE" : "FALSE" }
            let fill = fills.indices.contains(style) ? fills[style] : nil
            row[column] = GridCell(text: TextScan.clean(text), fill: fill)
            column += 1
        case "row":
            let width = (row.keys.max() ?? -1) + 1
            rows.append((rowNumber, (0..<width).map { row[$0] ?? GridCell(text: "") }))
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
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

import Foundation
import ZIPFoundation

/// What pandoc's Word file lacks beside the PDF, put in afterwards: each status cell shaded
/// (its glyph and word stay, so colour is never the only signal), and a footer on every
/// page with the plan and meeting and the page number.
enum WordFinish {
    /// Light fills, as the HTML pack's status cells.
    static let fills: [(label: String, fill: String)] = [
        ("● Red", "F8D7DA"), ("▲ Amber", "FFF3CD"), ("✓ Green", "D4EDDA"), ("■ Complete", "D6E4F5"), ("○ Not started", "EEEEEE"),
    ]

    static func apply(to url: URL, footer: String) throws {
        let archive = try Archive(url: url, accessMode: .update)
        func read(_ path: String) throws -> String? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        func write(_ path: String, _ text: String) throws {
            if let entry = archive[path] { try archive.remove(entry) }
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard var document = try read("word/document.xml"), var rels = try read("word/_rels/document.xml.rels"),
              var types = try read("[Content_Types].xml") else {
            throw CLIError("pandoc's Word file is not laid out as expected (no document, relationships or content types); nothing was written")
        }
        document = shade(document)
        if document.contains("<w:sectPr />"), !rels.contains("footer1.xml") {
            document = document.replacingOccurrences(of: "<w:sectPr />", with: """
                <w:sectPr><w:footerReference w:type="default" r:id="rIdPlanboardFooter" /><w:pgSz w:w="11906" w:h="16838" /></w:sectPr>
                """)
            rels = rels.replacingOccurrences(of: "</Relationships>", with: """
                <Relationship Id="rIdPlanboardFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml" /></Relationships>
                """)
            types = types.replacingOccurrences(of: "</Types>", with: """
                <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>
                """)
            try write("word/footer1.xml", footerXML(footer))
            try write("word/_rels/document.xml.rels", rels)
            try write("[Content_Types].xml", types)
        }
        try write("word/document.xml", document)
    }

    /// Each table cell whose text begins with a status gets that status's fill.
    static func shade(_ xml: String) -> String {
        var out = ""
        var rest = Substring(xml)
        while let start = rest.range(of: "<w:tc><w:tcPr />") {
            out += rest[..<start.lowerBound]
            let cellEnd = rest[start.upperBound...].range(of: "</w:tc>")?.lowerBound ?? rest.endIndex
            let cell = rest[start.upperBound..<cellEnd]
            let text = cell.range(of: "<w:t xml:space=\"preserve\">").map { cell[$0.upperBound...] } ?? ""
            if let fill = fills.first(where: { text.hasPrefix($0.label) })?.fill {
                out += "<w:tc><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\" /></w:tcPr>"
            } else {
                out += rest[start]
            }
            rest = rest[start.upperBound...]
        }
        return out + rest
    }

    static func footerXML(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        func field(_ name: String) -> String {
            "<w:r><w:fldChar w:fldCharType=\"begin\" /></w:r><w:r><w:instrText xml:space=\"preserve\"> \(name) </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\" /></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\" /></w:r>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9638" /></w:tabs></w:pPr><w:r><w:rPr><w:sz w:val="18" /></w:rPr><w:t xml:space="preserve">\(escaped)</w:t></w:r><w:r><w:tab /><w:t xml:space="preserve">Page </w:t></w:r>\(field("PAGE"))<w:r><w:t xml:space="preserve"> of </w:t></w:r>\(field("NUMPAGES"))</w:p></w:ftr>
            """
    }
}

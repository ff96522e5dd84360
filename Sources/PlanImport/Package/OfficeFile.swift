import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An Office file (.docx or .xlsx) opened as the zip of XML parts it is, with the checks
/// that turn a wrong or damaged file into a message a board secretary can act on.
struct OfficeFile {
    let name: String
    private let archive: Archive

    /// The largest part planboard will unpack: far above any real plan, well below harm.
    static let maxPartSize: UInt64 = 256 * 1024 * 1024

    enum Kind { case word, excel }

    /// Opens `url`, checking first that it is a zip and not an encrypted or older Office file.
    init(url: URL, name: String, expecting kind: Kind) throws {
        self.name = name
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 8) ?? Data()
        } catch {
            throw ImportError(file: name, "cannot be read (\(error.localizedDescription)); expected a readable file")
        }
        let what = kind == .word ? "a Word document saved as .docx" : "an Excel workbook saved as .xlsx"
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            if OfficeFile.isEncryptedPackage(url) {
                throw ImportError(file: name, "is encrypted with a password (an Office \"encrypted package\"), so planboard cannot read it; nothing was changed. Open it in \(kind == .word ? "Word" : "Excel"), remove the password (File › Info › Protect › Encrypt with Password, clear it), save, and import that copy")
            }
            throw ImportError(file: name, "is an older Office 97–2003 file (.doc or .xls), not \(what); nothing was changed. Open it and save it as \(kind == .word ? ".docx (Word Document)" : ".xlsx (Excel Workbook)"), then import that")
        }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            throw ImportError(file: name, "is not \(what): it does not start like one (a .docx or .xlsx is a zip archive); nothing was changed")
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ImportError(file: name, "looks like a zip archive but cannot be opened (it may be damaged or cut short); expected \(what). Nothing was changed")
        }
    }

    /// An encrypted Office file is an OLE compound file holding a stream named
    /// "EncryptedPackage" (its name is stored in UTF-16).
    static func isEncryptedPackage(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return false }
        let marker = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return data.range(of: marker) != nil
    }

    func has(_ path: String) -> Bool { archive[path] != nil }

    private struct TooLarge: Error {}

    /// The bytes of one part, or nil when the archive has no such part.
    func part(_ path: String) throws -> Data? {
        var data = Data()
        guard try unpack(path, { chunk in
            guard UInt64(data.count + chunk.count) <= OfficeFile.maxPartSize else { throw TooLarge() }
            data.append(chunk)
        }) else { return nil }
        return data
    }

    /// The bytes of one part as an array, the form `XMLScan` reads, unpacked straight into it
    /// (a worksheet of 100,000 rows is 37 MB: not held twice).
    func partBytes(_ path: String) throws -> [UInt8]? {
        var bytes: [UInt8] = []
        // Room for the size the zip declares (at most the limit), found before unpacking: the
        // archive is not read from while a part is being unpacked.
        if let entry = archive[path] { bytes.reserveCapacity(Int(min(UInt64(entry.uncompressedSize), OfficeFile.maxPartSize))) }
        guard try unpack(path, { chunk in
            guard UInt64(bytes.count + chunk.count) <= OfficeFile.maxPartSize else { throw TooLarge() }
            bytes.append(contentsOf: chunk)
        }) else { return nil }
        return bytes
    }

    /// Unpacks a part chunk by chunk; false when the archive has no such part.
    private func unpack(_ path: String, _ consume: (Data) throws -> Void) throws -> Bool {
        guard let entry = archive[path] else { return false }
        guard UInt64(entry.uncompressedSize) <= OfficeFile.maxPartSize else {
            throw ImportError(file: name, "has a part \(path) of \(entry.uncompressedSize) bytes, more than planboard reads (\(OfficeFile.maxPartSize)); nothing was changed")
        }
        do {
            // The size a zip declares may lie; stop at the limit whatever it says.
            _ = try withoutActuallyEscaping(consume) { consume in try archive.extract(entry, skipCRC32: false) { try consume($0) } }
        } catch is TooLarge {
            throw ImportError(file: name, "has a part \(path) that unpacks to more than \(OfficeFile.maxPartSize) bytes, more than planboard reads; nothing was changed")
        } catch {
            throw ImportError(file: name, "is damaged: its part \(path) cannot be unpacked (\(error)); nothing was changed")
        }
        return true
    }

    /// The package's main part ("officeDocument" relationship), or nil when it does not say.
    func mainPart() throws -> String? {
        guard let rels = try part("_rels/.rels") else { return nil }
        guard let target = Relationships.parse(rels).first(where: { $0.type.hasSuffix("/officeDocument") })?.target else { return nil }
        return target.hasPrefix("/") ? String(target.dropFirst()) : target
    }
}

/// One relationship in a `.rels` part.
struct Relationship {
    var id: String
    var type: String
    var target: String
}

enum Relationships {
    static func parse(_ data: Data) -> [Relationship] {
        ElementCollector.collect("Relationship", in: data)
            .map { Relationship(id: $0["Id"] ?? "", type: $0["Type"] ?? "", target: $0["Target"] ?? "") }
    }
}

/// Collects the attributes of every element with one local name: enough for .rels parts
/// and a workbook's sheet list.
final class ElementCollector: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []

    private init(element: String) { self.element = element }

    static func collect(_ element: String, in data: Data) -> [[String: String]] {
        let collector = ElementCollector(element: element)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = collector
        _ = parser.parse()
        return collector.found
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes: [String: String] = [:]) {
        // With namespaces processed, attributes keep their prefixes (r:id); keep the local names too.
        var attrs = attributes
        for (key, value) in attributes { if let colon = key.firstIndex(of: ":") { attrs[String(key[key.index(after: colon)...])] = value } }
        if elementName == element { found.append(attrs) }
    }
}

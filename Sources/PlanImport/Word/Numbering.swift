import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Word's automatic list numbering (`word/numbering.xml`): the label a numbered paragraph
/// shows ("a)", "ii.", "3.") is not in its text, so it is worked out here as Word draws it.
struct Numbering {
    struct Level {
        var format = "decimal"
        var text = "%1."
        var start = 1
    }

    /// Levels by abstract numbering id, then level.
    var abstract: [String: [Int: Level]] = [:]
    /// Each list's abstract numbering, and the levels it starts afresh.
    var lists: [String: (abstract: String, starts: [Int: Int])] = [:]
    /// Where each list has got to, by level.
    private var counters: [String: [Int: Int]] = [:]

    static func parse(_ data: Data) -> Numbering {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        _ = parser.parse()
        return reader.numbering
    }

    /// Whether a list level is bullets rather than numbers or letters.
    func isBullet(list: String, level: Int) -> Bool {
        guard let lvl = lists[list].flatMap({ abstract[$0.abstract]?[level] }) else { return true }
        return lvl.format == "bullet" || lvl.format == "none"
    }

    /// The label the next paragraph of this list shows, counting it; nil for bullets.
    mutating func label(list: String, level: Int) -> String? {
        guard let entry = lists[list], let levels = abstract[entry.abstract], let lvl = levels[level] else { return nil }
        var counter = counters[list] ?? [:]
        let start = entry.starts[level] ?? lvl.start
        counter[level] = (counter[level] ?? start - 1) + 1
        for deeper in counter.keys where deeper > level { counter[deeper] = nil }
        counters[list] = counter
        if lvl.format == "bullet" || lvl.format == "none" { return nil }
        var text = lvl.text
        for l in 0...level {
            let value = counter[l] ?? (levels[l]?.start ?? 1)
            text = text.replacingOccurrences(of: "%\(l + 1)", with: Numbering.render(value, levels[l]?.format ?? "decimal"))
        }
        return text
    }

    static func render(_ n: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter": return findingLetterLike(n).lowercased()
        case "upperLetter": return findingLetterLike(n).uppercased()
        case "lowerRoman": return roman(n).lowercased()
        case "upperRoman": return roman(n)
        default: return String(n)
        }
    }

    /// Word letters lists a … z, then aa … zz (not a spreadsheet's aa, ab).
    private static func findingLetterLike(_ n: Int) -> String {
        guard n >= 1 else { return String(n) }
        let letter = Character(UnicodeScalar(UInt8(97 + (n - 1) % 26)))
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }

    private static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n
        var out = ""
        for (value, symbol) in table {
            while rest >= value {
                out += symbol
                rest -= value
            }
        }
        return out
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var numbering = Numbering()
        private var abstractId: String?
        private var numId: String?
        private var level: Int?
        private var overrideLevel: Int?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            func attr(_ local: String) -> String? { attributes.first { $0.key == local || $0.key.hasSuffix(":" + local) }?.value }
            switch name {
            case "abstractNum": abstractId = attr("abstractNumId")
            case "lvl":
                level = attr("ilvl").flatMap(Int.init)
                if let abstractId, let level { numbering.abstract[abstractId, default: [:]][level] = Level() }
            case "numFmt": update { $0.format = attr("val") ?? $0.format }
            case "lvlText": update { $0.text = attr("val") ?? $0.text }
            case "start":
                if let value = attr("val").flatMap(Int.init) {
                    if let numId, let overrideLevel { numbering.lists[numId]?.starts[overrideLevel] = value } else { update { $0.start = value } }
                }
            case "num":
                numId = attr("numId")
                abstractId = nil
            case "abstractNumId":
                if let numId, let value = attr("val") { numbering.lists[numId] = (value, [:]) }
            case "lvlOverride": overrideLevel = attr("ilvl").flatMap(Int.init)
            case "startOverride":
                if let numId, let overrideLevel, let value = attr("val").flatMap(Int.init) { numbering.lists[numId]?.starts[overrideLevel] = value }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "abstractNum": abstractId = nil
            case "lvl": level = nil
            case "num": numId = nil
            case "lvlOverride": overrideLevel = nil
            default: break
            }
        }

        private func update(_ change: (inout Level) -> Void) {
            guard let abstractId, let level, numId == nil else { return }
            if var lvl = numbering.abstract[abstractId]?[level] {
                change(&lvl)
                numbering.abstract[abstractId]?[level] = lvl
            }
        }
    }
}

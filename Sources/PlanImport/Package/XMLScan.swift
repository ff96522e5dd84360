/// A small streaming reader for the XML of a worksheet and its shared strings: one pass over
/// the bytes, however long the lines (Excel writes a sheet on one line; libxml2 through
/// XMLParser gives up on a line past 10 MB), in memory bounded by the deepest element and the
/// longest text. It knows what these parts use: elements, attributes, text, the five named
/// entities and character references, comments, CDATA and the XML declaration. A document
/// type (and so any entity of its own) is refused, as is anything not well-formed.
struct XMLScan {
    struct Malformed: Error {
        var offset: Int
        var reason: String
    }

    /// A text over this many bytes is not kept: the reader gets its length instead, so a
    /// cell of 50 MB is refused for its size without being held.
    let keepTextUpTo: Int

    init(keepTextUpTo: Int = 4 * 100_000) { self.keepTextUpTo = keepTextUpTo }

    /// Calls `start` for each element's start (its local name and attributes, local names too),
    /// `end` for each end, and `text` for character data (nil with its byte length when over the
    /// limit).
    func scan(_ bytes: [UInt8],
              start: (Substring, [(name: Substring, value: String)]) throws -> Void,
              end: (Substring) throws -> Void,
              text: (String?, Int) throws -> Void) throws {
        var i = 0
        let n = bytes.count
        var stack: [ArraySlice<UInt8>] = []
        var sawRoot = false
        func fail(_ reason: String) -> Malformed { Malformed(offset: i, reason: reason) }
        func isNameByte(_ b: UInt8) -> Bool {
            b >= 0x80 || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x3A || b == 0x5F || b == 0x2D || b == 0x2E
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func local(_ name: ArraySlice<UInt8>) -> Substring {
            let s = String(decoding: name, as: UTF8.self)
            if let colon = s.lastIndex(of: ":") { return s[s.index(after: colon)...] }
            return s[...]
        }
        func find(_ pattern: [UInt8], from: Int) -> Int? {
            guard let first = pattern.first else { return from }
            var j = from
            while j + pattern.count <= n {
                if bytes[j] == first {
                    var k = 1
                    while k < pattern.count && bytes[j + k] == pattern[k] { k += 1 }
                    if k == pattern.count { return j }
                }
                j += 1
            }
            return nil
        }
        /// Character data with its references resolved.
        func decode(_ from: Int, _ to: Int) throws -> String {
            var amp = from
            while amp < to && bytes[amp] != 0x26 { amp += 1 }
            if amp == to { return String(decoding: bytes[from..<to], as: UTF8.self) }
            var out: [UInt8] = Array(bytes[from..<amp])
            var j = amp
            while j < to {
                let b = bytes[j]
                guard b == 0x26 else { out.append(b); j += 1; continue }
                var semi = j + 1
                while semi < to && semi - j < 12 && bytes[semi] != 0x3B { semi += 1 }
                guard semi < to, bytes[semi] == 0x3B else { throw Malformed(offset: j, reason: "an '&' that starts no entity") }
                let name = String(decoding: bytes[(j + 1)..<semi], as: UTF8.self)
                switch name {
                case "amp": out.append(0x26)
                case "lt": out.append(0x3C)
                case "gt": out.append(0x3E)
                case "quot": out.append(0x22)
                case "apos": out.append(0x27)
                default:
                    var value: UInt32?
                    if name.hasPrefix("#x") || name.hasPrefix("#X") { value = UInt32(name.dropFirst(2), radix: 16) } else if name.hasPrefix("#") { value = UInt32(name.dropFirst()) }
                    guard let value, let scalar = Unicode.Scalar(value) else { throw Malformed(offset: j, reason: "the entity &\(name); is not one XML defines") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                j = semi + 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        while i < n {
            // Character data up to the next tag.
            let textStart = i
            while i < n && bytes[i] != 0x3C { i += 1 }
            if i > textStart, !stack.isEmpty {
                let length = i - textStart
                try text(length > keepTextUpTo ? nil : try decode(textStart, i), length)
            } else if i > textStart {
                for k in textStart..<i where !isSpace(bytes[k]) { i = k; throw fail("text outside the document's element") }
            }
            guard i < n else { break }
            // i is at '<'.
            guard i + 1 < n else { throw fail("the part ends inside a tag") }
            let next = bytes[i + 1]
            if next == 0x3F {  // <? … ?>
                guard let close = find([0x3F, 0x3E], from: i + 2) else { throw fail("the part ends inside a declaration") }
                i = close + 2
                continue
            }
            if next == 0x21 {  // <!-- … -->, <![CDATA[ … ]]>, <!DOCTYPE
                if i + 3 < n, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                    guard let close = find([0x2D, 0x2D, 0x3E], from: i + 4) else { throw fail("the part ends inside a comment") }
                    i = close + 3
                    continue
                }
                let cdata: [UInt8] = Array("<![CDATA[".utf8)
                if i + cdata.count <= n, Array(bytes[i..<(i + cdata.count)]) == cdata {
                    guard !stack.isEmpty else { throw fail("CDATA outside the document's element") }
                    let from = i + cdata.count
                    guard let close = find([0x5D, 0x5D, 0x3E], from: from) else { throw fail("the part ends inside CDATA") }
                    let length = close - from
                    try text(length > keepTextUpTo ? nil : String(decoding: bytes[from..<close], as: UTF8.self), length)
                    i = close + 3
                    continue
                }
                throw fail("a document type declaration, which a workbook part never has")
            }
            if next == 0x2F {  // </name>
                var j = i + 2
                let nameStart = j
                while j < n && isNameByte(bytes[j]) { j += 1 }
                let name = bytes[nameStart..<j]
                while j < n && isSpace(bytes[j]) { j += 1 }
                guard j < n, bytes[j] == 0x3E else { throw fail("an end tag that does not close") }
                guard let open = stack.popLast(), open.elementsEqual(name) else { throw fail("an end tag that matches no start tag") }
                try end(local(name))
                i = j + 1
                continue
            }
            // <name attr="value" …> or …/>
            var j = i + 1
            let nameStart = j
            while j < n && isNameByte(bytes[j]) { j += 1 }
            guard j > nameStart else { throw fail("a '<' that starts no tag") }
            let name = bytes[nameStart..<j]
            if stack.isEmpty && sawRoot { throw fail("a second document element") }
            var attributes: [(name: Substring, value: String)] = []
            var selfClosing = false
            while true {
                while j < n && isSpace(bytes[j]) { j += 1 }
                guard j < n else { i = j; throw fail("the part ends inside a tag") }
                if bytes[j] == 0x3E { j += 1; break }
                if bytes[j] == 0x2F {
                    guard j + 1 < n, bytes[j + 1] == 0x3E else { i = j; throw fail("a '/' inside a tag") }
                    selfClosing = true
                    j += 2
                    break
                }
                let keyStart = j
                while j < n && isNameByte(bytes[j]) { j += 1 }
                guard j > keyStart else { i = j; throw fail("an attribute without a name") }
                let key = bytes[keyStart..<j]
                while j < n && isSpace(bytes[j]) { j += 1 }
                guard j < n, bytes[j] == 0x3D else { i = j; throw fail("an attribute without '='") }
                j += 1
                while j < n && isSpace(bytes[j]) { j += 1 }
                guard j < n, bytes[j] == 0x22 || bytes[j] == 0x27 else { i = j; throw fail("an attribute value without quotes") }
                let quote = bytes[j]
                let valueStart = j + 1
                var k = valueStart
                while k < n && bytes[k] != quote && bytes[k] != 0x3C { k += 1 }
                guard k < n, bytes[k] == quote else { i = k; throw fail("an attribute value that does not close") }
                attributes.append((local(key), try decode(valueStart, k)))
                j = k + 1
            }
            sawRoot = true
            try start(local(name), attributes)
            if selfClosing { try end(local(name)) } else { stack.append(name) }
            i = j
        }
        guard stack.isEmpty, sawRoot else { throw fail(sawRoot ? "the part ends before its elements close (it was cut off)" : "no document element") }
    }
}

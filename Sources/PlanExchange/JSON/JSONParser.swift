import Foundation
import PlanModel

/// A JSON syntax error with its place in the file.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public var message: String
    public var line: Int
    public var column: Int
}

/// A strict JSON parser (RFC 8259) that reports line and column, refuses invalid UTF-8
/// and duplicate keys, and limits nesting so a hostile file cannot exhaust the stack.
public struct JSONParser {
    public static let maxDepth = 64

    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses a whole document.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw JSONSyntaxError(message: "the file is saved as UTF-16; expected UTF-8 (save it again choosing UTF-8)", line: 1, column: 1)
        }
        try checkUTF8(bytes)
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.i = 3; parser.lineStart = 3 }
        parser.skipSpace()
        if parser.i >= bytes.count {
            let message = bytes.isEmpty ? "the file is empty; expected a JSON object"
                                        : "the file holds only spaces and line breaks; expected a JSON object"
            throw JSONSyntaxError(message: message, line: 1, column: 1)
        }
        let node = try parser.value()
        parser.skipSpace()
        if parser.i < bytes.count {
            throw parser.error("found \(parser.describeHere()) after the end of the document; expected nothing more")
        }
        return node
    }

    /// Finds the first byte that is not valid UTF-8 (by `JSONStringLiteral`'s rules).
    static func checkUTF8(_ bytes: [UInt8]) throws(JSONSyntaxError) {
        let problem: JSONSyntaxError? = bytes.withUnsafeBufferPointer { buffer in
            var line = 1
            var column = 1
            var k = 0
            while k < buffer.count {
                let b = buffer[k]
                if b < 0x80 {
                    if b == 0x0A { line += 1; column = 1 } else { column += 1 }
                    k += 1
                    continue
                }
                let announced = JSONStringLiteral.announcedLength(b)
                if announced > 0 && k + announced > buffer.count {
                    return JSONSyntaxError(message: "the file ends in the middle of a UTF-8 character; it may have been cut off",
                                           line: line, column: column)
                }
                guard let length = JSONStringLiteral.validLength(buffer, at: k) else {
                    let hex = String(b, radix: 16, uppercase: true)
                    return JSONSyntaxError(message: "found the byte 0x\(hex.count < 2 ? "0" + hex : hex), which is not valid UTF-8; expected the file to be saved as UTF-8",
                                           line: line, column: column)
                }
                column += 1
                k += length
            }
            return nil
        }
        if let problem { throw problem }
    }

    private var column: Int {
        // Columns count characters, not bytes.
        var c = 1
        var k = lineStart
        while k < i && k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        return c
    }

    /// Where the parser is, as line and column, counted on from the last time it was asked:
    /// a plan written on one line (as many programs write JSON) would otherwise count its
    /// columns from the line's start at every value, in time that grows with the square of its length.
    private var counted = (line: 0, at: 0, column: 1)

    private mutating func here() -> (Int, Int) {
        if counted.line != line || counted.at > i || counted.at < lineStart { counted = (line, lineStart, 1) }
        var k = counted.at
        var c = counted.column
        while k < i && k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { c += 1 }
            k += 1
        }
        counted = (line, k, c)
        return (line, c)
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, line: line, column: column)
    }

    private func describeHere() -> String {
        guard i < bytes.count else { return "the end of the file" }
        let b = bytes[i]
        if b >= 0x20 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        var end = i + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        if b >= 0x80, let s = String(bytes: bytes[i..<end], encoding: .utf8) { return "'\(s)'" }
        return "the control character U+\(String(format: "%04X", b))"
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A: i += 1; line += 1; lineStart = i
            default: return
            }
        }
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONNode {
        skipSpace()
        let (l, c) = here()
        guard i < bytes.count else { throw error("the file ends too soon; expected a value") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return JSONNode(try object(), line: l, column: c)
        case UInt8(ascii: "["): return JSONNode(try array(), line: l, column: c)
        case UInt8(ascii: "\""):
            var node = JSONNode(.string(try string()), line: l, column: c)
            node.oversizedLength = lastOversizedLength
            return node
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(.bool(true), line: l, column: c)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(.bool(false), line: l, column: c)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(.null, line: l, column: c)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try number()), line: l, column: c)
        case UInt8(ascii: "'"):
            throw error("found a single quote ('); expected double quotes (\") around text")
        case UInt8(ascii: "/"):
            throw error("found '/'; JSON does not allow comments")
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error("found \(describeHere()); NaN and Infinity are not JSON numbers (use null for no value)")
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            throw error("found \(describeHere()) after a comma; JSON does not allow a comma after the last item")
        default:
            throw error("found \(describeHere()); expected a value (an object, list, text in double quotes, number, true, false or null)")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else {
            throw error("found \(describeHere()); expected \(word)")
        }
        i += w.count
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw error("values are nested more than \(JSONParser.maxDepth) deep; expected a planboard plan") }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONNode.Value {
        try enter()
        defer { depth -= 1 }
        i += 1
        var members: [(key: String, value: JSONNode)] = []
        // A plan's objects have a dozen keys at most: comparing with each is cheaper than
        // hashing, and a set is kept only for an object larger than that.
        var seen: Set<String>?
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count else { throw error("the file ends inside an object; it may have been cut off") }
            if bytes[i] == UInt8(ascii: "}") && !members.isEmpty {
                throw error("found '}' after a comma; JSON does not allow a comma after the last item")
            }
            if bytes[i] == UInt8(ascii: "'") { throw error("found a single quote ('); expected double quotes (\") around keys") }
            if bytes[i] == UInt8(ascii: "/") { throw error("found '/'; JSON does not allow comments") }
            guard bytes[i] == UInt8(ascii: "\"") else {
                throw error("found \(describeHere()); expected a key in double quotes")
            }
            let (kl, kc) = here()
            let key = try string()
            if Self.isRepeated(key, in: members, seen: &seen) {
                throw JSONSyntaxError(message: "the key \"\(key)\" appears twice in one object; expected each key once", line: kl, column: kc)
            }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw error("found \(describeHere()) after the key \"\(key)\"; expected ':'")
            }
            i += 1
            members.append((key, try value()))
            skipSpace()
            guard i < bytes.count else { throw error("the file ends inside an object; it may have been cut off") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("found \(describeHere()); expected ',' or '}'")
        }
    }

    /// Whether `key` is already among `members`.
    private static func isRepeated(_ key: String, in members: [(key: String, value: JSONNode)], seen: inout Set<String>?) -> Bool {
        if members.count < 16 { return members.contains { $0.key == key } }
        if seen == nil { seen = Set(members.map(\.key)) }
        return seen?.insert(key).inserted == false
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONNode.Value {
        try enter()
        defer { depth -= 1 }
        i += 1
        var items: [JSONNode] = []
        skipSpace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw error("the file ends inside a list; it may have been cut off") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("found \(describeHere()); expected ',' or ']'")
        }
    }

    /// The longest text kept whole, in Unicode scalars: past it a text is only counted, so
    /// a huge field costs one pass over its bytes and is refused by its length.
    public static let maxTextScalars = Validator.maxTextLength

    /// Set by `string()`: the full length in scalars of a text too long to keep, else nil.
    private var lastOversizedLength: Int?

    private mutating func string() throws(JSONSyntaxError) -> String {
        let (startLine, startColumn) = here()
        let start = i
        let read = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONStringLiteral.Failure) in try JSONStringLiteral.read(buffer, at: start, keeping: Self.maxTextScalars) }
        }
        switch read {
        case let .success(text):
            i = text.end
            lastOversizedLength = text.scalars > Self.maxTextScalars ? text.scalars : nil
            return text.value
        case let .failure(failure):
            i = failure.offset
            throw error(for: failure.kind, line: startLine, column: startColumn)
        }
    }

    /// The words for what stopped `JSONStringLiteral`, at the parser's place.
    private func error(for kind: JSONStringLiteral.Failure.Kind, line: Int, column: Int) -> JSONSyntaxError {
        switch kind {
        case .unterminated:
            return error("the file ends inside text; expected a closing '\"'")
        case .endsInEscape:
            return error("the file ends inside text; expected an escape")
        case .lineBreak:
            return JSONSyntaxError(message: "the text that starts here is not closed before the end of the line; expected a closing '\"' (a line break inside text is written \\n)",
                                   line: line, column: column)
        case .tab:
            return error("found a tab character inside text; expected it written \\t")
        case let .controlCharacter(b):
            return error("found the control character U+\(String(format: "%04X", b)) inside text; expected it written \\u\(String(format: "%04x", b))")
        case .badHex:
            return error("found a \\u escape without four hexadecimal digits")
        case let .loneSurrogate(scalar):
            return error("found a lone UTF-16 surrogate \\u\(String(scalar, radix: 16)); expected a pair")
        case .unpairedHighSurrogate:
            return error("found an invalid UTF-16 surrogate pair; expected a low surrogate")
        case let .unknownEscape(e):
            let shown = e >= 0x21 && e < 0x7F ? String(Character(Unicode.Scalar(e))) : "U+\(String(format: "%04X", e))"
            return error("found the escape \\\(shown); expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        case let .invalidUTF8(b):
            let hex = String(b, radix: 16, uppercase: true)
            return error("found the byte 0x\(hex.count < 2 ? "0" + hex : hex), which is not valid UTF-8; expected the file to be saved as UTF-8")
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> Double {
        let start = i
        func digits() -> Int {
            let s = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i - s
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        let n = digits()
        if n == 0 { throw error("found \(describeHere()) in a number; expected a digit") }
        if n > 1 && bytes[intStart] == UInt8(ascii: "0") {
            i = intStart
            throw error("found a number with a leading zero; expected a JSON number such as 7 or 0.5")
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { throw error("found \(describeHere()) after a decimal point; expected a digit") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { throw error("found \(describeHere()) in an exponent; expected a digit") }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let v = Double(text), v.isFinite else {
            i = start
            throw error("found the number \(text), which is too large; expected a finite number")
        }
        return v
    }
}

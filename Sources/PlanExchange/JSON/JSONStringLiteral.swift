/// The one reader of JSON text in double quotes: its escapes, surrogate pairs and UTF-8, for
/// both the strict reader of plan files (`JSONParser`) and the reader of the store's small
/// JSON columns (`ColumnJSON` in PlanStore), so the two agree on every input.
///
/// The rules are RFC 8259's, read strictly, as Foundation's `JSONSerialization` reads them
/// on Linux (checked against it by `JSONStringFuzzTests`):
/// - a lone UTF-16 surrogate (`"\ud800"`, `"\udc00"`, a high one followed by anything but a
///   low one) is refused, not turned into U+FFFD: RFC 8259 §8.2 leaves such text's meaning
///   undefined, and text that cannot be written back as it was read would change a plan
///   silently on its next export;
/// - `\u` takes exactly four hexadecimal digits (no sign, no space);
/// - bytes that are not valid UTF-8 (a bad lead byte, a missing continuation byte, an
///   overlong form, an encoded surrogate, past U+10FFFF) are refused;
/// - a control character (U+0000 to U+001F) must be escaped; DEL and the C1 controls need not be.
public enum JSONStringLiteral {
    /// Why the text could not be read, and the byte where the reader stopped.
    public struct Failure: Error, Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            /// The bytes end before the closing quote.
            case unterminated
            /// The bytes end just after a backslash.
            case endsInEscape
            /// A raw line feed or carriage return.
            case lineBreak
            /// A raw tab.
            case tab
            /// Another raw control character below U+0020.
            case controlCharacter(UInt8)
            /// A backslash followed by a byte that starts no escape.
            case unknownEscape(UInt8)
            /// `\u` without four hexadecimal digits after it.
            case badHex
            /// A surrogate with no partner.
            case loneSurrogate(UInt32)
            /// A high surrogate followed by a `\u` escape that is not a low surrogate.
            case unpairedHighSurrogate
            /// A byte that does not start, or continue, valid UTF-8.
            case invalidUTF8(UInt8)
        }

        public var kind: Kind
        /// Where, as an offset into the bytes given: the backslash of a bad escape or a lone
        /// surrogate, the byte after `\u` for bad digits, the byte itself otherwise.
        public var offset: Int

        public init(_ kind: Kind, at offset: Int) {
            self.kind = kind
            self.offset = offset
        }
    }

    /// Text read, with where it ended.
    public struct Text: Sendable {
        /// The text; past `limit` scalars, only its first `limit + 1`.
        public var value: String
        /// The offset just after the closing quote.
        public var end: Int
        /// How many Unicode scalars the whole text holds (an escape counts as one).
        public var scalars: Int
    }

    /// Reads the text whose opening quote is at `quote`. Text longer than `limit` scalars is
    /// only counted past its first `limit + 1` (a 50 MB field costs one pass, not a copy).
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, at quote: Int, keeping limit: Int = Int.max - 1) throws(Failure) -> Text {
        var i = quote + 1
        var out: [UInt8] = []
        var scalars = 0
        while true {
            // Plain bytes in one run: no escape, quote or control character.
            let runStart = i
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 0x22 || b == 0x5C || b < 0x20 { break }
                    i += 1
                } else {
                    guard let length = validLength(bytes, at: i) else { throw Failure(.invalidUTF8(b), at: i) }
                    i += length
                }
                scalars += 1
            }
            guard i < bytes.count else { throw Failure(.unterminated, at: i) }
            let b = bytes[i]
            if b == 0x22 && out.isEmpty && scalars <= limit {
                // Text without escapes (nearly all of it) is made straight from the bytes.
                return Text(value: String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<i]), as: UTF8.self), end: i + 1, scalars: scalars)
            }
            if i > runStart && scalars <= limit + 1 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
            }
            if b == 0x22 {
                i += 1
                break
            }
            if b == 0x0A || b == 0x0D { throw Failure(.lineBreak, at: i) }
            if b == 0x09 { throw Failure(.tab, at: i) }
            if b < 0x20 { throw Failure(.controlCharacter(b), at: i) }
            let escapeStart = i
            scalars += 1
            i += 1
            guard i < bytes.count else { throw Failure(.endsInEscape, at: i) }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(bytes, &i)
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw Failure(.loneSurrogate(scalar), at: escapeStart)
                    }
                    i += 2
                    let low = try hex4(bytes, &i)
                    guard (0xDC00...0xDFFF).contains(low) else { throw Failure(.unpairedHighSurrogate, at: i) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw Failure(.loneSurrogate(scalar), at: escapeStart)
                }
                // Every value left is a scalar: surrogates are gone and a pair ends at U+10FFFF.
                if let u = Unicode.Scalar(scalar) { UTF8.encode(u) { out.append($0) } }
            default:
                throw Failure(.unknownEscape(e), at: escapeStart)
            }
        }
        let text = String(decoding: out, as: UTF8.self)
        if scalars > limit {
            return Text(value: String(text.unicodeScalars.prefix(limit + 1)), end: i, scalars: scalars)
        }
        return Text(value: text, end: i, scalars: scalars)
    }

    /// Four hexadecimal digits at `i`, which moves past them.
    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw Failure(.badHex, at: i) }
        var v: UInt32 = 0
        for k in i..<i + 4 {
            let b = bytes[k]
            v <<= 4
            switch b {
            case 0x30...0x39: v |= UInt32(b - 0x30)
            case 0x41...0x46: v |= UInt32(b - 0x37)
            case 0x61...0x66: v |= UInt32(b - 0x57)
            default: throw Failure(.badHex, at: i)
            }
        }
        i += 4
        return v
    }

    /// How many bytes a UTF-8 sequence starting with `lead` takes (0 when `lead` starts none).
    public static func announcedLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    /// The length of the UTF-8 sequence at `k` when it is valid; nil when it is not (a bad
    /// lead byte, a missing continuation byte, cut off, an overlong form, a surrogate, or past U+10FFFF).
    public static func validLength(_ bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Int? {
        let b = bytes[k]
        let length = announcedLength(b)
        guard length > 0, k + length <= bytes.count else { return nil }
        for j in 1..<length where bytes[k + j] & 0xC0 != 0x80 { return nil }
        if length == 3 {
            let v = (Int(b & 0x0F) << 12) | (Int(bytes[k + 1] & 0x3F) << 6) | Int(bytes[k + 2] & 0x3F)
            if v < 0x800 || (0xD800...0xDFFF).contains(v) { return nil }
        }
        if length == 4 {
            let v = (Int(b & 0x07) << 18) | (Int(bytes[k + 1] & 0x3F) << 12)
            if v < 0x10000 || v > 0x10FFFF { return nil }
        }
        return length
    }
}

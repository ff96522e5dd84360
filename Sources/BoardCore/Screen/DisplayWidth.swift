/// How many terminal columns text takes: 2 for East Asian wide characters and emoji,
/// 0 for combining marks, 1 otherwise.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        if let byte = character.asciiValue, byte >= 0x20, byte < 0x7F { return 1 }
        guard let first = character.unicodeScalars.first else { return 0 }
        // Control characters are drawn visibly escaped (ScreenBuffer.visible): count what is drawn.
        if character.unicodeScalars.count == 1 {
            switch first.value {
            case 0x0A, 0x09: return 1
            case 0x00..<0x20, 0x7F: return 2
            case 0x80...0x9F: return 4
            default: break
            }
        }
        if character == "\r\n" { return 1 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if character.unicodeScalars.count > 1,
           character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return of(first)
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0 { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    public static func of(_ text: String) -> Int {
        // Printable ASCII, most text: one column a byte, with no grapheme breaking.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}

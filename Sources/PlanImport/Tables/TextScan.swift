/// Small scanners for the labels and figures plans write, by hand rather than with `Regex`:
/// a regex literal is compiled each time it is used, which made a 1,300-action plan take seconds.
enum TextScan {
    static func isASCIILetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }
    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// A leading letter label: "a)", "(b)", "c.", "aa)" (1 to `maxLetters` ASCII letters and
    /// "." or ")"), with the index after it. "e.g." is not a label.
    static func letterLabel(_ chars: [Character], from start: Int = 0, maxLetters: Int) -> (letters: String, end: Int)? {
        var i = start
        if i < chars.count, chars[i] == "(" { i += 1 }
        let first = i
        while i < chars.count, isASCIILetter(chars[i]), i - first < maxLetters { i += 1 }
        guard i > first, i < chars.count, chars[i] == "." || chars[i] == ")" else { return nil }
        let letters = String(chars[first..<i])
        i += 1
        // "e.g." and "i.e.": a letter and a full stop straight after.
        if chars[i - 1] == ".", i + 1 < chars.count, isASCIILetter(chars[i]), chars[i + 1] == "." { return nil }
        return (letters, i)
    }

    /// The index of the first character after any of `characters`.
    static func skip(_ chars: [Character], from start: Int, _ characters: Set<Character>) -> Int {
        var i = start
        while i < chars.count, characters.contains(chars[i]) || chars[i].isWhitespace && characters.contains(" ") { i += 1 }
        return i
    }

    /// "1.The fact …", "2. The significant …", "3) …": the number and the rest.
    static func leadingNumber(_ text: String) -> (number: Int, rest: String)? {
        let chars = Array(text)
        var i = skip(chars, from: 0, [" "])
        let first = i
        while i < chars.count, isDigit(chars[i]), i - first < 2 { i += 1 }
        guard i > first, let number = Int(String(chars[first..<i])) else { return nil }
        if i < chars.count, isDigit(chars[i]) { return nil }
        i = skip(chars, from: i, [" "])
        if i < chars.count, [".", ")", ":"].contains(chars[i]) { i += 1 }
        i = skip(chars, from: i, [" "])
        return (number, String(chars[i...]))
    }

    /// Every run of digits, as numbers.
    static func integers(in text: String) -> [Int] {
        var out: [Int] = []
        var current = ""
        for c in text {
            if isDigit(c) { current.append(c) } else if !current.isEmpty {
                if let n = Int(current) { out.append(n) }
                current = ""
            }
        }
        if let n = Int(current) { out.append(n) }
        return out
    }

    /// KPI references standing as words: "K4", "see K1 and K12".
    static func kpiRefs(in text: String) -> [String] {
        let chars = Array(text)
        var out: [String] = []
        var i = 0
        while i < chars.count {
            let startsWord = i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber)
            if chars[i] == "K", startsWord {
                var j = i + 1
                while j < chars.count, isDigit(chars[j]), j - i <= 3 { j += 1 }
                let endsWord = j == chars.count || !(chars[j].isLetter || chars[j].isNumber)
                if j > i + 1, j - i <= 4, endsWord {
                    let ref = String(chars[i..<j])
                    if !out.contains(ref) { out.append(ref) }
                }
                i = j
            } else {
                i += 1
            }
        }
        return out
    }
}

extension TextScan {
    /// Text from a file with its control characters (other than line breaks and tabs) made
    /// spaces: they are not plan text, and must never reach a terminal.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isControl(scalar) ? " " : scalar) }
        return String(out)
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\n" && s != "\t") || s.value == 0x7F || (0x80...0x9F).contains(s.value)
    }
}

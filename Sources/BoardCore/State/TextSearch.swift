import Foundation

/// A search for text typed by a person, as `localizedCaseInsensitiveContains` finds it, but
/// without Foundation's cost where both sides are ASCII (a reference, most plan text): a
/// search runs over every action of the plan, 100,000 of them in a large one.
struct TextSearch {
    let query: String
    /// The query's bytes, lowercased, when it is all ASCII.
    private let folded: [UInt8]?

    init(_ query: String) {
        self.query = query
        folded = query.utf8.allSatisfy { $0 < 0x80 } ? query.utf8.map(TextSearch.lower) : nil
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Whether `text` contains the query, ignoring case.
    func found(in text: String) -> Bool {
        guard let folded, !folded.isEmpty else { return text.localizedCaseInsensitiveContains(query) }
        var text = text
        let result: Bool? = text.withUTF8 { bytes -> Bool? in
            let n = folded.count
            guard bytes.count >= n else { return bytes.allSatisfy { $0 < 0x80 } ? false : nil }
            var ascii = true
            var start = 0
            while start + n <= bytes.count {
                var k = 0
                while k < n, TextSearch.lower(bytes[start + k]) == folded[k] { k += 1 }
                if k == n { return true }
                if bytes[start] >= 0x80 { ascii = false }
                start += 1
            }
            while start < bytes.count { if bytes[start] >= 0x80 { ascii = false }; start += 1 }
            // Not found among ASCII letters; text with other letters is asked of Foundation,
            // which knows how they fold.
            return ascii ? false : nil
        }
        return result ?? text.localizedCaseInsensitiveContains(query)
    }
}

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
        let result: Bool? = text.withUTF8 { bytes in folded.withUnsafeBufferPointer { Self.find($0, in: bytes) } }
        return result ?? text.localizedCaseInsensitiveContains(query)
    }

    /// Whether the lowercased ASCII `query` is in `bytes`, ignoring case: nil when it is not
    /// found among ASCII letters and the text has other letters, which only Foundation knows
    /// how to fold. Looks for the first letter in either case before comparing the rest.
    private static func find(_ query: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let n = query.count
        let first = query[0]
        let upper = first >= 0x61 && first <= 0x7A ? first & 0xDF : first
        var ascii = true
        var start = 0
        while start + n <= bytes.count {
            let b = bytes[start]
            if b >= 0x80 {
                ascii = false
            } else if b == first || b == upper {
                var k = 1
                while k < n, lower(bytes[start + k]) == query[k] { k += 1 }
                if k == n { return true }
            }
            start += 1
        }
        while start < bytes.count {
            if bytes[start] >= 0x80 { ascii = false }
            start += 1
        }
        return ascii ? false : nil
    }
}

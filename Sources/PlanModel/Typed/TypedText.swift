import Foundation

/// What people type into a field, read in one place with one set of messages: dates,
/// numbers, lists of names, and how long a field may be.
public enum TypedText {
    /// The longest text one field takes (about 100 pages), so a paste gone wrong is refused
    /// at once rather than frozen on.
    public static let maximumLength = 100_000

    /// The forms of date people may type, as the messages name them: the plain forms, and
    /// words as plans write them (`WrittenDates`).
    public static let dateForms = "31/03/2027, 31 Mar 2027, 2027-03-31, or words such as “end of March 2027” or “Q4 2026/27”"
    /// The same, short enough for a hint line of 80 columns.
    public static let dateExamples = "31/03/2027, 31 Mar 2027, end of March 2027, Q4 2026/27"

    /// Why a text is too long, naming the limit.
    public static func tooLong(_ length: Int) -> String {
        "That is \(grouped(length)) characters; a field holds at most \(grouped(maximumLength))."
    }

    /// A typed date: `.success(nil)` for nothing typed (no date), or why it is not a date.
    public static func date(_ text: String) -> Result<PlanDate?, Refusal> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .success(nil) }
        // The plain forms first; then words as plans write them ("end of January 2027",
        // "Q2 2027/28", "Summer term 2027"), read as an import reads a by-when.
        guard let date = PlanDate(typed: trimmed) ?? WrittenDates.read(trimmed)?.date else {
            return .failure(Refusal("“\(trimmed)” is not a date: type \(dateForms)"))
        }
        return .success(date)
    }

    /// A typed figure: `.success(nil)` for nothing typed; thousands separators and a
    /// trailing % are allowed.
    public static func number(_ text: String) -> Result<Double?, Refusal> {
        let cleaned = numberText(text)
        if cleaned.isEmpty { return .success(nil) }
        guard let number = Double(cleaned), number.isFinite else {
            return .failure(Refusal("“\(text.trimmingCharacters(in: .whitespaces))” is not a number; type e.g. 420 or 55.5"))
        }
        return .success(number)
    }

    /// The text of a figure with separators and % taken out, as it will be read.
    public static func numberText(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")
    }

    /// A comma-separated list: each part trimmed, empty parts dropped.
    public static func names(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Whether a typed reference can name a new or renamed item: no spaces, and not taken.
    public static func reference(_ text: String, replacing old: String?, example: String, taken: Bool) -> Result<String, Refusal> {
        guard !text.isEmpty, !text.contains(where: \.isWhitespace) else {
            return .failure(Refusal("A reference has no spaces, e.g. \(example)."))
        }
        if text != old, taken { return .failure(Refusal("\(text) is already used; choose another reference.")) }
        return .success(text)
    }

    public static func grouped(_ n: Int) -> String {
        var digits = String(n)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }
}

/// Why typed text was not accepted, in words a person can act on.
public struct Refusal: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }
}

import ArgumentParser
import Foundation
import PlanModel
import PlanStore

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Make many action updates from a file or standard input, one `set` per line.",
        discussion: Prose.flowing("""
            Each line holds what you would type after `planboard set`, e.g.
                3b --status amber --reason "Recruitment slower than planned"
                1a --by-when 31/03/2023 --lead "Jackie Ross"
            Blank lines and lines starting with # are skipped. Each line is saved as its own
            change the moment it is read, and a line "ok" or "error" is printed for it, so a
            script knows exactly which updates were saved. Exits 1 if any line failed.
            """))

    @Argument(help: ArgumentHelp("The file of updates, or - for standard input.", valueName: "file"))
    var file: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let db = try store.open()
        let input: FileHandle
        if file == "-" {
            input = FileHandle.standardInput
        } else {
            guard let handle = FileHandle(forReadingAtPath: file) else {
                throw CLIError("cannot read \(file); expected a readable file of updates, one per line")
            }
            input = handle
        }
        var failed = 0
        var saved = 0
        var number = 0
        for read in LineReader(input) {
            number += 1
            var line = ""
            switch read {
            case let .text(text): line = text
            case let .tooLong(bytes):
                // Refused without being held: its note or text could not be taken anyway.
                failed += 1
                try Output.line("error \(number): the line is \(bytes) bytes long; expected at most \(LineReader.maxBytes) (a note or text of at most \(Validator.maxTextLength) characters)")
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let report: String
            do {
                let words = try ShellWords.split(trimmed)
                let update = try SetCommand.parse(words)
                let plan = try db.load()
                if let change = try update.edit(for: plan, today: Today.date(), author: store.userName, file: db.path) {
                    saved += 1
                    report = "ok \(number): \(update.describe(try db.apply(change)))"
                } else {
                    report = "ok \(number): \(update.describe(plan, saved: false))"
                }
            } catch {
                failed += 1
                report = "error \(number): \(Visible.field(Batch.message(for: error)))"
            }
            do {
                try Output.line(report)
            } catch let error as CLIError {
                // The change is already saved (or refused); say so where it can still be read,
                // and stop rather than make changes nobody is told about.
                let outcome = report.hasPrefix("ok") ? "was saved" : "was refused"
                throw CLIError("line \(number) of \(Visible.field(file)) \(outcome), but its report could not be written (\(error.message)); stopped there: \(saved) line(s) saved, \(failed) refused, the lines after \(number) not read")
            }
        }
        if failed > 0 { throw CLIError("\(failed) of the updates in \(Visible.field(file)) failed; the others were saved") }
    }
}

extension Batch {
    /// The words for a failed line: our own errors as they are, parse errors as ArgumentParser words them.
    static func message(for error: Error) -> String {
        switch error {
        case let error as CLIError: error.message
        case let error as StoreError: error.message
        default: SetCommand.message(for: error)
        }
    }
}

/// Reads a file handle line by line as data arrives, so each line is acted on at once. Each
/// byte is looked at once however long the line; a line longer than `maxBytes` is not kept,
/// only measured, and given as `.tooLong` once its end is reached.
struct LineReader: Sequence, IteratorProtocol {
    enum Line: Equatable {
        case text(String)
        case tooLong(bytes: Int)
    }

    /// The longest line kept: a `set` with a note of the longest text planboard takes, in
    /// four-byte characters, with room for its options.
    static let maxBytes = 4 * Validator.maxTextLength + 64 * 1024

    private let handle: FileHandle
    private let maxBytes: Int
    private var buffer: [UInt8] = []
    /// Where the line being read starts in `buffer`, and how far it has been searched for its end.
    private var start = 0
    private var searched = 0
    /// Bytes of an over-long line already let go.
    private var dropped = 0
    private var done = false

    init(_ handle: FileHandle, maxBytes: Int = LineReader.maxBytes) {
        self.handle = handle
        self.maxBytes = maxBytes
    }

    mutating func next() -> Line? {
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                let line = finish(upTo: newline)
                start = newline + 1
                searched = start
                return line
            }
            searched = buffer.count
            if dropped > 0 || buffer.count - start > maxBytes {
                // Too long to keep: count it and let its bytes go.
                dropped += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
                searched = 0
            }
            if done {
                guard start < buffer.count || dropped > 0 else { return nil }
                let line = finish(upTo: buffer.count)
                buffer.removeAll()
                start = 0
                searched = 0
                return line
            }
            if start > 0 && start * 2 > buffer.count {
                buffer.removeSubrange(0..<start)
                searched -= start
                start = 0
            }
            let chunk = handle.availableData
            if chunk.isEmpty { done = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    private mutating func finish(upTo end: Int) -> Line {
        if dropped > 0 || end - start > maxBytes {
            let length = dropped + end - start
            dropped = 0
            return .tooLong(bytes: length)
        }
        return .text(String(decoding: buffer[start..<end], as: UTF8.self))
    }
}

/// Words as a shell reads and writes them.
enum ShellWords {
    /// A word to paste into a shell, quoted only when it needs to be.
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "/", ".", "_", "-", "+", ":", "@", ",", "=": true
            default: false
            }
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Splits a line into words the way a shell does for quotes and backslashes.
    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for ch in line {
            if escaped { word.append(ch); escaped = false; inWord = true; continue }
            if ch == "\\" && quote != "'" { escaped = true; continue }
            if let q = quote {
                if ch == q { quote = nil } else { word.append(ch) }
                continue
            }
            if ch == "\"" || ch == "'" { quote = ch; inWord = true; continue }
            if ch == " " || ch == "\t" {
                if inWord { words.append(word); word = ""; inWord = false }
                continue
            }
            word.append(ch)
            inWord = true
        }
        if let quote { throw CLIError("a \(quote) quote is not closed; expected a closing \(quote)") }
        if inWord { words.append(word) }
        return words
    }
}

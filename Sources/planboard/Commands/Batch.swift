import ArgumentParser
import Foundation
import PlanModel
import PlanStore

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Make many action updates from a file or standard input, one `set` per line.",
        discussion: """
            Each line holds what you would type after `planboard set`, e.g.
                3b --status amber --reason "Recruitment slower than planned"
                1a --by-when 31/03/2023 --lead "Jackie Ross"
            Blank lines and lines starting with # are skipped. Each line is saved as its own
            change the moment it is read, and a line "ok" or "error" is printed for it, so a
            script knows exactly which updates were saved. Exits 1 if any line failed.
            """)

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
        for line in LineReader(input) {
            number += 1
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

/// Reads a file handle line by line as data arrives, so each line is acted on at once.
struct LineReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private var buffer = Data()
    private var done = false

    init(_ handle: FileHandle) { self.handle = handle }

    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return String(decoding: line, as: UTF8.self)
            }
            if done {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let chunk = handle.availableData
            if chunk.isEmpty { done = true } else { buffer.append(chunk) }
        }
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

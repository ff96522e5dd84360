import ArgumentParser
import Foundation
import PlanModel
import PlanReport

/// `planboard report`: the board pack.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the board pack for a meeting: HTML (default), Markdown, PDF or Word.",
        discussion: """
            The pack: cover, summary, a highlight report per area, the RAG grid, the risk heatmap
            and register, the impact score card, exceptions and the decisions log.
            HTML is one self-contained file that prints on A4. PDF is that HTML printed by
            headless Chromium; Word (docx) is the Markdown converted by pandoc.
            Example: planboard report --meeting "Board 2023-09-12" --format pdf -o pack.pdf
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, md, pdf, docx }

    @Option(help: ArgumentHelp("The meeting (default: the latest).", valueName: "name"))
    var meeting: String?

    @Option(help: ArgumentHelp("Compare with this meeting or checkpoint (default: the meeting recorded before it).", valueName: "name"))
    var since: String?

    @Option(help: ArgumentHelp("Only this area of weakness.", valueName: "number"))
    var area: Int?

    @Option(help: "html, md, pdf or docx.")
    var format: Format = .html

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (required for pdf and docx; default for html and md: standard output).", valueName: "file"))
    var output: String?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if (format == .pdf || format == .docx) && output == nil {
            throw ValidationError("--format \(format.rawValue) writes a binary file: give -o FILE.\(format.rawValue)")
        }
    }

    func run() throws {
        // Check the converter first, so a missing one costs nothing.
        let tool: URL? = switch format {
        case .pdf: try Converters.require(["chromium", "chromium-browser"], for: "PDF",
                                          install: "apt-get install chromium (Debian), or install Chromium or Google Chrome and put chromium on PATH")
        case .docx: try Converters.require(["pandoc"], for: "Word (docx)", install: "apt-get install pandoc (Debian), or see pandoc.org/installing")
        case .html, .md: nil
        }
        let db = try store.open()
        let plan = try db.load()
        let today = try Today.date()
        let log = try db.changes()
        let pack: BoardPack
        do {
            pack = try BoardPack(plan: plan, log: log, meeting: meeting, since: since, area: area, today: today)
        } catch {
            throw CLIError(error.message)
        }
        switch format {
        case .html, .md:
            let text = format == .html ? pack.html() : pack.markdown()
            if let output {
                try Output.write(text, to: output)
                Output.notice("wrote the board pack to \(output) (\(text.utf8.count) bytes)")
            } else {
                try Output.standardOutput(text)
            }
        case .pdf, .docx:
            guard let tool, let output else { return }
            let folder = try Converters.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let made = folder.appendingPathComponent("pack.\(format.rawValue)")
            if format == .pdf {
                let html = folder.appendingPathComponent("pack.html")
                try Data(pack.html().utf8).write(to: html)
                try Converters.run(tool, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                          "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                                          "--print-to-pdf=\(made.path)", html.absoluteString], what: "Chromium")
            } else {
                let md = folder.appendingPathComponent("pack.md")
                try Data(pack.markdown(titleHeading: false).utf8).write(to: md)
                try Converters.run(tool, ["-f", "markdown", "-t", "docx", "--metadata", "title=\(pack.title)",
                                          "--metadata", "lang=en-GB", "-o", made.path, md.path], what: "pandoc")
            }
            guard let bytes = FileManager.default.contents(atPath: made.path), !bytes.isEmpty else {
                throw CLIError("\(tool.lastPathComponent) finished but wrote no \(format.rawValue.uppercased()); nothing was written to \(output)")
            }
            try Output.write(bytes, to: output, isText: false)
            Output.notice("wrote the board pack to \(output) (\(bytes.count) bytes)")
        }
    }
}

/// The outside programs that turn the pack into PDF and Word.
enum Converters {
    /// The first of `names` on PATH, or an error saying how to install it.
    static func require(_ names: [String], for what: String, install: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") where !dir.isEmpty {
                let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        throw CLIError("\(what) needs \(names.joined(separator: " or ")), which is not on PATH; install it: \(install). Nothing was written")
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planboard-pack-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a converter to the end; its chatter is shown only when it fails.
    static func run(_ tool: URL, _ arguments: [String], what: String) throws {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw CLIError("cannot start \(tool.path): \(error.localizedDescription)")
        }
        let chatter = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let tail = String(decoding: chatter.suffix(600), as: UTF8.self)
                .unicodeScalars.map { $0.value < 0x20 && $0 != "\n" ? "?" : String($0) }.joined()
            throw CLIError("\(what) failed (exit \(process.terminationStatus)); nothing was written. It said: \(tail)")
        }
    }
}

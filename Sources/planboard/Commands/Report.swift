import ArgumentParser
import Foundation
import PlanModel
import PlanReport

/// `planboard report`: the board pack.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the board pack for a meeting, or the progress review: HTML (default), Markdown, PDF or Word.",
        discussion: Prose.flowing("""
            The pack: cover, summary, a highlight report per area, the RAG grid, the risk heatmap
            and register, the impact score card, exceptions and the decisions log.
            HTML is one self-contained file that prints on A4. PDF is that HTML printed by
            headless Chromium; Word (docx) is the Markdown converted by pandoc, with a page per section,
            the charts as images, status cells shaded and the page number at the foot of every page.
            The progress review (--kind review --at 6, or --period FROM..TO) is what the local area sends
            DfE and NHS England: each area's judged progress, actions, revised dates and evidence, the
            score card, risks, open decisions and what the partnership asks.
            Example: planboard report --meeting "Board 2023-09-12" --format pdf -o pack.pdf
            Example: planboard report --kind review --at 6 --format docx -o review-6-months.docx
            """))

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, md, pdf, docx }
    enum Kind: String, ExpressibleByArgument, CaseIterable { case pack, review }

    @Option(help: "pack (the board pack, default) or review (the progress review with DfE and NHS England).")
    var kind: Kind = .pack

    @Option(help: ArgumentHelp("For a review: months after the plan was agreed, such as 6 or 12.", valueName: "months"))
    var at: Int?

    @Option(help: ArgumentHelp("For a review: the period, FROM..TO (dates such as 2022-08-16..2023-02-16).", valueName: "from..to"))
    var period: String?

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
        if kind == .review {
            if (at == nil) == (period == nil) { throw ValidationError("--kind review needs one of --at MONTHS (such as 6 or 12) or --period FROM..TO") }
            if meeting != nil || since != nil || area != nil { throw ValidationError("--meeting, --since and --area are for the board pack; a review covers the whole plan over --at or --period") }
        } else if at != nil || period != nil {
            throw ValidationError("--at and --period are for --kind review")
        }
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
        let pack: (title: String, html: () -> String, markdown: (Bool) -> String, what: String, word: () -> WordMarkdown, footer: String)
        let period = kind == .review ? try reviewPeriod() : nil
        do throws(PackError) {
            if let period {
                let review = try ProgressReview(plan: plan, period: period, today: today)
                pack = (review.title, review.html, review.markdown(titleHeading:), "the progress review", review.wordMarkdown, review.footer)
            } else {
                let board = try BoardPack(plan: plan, log: log, meeting: meeting, since: since, area: area, today: today)
                pack = (board.title, board.html, board.markdown(titleHeading:), "the board pack", board.wordMarkdown, board.footer)
            }
        } catch {
            throw CLIError(error.message)
        }
        switch format {
        case .html, .md:
            let text = format == .html ? pack.html() : pack.markdown(true)
            if let output {
                try Output.write(text, to: output)
                Output.notice("wrote \(pack.what) to \(output) (\(text.utf8.count) bytes)")
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
                // Each section on a new page, and the charts as images beside the Markdown.
                let word = pack.word()
                try Data(word.text.utf8).write(to: md)
                for image in word.images { try Data(image.svg.utf8).write(to: folder.appendingPathComponent(image.name)) }
                try Converters.run(tool, ["-f", "markdown", "-t", "docx", "--metadata", "title=\(pack.title)",
                                          "--metadata", "lang=en-GB", "--resource-path=\(folder.path)", "-o", made.path, md.path], what: "pandoc")
                try WordFinish.apply(to: made, footer: pack.footer)
            }
            guard let bytes = FileManager.default.contents(atPath: made.path), !bytes.isEmpty else {
                throw CLIError("\(tool.lastPathComponent) finished but wrote no \(format.rawValue.uppercased()); nothing was written to \(output)")
            }
            try Output.write(bytes, to: output, isText: false)
            Output.notice("wrote \(pack.what) to \(output) (\(bytes.count) bytes)")
        }
    }

    /// The review's period from --at or --period.
    private func reviewPeriod() throws -> ProgressReview.Period {
        if let at { return .months(at) }
        let parts = (period ?? "").components(separatedBy: "..")
        guard parts.count == 2 else {
            throw CLIError("--period \"\(period ?? "")\" is not a period; expected FROM..TO, such as 2022-08-16..2023-02-16")
        }
        return .dates(try parseDate(parts[0], option: "--period (its start)"), try parseDate(parts[1], option: "--period (its end)"))
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

import ArgumentParser
import Foundation
import PlanModel
import PlanReport
import PlanStore

/// `planboard publish`: the plan as families read it, for the Local Offer website.
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish the plan for families: a small website, one HTML page or Markdown.",
        discussion: Prose.flowing("""
            What is published is chosen: progress notes, risks, decisions, named leads below the \
            accountable officers and evidence links stay internal until a chair marks them public \
            (`planboard publish set`). `planboard publish --preview` lists exactly what will appear \
            and what is left out. Each publication is recorded in the change log; publishing again \
            with nothing changed writes the same bytes.
            Examples:
              planboard publish --preview
              planboard publish -o site/
              planboard publish -o plan.html --style council.css
              planboard publish set risks public
              planboard publish set notes public --item 3b
              planboard publish feedback "Email send@example.gov.uk"
            """),
        subcommands: [PublishPage.self, PublishSet.self, PublishFeedback.self],
        defaultSubcommand: PublishPage.self)
}

/// Refuses anyone but a chair where the store knows roles (a shared plan); on a file roles are advisory.
func requireChair(_ db: any PlanStoring, user: String, doing what: String) throws {
    if let role = db.enforcedRole, role != .chair {
        throw CLIError("\(user) is \(role.withArticle), and only a chair \(what); nothing was written")
    }
}

struct PublishPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Write the published plan (the default: `planboard publish -o DIR`).",
        discussion: Prose.flowing("""
            -o DIR writes a small static site into DIR (made if missing): index.html, one page per \
            area of weakness, style.css (and council.css with --style). -o FILE.html writes one page \
            with its style inline. --format md writes Markdown (-o FILE.md, -o DIR for DIR/index.md, \
            or standard output). No script, nothing fetched from anywhere.
            """))

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, md }

    @Option(name: .shortAndLong, help: ArgumentHelp("A folder for the site, or FILE.html for one page (default: one page on standard output).", valueName: "dir|file"))
    var output: String?

    @Option(help: "html or md.")
    var format: Format = .html

    @Option(help: ArgumentHelp("The council's own CSS, applied after planboard's.", valueName: "file"))
    var style: String?

    @Flag(help: "List what will appear and what is left out; write nothing, record nothing.")
    var preview = false

    @OptionGroup var store: StoreOptions

    /// Where the publication goes and in what form.
    enum Target: Equatable {
        case site(String), file(String), standardOutput

        var words: String {
            switch self {
            case let .site(dir): "\(dir) (a site)"
            case let .file(path): path
            case .standardOutput: "standard output"
            }
        }
    }

    var target: Target {
        guard let output, output != "-" else { return .standardOutput }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue { return .site(output) }
        let lower = output.lowercased()
        let single = format == .md ? [".md", ".markdown", ".txt"] : [".html", ".htm"]
        if single.contains(where: lower.hasSuffix) || output.hasPrefix("/dev/") { return .file(output) }
        return .site(output)
    }

    func validate() throws {
        if style != nil && format == .md { throw ValidationError("--style is for HTML; Markdown takes the council website's own style") }
    }

    func run() throws {
        let css = try style.map(readStyle)
        let db = try store.open(forReading: preview)
        let logged = try db.loadWithLog()
        let today = try Today.date()
        let page = PublicPlan(plan: logged.plan, log: logged.log, today: today)
        let target = self.target

        if preview {
            try Output.line("Publishing \(page.title) (\(format.rawValue)) to \(target.words) would show:")
            for line in page.preview where line.appears { try Output.line("  + \(line.what)") }
            let left = page.preview.filter { !$0.appears }
            try Output.line(left.isEmpty ? "Nothing is left out." : "Left out (internal; a chair marks them public with `planboard publish set`):")
            for line in left { try Output.line("  - \(line.what)") }
            return
        }
        try requireChair(db, user: store.userName, doing: "publishes the plan")

        let files: [PublishedFile]
        switch (format, target) {
        case (.html, .site): files = page.site(style: css)
        case (.html, _): files = [PublishedFile(name: "index.html", text: page.page(style: css))]
        case (.md, _): files = [PublishedFile(name: "index.md", text: page.markdown())]
        }
        switch target {
        case let .site(dir):
            try makeFolder(dir)
            for file in files { try Output.write(file.text, to: (dir as NSString).appendingPathComponent(file.name)) }
            try removeGoneAreaPages(in: dir, keeping: Set(files.map(\.name)))
        case let .file(path):
            try Output.write(files[0].text, to: path)
        case .standardOutput:
            try Output.standardOutput(files[0].text)
        }

        let fingerprint = Fingerprint.of(files)
        let before = logged.plan.settings.publication
        var after = before ?? Publication()
        after.last = Published(number: (before?.last?.number ?? 0) + 1, on: today, by: store.userName, to: target.words,
                               format: format.rawValue, fingerprint: fingerprint, shown: after.shownWords)
        do {
            _ = try refusing { try db.apply(.structure(.setPlanField(field: .publication, from: .publication(before), to: .publication(after)))) }
        } catch let error as CLIError {
            throw CLIError("wrote \(target.words), but the publication could not be recorded in the change log: \(error.message)")
        }
        let bytes = files.reduce(0) { $0 + $1.text.utf8.count }
        Output.notice("published \(Visible.field(page.title)) to \(Visible.field(target.words)): \(files.count) file\(files.count == 1 ? "" : "s"), \(bytes) bytes, \(fingerprint); public beyond the plan itself: \(after.shownWords). Recorded as publication \(after.last?.number ?? 1) in the log.")
    }

    private func readStyle(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read the style file \(Visible.field(path)): \(FileManager.default.fileExists(atPath: path) ? "it is not readable" : "there is no such file"); expected a CSS file. Nothing was written")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("the style file \(Visible.field(path)) is not UTF-8 text; expected a CSS file. Nothing was written")
        }
        return text
    }

    /// An area taken out of the plan takes its page off the site: only pages planboard wrote
    /// for an area (`area-N.html` marked as planboard's) are removed, nothing else in the folder.
    private func removeGoneAreaPages(in dir: String, keeping names: Set<String>) throws {
        let present = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        for name in present.sorted() where !names.contains(name) {
            let path = (dir as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path),
                  PublicPlan.isAreaPage(name: name, text: String(decoding: data, as: UTF8.self)) else { continue }
            do {
                try FileManager.default.removeItem(atPath: path)
                Output.notice("removed \(Visible.field(path)): its area is no longer in the plan")
            } catch {
                throw CLIError("cannot remove \(Visible.field(path)), the page of an area no longer in the plan: \(error.localizedDescription)")
            }
        }
    }

    private func makeFolder(_ dir: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CLIError("\(Visible.field(dir)) is a file; expected a folder for the site, or a name ending .html for one page. Nothing was written") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        } catch {
            throw CLIError("cannot make the folder \(Visible.field(dir)): \(error.localizedDescription). Nothing was written")
        }
    }
}

/// `planboard publish set`: what is public.
struct PublishSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Mark a kind of thing public or internal on the published plan (a chair).",
        discussion: Prose.flowing("""
            Kinds: notes (progress notes), risks, decisions, leads (names below the accountable \
            officers: action leads, senior responsible officers, advisers, risk and decision owners), \
            evidence (evidence links). All are internal until marked public. With --item, only those: \
            the notes of one action (its reference), one risk (its reference), one decision (4 or D4).
            Examples: planboard publish set risks public; planboard publish set notes public --item 3b
            """))

    @Argument(help: ArgumentHelp("notes, risks, decisions, leads or evidence.", valueName: "kind"))
    var part: Publication.Part

    @Argument(help: ArgumentHelp("public or internal.", valueName: "public|internal"))
    var visibility: Visibility

    @Option(help: ArgumentHelp("Only this item (repeat for several): an action for notes, a risk, a decision.", valueName: "ref"))
    var item: [String] = []

    @OptionGroup var store: StoreOptions

    enum Visibility: String, ExpressibleByArgument, CaseIterable { case `public`, `internal` }

    func run() throws {
        let db = try store.open()
        try requireChair(db, user: store.userName, doing: "chooses what is published")
        let plan = try db.load()
        let before = plan.settings.publication
        let after = try changed(before ?? Publication(), in: plan)
        guard after != (before ?? Publication()) else {
            try Output.line("Nothing to change: \(after.words).")
            return
        }
        _ = try refusing { try db.apply(.structure(.setPlanField(field: .publication, from: .publication(before), to: .publication(after)))) }
        try Output.line("Published plan: \(Visible.field(after.words)).")
    }

    func changed(_ p: Publication, in plan: Plan) throws -> Publication {
        let isPublic = visibility == .public
        guard !item.isEmpty else {
            var out = p.setting(part, public: isPublic)
            if !isPublic {
                // Internal as a whole means internal item by item too.
                switch part {
                case .notes: out.notesOf = []
                case .risks: out.risks = []
                case .decisions: out.decisions = []
                case .leads, .evidence: break
                }
            }
            return out
        }
        if p.isPublic(part) && !isPublic {
            throw CLIError("\(part.label) are public as a whole; make them internal first (`planboard publish set \(part.rawValue) internal`), then mark single items public")
        }
        var out = p
        func toggled<T: Equatable>(_ list: [T], _ value: T) -> [T] {
            isPublic ? (list.contains(value) ? list : list + [value]) : list.filter { $0 != value }
        }
        for ref in item {
            switch part {
            case .notes:
                guard plan.allActions.contains(where: { $0.ref == ref }) else {
                    throw CLIError("there is no action \(Visible.field(ref)); expected an action reference such as \(plan.allActions.first?.ref ?? "1a")")
                }
                out.notesOf = toggled(out.notesOf, ref)
            case .risks:
                guard plan.risks.contains(where: { $0.ref == ref }) else {
                    throw CLIError("there is no risk \(Visible.field(ref)); expected one of \(plan.risks.map(\.ref).joined(separator: ", "))")
                }
                out.risks = toggled(out.risks, ref)
            case .decisions:
                let digits = ref.uppercased().hasPrefix("D") ? String(ref.dropFirst()) : ref
                guard let n = Int(digits), plan.meetings.contains(where: { $0.decisions.contains { $0.number == n } }) else {
                    throw CLIError("there is no decision \(Visible.field(ref)); expected a decision number such as 4 or D4")
                }
                out.decisions = toggled(out.decisions, n)
            case .leads, .evidence:
                throw CLIError("\(part.label) are public or internal as a whole; --item is for notes, risks and decisions")
            }
        }
        return out
    }
}

extension Publication.Part: ExpressibleByArgument {}

/// `planboard publish feedback`: how families give feedback, shown on the page.
struct PublishFeedback: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Say on the published plan how families give feedback (a chair); \"\" removes it.",
        discussion: "Example: planboard publish feedback \"Email send.feedback@example.gov.uk or call 0300 000 0000.\"")

    @Argument(help: ArgumentHelp("The words shown under \"Tell us what you think\".", valueName: "text"))
    var text: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let db = try store.open()
        try requireChair(db, user: store.userName, doing: "chooses what is published")
        let plan = try db.load()
        let before = plan.settings.publication
        var after = before ?? Publication()
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        after.feedback = trimmed.isEmpty ? nil : trimmed
        if let issue = Validator.textIssue(trimmed) { throw CLIError("the feedback text \(issue); nothing was changed") }
        guard after != (before ?? Publication()) else {
            try Output.line("Nothing to change.")
            return
        }
        _ = try refusing { try db.apply(.structure(.setPlanField(field: .publication, from: .publication(before), to: .publication(after)))) }
        try Output.line(after.feedback == nil ? "The published plan no longer shows feedback text." : "The published plan shows how to give feedback.")
    }
}

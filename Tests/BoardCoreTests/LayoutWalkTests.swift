@testable import BoardCore
import PlanModel
import ShippedThemes
import TestSupport
import XCTest

/// Every view at 80×24, 120×35 (a projector), 120×40 and 200×60, paged through to its end,
/// checked for what a reader trips over: columns that touch, a date that lost its year,
/// text cut without "…", and a key bar that leaves out a key it had room for; and every
/// role drawn, in every shipped theme, styled so it can be read and told apart.
final class LayoutWalkTests: XCTestCase {
    static let sizes = [(80, 24), (120, 35), (120, 40), (200, 60)]

    /// What reads as two columns run together, with an example of each.
    static var touching: [(String, Regex<Substring>)] { [
        ("a word run into a reference (“Not startedK10”)", /[a-z][A-Z]\d/),
        ("two dates run together (“2022-11-152023-02-14”)", /\d{4}-\d\d-\d\d\d/),
        ("a date run into a word (“2026-11-29Now”)", /\d{4}-\d\d-\d\d[A-Za-z]/),
        ("a key run into its label (“Ctrl-EStart”)", /Ctrl-[A-Z][A-Z][a-z]/),
        ("a cut run into the next column (“(DSSP…Health”)", /…[A-Za-z0-9(]/),
    ] }
    /// A day and month whose year was cut off (“12 Sep 20…”).
    static var yearless: Regex<(Substring, Substring, Substring?, Substring)> { /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d{1,3})?(…|$| [^\d]|\s*$)/ }

    func problems(_ state: BoardState, _ screen: ScreenBuffer, _ place: String) -> [String] {
        var found: [String] = []
        for cut in screen.silentCuts { found.append("\(place): cut with no “…” at column \(cut.x + 1): \(screen.lines[cut.y])") }
        for line in screen.lines {
            for (what, pattern) in Self.touching where line.contains(pattern) {
                found.append("\(place): \(what): \(line)")
            }
            if line.contains(Self.yearless) { found.append("\(place): a date without its year: \(line)") }
        }
        if let left = keyLeftOut(state) { found.append("\(place): the key bar leaves out “\(left)” though it has room: \(screen.lines[screen.height - 1])") }
        return found
    }

    /// A key the bar dropped although the room left at its end would hold it.
    func keyLeftOut(_ state: BoardState) -> String? {
        guard state.overlay == nil, state.width >= Render.minimumWidth, state.height >= Render.minimumHeight else { return nil }
        var wide = state
        wide.width = 1000
        func size(_ item: Render.BarItem) -> Int { DisplayWidth.of(item.keys) + DisplayWidth.of(item.words) + 3 }
        let shown = Render.barItems(for: state)
        let room = state.width - shown.reduce(0) { $0 + size($1) }
        let left = Render.barItems(for: wide).filter { item in !shown.contains { $0.keys == item.keys && $0.words == item.words } }
        return left.first { size($0) <= room }.map { "\($0.keys) \($0.words)" }
    }

    /// Every view, the meetings and an agenda, the legend, help and the changes since, for
    /// each sample plan and an empty one.
    func everyScreen(width: Int, height: Int) throws -> [(String, BoardState)] {
        var starts = try SamplePlans.all.map { ($0, try board($0, width: width, height: height, view: .dashboard)) }
        starts.append(("empty", StructureGoldenTests.empty(width: width, height: height, view: .dashboard)))
        var withMeetings = BoardState(plan: try Samples.illustrativeWithMeetings(), today: TestDates.illustrativeToday, user: "tester",
                                      width: width, height: height)
        _ = withMeetings.update(.resize(width: width, height: height))
        starts.append(("with meetings", withMeetings))
        var states: [(String, BoardState)] = []
        for (plan, start) in starts {
            for view in Screens.views.map({ View(kind: $0.kind) }) {
                var state = start
                _ = state.press(.char(try XCTUnwrap(view.key)))
                states.append(("\(plan) view \(view.title)", state))
            }
            for (name, keys) in [("meetings", [Key.char("M")]), ("an agenda", [.char("M"), .down, .enter]), ("legend", [.char("K")]),
                                 ("help", [.char("?")]), ("changes", [.char("s")]), ("a search", [.char("2"), .char("/")] + "EHC plan".map { Key.char($0) } + [.enter])] {
                var state = start
                for key in keys { _ = state.press(key) }
                states.append(("\(plan) \(name)", state))
            }
        }
        return states
    }

    /// Messages too long for their line, which wrap above the key bar.
    func messages(width: Int, height: Int) throws -> [(String, BoardState)] {
        var said = try board(width: width, height: height, view: .dashboard)
        said.message = "Undid: 3b status Red → Amber, and the reason “Two caseworkers left – £40k gap; the backlog team is one short until the new grades are filled” went with it"
        var refused = try board(width: width, height: height, view: .triage)
        refused.message = "Jackie Ross set 3b's by-when to 31 Jan 2027 at 23:35 on 6 Dec 2026 while you were editing it; your 30 Apr 2027 was not saved. Press w to edit the newer value."
        refused.messageIsError = true
        return [("a long message", said), ("a long refusal", refused)]
    }

    func testEveryViewAtFourSizesHasNoTouchingColumnsNoYearlessDatesMarksItsCutsAndKeepsEveryKeyThatFits() throws {
        var found: [String] = []
        var roles: Set<Role> = []
        for (width, height) in Self.sizes {
            var states = try GoldenScreenTests.screens(width: width, height: height) + StructureGoldenTests.screens(width: width, height: height)
            states += try SharedPlanGoldenTests.screens(width: width, height: height)
            states += try everyScreen(width: width, height: height)
            states += try messages(width: width, height: height)
            var over = try board(width: width, height: height, view: .rag)
            _ = over.press(.char("m"))
            states.append(("rag over time", over))
            for (name, start) in states {
                var state = start
                var last: [String] = []
                for _ in 0..<12 {
                    let screen = Render.screen(state)
                    if screen.lines == last { break }  // the end of the screen's content
                    last = screen.lines
                    found += problems(state, screen, "\(name) \(width)×\(height)")
                    for cell in screen.cells { roles.insert(cell.role) }
                    if state.isAsking || state.message != nil { break }
                    _ = state.press(.pageDown)
                }
            }
        }
        found += try themeProblems(roles)
        let unique = Array(Set(found)).sorted()
        XCTAssertEqual(unique, [], "\(unique.count) problems:\n" + unique.prefix(200).joined(separator: "\n"))
    }

    /// Where a screen has the rows, what it wraps reads whole: the notice, the dashboard's
    /// "Since" line and its risks, the RAG grid's area names, the selected risk, the legend.
    func testWhatWrapsShowsWholeWhereTheScreenHasRoom() throws {
        func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        for (width, height) in [(120, 35), (200, 60)] {
            let place = "\(width)×\(height)"
            let dashboard = try board(width: width, height: height, view: .dashboard)
            let shown = words(dashboard.text)
            XCTAssertTrue(shown.contains(words(try XCTUnwrap(dashboard.plan.header.notice))), "the notice at \(place)")
            for risk in dashboard.topRisks { XCTAssertTrue(shown.contains(words(risk.risk)), "\(risk.ref) at \(place):\n\(dashboard.text)") }
            let since = try XCTUnwrap(dashboard.since)
            XCTAssertTrue(shown.contains(words(dashboard.sinceSummary(since).line)), "the Since line at \(place):\n\(dashboard.text)")

            let rag = words(try board(width: width, height: height, view: .rag).text)
            for area in dashboard.plan.areas { XCTAssertTrue(rag.contains(area.title), "area \(area.number)'s name on the RAG grid at \(place)") }

            let register = try board(width: width, height: height, view: .risks)
            let risk = try XCTUnwrap(register.currentRisk)
            XCTAssertTrue(words(register.text).contains(words(risk.risk)), "the selected risk in full at \(place):\n\(register.text)")

        }
        for (width, height) in [(80, 24), (120, 35), (200, 60)] {
            var legend = try board(width: width, height: height, view: .dashboard)
            _ = legend.press(.char("K"))
            for _ in 0..<6 {
                XCTAssertFalse(Render.screen(legend).lines.dropFirst(legend.headerRows).contains { $0.contains("…") },
                               "the legend wraps at \(width)×\(height):\n\(legend.text)")
                _ = legend.press(.pageDown)
            }
        }
    }

    /// The screen is drawn in roles, the same in every theme; each theme then must give every
    /// role drawn a style of its own, readable (text and background differ), with the
    /// notice's rows told apart from the content they sit above.
    func themeProblems(_ roles: Set<Role>) throws -> [String] {
        var found: [String] = []
        for name in ShippedThemes.names {
            let theme = try Golden.theme(name)
            for role in roles.sorted(by: { $0.name < $1.name }) {
                guard let style = theme.styles[role.name] else {
                    found.append("theme \(name): \(role.name) is drawn but has no style")
                    continue
                }
                let shown = theme.paintsBackground ? theme.style(for: role) : style
                if shown.fg >= 0, shown.fg == shown.bg { found.append("theme \(name): \(role.name) text is the colour of its background") }
            }
            if roles.contains(.notice), theme.style(for: .notice) == theme.style(for: .normal) {
                found.append("theme \(name): the notice looks like the content")
            }
        }
        return found
    }
}

import BoardCore
import PlanModel
import TestSupport
import XCTest

/// Every view at 80×24, 120×40 and 200×60, paged through to its end,
/// checked for what a reader trips over: columns that touch, a date that lost its year,
/// and text cut without "…".
final class LayoutWalkTests: XCTestCase {
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

    func problems(_ state: BoardState, _ place: String) -> [String] {
        var found: [String] = []
        let screen = Render.screen(state)
        for cut in screen.silentCuts { found.append("\(place): cut with no “…” at column \(cut.x + 1): \(screen.lines[cut.y])") }
        for line in screen.lines {
            for (what, pattern) in Self.touching where line.contains(pattern) {
                found.append("\(place): \(what): \(line)")
            }
            if line.contains(Self.yearless) { found.append("\(place): a date without its year: \(line)") }
        }
        return found
    }

    /// Every view, the meetings, the legend, help and the changes since, for each sample plan and an empty one.
    func everyScreen(width: Int, height: Int) throws -> [(String, BoardState)] {
        var starts = try SamplePlans.all.map { ($0, try board($0, width: width, height: height, view: .dashboard)) }
        starts.append(("empty", StructureGoldenTests.empty(width: width, height: height, view: .dashboard)))
        var states: [(String, BoardState)] = []
        for (plan, start) in starts {
            for view in Screens.views.map({ View(kind: $0.kind) }) {
                var state = start
                state.press(.char(try XCTUnwrap(view.key)))
                states.append(("\(plan) view \(view.title)", state))
            }
            for (name, key) in [("meetings", Key.char("M")), ("legend", .char("K")), ("help", .char("?")), ("changes", .char("s"))] {
                var state = start
                state.press(key)
                states.append(("\(plan) \(name)", state))
            }
        }
        return states
    }

    func testEveryViewAtThreeSizesHasNoTouchingColumnsNoYearlessDatesAndMarksItsCuts() throws {
        var found: [String] = []
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            var states = try GoldenScreenTests.screens(width: width, height: height) + StructureGoldenTests.screens(width: width, height: height)
            states += try everyScreen(width: width, height: height)
            var over = try board(width: width, height: height, view: .rag)
            over.press(.char("m"))
            states.append(("rag over time", over))
            for (name, start) in states {
                var state = start
                var last: [String] = []
                for _ in 0..<12 {
                    let frame = Render.screen(state).lines
                    if frame == last { break }  // the end of the screen's content
                    last = frame
                    found += problems(state, "\(name) \(width)×\(height)")
                    if state.isAsking { break }
                    state.press(.pageDown)
                }
            }
        }
        let unique = Array(Set(found)).sorted()
        XCTAssertEqual(unique, [], "\(unique.count) problems:\n" + unique.prefix(200).joined(separator: "\n"))
    }
}

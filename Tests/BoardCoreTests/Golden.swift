@testable import BoardCore
import Foundation
import PlanModel
import ShippedThemes
import TestSupport
import XCTest

/// Golden screens: a rendered screen as text, as a grid of style roles, and the styles
/// its theme gives those roles, compared with a file kept beside the tests.
/// Re-record on purpose with `PLANBOARD_RECORD_GOLDEN=1 swift test`, then read the diff.
///
/// A screen's golden holds the screen without its key bar: the bar of each kind of screen
/// is checked once, in `key-bars.txt` (`KeyBarGoldenTests`), so a change to a bar
/// re-records one file. The screen's golden names the bar it showed, and says which of its
/// keys were dimmed or lit where that differs from the bar in `key-bars.txt`.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func theme(_ name: String) throws -> Theme {
        guard let text = ShippedThemes.text(name) else { throw XCTSkip("no theme \(name)") }
        return try Theme.parse(text, file: "themes/\(name).toml")
    }

    /// Rows as text (trailing spaces dropped) and as role codes.
    static func rows(_ buffer: ScreenBuffer, _ range: Range<Int>) -> (text: [String], roles: [String]) {
        let text = buffer.lines[range].map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
        return (text, Array(buffer.roleLines[range]))
    }

    /// The styles the theme gives the roles used in these rows.
    static func styles(_ buffer: ScreenBuffer, rows range: Range<Int>, theme: Theme) -> String {
        var used: [Role] = []
        for y in range {
            for x in 0..<buffer.width where !used.contains(buffer[x, y].role) { used.append(buffer[x, y].role) }
        }
        return used.sorted { $0.name < $1.name }.map { "\($0.code) \($0.name): \(theme.style(for: $0).summary)\n" }.joined()
    }

    /// The screen without its key bar, and a line naming the bar it showed.
    static func document(_ state: BoardState, theme: Theme) -> String {
        let buffer = Render.screen(state)
        let bar = KeyBars.shown(state, buffer)
        let body = 0..<(bar == nil ? buffer.height : buffer.height - 1)
        let (text, roles) = rows(buffer, body)
        var out = "size \(buffer.width)x\(buffer.height), theme \(theme.name)\n"
        out += "--- text\n" + text.joined(separator: "\n") + "\n"
        out += "--- roles\n" + roles.joined(separator: "\n") + "\n"
        out += "--- styles\n" + styles(buffer, rows: body, theme: theme)
        if let bar { out += bar }
        if let cursor = buffer.cursor { out += "--- cursor \(cursor.x),\(cursor.y)\n" }
        return out
    }

    /// Checks every named screen at 80×24 and 160×48, in the default and mono themes,
    /// each against its golden file `NAME-WxH-THEME`.
    static func checkEvery(_ screens: (_ width: Int, _ height: Int) throws -> [(String, BoardState)],
                           file: StaticString = #filePath, line: UInt = #line) throws {
        for theme in ["default", "mono"] {
            let style = try Golden.theme(theme)
            for (width, height) in [(80, 24), (160, 48)] {
                for (name, state) in try screens(width, height) {
                    check(state, theme: style, name: "\(name)-\(width)x\(height)-\(theme)", file: file, line: line)
                }
            }
        }
    }

    static func check(_ state: BoardState, theme: Theme, name: String, file: StaticString = #filePath, line: UInt = #line) {
        compare(document(state, theme: theme), name: name, file: file, line: line)
    }

    /// Compares a document with the golden file `name.txt`, or records it.
    static func compare(_ actual: String, name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = folder.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["PLANBOARD_RECORD_GOLDEN"] != nil {
            try? Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("no golden file \(url.lastPathComponent); record it with PLANBOARD_RECORD_GOLDEN=1", file: file, line: line)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = first.map { "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)" } ?? "lengths differ (\(e.count) vs \(a.count) lines)"
            XCTFail("\(name) differs from its golden file at \(where_)", file: file, line: line)
        }
    }
}

/// The key bar of each kind of screen, as it is drawn on the illustrative sample with its
/// meetings: the one place the bars are checked (`key-bars.txt`).
enum KeyBars {
    /// Where each kind of screen is opened to draw its bar.
    static func place(_ kind: String) -> [String] {
        switch kind {
        case AreaScreen.kind: ["areas", "area 3"]
        case ActionScreen.kind: ["areas", "area 3", "action 3b"]
        case RiskScreen.kind: ["risks", "risk R1"]
        case KPIScreen.kind: ["kpis", "kpi K1"]
        case HelpScreen.kind, LegendScreen.kind, ChangesScreen.kind, MeetingsScreen.kind, DecisionsScreen.kind: ["dashboard", kind]
        default: [kind]
        }
    }

    /// The kind's screen as someone who may change the plan sees it.
    static func usual(_ kind: String, width: Int, height: Int) throws -> BoardState {
        var state = BoardState(plan: try Samples.illustrativeWithMeetings(), today: TestDates.illustrativeToday, user: "tester",
                               width: width, height: height)
        _ = state.update(.resize(width: width, height: height))
        state.restore(BoardPlace(screens: place(kind), selection: nil))
        guard state.screen.kind == kind else { throw KeyBarError.notOpened(kind) }
        return state
    }

    enum KeyBarError: Error { case notOpened(String) }

    /// The bar's row as text and roles.
    static func row(_ buffer: ScreenBuffer) -> (text: String, roles: String) {
        let (text, roles) = Golden.rows(buffer, (buffer.height - 1)..<buffer.height)
        return (text[0], roles[0])
    }

    /// What a screen golden says of its last row when that row is the key bar: the kind
    /// whose bar it is, and the keys dimmed or lit where that differs from `key-bars.txt`;
    /// the row itself where it is not the kind's bar at all. Nil when the last row is not
    /// the key bar (a question, its hint, a refusal, a terminal too small).
    static func shown(_ state: BoardState, _ buffer: ScreenBuffer) -> String? {
        guard state.overlay == nil, state.width >= Render.minimumWidth, state.height >= Render.minimumHeight else { return nil }
        let kind = type(of: state.top).kind
        let mine = row(buffer)
        guard let canonical = try? usual(kind, width: state.width, height: state.height) else {
            return "--- key bar of its own\n\(mine.text)\n\(mine.roles)\n"
        }
        if row(Render.screen(canonical)) == mine { return "--- key bar: \(kind)\n" }
        let items = Render.barItems(for: state), usualItems = Render.barItems(for: canonical)
        guard items.map({ [$0.keys, $0.words] }) == usualItems.map({ [$0.keys, $0.words] }) else {
            return "--- key bar of its own\n\(mine.text)\n\(mine.roles)\n"
        }
        let dimmed = zip(items, usualItems).filter { !$0.0.applies && $0.1.applies }.map { $0.0.keys }
        let lit = zip(items, usualItems).filter { $0.0.applies && !$0.1.applies }.map { $0.0.keys }
        var out = "--- key bar: \(kind)"
        if !dimmed.isEmpty { out += ", dimmed here: " + dimmed.joined(separator: ", ") }
        if !lit.isEmpty { out += ", lit here: " + lit.joined(separator: ", ") }
        return out + "\n"
    }

    /// Every kind's bar at each width, and the styles each theme gives the bar's roles.
    static func document() throws -> String {
        var out = ""
        var used: [Role] = []
        for (width, height) in [(80, 24), (160, 48)] {
            out += "=== width \(width)\n"
            for kind in Screens.all.map({ $0.kind }) {
                let buffer = Render.screen(try usual(kind, width: width, height: height))
                let (text, roles) = row(buffer)
                out += "--- \(kind)\n\(text)\n\(roles)\n"
                for x in 0..<buffer.width where !used.contains(buffer[x, buffer.height - 1].role) { used.append(buffer[x, buffer.height - 1].role) }
            }
        }
        for name in ["default", "mono"] {
            let theme = try Golden.theme(name)
            out += "=== styles, theme \(name)\n"
            out += used.sorted { $0.name < $1.name }.map { "\($0.code) \($0.name): \(theme.style(for: $0).summary)\n" }.joined()
        }
        return out
    }
}

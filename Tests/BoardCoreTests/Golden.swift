import BoardCore
import Foundation
import ShippedThemes
import XCTest

/// Golden screens: a rendered screen as text, as a grid of style roles, and the styles
/// its theme gives those roles, compared with a file kept beside the tests.
/// Re-record on purpose with `PLANBOARD_RECORD_GOLDEN=1 swift test`, then read the diff.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func theme(_ name: String) throws -> Theme {
        guard let text = ShippedThemes.text(name) else { throw XCTSkip("no theme \(name)") }
        return try Theme.parse(text, file: "themes/\(name).toml")
    }

    static func document(_ buffer: ScreenBuffer, theme: Theme) -> String {
        var out = "size \(buffer.width)x\(buffer.height), theme \(theme.name)\n"
        out += "--- text\n" + buffer.lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }.joined(separator: "\n") + "\n"
        out += "--- roles\n" + buffer.roleLines.joined(separator: "\n") + "\n"
        out += "--- styles\n"
        var used: [Role] = []
        for cell in buffer.cells where !used.contains(cell.role) { used.append(cell.role) }
        for role in used.sorted(by: { $0.name < $1.name }) {
            out += "\(role.code) \(role.name): \(theme.style(for: role).summary)\n"
        }
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
                    check(Render.screen(state), theme: style, name: "\(name)-\(width)x\(height)-\(theme)", file: file, line: line)
                }
            }
        }
    }

    static func check(_ buffer: ScreenBuffer, theme: Theme, name: String, file: StaticString = #filePath, line: UInt = #line) {
        let actual = document(buffer, theme: theme)
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

import BoardCore
import Foundation
import XCTest

/// The README's table of views says what the keys do, so it must match the bindings.
final class ReadmeKeysTests: XCTestCase {
    /// The rows of the README's "Key | View | For" table, as cells.
    func viewTable() throws -> [[String]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let lines = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8).components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "| Key | View | For |"), "the README has its table of views")
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { row in
            row.dropFirst(2).dropLast(2).components(separatedBy: " | ")
        }
    }

    func testEachViewInTheTableIsOnItsKeyWithItsName() throws {
        let rows = try viewTable()
        XCTAssertEqual(rows.count, Screens.views.count + 1, "every numbered view, and the meetings")
        for row in rows {
            let key = try XCTUnwrap(row.first?.first)
            let binding = try XCTUnwrap(Bindings.binding(for: .char(key), on: DashboardScreen.self), "\(key) is bound")
            let kind: String? = switch binding.command {
            case let .show(view): view.kind
            case let .push(kind): kind
            default: nil
            }
            XCTAssertEqual(kind.flatMap(Screens.type)?.title, row[1], "the README's key \(key)")
        }
    }

    func testEveryKeyTheTableNamesIsBoundWhereItSays() throws {
        for row in try viewTable() {
            let key = try XCTUnwrap(row.first?.first)
            guard let binding = Bindings.binding(for: .char(key), on: DashboardScreen.self) else { continue }
            let kind: String? = switch binding.command {
            case let .show(view): view.kind
            case let .push(kind): kind
            default: nil
            }
            let view = try XCTUnwrap(kind.flatMap(Screens.type))
            // A key named in the row works on the view or on a screen opened from it (an area, a KPI ...).
            let screens = [view] + Screens.all.filter { !$0.isView && $0.kind != view.kind }
            for match in row[2].matches(of: /`([A-Za-z0-9\[\]+\-=?])`/) {
                let named = Character(String(match.output.1))
                XCTAssertTrue(screens.contains { Bindings.binding(for: .char(named), on: $0) != nil },
                              "`\(named)` in the README's row for \(row[1]) is bound")
            }
        }
    }
}

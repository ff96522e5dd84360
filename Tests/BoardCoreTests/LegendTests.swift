import BoardCore
import PlanModel
import TestSupport
import XCTest

/// The legend: its own key from anywhere, every colour and glyph explained, first in help.
final class LegendTests: XCTestCase {
    func testKOpensTheLegendFromAnyViewAndQClosesIt() throws {
        for view in View.allCases {
            var state = try board(view: view)
            state.press(.char("K"))
            XCTAssertEqual(state.screen, .legend, "K opens the legend from \(view.title)")
            XCTAssertTrue(state.text.contains("What the colours and glyphs mean"), state.text)
            state.press(.char("q"))
            XCTAssertEqual(state.screen, .view(view), "q closes the legend rather than quitting")
        }
    }

    func testEveryStatusBandAndKPIGlyphIsExplainedAndOnAndOffTargetDiffer() throws {
        var state = try board(width: 160, height: 60)
        state.press(.char("K"))
        let text = state.text
        for status in Status.allCases { XCTAssertTrue(text.contains("\(status.badge) \(status.label)"), "legend for \(status.label)") }
        for band in RiskBand.allCases { XCTAssertTrue(text.contains("\(band.letter) \(band.label) risk"), "legend for \(band.label)") }
        for glyph in ["✓ On", "~ Near", "✗ Off", "· None"] + [Travel.improving, .worsening, .unchanged].map({ $0.word + " " }) { XCTAssertTrue(text.contains(glyph), "legend for \(glyph)") }
        let on = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("✓ On ") })
        let off = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("✗ Off ") })
        XCTAssertNotEqual(on.dropFirst(26), off.dropFirst(26), "On target and Off target are explained differently")
    }

    func testHelpShowsTheLegendFirstAndNamesTheLegendKey() throws {
        var state = try board(width: 160, height: 200)
        state.press(.char("?"))
        let lines = state.text.split(separator: "\n")
        let legend = try XCTUnwrap(lines.firstIndex { $0.contains("What the colours and glyphs mean") })
        let keys = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Keys") })
        XCTAssertLessThan(legend, keys, "the legend comes before the keys")
        XCTAssertTrue(state.text.contains("Legend: what every colour, letter and glyph means"), "help lists the legend's key")
    }
}

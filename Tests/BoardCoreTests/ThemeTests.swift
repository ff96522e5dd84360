import BoardCore
import ShippedThemes
import XCTest

final class ThemeTests: XCTestCase {
    func shipped() throws -> [Theme] {
        try ShippedThemes.names.map { name in
            try Theme.parse(try XCTUnwrap(ShippedThemes.text(name), name), file: "themes/\(name).toml")
        }
    }

    func testEveryShippedThemeStylesEveryRoleWithAnEightColourFallback() throws {
        for theme in try shipped() {
            for role in Role.all {
                let style = try XCTUnwrap(theme.styles[role.name], "\(theme.name) styles \(role.name)")
                if style.fg >= 0 { XCTAssertGreaterThanOrEqual(style.fg8, 0, "\(theme.name) \(role.name) has an 8-colour foreground") }
                if style.bg >= 0 { XCTAssertGreaterThanOrEqual(style.bg8, 0, "\(theme.name) \(role.name) has an 8-colour background") }
            }
        }
    }

    func testTheLightThemePaintsItsOwnBackgroundUnderEveryRole() throws {
        let light = try XCTUnwrap(try shipped().first { $0.name == "light" })
        XCTAssertTrue(light.paintsBackground, "a projector theme does not rely on the terminal's background")
        for role in Role.all {
            let style = light.style(for: role)
            XCTAssertGreaterThanOrEqual(style.bg, 0, "light \(role.name) has a background in 256 colours")
            XCTAssertGreaterThanOrEqual(style.bg8, 0, "light \(role.name) has a background in 8 colours")
            XCTAssertGreaterThanOrEqual(style.fg, 0, "light \(role.name) has its own text colour, not the terminal's")
            XCTAssertNotEqual(style.fg, style.bg, "light \(role.name) text differs from its background")
        }
        let normal = light.style(for: .normal)
        XCTAssertEqual(normal.bg, 231, "white")
    }

    func testMonoHasNoColourAndStillTellsStatusesApart() throws {
        let mono = try XCTUnwrap(try shipped().first { $0.name == "mono" })
        for (_, style) in mono.styles {
            XCTAssertEqual([style.fg, style.bg, style.fg8, style.bg8], [-1, -1, -1, -1])
        }
        XCTAssertNotEqual(mono.style(for: .status(.red)), mono.style(for: .status(.green)))
        XCTAssertNotEqual(mono.style(for: .selection), mono.style(for: .normal))
    }

    func testTheColourBlindThemeHasNoRedGreenPair() throws {
        let theme = try XCTUnwrap(try shipped().first { $0.name == "colour-blind" })
        // xterm-256 reds and greens that colour-blind viewers confuse.
        let reds: Set<Int> = [1, 9, 52, 88, 124, 160, 196, 197, 203]
        let greens: Set<Int> = [2, 10, 22, 28, 34, 40, 46, 71, 77, 82, 112, 118]
        for role in Role.all {
            let style = theme.style(for: role)
            XCTAssertFalse(reds.contains(style.fg) || reds.contains(style.bg), "\(role.name) uses red")
            XCTAssertFalse(greens.contains(style.fg) || greens.contains(style.bg), "\(role.name) uses green")
            XCTAssertFalse([1, 2].contains(style.fg8) || [1, 2].contains(style.bg8), "\(role.name) uses red or green on 8-colour terminals")
        }
    }

    func testNoColourKeepsAttributes() throws {
        let theme = try XCTUnwrap(try shipped().first { $0.name == "default" }).withoutColour
        XCTAssertTrue(theme.style(for: .status(.red)).bold)
        XCTAssertEqual(theme.style(for: .status(.red)).bg, -1)
    }

    func testABadThemeFileSaysWhereAndWhat() {
        func message(_ text: String) -> String? {
            do { _ = try Theme.parse(text, file: "mine.toml"); return nil } catch { return (error as? ThemeError)?.message }
        }
        XCTAssertEqual(message("name = \"x\"\n"), "mine.toml: has no [roles] table; expected one style per role (see themes/README.md)")
        XCTAssertEqual(message("[roles]\nsparkle = { fg = 1 }\n")?.hasPrefix("mine.toml: roles.sparkle is not a role planboard knows"), true)
        XCTAssertEqual(message("[roles]\nnormal = { fg = 300 }\n"), "mine.toml: roles.normal.fg is 300; expected 0 to 255, a colour name or \"default\"")
        XCTAssertEqual(message("[roles]\nnormal = { fg8 = \"pink\" }\n"), "mine.toml: roles.normal.fg8 is \"pink\"; expected black, red, green, yellow, blue, magenta, cyan, white, \"default\" or a number")
        XCTAssertEqual(message("[roles]\nnormal = { attrs = [\"blink\"] }\n"), "mine.toml: roles.normal.attrs has \"blink\"; expected bold, dim, reverse, underline, italic")
        XCTAssertEqual(message("[roles\n")?.hasPrefix("mine.toml (line 1"), true)
    }
}

import Foundation
import TOMLKit

/// How a role looks: colours for 256-colour and 8-colour terminals, and attributes.
public struct Style: Equatable, Sendable {
    /// A 256-colour index, or -1 for the terminal's own colour.
    public var fg = -1
    public var bg = -1
    /// The colours to use where the terminal has only 8 (0 black ... 7 white, -1 default).
    public var fg8 = -1
    public var bg8 = -1
    public var bold = false
    public var dim = false
    public var reverse = false
    public var underline = false
    public var italic = false

    public init() {}

    /// Written as in the theme file, for golden files and the help screen.
    public var summary: String {
        var parts: [String] = []
        if fg >= 0 { parts.append("fg=\(fg)") }
        if bg >= 0 { parts.append("bg=\(bg)") }
        if fg8 >= 0 { parts.append("fg8=\(Theme.colourNames[fg8])") }
        if bg8 >= 0 { parts.append("bg8=\(Theme.colourNames[bg8])") }
        for (on, name) in [(bold, "bold"), (dim, "dim"), (reverse, "reverse"), (underline, "underline"), (italic, "italic")] where on {
            parts.append(name)
        }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}

/// A theme: a style for every role, read from a TOML file in `themes/`.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var description: String
    public var styles: [String: Style]

    public static let colourNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    static let attributes = ["bold", "dim", "reverse", "underline", "italic"]

    /// The style for a role; roles a theme leaves out look like `normal`.
    public func style(for role: Role) -> Style { styles[role.name] ?? styles["normal"] ?? Style() }

    /// The same theme with every colour removed, keeping bold, reverse and the rest:
    /// what `NO_COLOR` asks for.
    public var withoutColour: Theme {
        var copy = self
        for (name, var style) in copy.styles {
            style.fg = -1
            style.bg = -1
            style.fg8 = -1
            style.bg8 = -1
            copy.styles[name] = style
        }
        return copy
    }

    /// Reads a theme, reporting problems with the file, the place and what was expected.
    public static func parse(_ text: String, file: String) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError("\(file) (line \(error.source.begin.line), column \(error.source.begin.column)): \(error.description); expected a TOML theme (see themes/README.md)")
        }
        var theme = Theme(name: table["name"]?.string ?? (file as NSString).lastPathComponent.replacingOccurrences(of: ".toml", with: ""),
                          description: table["description"]?.string ?? "", styles: [:])
        guard let roles = table["roles"]?.table else {
            throw ThemeError("\(file): has no [roles] table; expected one style per role (see themes/README.md)")
        }
        let known = Set(Role.all.map(\.name))
        for key in roles.keys {
            guard known.contains(key) else {
                throw ThemeError("\(file): roles.\(key) is not a role planboard knows; expected one of \(Role.all.map(\.name).joined(separator: ", "))")
            }
            guard let entry = roles[key]?.table else {
                throw ThemeError("\(file): roles.\(key) is not a table; expected e.g. { fg = 196, fg8 = \"red\", attrs = [\"bold\"] }")
            }
            var style = Style()
            for field in entry.keys {
                let place = "\(file): roles.\(key).\(field)"
                switch field {
                case "fg": style.fg = try colour(entry[field], place, range: 0...255)
                case "bg": style.bg = try colour(entry[field], place, range: 0...255)
                case "fg8": style.fg8 = try colour(entry[field], place, range: 0...7)
                case "bg8": style.bg8 = try colour(entry[field], place, range: 0...7)
                case "attrs":
                    guard let list = entry[field]?.array else { throw ThemeError("\(place) is not a list; expected e.g. [\"bold\", \"reverse\"]") }
                    for item in list {
                        switch item.string {
                        case "bold": style.bold = true
                        case "dim": style.dim = true
                        case "reverse": style.reverse = true
                        case "underline": style.underline = true
                        case "italic": style.italic = true
                        default: throw ThemeError("\(place) has \(item.string.map { "\"\($0)\"" } ?? "a non-text value"); expected \(attributes.joined(separator: ", "))")
                        }
                    }
                default:
                    throw ThemeError("\(place) is not a style field; expected fg, bg, fg8, bg8 or attrs")
                }
            }
            theme.styles[key] = style
        }
        theme.paintOwnBackground()
        return theme
    }

    /// A theme whose `normal` role sets a background paints it everywhere: every role
    /// without colours of its own takes normal's, so nothing falls back to the terminal's
    /// (a light theme on a dark terminal would otherwise leave dark text on black).
    mutating func paintOwnBackground() {
        guard let normal = styles["normal"], normal.bg >= 0 || normal.bg8 >= 0 else { return }
        for role in Role.all {
            var style = styles[role.name] ?? normal
            if style.bg < 0 { style.bg = normal.bg }
            if style.bg8 < 0 { style.bg8 = normal.bg8 }
            if style.fg < 0 { style.fg = normal.fg }
            if style.fg8 < 0 { style.fg8 = normal.fg8 }
            styles[role.name] = style
        }
    }

    /// Whether the theme paints its own background rather than using the terminal's.
    public var paintsBackground: Bool { (styles["normal"]?.bg ?? -1) >= 0 }

    static func colour(_ value: TOMLValueConvertible?, _ place: String, range: ClosedRange<Int>) throws -> Int {
        if let n = value?.int {
            guard range.contains(n) else { throw ThemeError("\(place) is \(n); expected \(range.lowerBound) to \(range.upperBound), a colour name or \"default\"") }
            return n
        }
        if let name = value?.string {
            if name == "default" { return -1 }
            if let i = colourNames.firstIndex(of: name) { return i }
            throw ThemeError("\(place) is \"\(name)\"; expected \(colourNames.joined(separator: ", ")), \"default\" or a number")
        }
        throw ThemeError("\(place) is not a colour; expected a number, a colour name or \"default\"")
    }
}

/// A theme file that cannot be used, and why.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

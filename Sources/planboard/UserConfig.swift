import Foundation

/// The person's own settings, kept in `$XDG_CONFIG_HOME/planboard/config.toml`
/// (`~/.config/planboard/config.toml`): the name that signs their changes, and the theme
/// and plan the dashboard opens by default.
///
/// Only `key = "text"` lines are read and written (the TOML this file needs); anything else
/// in the file is kept as it was when the file is saved again.
struct UserConfig: Equatable {
    var name: String?
    var theme: String?
    var plan: String?

    /// Where the file lives.
    static var path: String {
        let env = ProcessInfo.processInfo.environment
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".config")
        return ((config as NSString).appendingPathComponent("planboard") as NSString).appendingPathComponent("config.toml")
    }

    /// The settings in the file, or none when there is no file.
    static func load(from path: String = UserConfig.path) -> UserConfig {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return UserConfig() }
        return parse(text)
    }

    static func parse(_ text: String) -> UserConfig {
        var config = UserConfig()
        for line in text.split(whereSeparator: \.isNewline) {
            guard let (key, value) = pair(String(line)) else { continue }
            switch key {
            case "name": config.name = value
            case "theme": config.theme = value
            case "plan": config.plan = value
            default: continue
            }
        }
        return config
    }

    /// A `key = "value"` line at the top level, its basic-string escapes undone.
    private static func pair(_ line: String) -> (String, String)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let equals = trimmed.firstIndex(of: "="), !trimmed.hasPrefix("#") else { return nil }
        let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
        let rest = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard rest.hasPrefix("\""), rest.count >= 2 else { return nil }
        var value = ""
        var escaped = false
        for c in rest.dropFirst() {
            if escaped {
                switch c {
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: value.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                let text = value.trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : (key, text)
            } else {
                value.append(c)
            }
        }
        return nil
    }

    /// Writes the settings, keeping any other lines already in the file.
    func save(to path: String = UserConfig.path) throws {
        let existing = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "# planboard's settings: the name that signs your changes, your default theme and plan.\n"
        var lines = existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        for (key, value) in [("name", name), ("theme", theme), ("plan", plan)] {
            guard let value else { continue }
            let line = "\(key) = \(Self.quoted(value))"
            if let at = lines.firstIndex(where: { Self.pair($0)?.0 == key }) { lines[at] = line } else { lines.append(line) }
        }
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\u%04X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

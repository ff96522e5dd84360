import Foundation

/// The themes shipped in `themes/`, as resources of the binary.
public enum ShippedThemes {
    public static let names = ["default", "light", "high-contrast", "colour-blind", "mono"]

    /// The TOML text of a shipped theme, or nil if there is none by that name.
    public static func text(_ name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "toml") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}

/// Help text written as paragraphs in the source, reflowed so the help prints them wrapped
/// at word boundaries to the terminal: ArgumentParser wraps each source line on its own,
/// which leaves a ragged line wherever a source line ends.
///
/// Lines within a paragraph are joined; a blank line ends a paragraph; a line that starts
/// with spaces, "- ", "•" or "Example" keeps its own line (examples and lists).
enum Prose {
    static func flowing(_ text: String) -> String {
        var out: [String] = []
        var joining = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let keepsItsLine = line.isEmpty || line.hasPrefix(" ") || line.hasPrefix("- ") || line.hasPrefix("•") || line.hasPrefix("Example")
            if keepsItsLine {
                out.append(line)
                joining = !line.isEmpty && !line.hasPrefix(" ")
            } else if joining, let last = out.popLast() {
                out.append(last + " " + line)
            } else {
                out.append(line)
                joining = true
            }
        }
        return out.joined(separator: "\n")
    }
}

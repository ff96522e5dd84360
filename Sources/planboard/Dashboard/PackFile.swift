import BoardLoop
import Foundation
import PlanModel
import PlanReport

/// Writes the dashboard's board pack: the HTML pack for a meeting, into the folder the
/// dashboard was started in, as `board-pack-<meeting>.html`, through the same safe writer
/// as `planboard report -o` (a link is followed, a device is written into, never replaced).
@MainActor
struct PackFile: PackWriter {
    /// The folder packs go into.
    var folder: String = FileManager.default.currentDirectoryPath

    /// A failure, said as the dashboard says it.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func writePack(_ plan: Plan, log: [ChangeRecord], meeting: String, since: String?, today: PlanDate) throws -> String {
        let pack: BoardPack
        do {
            pack = try BoardPack(plan: plan, log: log, meeting: meeting, since: since, today: today)
        } catch {
            throw Failure(description: "The pack could not be made: \(error.message).")
        }
        let path = (folder as NSString).appendingPathComponent(Self.fileName(meeting))
        do {
            try Output.write(pack.html(), to: path)
        } catch let error as CLIError {
            throw Failure(description: "Nothing was written: \(error.message).")
        }
        return path
    }

    /// `board-pack-board-2023-09-12.html`: the meeting's name in letters, digits and dashes.
    static func fileName(_ meeting: String) -> String {
        var slug = ""
        for scalar in meeting.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return "board-pack-\(slug.isEmpty ? "meeting" : slug).html"
    }
}

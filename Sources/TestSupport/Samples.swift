@_exported import SamplePlans
import Foundation
import PlanExchange
import PlanModel
import SamplePlans

/// The shipped sample plans, read through the real reader.
public enum Samples {
    /// Loads a sample by file name (`SamplePlans.devon` ...), failing loudly if it is invalid.
    public static func plan(_ name: String) throws -> Plan {
        guard let url = SamplePlans.url(name) else { throw SampleMissing(name: name) }
        return try PlanDecoding.plan(contentsOf: url, name: name)
    }

    /// The sample's bytes exactly as shipped.
    public static func bytes(_ name: String) throws -> Data {
        guard let url = SamplePlans.url(name) else { throw SampleMissing(name: name) }
        return try Data(contentsOf: url)
    }

    public static func url(_ name: String) throws -> URL {
        guard let url = SamplePlans.url(name) else { throw SampleMissing(name: name) }
        return url
    }

    /// The repository's root folder, for tests that read the seed or the docs.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The text the Devon plan was transcribed from: a text dump of Devon's Word document
    /// (2022), kept in the repository so the tests read nothing from outside it.
    public static func seedText() throws -> String {
        let url = repositoryRoot.appendingPathComponent("Tests/Fixtures/devon-app-2022-seed.txt")
        return try String(contentsOf: url, encoding: .utf8)
    }

    struct SampleMissing: Error, CustomStringConvertible {
        var name: String
        var description: String { "sample \(name) is not in the SamplePlans resources" }
    }
}

/// Fixed dates for tests: rules that depend on "today" get a clock the test sets.
public enum TestDates {
    /// The illustrative sample's story is set in mid-August 2023.
    public static let illustrativeToday = date("2023-08-15")

    public static func date(_ iso: String) -> PlanDate {
        guard let date = PlanDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
        return date
    }
}

import Foundation

/// The sample plans shipped in `sample-data/`, for first runs and tests.
public enum SamplePlans {
    /// Devon's plan transcribed faithfully from the seed.
    public static let devon = "devon-app.json"
    /// The same plan with illustrative dates, statuses, risks, figures and checkpoints.
    public static let devonIllustrative = "devon-app-illustrative.json"
    /// A fictional plan with five areas of weakness.
    public static let fictional = "fictional-five-areas.json"

    public static let all = [devon, devonIllustrative, fictional]

    /// The day the illustrative plan's story is told as at (YYYY-MM-DD): a first run moves
    /// its dates so that this day is today.
    public static let illustrativeStoryDay = "2023-08-15"

    /// Where a sample file is, or nil when the resources were not installed with the binary.
    public static func url(_ name: String) -> URL? {
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        return Bundle.module.url(forResource: String(name[..<dot]), withExtension: "json")
    }
}

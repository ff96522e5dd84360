import Foundation
import PlanExchange
import PlanModel

extension Samples {
    /// The illustrative Devon plan with its invented board meetings, as the sample
    /// generator will write it (`IllustrativeMeetings`).
    public static func illustrativeWithMeetings() throws -> Plan {
        IllustrativeMeetings.adding(to: try plan(SamplePlans.devonIllustrative))
    }

    /// That plan written to a JSON file in `folder`, for importing through the real binary.
    public static func writeIllustrativeWithMeetings(in folder: TempFolder) throws -> String {
        let path = folder.path("devon-with-meetings.json")
        try Data(PlanEncoding.json(try illustrativeWithMeetings()).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The committed fixtures made by the planboard before meetings (`Tests/Fixtures/round1`).
    public static func roundOneFixture(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures/round1").appendingPathComponent(name)
    }

    /// A file in Tests/Fixtures/round2: made by planboard before SQLite kept people.
    public static func roundTwoFixture(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures/round2").appendingPathComponent(name)
    }
}

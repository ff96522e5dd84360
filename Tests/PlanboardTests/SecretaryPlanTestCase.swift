import Foundation
import TestSupport
import XCTest

/// A plan file of its own holding the illustrative plan with its meetings, run by a
/// secretary on the sample's day: the start of each test that writes a pack or a report.
class SecretaryPlanTestCase: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }
    /// The name of the test's temporary folder.
    class var folderName: String { "secretary" }

    override func setUpWithError() throws {
        folder = try TempFolder(Self.folderName)
        let json = try Samples.writeIllustrativeWithMeetings(in: folder)
        let imported = try planboard("import", json, "--db", db)
        XCTAssertEqual(imported.status, 0, imported.stderr)
    }

    override func tearDown() { folder = nil }

    @discardableResult
    func planboard(_ args: String..., env: [String: String] = [:]) throws -> PlanboardBinary.Result {
        try PlanboardBinary.run(args, environment: ["PLANBOARD_TODAY": "2023-08-15", "USER": "secretary"].merging(env) { $1 })
    }
}

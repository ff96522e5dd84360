import Foundation
import PlanExchange
import PlanModel
import TestSupport
import XCTest

/// The generated samples are what the Swift sample makers write, byte for byte, so the
/// committed files cannot drift from the code that makes them (`swift run planboard-samples`).
final class SampleFileTests: XCTestCase {
    func testTheIllustrativeDevonFileIsWhatItsMakerWrites() throws {
        let devon = try Samples.plan(SamplePlans.devon)
        let written = PlanEncoding.json(try IllustrativeDevon.make(from: devon))
        XCTAssertEqual(Data(written.utf8), try Samples.bytes(SamplePlans.devonIllustrative),
                       "sample-data/devon-app-illustrative.json differs from what IllustrativeDevon makes; run swift run planboard-samples")
    }

    func testTheFictionalFileIsWhatItsMakerWrites() throws {
        XCTAssertEqual(Data(PlanEncoding.json(FictionalNorthmoor.make()).utf8), try Samples.bytes(SamplePlans.fictional),
                       "sample-data/fictional-five-areas.json differs from what FictionalNorthmoor makes; run swift run planboard-samples")
    }

    func testTheMakerRefusesADevonPlanItsTablesDoNotFit() throws {
        var devon = try Samples.plan(SamplePlans.devon)
        devon.areas[0].actions[0].ref = "1z"
        XCTAssertThrowsError(try IllustrativeDevon.make(from: devon)) { error in
            XCTAssertTrue("\(error)".contains("1z"), "the message names the action that does not fit: \(error)")
        }
    }
}

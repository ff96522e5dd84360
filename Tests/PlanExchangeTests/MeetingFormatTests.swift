import Foundation
import PlanModel
@testable import PlanExchange
import TestSupport
import XCTest

final class MeetingFormatTests: XCTestCase {
    func testAPlanWithMeetingsIsWrittenAsPlanboard2AndReadsBackTheSame() throws {
        let plan = try Samples.illustrativeWithMeetings()
        let json = PlanEncoding.json(plan)
        XCTAssertTrue(json.hasPrefix("{\n  \"format\": \"planboard/2\",\n"))
        XCTAssertTrue(json.contains("\n  \"meetings\": [\n"))
        let back = try PlanDecoding.plan(bytes: Array(json.utf8), file: "with-meetings.json")
        XCTAssertEqual(back, plan)
        XCTAssertEqual(PlanEncoding.json(back), json, "writing is stable")
    }

    func testAPlanWithoutMeetingsIsStillPlanboard1ByteForByte() throws {
        for sample in SamplePlans.all {
            // Whether or not the sample generator has given a sample its meetings.
            var plan = try Samples.plan(sample)
            plan.meetings = []
            let json = PlanEncoding.json(plan)
            XCTAssertTrue(json.hasPrefix("{\n  \"format\": \"planboard/1\",\n"), sample)
            XCTAssertFalse(json.contains("\"meetings\""), sample)
        }
    }

    func testTheFileMadeByThePreviousPlanboardStillImports() throws {
        let url = Samples.roundOneFixture("plan.json")
        let plan = try PlanDecoding.plan(contentsOf: url)
        XCTAssertEqual(plan.header.localArea, "Devon Local Area")
        XCTAssertEqual(plan.meetings, [])
        XCTAssertEqual(Data(PlanEncoding.json(plan).utf8), try Data(contentsOf: url), "and writes back exactly as it was")
    }

    func testMeetingsInAPlanboard1FileAreRefusedWithTheirPlace() throws {
        var json = PlanEncoding.json(try Samples.illustrativeWithMeetings())
        json = json.replacingOccurrences(of: "\"planboard/2\"", with: "\"planboard/1\"")
        XCTAssertThrowsError(try PlanDecoding.plan(bytes: Array(json.utf8), file: "old.json")) { error in
            XCTAssertTrue("\(error)".contains("meetings ("), "\(error)")
            XCTAssertTrue("\(error)".contains("is not a field planboard knows here"), "\(error)")
        }
    }

    func testABadMeetingIsReportedWithItsPlace() throws {
        var json = PlanEncoding.json(try Samples.illustrativeWithMeetings())
        json = json.replacingOccurrences(of: "\"done\": true", with: "\"done\": \"yes\"")
        json = json.replacingOccurrences(of: "\"rag\": \"amber\"", with: "\"rag\": \"orange\"")
        XCTAssertThrowsError(try PlanDecoding.plan(bytes: Array(json.utf8), file: "bad.json")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("meetings[0].decisions[0].done"), text)
            XCTAssertTrue(text.contains("expected true or false"), text)
            XCTAssertTrue(text.contains("meetings[0].highlights[0].rag"), text)
        }
    }
}

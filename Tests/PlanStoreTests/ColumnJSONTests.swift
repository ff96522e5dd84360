import Foundation
import PlanModel
@_spi(Benchmark) @testable import PlanStore
import TestSupport
import XCTest

/// The hand-written readers and writers of the JSON columns give exactly what Foundation's
/// encoder writes and its decoder reads, so a file is the same whichever wrote it.
final class ColumnJSONTests: XCTestCase {
    let json = JSONColumns(file: "plan.sqlite")

    func testCheckpointTextIsTheEncodersTextAndReadsBack() throws {
        for name in SamplePlans.all {
            let plan = try Samples.plan(name)
            var checkpoints = plan.checkpoints
            checkpoints.append(Checkpoint(name: "Board “Sept” / 2023", date: TestDates.date("2023-09-01"), of: plan))
            var odd = Checkpoint(name: "Tab\there \"quoted\" \\ back", date: TestDates.date("2023-09-02"), of: plan)
            odd.kpis.append(Checkpoint.KPIState(ref: "K9", actuals: [1.5, nil, -0.25, 1e-7, 3]))
            checkpoints.append(odd)
            for checkpoint in checkpoints {
                let text = try ColumnJSON.text(checkpoint)
                XCTAssertEqual(text, try json.text(checkpoint), "\(name): \(checkpoint.name)")
                XCTAssertEqual(try ColumnJSON.checkpoint(text), checkpoint)
                XCTAssertEqual(try ColumnJSON.checkpoint(text), try json.decode(Checkpoint.self, text, "checkpoint"))
            }
        }
    }

    func testSmallColumnsReadAsTheDecoderReadsThem() throws {
        let names = ["Jackie Ross", "", "Ünïcödé – “quoted”", "a\"b\\c\nd\te\u{01}", "emoji 👩🏽‍⚕️", "slash/es"]
        let text = try ColumnJSON.text(names)
        XCTAssertEqual(text, try json.text(names))
        XCTAssertEqual(try ColumnJSON.strings(text), names)
        XCTAssertEqual(try ColumnJSON.strings(#"[ "a" , "\u00e9\ud83d\ude00" ]"#), ["a", "é😀"])
        XCTAssertEqual(ColumnJSON.text([3, 1, 12]), try json.text([3, 1, 12]))
        XCTAssertEqual(try ColumnJSON.ints("[3,1,12]"), [3, 1, 12])
        let findings = [Finding(letter: "a", text: "Too slow"), Finding(letter: "b", text: "“Curly” \\ text")]
        XCTAssertEqual(try ColumnJSON.findings(try json.text(findings)), findings)
        let measure = Measure(value: 41.5, date: TestDates.date("2022-03-31"), note: "almost 2,000")
        XCTAssertEqual(try ColumnJSON.measure(try json.text(measure)), measure)
        XCTAssertEqual(try ColumnJSON.measure(try json.text(Measure(value: 7))), Measure(value: 7))
        let comparator = PlanModel.Comparator(label: "England average", value: 63.2)
        XCTAssertEqual(try ColumnJSON.comparator(try json.text(comparator)), comparator)
    }

    /// The benchmark weighs ColumnJSON against the strict reader: both must give the same plan.
    func testTheStrictReaderReadsEveryColumnAsColumnJSONReadsIt() throws {
        let folder = try TempFolder("columns")
        for name in SamplePlans.all {
            var plan = try Samples.plan(name)
            var odd = Checkpoint(name: "Tab\there \"quoted\" \\ back", date: TestDates.date("2023-09-02"), of: plan)
            odd.kpis.append(Checkpoint.KPIState(ref: "K9", actuals: [1.5, nil, -0.25, 1e-7, 3]))
            plan.checkpoints.append(odd)
            let store = try PlanStore.create(path: folder.path("\(name).sqlite"), plan: plan, user: "t")
            let byHand = try store.loadReadingColumns(strictly: false)
            XCTAssertEqual(byHand, try store.loadReadingColumns(strictly: true), name)
            XCTAssertEqual(byHand.checkpoints, plan.checkpoints, name)
        }
    }

    func testDamagedColumnsAreRefused() {
        for bad in ["", "[", "[\"a\"", "[\"a\",]", "{\"a\":1}", "[1]", "[\"a\"] x", "[\"\u{01}\"]", "[\"\\x\"]"] {
            XCTAssertThrowsError(try ColumnJSON.strings(bad), bad)
        }
        XCTAssertThrowsError(try ColumnJSON.ints("[1.5]"))
        XCTAssertThrowsError(try ColumnJSON.measure("{\"note\":\"\"}"), "a measure needs its value")
        XCTAssertThrowsError(try ColumnJSON.checkpoint("{\"name\":\"x\"}"))
        XCTAssertNil(ColumnJSON.date("2023-02-30"))
        XCTAssertNil(ColumnJSON.date("2023-2-01x"))
        XCTAssertEqual(ColumnJSON.date("2024-02-29"), PlanDate(iso: "2024-02-29"))
    }
}

import Foundation
import PlanModel
import PlanStore
import TestSupport
import XCTest

/// Several processes on one file, and a process killed mid-stream: nothing acknowledged is lost.
final class ConcurrencyTests: XCTestCase {
    var folder: TempFolder!
    var db: String { folder.path("plan.sqlite") }

    override func setUpWithError() throws {
        // Writing to a killed writer's pipe must fail the write, not kill the test process.
        signal(SIGPIPE, SIG_IGN)
        folder = try TempFolder("concurrency")
        _ = try PlanStore.create(path: db, plan: try Samples.plan(SamplePlans.devonIllustrative), user: "setup")
    }

    override func tearDown() { folder = nil }

    /// A `planboard batch -` process fed from a pipe.
    func startWriter(user: String) throws -> (Process, FileHandle, FileHandle) {
        try PlanboardBinary.start(["batch", "-", "--db", db, "--user", user], environment: ["PLANBOARD_TODAY": "2023-08-15"])
    }

    func testTwoProcessesEachApplying500EditsToOneFileLoseNone() throws {
        let refs = try Samples.plan(SamplePlans.devonIllustrative).allActions.map(\.ref)
        var writers: [(Process, FileHandle, FileHandle)] = []
        for user in ["alpha", "beta"] {
            let writer = try startWriter(user: user)
            // Both write notes to the same few actions, so their transactions really contend.
            let lines = (0..<500).map { i in "\(refs[i % 3]) --note \"\(user) \(i)\"" }.joined(separator: "\n") + "\n"
            PlanboardBinary.feed(writer.1, lines)
            writers.append(writer)
        }
        for (process, _, output) in writers {
            let text = String(decoding: output.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
            XCTAssertEqual(text.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count, 500)
        }
        let store = try PlanStore.open(path: db, user: "check")
        let plan = try store.load()
        let notes = Set(plan.allActions.flatMap(\.notes).map(\.text))
        for user in ["alpha", "beta"] {
            for i in 0..<500 { XCTAssertTrue(notes.contains("\(user) \(i)"), "\(user) \(i) was lost") }
        }
        let log = try store.changes()
        XCTAssertEqual(log.filter { $0.user == "alpha" }.count, 500)
        XCTAssertEqual(log.filter { $0.user == "beta" }.count, 500)
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testAProcessKilledMidStreamLeavesASoundFileWithEveryAcknowledgedEdit() throws {
        let (process, input, output) = try startWriter(user: "killed")
        let lines = (0..<5000).map { "3b --note \"edit \($0)\"" }.joined(separator: "\n") + "\n"
        DispatchQueue.global().async {
            try? input.write(contentsOf: Data(lines.utf8))
            try? input.close()
        }
        var acknowledged: [String] = []
        var buffer = ""
        while acknowledged.count < 200 {
            let chunk = output.availableData
            if chunk.isEmpty { break }
            buffer += String(decoding: chunk, as: UTF8.self)
            while let newline = buffer.firstIndex(of: "\n") {
                let line = String(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.hasPrefix("ok ") { acknowledged.append(line) }
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the writer was killed, not finished")
        XCTAssertGreaterThanOrEqual(acknowledged.count, 200)

        let store = try PlanStore.open(path: db, user: "check")
        XCTAssertEqual(try store.integrityCheck(), "ok")
        let notes = Set(try XCTUnwrap(try store.load().action("3b")).notes.map(\.text))
        // Line n of the input is "edit n-1"; every acknowledged line's edit is in the file.
        for line in acknowledged {
            let number = try XCTUnwrap(Int(line.dropFirst(3).prefix { $0.isNumber }))
            XCTAssertTrue(notes.contains("edit \(number - 1)"), "acknowledged \(line) but its note is missing")
        }
        XCTAssertLessThan(notes.filter { $0.hasPrefix("edit ") }.count, 5000, "killed before the end")
    }
}

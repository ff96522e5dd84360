import Foundation
import PlanModel
import PlanStore
@testable import PlanStorePostgres
import TestSupport
import XCTest

/// How long one edit takes to commit on each backend, printed for the record
/// (`swift test --filter StoreTimingTests`). The bound is loose: it catches a store that
/// has become pathologically slow, not a slow machine.
final class StoreTimingTests: XCTestCase {
    func median(_ store: any PlanStoring, edits: Int = 41) throws -> Double {
        var times: [Double] = []
        for i in 0..<edits {
            let edit = try store.load().setting(.text, ofAction: "3b", to: .text("timing \(i)"))
            let start = DispatchTime.now()
            try store.apply(edit)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }

    func testMedianTimeToCommitOneEditOnEachBackend() throws {
        let folder = try TempFolder("timing")
        let plan = try Samples.plan(SamplePlans.devonIllustrative)
        let sqlite = try median(try PlanStore.create(path: folder.path("plan.sqlite"), plan: plan, user: "jackie"))
        let (cluster, database) = try PostgresTestServer.newPlan(plan)
        let postgres = try median(try PostgresTestServer.open(cluster, database, user: "jackie"))
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        print(String(format: "planboard: median time to commit one edit: SQLite %.1f ms, PostgreSQL %.1f ms (%@ build, 41 edits each)", sqlite, postgres, build))
        XCTAssertLessThan(sqlite, 1000)
        XCTAssertLessThan(postgres, 1000)
    }
}

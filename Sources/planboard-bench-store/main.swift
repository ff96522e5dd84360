import Dispatch
import Foundation
import PlanExchange
import PlanModel
@_spi(Benchmark) import PlanStore

// Weighs the two readers of the store's small JSON columns (leads, KPI links, findings, risk
// areas, baselines, comparators and the checkpoints' snapshots of every action) on a plan of
// 100,000 actions and 10,000 risks in SQLite ($BENCH_ACTIONS changes the size): the whole plan
// loaded with the columns read by hand (ColumnJSON) and by the strict reader of plan files
// (JSONParser, through StrictColumns), in turn, $BENCH_RUNS times each (default 9); and the
// same plan written as a plan file (planboard/1 JSON) parsed by the strict reader alone.
// Build with -c release; docs/BENCHMARKS.md has the figures and what was decided from them.

let environment = ProcessInfo.processInfo.environment
let runs = Int(environment["BENCH_RUNS"] ?? "") ?? 9
let actions = Int(environment["BENCH_ACTIONS"] ?? "") ?? 100_000
let today = PlanDate(year: 2023, month: 8, day: 15) ?? PlanDate(dayNumber: 19_584)

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planboard-bench-store-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let path = folder.appendingPathComponent("plan.sqlite").path
let plan = SyntheticPlan.make(areas: 13, actions: actions, risks: actions / 10, kpis: 24, seed: 1, today: today)
_ = try PlanStore.create(path: path, plan: plan, user: "bench")
let store = try PlanStore.open(path: path, user: "bench")
let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
print("Plan: \(plan.allActions.count) actions, \(plan.risks.count) risks, \(plan.checkpoints.count) checkpoints, \(size / 1_000_000) MB in SQLite")

// Both readers must give the very plan written before either is timed.
for strict in [false, true] where try store.loadReadingColumns(strictly: strict) != plan {
    print("the plan read back with \(strict ? "the strict reader" : "ColumnJSON") differs from the plan written")
    exit(1)
}

/// The process's CPU time so far, in milliseconds: steadier than wall time on a busy machine.
func cpuMilliseconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) * 1_000 + Double(now.tv_nsec) / 1_000_000
}

/// Wall and CPU time of `body`, in milliseconds.
func timed(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    let (start, cpu) = (DispatchTime.now().uptimeNanoseconds, cpuMilliseconds())
    try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000, cpuMilliseconds() - cpu)
}

func median(_ times: [Double]) -> Double { times.sorted()[times.count / 2] }

/// Times `read` with each reader, in turn (so a busy moment on the machine falls on both alike).
func compare(_ what: String, _ read: (Bool) throws -> Void) rethrows {
    var byHand: [(wall: Double, cpu: Double)] = []
    var strict: [(wall: Double, cpu: Double)] = []
    for _ in 0..<runs {
        byHand.append(try timed { try read(false) })
        strict.append(try timed { try read(true) })
    }
    print("\n\(what), median of \(runs) runs each:")
    print(String(repeating: " ", count: 50) + "wall        CPU")
    for (name, times) in [("  columns by hand (ColumnJSON)", byHand), ("  columns by the strict reader (JSONParser)", strict)] {
        print(name.padding(toLength: 44, withPad: " ", startingAt: 0)
              + String(format: "%8.1f ms %8.1f ms", median(times.map(\.wall)), median(times.map(\.cpu))))
    }
    print(String(format: "  the strict reader takes %.2f× the wall time and %.2f× the CPU time",
                 median(strict.map(\.wall)) / median(byHand.map(\.wall)), median(strict.map(\.cpu)) / median(byHand.map(\.cpu))))
}

try compare("Whole plan loaded") { _ = try store.loadReadingColumns(strictly: $0) }
try compare("Leads, KPI links and snapshots alone") { _ = try store.readColumns(strictly: $0) }

// The strict reader's own speed, on the plan as a file: what `import` and `validate` pay.
let file = Array(PlanEncoding.json(plan).utf8)
var parse: [(wall: Double, cpu: Double)] = []
for _ in 0..<runs { parse.append(timed { _ = try? JSONParser.parse(file) }) }
print("\nThe plan as a file (\(file.count / 1_000_000) MB) parsed by JSONParser, median of \(runs) runs:")
print(String(format: "  %.1f ms wall, %.1f ms CPU", median(parse.map(\.wall)), median(parse.map(\.cpu))))

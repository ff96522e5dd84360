import BoardCore
import Dispatch
import Foundation
import PlanExchange
import PlanModel
import SamplePlans

// Times the dashboard's pure core on a generated plan of 10,000 actions and 1,000 risks
// ($BENCH_ACTIONS changes the size; risks are a tenth of it): drawing each view once, a
// change made elsewhere taken in and drawn, handling a Down key in every view (and how many
// cells of the screen it changes), and a search from `/` to its first match.
// Build with -c release. Targets (issues 4 and 10): every view drawn within 5 ms, a change
// taken in and drawn within 20 ms, a key within 1 ms, a search within 30 ms. Each figure
// prints its target and ✓ or ✗. $BENCH_ONLY=TEXT measures only the figures named with TEXT.

let today = PlanDate(year: 2023, month: 8, day: 15) ?? PlanDate(dayNumber: 19_584)
let runs = Int(ProcessInfo.processInfo.environment["BENCH_RUNS"] ?? "") ?? 31
let actionCount = Int(ProcessInfo.processInfo.environment["BENCH_ACTIONS"] ?? "") ?? 10_000

func measure(_ body: () -> Void) -> (median: Double, p90: Double) {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    times.sort()
    return (times[times.count / 2], times[min(times.count - 1, times.count * 9 / 10)])
}

/// $BENCH_ONLY: measure only the figures whose name holds it (to profile one).
let only = ProcessInfo.processInfo.environment["BENCH_ONLY"]

func line(_ name: String, _ measured: @autoclosure () -> (median: Double, p90: Double), budget: Double) -> Bool {
    if let only, !name.contains(only) { return true }
    let result = measured()
    let ok = result.median <= budget
    print(name.padding(toLength: 44, withPad: " ", startingAt: 0)
          + String(format: "%8.3f ms %8.3f ms   ≤ %.0f ms %@", result.median, result.p90, budget, ok ? "✓" : "✗"))
    return ok
}

/// How many cells differ between two screens (what the terminal has to repaint).
func changedCells(_ a: ScreenBuffer, _ b: ScreenBuffer) -> Int {
    guard a.width == b.width, a.height == b.height else { return a.cells.count }
    return zip(a.cells, b.cells).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
}

let generateStart = DispatchTime.now().uptimeNanoseconds
let plan = SyntheticPlan.make(areas: 13, actions: actionCount, risks: actionCount / 10, kpis: 24, seed: 1, today: today)
print("Generated plan: \(plan.allActions.count) actions, \(plan.risks.count) risks, \(plan.kpis.count) KPIs, \(plan.areas.count) areas (\(String(format: "%.0f", Double(DispatchTime.now().uptimeNanoseconds - generateStart) / 1e6)) ms)")
print("Median and 90th percentile of \(runs) runs each.\n")

// The same plan with one action's status changed, as an edit made elsewhere leaves it.
let changedRef = plan.areas[plan.areas.count / 2].actions.first?.ref ?? ""
let changedStatus = plan.action(changedRef)?.status ?? .green
let changeEdit = Edit.setAction(ref: changedRef, field: .status, from: .status(changedStatus),
                                to: .status(changedStatus == .complete ? .green : .complete))
let (changed, changeInverse) = (try? plan.applying(changeEdit)) ?? (plan, changeEdit)
/// The log line a change made elsewhere arrives with: there (`flip`) or back.
func elsewhere(_ flip: Bool, seq: Int) -> ChangeRecord {
    ChangeRecord(seq: Int64(seq), at: Date(), user: "elsewhere", kind: .edit, target: nil, summary: "",
                 edit: flip ? changeEdit : changeInverse, inverse: flip ? changeInverse : changeEdit)
}
print("view".padding(toLength: 44, withPad: " ", startingAt: 0) + "  median      p90      target")

var allOK = true
for (width, height) in [(80, 24), (160, 48)] {
    var base = BoardState(plan: plan, today: today, user: "bench", width: width, height: height)
    _ = base.update(.resize(width: width, height: height))
    func state(_ keys: [Key]) -> BoardState {
        var s = base
        for key in keys { _ = s.update(.key(key)) }
        return s
    }
    let views: [(String, [Key])] = [
        ("dashboard", [.char("1")]),
        ("areas", [.char("2")]),
        ("area (770 actions)", [.char("2"), .enter, .end]),
        ("action", [.char("2"), .enter, .enter]),
        ("RAG grid", [.char("3"), .down, .down, .end]),
        ("RAG over time (10,000 rows)", [.char("3"), .char("m"), .end]),
        ("heatmap", [.char("4")]),
        ("risk register (1,000)", [.char("5"), .end]),
        ("risk", [.char("5"), .char("o")]),
        ("score card", [.char("6")]),
        ("KPI", [.char("6"), .char("o")]),
        ("triage", [.char("7"), .end]),
        ("triage by lead", [.char("7"), .char("G")]),
        ("checkpoints", [.char("8")]),
        ("governance", [.char("9")]),
        ("help", [.char("?")]),
    ]
    print("\n\(width)×\(height)")
    for (name, keys) in views {
        let s = state(keys)
        allOK = line("  draw \(name)", measure { _ = Render.screen(s) }, budget: 5) && allOK
    }
    // A change made elsewhere: one action's status, as following the log applies it (the
    // other areas keep their lists), with its line in the log, taken in and drawn.
    // Alternates between two plans, so every run is a real change.
    for (name, keys) in [("dashboard", [Key.char("1")]), ("areas", [.char("2")]), ("RAG grid", [.char("3")]),
                         ("triage", [.char("7")]), ("checkpoints", [.char("8")])] {
        var s = state(keys)
        var flip = false
        var log: [ChangeRecord] = []
        allOK = line("  change elsewhere → \(name) drawn", measure {
            flip.toggle()
            log.append(elsewhere(flip, seq: log.count + 1))
            _ = s.update(.planChanged(flip ? changed : plan, log))
            _ = Render.screen(s)
        }, budget: 20) && allOK
    }
    for (name, keys) in views {
        let s = state(keys)
        allOK = line("  key ↓ on \(name)", measure {
            var copy = s
            _ = copy.update(.key(.down))
        }, budget: 1) && allOK
    }
    print("  cells a key ↓ repaints (what the terminal is sent follows from these):")
    for (name, keys) in views {
        var s = state(keys)
        let before = Render.screen(s)
        _ = s.update(.key(.down))
        print("    \(name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(changedCells(before, Render.screen(s)))")
    }
    // Search: `/`, the query typed, Enter, to the first match: one of the plan's last
    // actions, a different one each run, so no run finds its search already made.
    let queries = plan.areas.last.map { $0.actions.suffix(runs).map(\.ref) } ?? ["1.1"]
    let start = state([.char("1")])
    var run = 0
    allOK = line("  search / to first match", measure {
        var copy = start
        let query = queries[run % queries.count]
        run += 1
        for key in [Key.char("/")] + query.map({ Key.char($0) }) + [.enter] { _ = copy.update(.key(key)) }
    }, budget: 30) && allOK
}
print(allOK ? "\nEvery figure meets its target (✓)." : "\nSome figures miss their target (✗ above).")

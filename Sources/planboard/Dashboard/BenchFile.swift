import Foundation

/// Figures for the benchmark, appended to `$PLANBOARD_BENCH_FILE` as `name value` lines
/// (scripts/bench): how long a change made elsewhere took to appear, and how many change-log
/// lines the dashboard read after its own edit.
enum BenchFile {
    static func note(_ name: String, _ value: Double) {
        guard let path = ProcessInfo.processInfo.environment["PLANBOARD_BENCH_FILE"],
              let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data("\(name) \(value)\n".utf8))
    }

    static func note(_ name: String, since start: DispatchTime) {
        note(name, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
    }
}

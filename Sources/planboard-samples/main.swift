import Foundation
import PlanExchange
import PlanModel

// Writes the generated sample plans from Devon's transcription, through the same writer as
// `planboard export`:
//   sample-data/devon-app-illustrative.json  (IllustrativeDevon, PlanModel/Synthetic)
//   sample-data/fictional-five-areas.json    (FictionalNorthmoor, PlanModel/Synthetic)
// Usage: swift run planboard-samples [FOLDER]   (FOLDER defaults to ./sample-data)
// Deterministic: no randomness, no clock; SampleFileTests checks the committed files match.

let folder = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "sample-data", isDirectory: true)

func write(_ plan: Plan, _ name: String) throws {
    try Data(PlanEncoding.json(plan).utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
    print("wrote \(folder.lastPathComponent)/\(name)")
}

do {
    let devon = try PlanDecoding.plan(contentsOf: folder.appendingPathComponent("devon-app.json"))
    try write(try IllustrativeDevon.make(from: devon), "devon-app-illustrative.json")
    try write(FictionalNorthmoor.make(), "fictional-five-areas.json")
} catch {
    FileHandle.standardError.write(Data("planboard-samples: \(error)\n".utf8))
    exit(1)
}

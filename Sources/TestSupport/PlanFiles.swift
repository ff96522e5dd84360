import Foundation
import PlanExchange
import PlanModel

extension Samples {
    /// Reads a plan file (planboard/1 JSON) a test wrote, through the real reader.
    public static func planFromFile(_ path: String) throws -> Plan {
        try PlanDecoding.plan(contentsOf: URL(fileURLWithPath: path), name: (path as NSString).lastPathComponent)
    }
}

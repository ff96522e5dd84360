import PlanModel

/// Every action of a plan in plan order, read through the areas where they lie: a flat
/// copy of 100,000 actions is 13 MB, and the RAG grid over time is the one screen that
/// lists them all.
public struct PlanActions: RandomAccessCollection, Sendable {
    private let areas: [Area]
    /// Where each area's actions start in the whole list, and (last) how many there are.
    private let starts: [Int]

    public init(_ areas: [Area]) {
        self.areas = areas
        var starts = [0]
        for area in areas { starts.append(starts[starts.count - 1] + area.actions.count) }
        self.starts = starts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts[starts.count - 1] }

    public subscript(position: Int) -> Action {
        let (area, index) = place(position)
        return areas[area].actions[index]
    }

    /// The area and the place in it of the action at `position`.
    private func place(_ position: Int) -> (area: Int, index: Int) {
        // The last area starting at or before it (areas with no actions are stepped over).
        var low = 0
        var high = areas.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return (low, position - starts[low])
    }

    /// The statuses `states` (a checkpoint's) give each action, in this list's order; nil
    /// for an action the checkpoint does not hold.
    public func statuses(_ states: [Checkpoint.ActionState]) -> [Status?] {
        var out: [Status?] = []
        out.reserveCapacity(count)
        var finder = Checkpoint.StatusFinder(states)
        for area in areas {
            for i in area.actions.indices { out.append(finder.status(of: area.actions[i].ref)) }
        }
        return out
    }
}

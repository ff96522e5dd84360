import PlanModel

/// What one user can undo and redo, worked out from the log so it survives a restart.
public struct UndoStacks {
    public var undo: [Int64] = []
    public var redo: [Int64] = []

    public init(log: [ChangeRecord], user: String) {
        for record in log {
            if record.kind == .import {
                // A replaced plan cannot be undone edit by edit.
                undo = []
                redo = []
                continue
            }
            guard record.user == user else { continue }
            switch record.kind {
            case .edit:
                undo.append(record.seq)
                redo = []
            case .undo:
                if let target = record.target {
                    undo.removeAll { $0 == target }
                    redo.append(target)
                }
            case .redo:
                if let target = record.target {
                    redo.removeAll { $0 == target }
                    undo.append(target)
                }
            case .import:
                break
            }
        }
    }
}

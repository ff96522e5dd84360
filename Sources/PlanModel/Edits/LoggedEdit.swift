import Foundation

extension Edit {
    /// Reads a change-log line's edit and its inverse from their JSON text.
    ///
    /// Lines written by planboard before edits carried what the person saw (a set with one
    /// `value`, a note removed by its position) are read too: the two halves of a line
    /// complete each other (the inverse's value is what the edit replaced, the edit's note
    /// is the one its inverse removes), so an old change undoes and redoes with the same
    /// checks as a new one. Throws when the text is neither shape.
    public static func fromLog(edit: String?, inverse: String?) throws -> (edit: Edit?, inverse: Edit?) {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T? {
            guard let text else { return nil }
            return try decoder.decode(T.self, from: Data(text.utf8))
        }
        if let edit = try? decode(Edit.self, edit), let inverse = try? decode(Edit.self, inverse) {
            return (edit, inverse)
        }
        let old = try decode(LegacyEdit.self, edit)
        let oldInverse = try decode(LegacyEdit.self, inverse)
        switch (old, oldInverse) {
        case let (old?, oldInverse?):
            let pair = try LegacyEdit.upgrade(old, oldInverse)
            return (pair.edit, pair.inverse)
        case (nil, nil):
            return (nil, nil)
        default:
            throw EditError("a change-log line has an edit without its inverse")
        }
    }
}

/// The shape edits had in the change log before they carried what the person saw.
private indirect enum LegacyEdit: Decodable {
    case setAction(ref: String, field: ActionField, value: FieldValue)
    case addAction(area: Int, index: Int?, action: Action)
    case removeAction(ref: String)
    case addNote(ref: String, index: Int?, note: Note)
    case removeNote(ref: String, index: Int)
    case setRisk(ref: String, field: RiskField, value: FieldValue)
    case addRisk(index: Int?, risk: Risk)
    case removeRisk(ref: String)
    case setActual(kpi: String, milestone: Int, value: Double?)
    case addCheckpoint(Checkpoint, index: Int?)
    case removeCheckpoint(name: String)
    case batch([LegacyEdit])

    /// An old edit and its inverse as new edits: each half supplies what the other lacks.
    static func upgrade(_ edit: LegacyEdit, _ inverse: LegacyEdit) throws -> (edit: Edit, inverse: Edit) {
        switch (edit, inverse) {
        case let (.setAction(ref, field, to), .setAction(back, _, from)):
            return (.setAction(ref: ref, field: field, from: from, to: to), .setAction(ref: back, field: field, from: to, to: from))
        case let (.setRisk(ref, field, to), .setRisk(back, _, from)):
            return (.setRisk(ref: ref, field: field, from: from, to: to), .setRisk(ref: back, field: field, from: to, to: from))
        case let (.setActual(kpi, milestone, to), .setActual(_, _, from)):
            return (.setActual(kpi: kpi, milestone: milestone, from: from, to: to), .setActual(kpi: kpi, milestone: milestone, from: to, to: from))
        case let (.addNote(ref, index, note), .removeNote):
            return (.addNote(ref: ref, index: index, note: note), .removeNote(ref: ref, note: note))
        case let (.removeNote(ref, _), .addNote(_, index, note)):
            return (.removeNote(ref: ref, note: note), .addNote(ref: ref, index: index, note: note))
        case let (.addAction(area, index, action), .removeAction(ref)):
            var action = action
            action.notes = Note.uniquingIDs(action.notes)
            return (.addAction(area: area, index: index, action: action), .removeAction(ref: ref, action: action))
        case let (.removeAction(ref), .addAction(area, index, action)):
            var action = action
            action.notes = Note.uniquingIDs(action.notes)
            return (.removeAction(ref: ref, action: action), .addAction(area: area, index: index, action: action))
        case let (.addRisk(index, risk), .removeRisk(ref)):
            return (.addRisk(index: index, risk: risk), .removeRisk(ref: ref, risk: risk))
        case let (.removeRisk(ref), .addRisk(index, risk)):
            return (.removeRisk(ref: ref, risk: risk), .addRisk(index: index, risk: risk))
        case let (.addCheckpoint(checkpoint, index), .removeCheckpoint):
            return (.addCheckpoint(checkpoint, index: index), .removeCheckpoint(checkpoint))
        case let (.removeCheckpoint, .addCheckpoint(checkpoint, index)):
            return (.removeCheckpoint(checkpoint), .addCheckpoint(checkpoint, index: index))
        case let (.batch(edits), .batch(inverses)) where edits.count == inverses.count:
            // An inverse batch undoes in reverse order.
            let pairs = try zip(edits, inverses.reversed()).map { try upgrade($0, $1) }
            return (.batch(pairs.map(\.edit)), .batch(pairs.map(\.inverse).reversed()))
        default:
            throw EditError("a change-log line's edit and inverse do not match")
        }
    }
}

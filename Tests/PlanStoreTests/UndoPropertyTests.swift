import Foundation
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// Random interleavings of edits, undos and redos by three people on one plan file.
///
/// Properties, checked after every step:
/// - an undo or redo never changes a value that another person's standing edit put there
///   (a standing edit is one made or redone and not undone since);
/// - an undo or redo that reports success really happened: the plan changed, and doing
///   the reported change again (or undoing it) gives back the plan as it was before;
/// - a refused step changes nothing.
final class UndoPropertyTests: XCTestCase {
    /// Every value a person could change, by identity: "a:3b:leads", "n:3b:<note id>" ...
    static func snapshot(_ plan: Plan) -> [String: String] {
        var out: [String: String] = [:]
        for action in plan.allActions {
            for field in [ActionField.leads, .text, .byWhen, .status] {
                out["a:\(action.ref):\(field.rawValue)"] = action.value(of: field).display
            }
            for note in action.notes { out["n:\(action.ref):\(note.id)"] = note.text }
        }
        for risk in plan.risks { out["r:\(risk.ref):owner"] = risk.owner }
        for kpi in plan.kpis { out["k:\(kpi.ref):0"] = kpi.milestones.first?.actual.map(formatNumber) ?? "none" }
        return out
    }

    static func changedKeys(_ a: [String: String], _ b: [String: String]) -> Set<String> {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }
    }

    func testInterleavedEditsUndosAndRedosByThreePeopleNeverLoseAnothersEditOrReportAnUndoThatDidNotHappen() throws {
        var undone = 0, redone = 0, refused = 0
        // Seed 4 meets a later edit that leaves the same value (A-B-A), which only the log catches.
        for seed: UInt64 in [1, 2, 3, 4] {
            let folder = try TempFolder("property")
            let path = folder.path("plan.sqlite")
            _ = try PlanStore.create(path: path, plan: try Samples.plan(SamplePlans.devonIllustrative), user: "setup")
            let people = ["alice", "bob", "carol"]
            var stores: [String: PlanStore] = [:]
            for person in people { stores[person] = try PlanStore.open(path: path, user: person) }
            var rng = SeededRandom(state: seed)
            // The model: each standing change (by log position), who made it, when it was
            // last applied, and the values it put in place.
            var standing: [Int64: (user: String, appliedAt: Int, wrote: [String: String])] = [:]
            var undoneAt: [Int64: Int] = [:]
            var noteNumber = 0

            for step in 0..<120 {
                let person = rng.one(of: people)
                let store = try XCTUnwrap(stores[person])
                let before = try store.load()
                let was = Self.snapshot(before)
                let choice = rng.next(10)
                let context = "seed \(seed) step \(step): \(person)"

                if choice < 5 {
                    // An edit on what the person sees, from small pools so values recur.
                    let ref = rng.one(of: ["3b", "3d", "1a"])
                    let edit: Edit
                    switch rng.next(5) {
                    case 0: edit = before.setting(.leads, ofAction: ref, to: .names([rng.one(of: ["Ann", "Ben", "Cat"])]))
                    case 1: edit = before.setting(.text, ofAction: ref, to: .text(rng.one(of: ["one", "two", "three"])))
                    case 2: edit = before.setting(.byWhen, ofAction: ref, to: .date(rng.one(of: [PlanDate(iso: "2024-01-31"), PlanDate(iso: "2024-02-29"), nil])))
                    case 3:
                        noteNumber += 1
                        edit = .addNote(ref: ref, index: nil, note: Note(date: TestDates.date("2023-08-15"), author: person, text: "\(person) note \(noteNumber)"))
                    default: edit = before.setting(.owner, ofRisk: "R1", to: .text(rng.one(of: ["Ann", "Ben", "Cat"])))
                    }
                    // Only edits that change something: undoing a change to the same value
                    // rightly changes nothing, which would hide a false report.
                    if let tried = try? before.applying(edit).plan, Self.snapshot(tried) == was { continue }
                    let after: Plan
                    do { after = try store.apply(edit) } catch {
                        XCTAssertEqual(Self.snapshot(try store.load()), was, "\(context): a refused edit changed nothing")
                        continue
                    }
                    let now = Self.snapshot(after)
                    let keys = Self.changedKeys(was, now)
                    guard !keys.isEmpty else { continue }
                    let seq = try XCTUnwrap(store.changes().last?.seq)
                    standing[seq] = (person, step, Dictionary(uniqueKeysWithValues: keys.map { ($0, now[$0] ?? "(gone)") }))
                    continue
                }

                let isUndo = choice < 8
                let outcome: (plan: Plan, record: ChangeRecord)?
                do {
                    outcome = isUndo ? try store.undo().map { ($0.plan, $0.undone) } : try store.redo().map { ($0.plan, $0.redone) }
                } catch let error as StoreError {
                    XCTAssertEqual(error.kind, .conflict, "\(context): \(error.message)")
                    XCTAssertEqual(Self.snapshot(try store.load()), was, "\(context): a refused \(isUndo ? "undo" : "redo") changed nothing")
                    refused += 1
                    continue
                }
                guard let (after, record) = outcome else {
                    XCTAssertEqual(Self.snapshot(try store.load()), was, "\(context): nothing to do changed nothing")
                    continue
                }
                let now = Self.snapshot(after)
                XCTAssertEqual(Self.snapshot(try store.load()), now, "\(context): what was reported is what the file holds")
                let keys = Self.changedKeys(was, now)
                XCTAssertFalse(keys.isEmpty, "\(context): a reported \(isUndo ? "undo" : "redo") of \(record.summary) changed nothing")
                XCTAssertEqual(record.user, person, "\(context): only your own changes are undone")

                // Never lose another person's edit: an undo leaves alone every value that
                // someone else's standing edit put in place after the undone change was made;
                // a redo, every value put in place after the change was undone.
                let since = isUndo ? (standing[record.seq]?.appliedAt ?? -1) : (undoneAt[record.seq] ?? -1)
                for (seq, change) in standing where seq != record.seq && change.user != person && change.appliedAt > since {
                    for key in keys where change.wrote[key] != nil {
                        XCTFail("\(context): \(isUndo ? "undo" : "redo") of \"\(record.summary)\" changed \(key) from \(was[key] ?? "(none)") to \(now[key] ?? "(gone)"), which \(change.user) set at step \(change.appliedAt)")
                    }
                }
                // The reported change really happened: doing it the other way gives back the plan.
                let back = isUndo ? record.edit : record.inverse
                if let back {
                    XCTAssertEqual(Self.snapshot(try after.applying(back).plan), was, "\(context): \(record.summary) happened as reported")
                }
                if isUndo {
                    undone += 1
                    standing[record.seq] = nil
                    undoneAt[record.seq] = step
                } else {
                    redone += 1
                    standing[record.seq] = (person, step, Dictionary(uniqueKeysWithValues: keys.map { ($0, now[$0] ?? "(gone)") }))
                }
            }
        }
        XCTAssertGreaterThan(undone, 20, "the interleavings exercise undo")
        XCTAssertGreaterThan(redone, 5, "and redo")
        XCTAssertGreaterThan(refused, 3, "and refusals")
    }
}

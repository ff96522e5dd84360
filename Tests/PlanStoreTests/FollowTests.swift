import Foundation
import PlanExchange
import PlanModel
@testable import PlanStore
import TestSupport
import XCTest

/// A dashboard follows changes made elsewhere by applying the change log's new lines to the
/// plan it holds. Whatever several writers do (edits, undo, redo, checkpoints, an import),
/// the plan kept that way must be the plan read afresh, and the log the whole log.
final class FollowTests: XCTestCase {
    var folder: TempFolder!

    override func setUpWithError() throws { folder = try TempFolder("follow") }
    override func tearDown() { folder = nil }

    /// One random change by `store`, as a person or script would make it; a refusal is fine.
    func randomChange(_ store: PlanStore, _ random: inout SeededRandom, step: Int) throws {
        let plan = try store.load()
        let today = TestDates.date("2026-11-29")
        func note(_ text: String) -> Note { Note(date: today, author: store.user, text: text) }
        let action = random.pick(plan.allActions)
        let edit: Edit?
        var undoAfter = false
        switch random.next(17) {
        case 0:
            guard let action else { return }
            let status = Status.allCases[random.next(Status.allCases.count)]
            edit = plan.settingStatus(ofAction: action.ref, to: status, reason: status.needsReason ? note("why \(step)") : nil)
        case 1: edit = action.map { plan.setting(.leads, ofAction: $0.ref, to: .names(["Lead \(random.next(4))"])) }
        case 2: edit = action.map { plan.setting(.byWhen, ofAction: $0.ref, to: .date(random.next(3) == 0 ? nil : today.adding(days: random.next(90)))) }
        case 3: edit = action.map { .addNote(ref: $0.ref, index: random.next(3) == 0 ? 0 : nil, note: note("note \(step)")) }
        case 4:
            guard let action, let seen = random.pick(action.notes) else { return }
            edit = .removeNote(ref: action.ref, note: seen)
        case 5:
            guard let area = random.pick(plan.areas) else { return }
            edit = .addAction(area: area.number, index: random.next(2) == 0 ? 0 : nil,
                              action: Action(ref: "N\(step)", text: "New action \(step)", leads: ["Someone"], notes: [note("first")]))
        case 6: edit = action.flatMap { plan.removing(action: $0.ref) }
        case 7: edit = action.map { plan.setting(.ref, ofAction: $0.ref, to: .text($0.ref + "r")) }
        case 8:
            guard let risk = random.pick(plan.risks) else { return }
            edit = plan.setting(.residualLikelihood, ofRisk: risk.ref, to: .level(random.next(5) + 1))
        case 9:
            if random.next(2) == 0, let risk = random.pick(plan.risks) {
                edit = plan.removing(risk: risk.ref)
            } else {
                edit = .addRisk(index: random.next(2) == 0 ? 0 : nil, risk: Risk(
                    ref: "RN\(step)", risk: "New risk", owner: "Owner", inherent: Score(likelihood: 3, impact: 3), mitigation: "",
                    residual: Score(likelihood: 2, impact: 2), target: Score(likelihood: 1, impact: 1), progress: "", areas: []))
            }
        case 10:
            guard let kpi = random.pick(plan.kpis), !kpi.milestones.isEmpty else { return }
            edit = plan.settingActual(kpi: kpi.ref, milestone: random.next(kpi.milestones.count), to: Double(random.next(100)))
        case 11:
            _ = try? store.recordCheckpoint(name: "Board \(step)", date: today)
            return
        case 12 where random.next(3) == 0:
            // The plan agreed, an agreed date moved with its reason, or a move agreed.
            let proposed = plan.allActions.compactMap { a in a.revisions.last { !$0.isAgreed }.map { (a.ref, $0) } }
            if !proposed.isEmpty, random.next(2) == 0, let (ref, seen) = random.pick(proposed) {
                var agreed = seen
                agreed.agreedBy = store.user
                agreed.agreedOn = today
                edit = .agreement(.setRevision(ref: ref, from: seen, to: agreed))
            } else if plan.baseline == 0 || random.next(8) == 0 {
                edit = plan.agreeing(on: today, with: ["Adviser \(step)"])
            } else {
                edit = action.map { plan.revisingByWhen(of: $0.ref, to: today.adding(days: random.next(60)), reason: "why \(step)", by: store.user, on: today) }
            }
        case 14:
            // A meeting's record: someone attends or sends apologies, a matter is raised.
            guard let meeting = random.pick(plan.meetings) else { return }
            let number = plan.nextMatterNumber
            edit = plan.changingRecord(of: meeting.name) { record in
                if random.next(2) == 0 {
                    record.attendance.append(Attendee(name: "Member \(step)", present: random.next(3) > 0))
                } else {
                    record.mattersArising.append(MatterArising(number: number, text: "Matter \(step)"))
                }
            }
        case 12:
            // Evidence on an action or a KPI figure, added or removed.
            let figure = random.pick(plan.kpis).flatMap { kpi in kpi.milestones.isEmpty ? nil : EvidenceHolder.figure(kpi: kpi.ref, milestone: random.next(kpi.milestones.count)) }
            if random.next(2) == 0, let held = random.pick(plan.allEvidence), let seen = random.pick(held.items) {
                edit = .evidence(.remove(held.holder, item: seen))
            } else {
                guard let holder = random.next(2) == 0 ? action.map({ EvidenceHolder.action($0.ref) }) : figure else { return }
                undoAfter = random.next(3) > 0
                edit = .evidence(.add(holder, index: random.next(3) == 0 ? 0 : nil,
                                      item: Evidence(title: "Report \(step)", date: today, location: "https://example.org/\(step)", addedBy: store.user)))
            }
        case 13:
            _ = try? store.undo()
            return
        default:
            _ = try? store.redo()
            return
        }
        guard let edit else { return }
        do {
            try store.apply(edit)
            if undoAfter { _ = try? store.undo() }
        } catch is StoreError {
            // Refused (a rule, or what the person saw has changed): nothing was written.
        }
    }

    func testAPlanKeptByApplyingTheLogEqualsThePlanLoadedAfresh() throws {
        let path = folder.path("plan.sqlite")
        let sample = try Samples.plan(SamplePlans.devonIllustrative)
        var other = try Samples.plan(SamplePlans.fictional)
        other.header.title = "Imported part-way"
        _ = try PlanStore.create(path: path, plan: sample, user: "setup", at: Date(timeIntervalSince1970: 1_600_000_000))
        let writers = try ["alice", "bob", "carol"].map { try PlanStore.open(path: path, user: $0) }
        let viewer = try PlanStore.open(path: path, user: "viewer")

        for seed in [1, 2, 3] as [UInt64] {
            var random = SeededRandom(state: seed)
            // What a dashboard holds: the plan, the log and the log position they stand at.
            var held = LoggedPlan(plan: try viewer.load(), log: try viewer.changes(), version: try viewer.version())
            for step in 0..<90 {
                let label = "seed \(seed), step \(step)"
                if step == 45 && seed == 2 {
                    try writers[0].replace(with: other, summary: "imported part-way")
                } else if random.next(5) == 0 {
                    // The viewer's own edit, kept as the dashboard keeps it: the plan the store
                    // returns, and only the log's new lines.
                    if let action = random.pick(held.plan.allActions) {
                        let edit = held.plan.setting(.text, ofAction: action.ref, to: .text("Viewer \(step)"))
                        if let plan = try? viewer.apply(edit) {
                            let new = try viewer.changes(afterSeq: held.version)
                            held = LoggedPlan(plan: plan, log: held.log + new, version: new.last?.seq ?? held.version)
                        }
                    }
                } else {
                    let writer = writers[random.next(writers.count)]
                    try randomChange(writer, &random, step: step + Int(seed) * 1000)
                }
                if random.next(3) == 0 {
                    held = try viewer.follow(held.plan, log: held.log, from: held.version)
                    let fresh = try PlanStore.open(path: path, user: "fresh")
                    XCTAssertEqual(held.plan, try fresh.load(), label)
                    XCTAssertEqual(held.log, try fresh.changes(), label)
                    XCTAssertEqual(held.version, try fresh.version(), label)
                }
            }
            held = try viewer.follow(held.plan, log: held.log, from: held.version)
            let fresh = try PlanStore.open(path: path, user: "fresh")
            XCTAssertEqual(held.plan, try fresh.load(), "seed \(seed), at the end")
            XCTAssertEqual(held.log, try fresh.changes(), "seed \(seed), at the end")
            XCTAssertEqual(try fresh.integrityCheck(), "ok")
        }
        let log = try viewer.changes()
        XCTAssertTrue(log.contains { $0.kind == .undo }, "the stream held an undo")
        XCTAssertTrue(log.contains { $0.kind == .redo }, "the stream held a redo")
        XCTAssertTrue(log.contains { $0.kind == .import && $0.summary == "imported part-way" }, "the stream held an import")
        XCTAssertTrue(log.contains { if case .addCheckpoint = $0.edit { return true }; return false }, "the stream held a checkpoint")
        XCTAssertTrue(log.contains { if case .evidence(.remove) = $0.edit { return true }; return false }, "the stream removed evidence")
        XCTAssertTrue(log.contains { if case .agreement(.setRevision) = $0.edit { return true }; return false }, "the stream agreed a revised date")
        XCTAssertTrue(log.contains { if case .record = $0.edit { return true }; return false }, "the stream recorded a meeting's attendance or matters")
        let evidenceChanges = Set(log.filter { if case .evidence = $0.edit { return $0.kind == .edit }; return false }.map(\.seq))
        XCTAssertTrue(log.contains { $0.kind == .undo && $0.target.map(evidenceChanges.contains) ?? false }, "the stream undid an evidence change")
    }

    func testChangingOneActionFromTheCommandLineWritesWhatAWholePlanChangeWrites() throws {
        let sample = try Samples.plan(SamplePlans.devonIllustrative)
        let at = Date(timeIntervalSince1970: 1_700_000_000)
        let whole = try PlanStore.create(path: folder.path("whole.sqlite"), plan: sample, user: "u", at: at)
        _ = try PlanStore.create(path: folder.path("part.sqlite"), plan: sample, user: "u", at: at)
        let reopened = try PlanStore.open(path: folder.path("part.sqlite"), user: "u")
        let ref = try XCTUnwrap(sample.allActions.last?.ref)
        let note = Note(date: TestDates.date("2026-11-29"), author: "u", text: "Two caseworkers left")
        for edit in [sample.settingStatus(ofAction: ref, to: .red, reason: note),
                     sample.setting(.leads, ofAction: ref, to: .names(["Sam Lee", "Jo Bloggs"]))] {
            let partPlan = try reopened.plan(around: [ref])
            XCTAssertEqual(partPlan.allActions.map(\.ref), [ref], "only the one action is read")
            let rebuilt: Edit
            switch edit {
            case .batch: rebuilt = partPlan.settingStatus(ofAction: ref, to: .red, reason: note)
            default: rebuilt = partPlan.setting(.leads, ofAction: ref, to: .names(["Sam Lee", "Jo Bloggs"]))
            }
            try whole.apply(rebuilt, at: at)
            let after = try reopened.applyToPart(rebuilt, at: at)
            XCTAssertEqual(after.action(ref), try whole.load().action(ref))
        }
        XCTAssertEqual(try PlanStore.open(path: folder.path("part.sqlite"), user: "x").load(),
                       try PlanStore.open(path: folder.path("whole.sqlite"), user: "x").load())
        // A refused change says what the whole-plan path says.
        let stale = Edit.setAction(ref: ref, field: .status, from: .status(.green), to: .status(.complete))
        var partError: StoreError?
        var wholeError: StoreError?
        XCTAssertThrowsError(try reopened.applyToPart(stale)) { partError = $0 as? StoreError }
        XCTAssertThrowsError(try whole.apply(stale)) { wholeError = $0 as? StoreError }
        XCTAssertEqual(partError?.kind, .conflict)
        XCTAssertEqual(partError?.message, wholeError?.message)
    }
}

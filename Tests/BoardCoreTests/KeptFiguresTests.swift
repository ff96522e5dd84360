import BoardCore
import PlanModel
import TestSupport
import XCTest

/// The dashboard keeps what it works out (roll-ups, what changed since a checkpoint, a
/// screen's lines) and, after a change, works out again only the parts the change touched.
/// Whatever the edits, a board that has followed them must show what a board opened afresh
/// on the same plan shows, and its figures must be the plan's own.
final class KeptFiguresTests: XCTestCase {
    let today = TestDates.date("2023-08-15")

    /// One random edit of the kinds that move the derived figures.
    static func randomEdit(_ plan: Plan, _ random: inout SeededRandom, step: Int, today: PlanDate) -> Edit? {
        let action = random.pick(plan.allActions)
        switch random.next(8) {
        case 0, 1:
            guard let action else { return nil }
            let to = random.pick([Status.notStarted, .green, .amber, .complete]) ?? .green
            return .setAction(ref: action.ref, field: .status, from: .status(action.status), to: .status(to))
        case 2:
            guard let action else { return nil }
            let day = PlanDate(dayNumber: today.dayNumber + random.next(60) - 30)
            return .setAction(ref: action.ref, field: .byWhen, from: .date(action.byWhen), to: .date(day))
        case 3:
            guard let area = random.pick(plan.areas) else { return nil }
            return .addAction(area: area.number, index: nil, action: Action(ref: "\(area.number).new\(step)", text: "Added \(step)", status: .notStarted))
        case 4:
            guard let action else { return nil }
            return .removeAction(ref: action.ref, action: action)
        case 5:
            guard let risk = random.pick(plan.risks) else { return nil }
            return .setRisk(ref: risk.ref, field: .residualLikelihood, from: .level(risk.residual.likelihood), to: .level(1 + random.next(5)))
        case 6:
            guard let kpi = random.pick(plan.kpis), !kpi.milestones.isEmpty else { return nil }
            let m = random.next(kpi.milestones.count)
            return .setActual(kpi: kpi.ref, milestone: m, from: kpi.milestones[m].actual, to: Double(random.next(100)))
        default:
            return .addCheckpoint(Checkpoint(name: "Step \(step)", date: today, of: plan), index: nil)
        }
    }

    func testABoardThatFollowsEditsShowsWhatAFreshBoardShows() throws {
        var random = SeededRandom(state: 42)
        var plan = SyntheticPlan.make(areas: 6, actions: 240, risks: 30, kpis: 6, seed: 3, today: today)
        var kept = BoardState(plan: plan, today: today, user: "tester", width: 100, height: 30)
        var applied = 0
        for step in 0..<30 {
            guard let edit = Self.randomEdit(plan, &random, step: step, today: today), let next = try? plan.applying(edit).plan else { continue }
            plan = next
            applied += 1
            _ = kept.update(.planChanged(plan, []))
            // Every view, an area's and a KPI's own screens, and a search.
            let query = random.pick(plan.allActions)?.ref ?? "1"
            let paths = View.allCases.map { [Key.char($0.key ?? "?"), .down, .down, .up] }
                + [[.char("2"), .enter, .down, .down, .pageDown], [.char("6"), .char("o"), .down, .down],
                   [.char("1"), .char("/")] + query.map { Key.char($0) } + [.enter, .char("n")]]
            for path in paths {
                for key in path {
                    var fresh = kept.afresh()
                    _ = kept.update(.key(key))
                    _ = fresh.update(.key(key))
                    let (shown, expected) = (Render.screen(kept), Render.screen(fresh))
                    let place = "step \(step) (\(edit.summary)), after \(key) in \(path)"
                    XCTAssertEqual(shown.lines, expected.lines, place)
                    XCTAssertEqual(shown.roleLines, expected.roleLines, place)
                }
            }
            // Triage finds the selected action by its urgency and place: two Downs select the third.
            var opened = BoardState(plan: plan, today: today, user: "tester", width: 100, height: 30)
            for key in [Key.char("7"), .down, .down] { _ = opened.update(.key(key)) }
            let list = opened.top(TriageScreen.self)?.items(opened) ?? []
            if list.count > 2 { XCTAssertEqual(opened.currentAction?.ref, list[2].action.ref, "step \(step): two Downs in triage") }
            XCTAssertEqual(kept.rollups, plan.areas.map { plan.rollup(of: $0, today: today) }, "step \(step): roll-ups")
            for checkpoint in plan.checkpoints {
                XCTAssertEqual(kept.changes(since: checkpoint), plan.changes(since: checkpoint), "step \(step): changes since \(checkpoint.name)")
            }
        }
        XCTAssertGreaterThan(applied, 15, "most random edits apply")
    }
}

/// What changed since a checkpoint is kept and carried forward across new lines of the log
/// (the plan as it was at the checkpoint is not worked out again): whatever the log holds
/// (edits by several people, undos, a checkpoint recorded, an import, the plan replaced
/// with no line at all), the count must be the one worked out afresh from the plan and log.
final class KeptSinceTests: XCTestCase {
    let today = TestDates.date("2023-08-15")

    /// An edit of the kinds the count tells apart, including leads, text and notes.
    func edit(_ plan: Plan, _ random: inout SeededRandom, step: Int) -> Edit? {
        guard let action = random.pick(plan.allActions) else { return nil }
        switch random.next(5) {
        case 0: return .setAction(ref: action.ref, field: .leads, from: .names(action.leads), to: .names(["Lead \(step)"]))
        case 1: return .setAction(ref: action.ref, field: .text, from: .text(action.text), to: .text("Rewritten at step \(step)"))
        case 2: return .addNote(ref: action.ref, index: nil, note: Note(id: "n\(step)", date: today, author: "ann", text: "Note \(step)"))
        default: return KeptFiguresTests.randomEdit(plan, &random, step: step, today: today)
        }
    }

    func testTheCountSinceACheckpointFollowsTheLogAsAFreshCountDoes() throws {
        var random = SeededRandom(state: 7)
        var plan = SyntheticPlan.make(areas: 5, actions: 150, risks: 20, kpis: 4, seed: 5, today: today)
        var log: [ChangeRecord] = []
        var board = BoardState(plan: plan, today: today, user: "ann", width: 120, height: 40)
        _ = board.update(.key(.char("8")))
        var kinds = Set<String>()
        func record(_ kind: ChangeRecord.Kind, _ edit: Edit?, _ inverse: Edit?, target: Int64? = nil) {
            log.append(ChangeRecord(seq: Int64(log.count + 1), at: Date(), user: random.pick(["ann", "bob", "cat"]) ?? "ann", kind: kind,
                                    target: target, summary: "step", edit: edit, inverse: inverse))
            kinds.insert(kind.rawValue)
        }
        for step in 0..<80 {
            let roll = random.next(20)
            if roll == 0 {
                // An import: the plan replaced from a file, with nothing to undo it by.
                plan = SyntheticPlan.make(areas: 5, actions: 150, risks: 20, kpis: 4, seed: UInt64(step), today: today)
                record(.import, nil, nil)
            } else if roll == 1 {
                // The plan replaced with no line in the log (a board handed a different plan).
                guard let change = edit(plan, &random, step: step), let next = try? plan.applying(change).plan else { continue }
                plan = next
                kinds.insert("no line")
            } else if roll < 5, let last = log.last(where: { $0.kind == .edit }), let inverse = last.inverse,
                      let (before, _) = try? plan.applying(inverse) {
                plan = before
                record(.undo, inverse, last.edit, target: last.seq)
            } else {
                guard let change = edit(plan, &random, step: step), let (next, inverse) = try? plan.applying(change) else { continue }
                plan = next
                record(.edit, change, inverse)
            }
            _ = board.update(.planChanged(plan, log))
            for checkpoint in plan.checkpoints {
                let fresh = SinceSummary(then: plan.asItWas(at: checkpoint, log: log.since(checkpoint)), now: plan)
                XCTAssertEqual(board.sinceSummary(checkpoint), fresh, "step \(step): since \(checkpoint.name)")
            }
            let shown = Render.screen(board)
            XCTAssertEqual(shown.lines, Render.screen(board.afresh()).lines, "step \(step): the checkpoints view")
        }
        XCTAssertEqual(kinds, ["edit", "undo", "import", "no line"], "the log held every kind of line")
    }
}

/// Down in the RAG grid moves one line of cells, so the screen changes by two lines rather
/// than scrolling a large area's cells away.
final class RagGridLineTests: XCTestCase {
    func testDownWalksAnAreasLinesOfCellsThenMovesToTheNextArea() throws {
        let today = TestDates.date("2023-08-15")
        let plan = SyntheticPlan.make(areas: 3, actions: 180, risks: 6, kpis: 2, seed: 1, today: today)
        var board = BoardState(plan: plan, today: today, user: "tester", width: 80, height: 24)
        _ = board.update(.key(.char("3")))
        // At 80 columns a line holds (80 − 19) / 3 = 20 cells.
        let first = plan.areas[0].actions
        let second = plan.areas[1].actions
        XCTAssertGreaterThan(first.count, 40, "the first area's cells take three lines or more")
        for _ in 0..<3 { _ = board.update(.key(.right)) }
        XCTAssertEqual(board.currentAction?.ref, first[3].ref)
        _ = board.update(.key(.down))
        XCTAssertEqual(board.currentAction?.ref, first[23].ref, "Down: the cell below, same area")
        let lines = (first.count + 19) / 20
        for _ in 0..<(lines - 2) { _ = board.update(.key(.down)) }
        let lastLine = (lines - 1) * 20
        XCTAssertEqual(board.currentAction?.ref, first[min(lastLine + 3, first.count - 1)].ref, "the area's last line")
        _ = board.update(.key(.down))
        XCTAssertEqual(board.currentAction?.ref, second[3].ref, "past the last line: the next area's first line, same place along it")
        _ = board.update(.key(.up))
        XCTAssertEqual(board.currentAction?.ref, first[min(lastLine + 3, first.count - 1)].ref, "Up: back to the last line above")
        XCTAssertTrue(Render.screen(board).lines.joined().contains(first[min(lastLine + 3, first.count - 1)].ref), "the status line names it")
    }
}

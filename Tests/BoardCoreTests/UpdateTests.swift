import BoardCore
import PlanModel
import TestSupport
import XCTest

/// `update` driven by key messages: every binding does what the help screen says.
final class UpdateTests: XCTestCase {
    func testTheFirstNineViewsHaveNumberKeysAndAViewAfterThemHasNoneRatherThanACrash() {
        XCTAssertEqual(View.allCases.prefix(9).map(\.key), (1...min(9, View.allCases.count)).map { Character(String($0)) })
        // The number key of a tenth view would be "10", which is no key: it has none.
        XCTAssertNil(View(kind: "a-view-registered-after-the-ninth").key)
    }

    func testEveryBindingIsReachableWhereItIsListed() {
        for screen in Screens.all {
            for (i, binding) in screen.bindings.enumerated() {
                for key in binding.keys where !screen.bindings[..<i].contains(where: { $0.keys.contains(key) }) {
                    XCTAssertEqual(Bindings.command(for: key, on: screen), binding.command, "\(key.label) on \(screen.title) should \(binding.help)")
                }
            }
        }
    }

    func testMovingOpeningAndGoingBack() throws {
        var state = try board()
        XCTAssertEqual(state.screen, .view(.areas))
        state.press(.down, .char("j"))
        XCTAssertEqual(state.areaIndex, 2)
        state.press(.up)
        XCTAssertEqual(state.areaIndex, 1)
        state.press(.end)
        XCTAssertEqual(state.areaIndex, 3)
        state.press(.home)
        XCTAssertEqual(state.areaIndex, 0)
        state.press(.char("k"))
        XCTAssertEqual(state.areaIndex, 0, "stops at the top")
        state.press(.down, .down, .enter)
        XCTAssertEqual(state.screen, .area(3))
        XCTAssertEqual(state.currentAction?.ref, "3a.i", "the first action is selected")
        state.press(.pageDown)
        XCTAssertNotEqual(state.currentAction?.ref, "3a.i")
        state.press(.pageUp, .char("j"), .char("l"))
        XCTAssertEqual(state.screen, .action("3a.ii"))
        state.press(.down, .down)
        XCTAssertEqual(state.fieldIndex, 2)
        state.press(.escape)
        XCTAssertEqual(state.screen, .area(3))
        state.press(.char("h"), .backspace)
        XCTAssertEqual(state.screen, .view(.areas))
        XCTAssertEqual(state.areaIndex, 2, "back lands on the area it came from")
        state.press(.escape)
        XCTAssertEqual(state.message, "Press q to quit.")
        XCTAssertEqual(state.press(.char("q")), [.quit])
    }

    func testViewsByTabAndNumber() throws {
        var state = try board(view: .dashboard)
        XCTAssertEqual(state.screen, .view(.dashboard), "the dashboard is the first screen")
        for view in View.allCases.dropFirst() {
            state.press(.tab)
            XCTAssertEqual(state.screen, .view(view))
            XCTAssertTrue(state.text.contains(view.title), "\(view.title) names itself")
        }
        state.press(.tab)
        XCTAssertEqual(state.screen, .view(.dashboard), "Tab wraps round")
        state.press(.backTab)
        XCTAssertEqual(state.screen, .view(.governance))
        for view in View.allCases {
            state.press(.char(try XCTUnwrap(view.key)))
            XCTAssertEqual(state.screen, .view(view), "\(view.key.map(String.init) ?? "no key") opens \(view.title)")
        }
        state.press(.char("9"), .pageDown)
        XCTAssertGreaterThan(state.top.top, 0, "governance scrolls")
    }

    func testHelpListsEveryBindingAndCloses() throws {
        var state = try board(width: 160, height: 600)
        state.press(.char("?"))
        let text = state.text
        for binding in Bindings.global + Screens.all.flatMap({ $0.bindings }) { XCTAssertTrue(text.contains(binding.help), "help shows “\(binding.help)”") }
        for status in Status.allCases { XCTAssertTrue(text.contains("\(status.badge) \(status.label)"), "legend for \(status.label)") }
        state.press(.char("q"))
        XCTAssertEqual(state.screen, .view(.areas), "q closes help rather than quitting")
        state.press(.function(1))
        XCTAssertEqual(state.screen, .help)
    }

    func testGreenAndCompleteSaveAtOnceAndRedAndAmberAskForAReason() throws {
        var state = try board()
        state.press(.down, .down, .enter, .down, .down, .down)  // 3b, Amber
        XCTAssertEqual(onlyEdit(state.press(.char("g"))), .setStatus(ref: "3b", from: .amber, to: .green, reason: nil))
        XCTAssertEqual(onlyEdit(state.press(.char("c"))), .setStatus(ref: "3b", from: .amber, to: .complete, reason: nil))
        XCTAssertEqual(onlyEdit(state.press(.char("-"))), .setStatus(ref: "3b", from: .amber, to: .notStarted, reason: nil))
        XCTAssertEqual(state.press(.char("a")), [], "Amber asks first")
        XCTAssertEqual(state.press(.enter), [], "an empty reason is refused")
        XCTAssertTrue(state.messageIsError)
        state.type("Backlog team short")
        let effects = state.press(.enter)
        XCTAssertEqual(onlyEdit(effects), .setStatus(ref: "3b", from: .amber, to: .amber, reason: Note(date: TestDates.illustrativeToday, author: "tester", text: "Backlog team short")))
        state.press(.char("r"))
        state.type("x")
        state.press(.escape)
        XCTAssertEqual(state.message, "Cancelled.")
        XCTAssertFalse(state.isAsking)
    }

    func testByWhenIsCheckedAsYouTypeAndAcceptsThePlainFormsAndWordsAsPlansWriteThem() throws {
        var state = try board()
        state.forgetAgreement()
        state.press(.down, .down, .enter, .down, .down, .down, .enter, .down, .down)  // action 3b, field By when
        XCTAssertEqual(state.screen, .action("3b"))
        state.press(.enter, .ctrl("u"))
        state.type("30/02/2023")
        XCTAssertTrue(state.text.contains("✗ not a date yet"), "refused as you type")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertTrue(state.message?.contains("is not a date") ?? false)
        // The plain forms, and words as plans write them, which an import already reads.
        for (typed, iso, shown) in [("2023-03-31", "2023-03-31", "31 Mar 2023"), ("31/10/2023", "2023-10-31", "31 Oct 2023"),
                                    ("1 Dec 2023", "2023-12-01", "1 Dec 2023"), ("end of January 2027", "2027-01-31", "31 Jan 2027"),
                                    ("Q2 2027/28", "2027-09-30", "30 Sep 2027"), ("Summer term 2027", "2027-07-31", "31 Jul 2027")] {
            state.press(.char("w"), .ctrl("u"))
            state.type(typed)
            XCTAssertTrue(state.text.contains("✓ \(shown) "), "\(typed) is accepted as you type, saying the date it will be:\n\(state.text)")
            XCTAssertEqual(onlyEdit(state.press(.enter)), state.plan.setting(.byWhen, ofAction: "3b", to: .date(PlanDate(iso: iso))))
        }
        state.press(.char("w"), .ctrl("u"))
        XCTAssertEqual(onlyEdit(state.press(.enter)), state.plan.setting(.byWhen, ofAction: "3b", to: .date(nil)), "empty clears the date")
    }

    func testLeadCompletesFromThePeopleInThePlan() throws {
        var state = try board()
        state.press(.down, .down, .enter)
        state.press(.char("L"), .ctrl("u"))
        state.type("Jackie Ross, mel")
        state.press(.tab)
        XCTAssertEqual(onlyEdit(state.press(.enter)), state.plan.setting(.leads, ofAction: "3a.i", to: .names(["Jackie Ross", "Melissa Caslake"])))
    }

    func testEditingTextHandlesUTF8AndWordKeys() throws {
        var editor = LineEditor("Create annual review")
        editor.handle(.wordLeft)
        editor.handle(.ctrl("w"))
        XCTAssertEqual(editor.text, "Create review")
        editor.handle(.home)
        editor.handle(.char("£"))
        editor.handle(.ctrl("e"))
        editor.handle(.char("–"))
        editor.handle(.char("中"))
        XCTAssertEqual(editor.text, "£Create review–中")
        editor.handle(.left)
        editor.handle(.left)
        editor.handle(.backspace)
        XCTAssertEqual(editor.text, "£Create revie–中")
        editor.handle(.ctrl("a"))
        editor.handle(.wordRight)
        editor.handle(.ctrl("k"))
        XCTAssertEqual(editor.text, "£Create")
        editor.handle(.ctrl("u"))
        XCTAssertEqual(editor.text, "")
        editor.set("👩‍👩‍👧 family é")
        editor.handle(.home)
        editor.handle(.right)
        editor.handle(.delete)
        XCTAssertEqual(editor.text, "👩‍👩‍👧family é", "a family emoji is one character")
        let window = LineEditor("中文中文中文").window(width: 6)
        XCTAssertEqual(window.cursorColumn, 4, "double-width characters count two columns")

        var state = try board()
        state.press(.down, .down, .enter, .char("t"), .end)
        state.type(" – £ ‘quoted’")
        XCTAssertEqual(onlyEdit(state.press(.enter)), state.plan.setting(.text, ofAction: "3a.i", to: .text("Increase capacity in the team – including EP capacity. – £ ‘quoted’")))
    }

    func testAValueShownInAQuestionIsReplacedByWhatIsTypedAndEditedAfterAnArrow() throws {
        var editor = LineEditor("2023-03-31", selected: true)
        XCTAssertTrue(editor.isSelected)
        for c in "30/04/2027" { editor.handle(.char(c)) }
        XCTAssertEqual(editor.text, "30/04/2027", "the first character typed replaces the value shown")
        XCTAssertFalse(editor.isSelected)

        var lead = LineEditor("Pat Lead", selected: true)
        lead.handle(.end)
        for c in " and Sam Okafor" { lead.handle(.char(c)) }
        XCTAssertEqual(lead.text, "Pat Lead and Sam Okafor", "End starts editing the value instead")
        var label = LineEditor("3 months", selected: true)
        label.handle(.backspace)
        XCTAssertEqual(label.text, "3 month", "Backspace edits it too")
        var pasted = LineEditor("old", selected: true)
        pasted.insert("new text")
        XCTAssertEqual(pasted.text, "new text", "a paste replaces it")
        var tabbed = LineEditor("Jackie", selected: true)
        XCTAssertFalse(tabbed.handle(.tab))
        XCTAssertTrue(tabbed.isSelected, "a key that does not edit leaves it selected")

        // In the dashboard: the by-when question on an action, typed over.
        var state = try board()
        state.forgetAgreement()
        state.press(.down, .down, .enter, .char("w"))
        state.type("30/04/2027")
        XCTAssertEqual(onlyEdit(state.press(.enter)), state.plan.setting(.byWhen, ofAction: "3a.i", to: .date(PlanDate(year: 2027, month: 4, day: 30))))
    }

    func testLongTextCanGoToTheEditor() throws {
        var state = try board()
        state.press(.down, .down, .enter)
        let request = try XCTUnwrap(editorRequest(state.press(.char("E"))))
        XCTAssertEqual(request.what, "3a.i action")
        XCTAssertEqual(request.text, "Increase capacity in the team – including EP capacity.")
        XCTAssertEqual(onlyEdit(state.update(.editorReturned(request, text: "New text\nover two lines"))),
                       state.plan.setting(.text, ofAction: "3a.i", to: .text("New text\nover two lines")))
        XCTAssertEqual(state.update(.editorReturned(request, text: nil)), [])
        XCTAssertEqual(state.message, "No change.")
    }

    /// The text in the prompt on top, if a prompt is open.
    func promptText(_ state: BoardState) -> String? {
        if case let .prompt(prompt)? = state.overlay { return prompt.editor.text }
        return nil
    }

    func testSearchFindsNotesRisksAndKPIsAfterTheActions() throws {
        var state = try board()
        state.press(.char("/"))
        state.type("caseworkers")
        state.press(.enter)
        // No action's text says "caseworkers"; progress notes on 1b, 3a.i and 3i do, then risk R1.
        XCTAssertEqual(state.currentAction?.ref, "1b", "a progress note matches")
        XCTAssertTrue(state.message?.hasPrefix("Match 1 of 4 for “caseworkers”: 1b") ?? false, state.message ?? "")
        state.press(.char("n"), .char("n"), .char("n"))
        XCTAssertEqual(state.screen, .view(.risks), "the fourth match is a risk, shown in the register")
        XCTAssertEqual(state.currentRisk?.ref, "R1")
        state.press(.char("/"))
        state.type("understand the EHC process")
        state.press(.enter)
        XCTAssertEqual(state.screen, .kpi("K6"), "a KPI's name matches and opens it")
    }

    func testSearchStartsEmptyAndUpRecallsEarlierSearches() throws {
        var state = try board()
        state.press(.char("/"))
        state.type("backlog")
        state.press(.enter)
        XCTAssertEqual(state.currentAction?.ref, "3b")
        state.press(.char("/"))
        XCTAssertEqual(promptText(state), "", "a new search starts empty")
        state.type("annual review")
        XCTAssertEqual(promptText(state), "annual review", "typing does not add to the last search")
        state.press(.enter)
        state.press(.char("/"))
        state.type("half")
        state.press(.up)
        XCTAssertEqual(promptText(state), "annual review", "Up brings back the latest search")
        state.press(.up)
        XCTAssertEqual(promptText(state), "backlog", "and the one before")
        state.press(.up)
        XCTAssertEqual(promptText(state), "backlog", "stops at the oldest")
        state.press(.down)
        XCTAssertEqual(promptText(state), "annual review")
        state.press(.down)
        XCTAssertEqual(promptText(state), "half", "Down past the latest gives back what was typed")
        state.press(.up, .enter)
        XCTAssertEqual(state.search, "annual review")
    }

    func testSearchFindsByTextReferenceAndLeadFromAnyScreen() throws {
        var state = try board(view: .governance)
        state.press(.char("/"))
        state.type("annual review")
        state.press(.enter)
        XCTAssertEqual(state.screen, .area(3))
        XCTAssertEqual(state.currentAction?.ref, "3b")
        // Three actions' text, 3c.ii's progress notes, risks R1, R2, R5 and KPI K1.
        XCTAssertTrue(state.message?.hasPrefix("Match 1 of 8") ?? false, state.message ?? "")
        state.press(.char("n"))
        XCTAssertEqual(state.currentAction?.ref, "3c.ii", "a progress note matches, in plan order")
        state.press(.char("n"))
        XCTAssertEqual(state.currentAction?.ref, "3n")
        state.press(.char("N"))
        state.press(.char("N"))
        XCTAssertEqual(state.currentAction?.ref, "3b")
        state.press(.char("/"), .ctrl("u"))
        state.type("2a.h")
        state.press(.enter)
        XCTAssertEqual(state.currentAction?.ref, "2a.h", "references match")
        var fresh = try board()
        fresh.press(.char("/"))
        fresh.type("social care")
        fresh.press(.enter)
        XCTAssertEqual(fresh.currentAction?.ref, "2a.sc", "leads match (2a.sc is led by Social Care)")
        state.press(.char("/"), .ctrl("u"))
        state.type("zebra")
        state.press(.enter)
        XCTAssertEqual(state.message, "Nothing matches “zebra”.")
    }

    func testFilterByStatusAndByLead() throws {
        var state = try board()
        state.press(.down, .down, .enter, .char("f"), .char("r"), .enter)
        let area = try XCTUnwrap(state.plan.area(number: 3))
        XCTAssertEqual(state.visibleActions(area).map(\.status), Array(repeating: .red, count: area.actions.filter { $0.status == .red }.count))
        XCTAssertTrue(state.text.contains("Filter: Red"))
        state.press(.char("f"), .char("a"), .enter)
        XCTAssertEqual(Set(state.visibleActions(area).map(\.status)), [.red, .amber])
        state.press(.char("f"), .char("x"))
        XCTAssertEqual(state.visibleActions(area).count, area.actions.count)
        var led = try board()
        led.press(.down, .enter, .char("f"), .char("l"))
        led.type("health")
        led.press(.enter)
        XCTAssertEqual(led.visibleActions(try XCTUnwrap(led.plan.area(number: 2))).map(\.ref), ["2a.h"])
    }

    func testFindingsShowInFullOrOneLineEach() throws {
        var state = try board()
        state.press(.down, .down, .enter)
        XCTAssertTrue(state.text.contains("Findings a–p (16) — F shows them"), "at 80×24 the findings fold to one line")
        state.press(.char("F"))
        XCTAssertTrue(state.showsFullFindings)
        XCTAssertEqual(state.currentAction?.ref, "3a.i", "the first action stays selected")
        for _ in 0..<16 { state.press(.up) }
        XCTAssertEqual(state.selectedFinding, "a", "Up from the first action walks up through the findings")
        XCTAssertTrue(state.text.contains("a) The area improved the timeliness of EHC plans"), state.text)
        XCTAssertNil(state.currentAction, "no action is selected while reading the findings")
        XCTAssertTrue(state.press(.char("g")).isEmpty)
        for _ in 0..<16 { state.press(.down) }
        XCTAssertEqual(state.currentAction?.ref, "3a.i")
        state.press(.char("F"))
        XCTAssertFalse(state.showsFullFindings)
        var tall = try board(width: 160, height: 48)
        tall.press(.down, .down, .enter)
        XCTAssertTrue(tall.showsFullFindings, "a tall screen shows them in full")

        // An area with one finding names it, not a range of one.
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        let area = try XCTUnwrap(plan.areas.firstIndex { $0.number == 3 })
        plan.areas[area].findings = Array(plan.areas[area].findings.prefix(1))
        var one = BoardState(plan: plan, today: TestDates.illustrativeToday, user: "tester", width: 80, height: 24)
        _ = one.update(.resize(width: 80, height: 24))
        _ = one.update(.key(.char(View.areas.key ?? "?")))
        one.press(.down, .down, .enter)
        XCTAssertTrue(one.text.contains("Finding a — F shows it"), one.text)
        XCTAssertFalse(one.text.contains("a–a"), one.text)
    }

    func testAddingAndDeletingActionsAndNotes() throws {
        var state = try board()
        state.press(.down, .down, .down, .enter)  // area 4 has no actions
        XCTAssertTrue(state.text.contains("No actions yet"))
        state.press(.char("+"))
        state.press(.enter)  // suggested reference 4a
        state.type("Publish the neurodiversity pathway")
        let add = state.press(.enter)
        XCTAssertEqual(onlyEdit(add), .addAction(area: 4, index: nil, action: Action(ref: "4a", text: "Publish the neurodiversity pathway")))
        try state.save(add)
        XCTAssertEqual(state.currentAction?.ref, "4a")
        let note = state.press(.char("p"))
        XCTAssertEqual(note, [])
        state.type("Draft shared with the parent carer forum")
        XCTAssertEqual(onlyEdit(state.press(.enter)), .addNote(ref: "4a", index: nil, note: Note(date: TestDates.illustrativeToday, author: "tester", text: "Draft shared with the parent carer forum")))
        XCTAssertEqual(state.press(.char("d")), [])
        XCTAssertTrue(state.text.contains("[y/N]"))
        XCTAssertEqual(state.press(.enter), [], "the default is no")
        XCTAssertEqual(state.message, "4a was not deleted.")
        state.press(.char("d"))
        XCTAssertEqual(onlyEdit(state.press(.char("y"))), state.plan.removing(action: "4a"))
    }

    func testUndoAndRedoAreEffectsAndAReadOnlyPlanRefusesChanges() throws {
        var state = try board()
        XCTAssertEqual(state.press(.char("u")), [.undo])
        XCTAssertEqual(state.press(.ctrl("r")), [.redo])
        state.readOnly = true
        state.press(.down, .down, .enter)
        XCTAssertEqual(state.press(.char("g")), [])
        XCTAssertEqual(state.press(.char("u")), [])
        XCTAssertTrue(state.message?.contains("read-only") ?? false)
        XCTAssertTrue(state.text.contains("READ-ONLY"))
    }

    func testAChangeMadeElsewhereKeepsThePlaceAndTheEditInProgress() throws {
        var state = try board()
        state.press(.down, .down, .enter, .down, .down, .down, .char("p"))
        state.type("Half-typed no")
        var changed = state.plan
        changed = try changed.applying(changed.settingStatus(ofAction: "3d", to: .red, reason: Note(date: TestDates.illustrativeToday, author: "sam", text: "Slipped"))).plan
        changed = try changed.applying(try XCTUnwrap(changed.removing(action: "3a.i"))).plan
        _ = state.update(.planChanged(changed, []))
        XCTAssertEqual(state.plan.action("3d")?.status, .red, "the other change shows")
        XCTAssertEqual(state.currentAction?.ref, "3b", "the place is kept")
        state.type("te")
        XCTAssertEqual(onlyEdit(state.press(.enter)), .addNote(ref: "3b", index: nil, note: Note(date: TestDates.illustrativeToday, author: "tester", text: "Half-typed note")))
    }

    func testAFailedSaveIsReportedAndTheScreenStaysUsable() throws {
        var state = try board()
        _ = state.update(.failed("/tmp/p.sqlite is locked by another program"))
        XCTAssertTrue(state.messageIsError)
        XCTAssertTrue(state.text.contains("is locked by another program"))
        state.press(.down)
        XCTAssertNil(state.message, "a key clears the message")
    }

    func testMouseClickSelectsAndASecondClickOpensAndTheWheelScrolls() throws {
        var state = try board()
        _ = state.update(.mouse(Mouse(.click, x: 10, y: 6)))  // below the title, breadcrumb and notice: area 3
        XCTAssertEqual(state.areaIndex, 2)
        _ = state.update(.mouse(Mouse(.click, x: 10, y: 6)))
        XCTAssertEqual(state.screen, .area(3))
        _ = state.update(.mouse(Mouse(.wheelDown, x: 10, y: 10)))
        XCTAssertEqual(state.currentAction?.ref, "3b")
    }

    func testResizeRedrawsAtTheNewSize() throws {
        var state = try board()
        _ = state.update(.resize(width: 60, height: 20))
        let screen = Render.screen(state)
        XCTAssertEqual(screen.width, 60)
        XCTAssertEqual(screen.height, 20)
        XCTAssertTrue(screen.lines[0].hasSuffix("15 Aug 2023 "), screen.lines[0])
        XCTAssertTrue(state.text.contains("  1 Strat"), state.text)
    }

    func testControlCharactersInPlanTextAreShownEscaped() throws {
        var plan = try Samples.plan(SamplePlans.devonIllustrative)
        plan.areas[2].actions[3].text = "Evil \u{1B}[2J\u{1B}]0;pwned\u{07} end"
        var state = BoardState(plan: plan, today: TestDates.illustrativeToday, user: "t")
        state.press(.char("2"), .down, .down, .enter, .down, .down, .down, .enter)
        let screen = Render.screen(state)
        let text = screen.lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("Evil ^[[2J^[]0;pwned^G end"), text)
        XCTAssertFalse(screen.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } },
                       "no control character reaches a cell")
        XCTAssertTrue(screen.cells.contains { $0.role == .escaped && $0.text == "^" })

        // In a table the escaped text takes exactly the room it is given: columns still line up.
        state.press(.escape)
        let rows = Render.screen(state).lines
        func statusColumn(_ ref: String) -> Int? {
            guard let row = rows.first(where: { $0.hasPrefix(ref + " ") }) else { return nil }
            let cells = Array(row)
            return Status.allCases.compactMap { status in
                (0..<cells.count - 2).first { cells[$0] == status.letter && cells[$0 + 2] == status.glyph }
            }.first
        }
        XCTAssertNotNil(statusColumn("3b"))
        XCTAssertEqual(statusColumn("3b"), statusColumn("3a.i"), "the status column of the row with escapes lines up")
    }

    func testStatusIsNeverShownByColourAlone() throws {
        let state = try board(width: 160, height: 48)
        var area = state
        area.press(.down, .down, .enter)
        let screen = Render.screen(area)
        for (y, line) in screen.roleLines.enumerated() {
            for (x, code) in line.enumerated() where ["r", "a", "g", "c"].contains(code) {
                // A coloured status cell belongs to a run that carries its letter and glyph.
                let row = screen.lines[y]
                XCTAssertTrue(Status.allCases.contains { row.contains($0.badge) }, "row \(y) column \(x) shows a status letter and glyph")
            }
        }
    }

    func testAKeyThatDoesNotApplyIsDimmedInTheBarAndSaysWhyWhenPressed() throws {
        var state = try board()
        state.press(.down, .down, .down, .enter)  // area 4 has no actions
        let screen = Render.screen(state)
        let bar = screen.lines[23]
        let status = try XCTUnwrap(bar.range(of: "r a g c Status"), bar)
        let x = bar.distance(from: bar.startIndex, to: status.lowerBound)
        XCTAssertEqual(screen[x, 23].role, .dim, "the status keys are dimmed where no action is selected:\n\(bar)")
        XCTAssertEqual(state.press(.char("g")), [])
        XCTAssertEqual(state.message, "Select an action first: none is selected here.")
        XCTAssertTrue(state.messageIsError)
        state.press(.char("+"))
        XCTAssertTrue(state.isAsking, "adding an action needs only the area, so it applies")

        var readOnly = try board(width: 160, height: 48)
        readOnly.readOnly = true
        readOnly.press(.down, .down, .enter)
        let line = Render.screen(readOnly).lines[47]
        let undo = try XCTUnwrap(line.range(of: "u Undo"), line)
        XCTAssertEqual(Render.screen(readOnly)[line.distance(from: line.startIndex, to: undo.lowerBound), 47].role, .dim,
                       "undo is dimmed on a read-only plan")
    }
}

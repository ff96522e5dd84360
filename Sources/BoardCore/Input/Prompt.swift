import PlanModel

/// What answering a prompt came to: refused (the editor stays open and says why), done,
/// or (for a picker) steps taken with the question still open.
public enum Submission: Sendable {
    case refuse(String)
    case done([Step])
    case keep([Step])
}

/// The one text entry of the dashboard: a label, a line editor, optional completion of
/// names from the plan, a hint that checks the text as it is typed, and what Enter does.
public struct Prompt: Sendable {
    public var label: String
    public var editor: LineEditor
    /// Tab completes the last of a comma-separated list of names from the people in the plan.
    public var completesNames = false
    /// Earlier answers, oldest first, that Up and Down bring back (searches).
    var history: [String] = []
    /// Which earlier answer is shown; nil while the person's own text is.
    private var recalled: Int?
    /// What the person had typed before going up into the history.
    private var typed = ""
    var hint: @Sendable (String, BoardState) -> String
    var submit: @Sendable (String, BoardState) -> Submission
    /// The plan as it stood when the question opened (set when it is asked). Enter builds
    /// its edit from this plan, so the edit carries the value the person saw, never a newer
    /// one someone else saved meanwhile (which the store then refuses as a conflict).
    var seen: Plan?
    /// Whether its edit says itself what was shown (one text of a larger item, such as a
    /// highlight's progress), so it is built over the plan as it is now: a change made
    /// meanwhile to another part of the same item is then no conflict.
    var carriesWhatWasShown = false

    init(_ label: String, _ text: String = "", completesNames: Bool = false,
         hint: @escaping @Sendable (String, BoardState) -> String,
         submit: @escaping @Sendable (String, BoardState) -> Submission) {
        self.label = label
        // The value shown is selected: typing replaces it, moving the cursor edits it.
        editor = LineEditor(text, selected: true)
        self.completesNames = completesNames
        self.hint = hint
        self.submit = submit
    }

    /// A prompt whose hint does not depend on the text.
    init(_ label: String, _ text: String = "", completesNames: Bool = false, hint: String,
         submit: @escaping @Sendable (String, BoardState) -> Submission) {
        self.init(label, text, completesNames: completesNames, hint: { _, _ in hint }, submit: submit)
    }

    /// Handles a key: Enter submits, Tab completes, anything else edits. Text past the
    /// limit is refused at once, naming the limit.
    mutating func handle(_ key: Key, _ board: BoardState) -> Submission? {
        switch key {
        case .enter:
            return submit(editor.text, board)
        case .tab where completesNames:
            if let completed = board.complete(editor.text) { editor.set(completed) }
        case .up where !history.isEmpty:
            if recalled == nil { typed = editor.text }
            let index = max(0, (recalled ?? history.count) - 1)
            recalled = index
            editor.set(history[index])
        case .down where recalled != nil:
            let index = (recalled ?? 0) + 1
            recalled = index < history.count ? index : nil
            editor.set(recalled.map { history[$0] } ?? typed)
        case let .paste(text):
            return insert(text)
        case .char:
            if editor.count >= TypedText.maximumLength { return .refuse(TypedText.tooLong(editor.count + 1)) }
            editor.handle(key)
        default:
            editor.handle(key)
        }
        return nil
    }

    private mutating func insert(_ text: String) -> Submission? {
        let pasted = text.count
        guard editor.count + pasted <= TypedText.maximumLength else {
            return .refuse(TypedText.tooLong(editor.count + pasted) + " Nothing was pasted.")
        }
        editor.insert(text)
        return nil
    }
}

/// A yes-or-no question about something that cannot be undone easily; "no" is the default.
public struct Confirm: Sendable {
    public var question: String
    /// The key bar: what y does and that anything else keeps things as they are.
    public var bar: String
    var yes: [Step]
    var no: String
}

/// A question answered by single keys (a risk score's two digits, a filter's status letters).
public struct Picker: Sendable {
    public var label: String
    public var bar: String
    /// Whether the question line is painted as an input with the cursor after it.
    public var showsCursor: Bool
    /// What a key does: nil keeps the picker open (as it may have changed itself).
    var handle: @Sendable (inout Picker, Key, BoardState) -> Submission?
    /// Filter pickers close without "Cancelled.", as nothing was being typed.
    var saysCancelled = true
    /// Whatever the picker has gathered so far (the likelihood of a score).
    var gathered: Int?
    /// The plan as it stood when the question opened, as for a prompt.
    var seen: Plan?
}

/// What sits over the screen and takes the keys until it is answered.
public enum Overlay: Sendable {
    case prompt(Prompt)
    case confirm(Confirm)
    case picker(Picker)
}

extension BoardState {
    /// Sends a key to the overlay; Esc cancels any of them.
    mutating func handleOverlayKey(_ key: Key, _ overlay: Overlay) -> [Effect] {
        if key == .escape {
            if case let .picker(picker) = overlay, !picker.saysCancelled {} else { say("Cancelled.") }
            self.overlay = nil
            return []
        }
        clearMessage()
        switch overlay {
        case var .prompt(prompt):
            let typed = prompt.editor.text
            // Enter answers over the plan as it was seen; other keys only edit the text.
            let answer = prompt.handle(key, key == .enter && !prompt.carriesWhatWasShown ? seeing(prompt.seen) : self)
            self.overlay = .prompt(prompt)
            guard let answer else { return [] }
            return answered(answer.following(seen: prompt.seen, again: .prompt(PromptAgain(prompt, typed: typed))))
        case let .confirm(confirm):
            self.overlay = nil
            return key == .char("y") || key == .char("Y") ? carryOut(confirm.yes) : carryOut([.say(confirm.no)])
        case var .picker(picker):
            let answer = picker.handle(&picker, key, seeing(picker.seen))
            self.overlay = .picker(picker)
            guard let answer else { return [] }
            return answered(answer.following(seen: picker.seen, again: nil))
        }
    }

    /// The board as the person saw it when a question opened: the same board over the plan
    /// of that moment (worked out afresh, so the live board's remembered figures stay).
    func seeing(_ seen: Plan?) -> BoardState {
        guard let seen else { return self }
        var board = afresh()
        board.plan = seen
        return board
    }

    /// A refusal keeps the overlay open; anything else closes it and carries out its steps.
    private mutating func answered(_ submission: Submission) -> [Effect] {
        switch submission {
        case let .refuse(text):
            say(text, error: true)
            return []
        case let .done(steps):
            overlay = nil
            return carryOut(steps)
        case let .keep(steps):
            return carryOut(steps)
        }
    }
}

extension Submission {
    /// The answer to a question or to `$EDITOR`, made ready to carry out: a question it asks
    /// next was seen over the same plan as this one, and (given `again`) every edit it saves
    /// can be asked again with what was typed when it has no question of its own to come back to.
    func following(seen: Plan?, again: Retry?) -> Submission {
        func ready(_ steps: [Step]) -> [Step] {
            steps.map { step in
                switch step {
                case let .effect(.apply(edit, done, nil)) where again != nil:
                    return .effect(.apply(edit, done: done, retry: again))
                case var .ask(.prompt(next)) where next.seen == nil:
                    next.seen = seen
                    return .ask(.prompt(next))
                case var .ask(.picker(next)) where next.seen == nil:
                    next.seen = seen
                    return .ask(.picker(next))
                default:
                    return step
                }
            }
        }
        switch self {
        case .refuse: return self
        case let .done(steps): return .done(ready(steps))
        case let .keep(steps): return .keep(ready(steps))
        }
    }
}

/// A prompt whose edit the store refused as out of date, with what was typed: asked again
/// over the plan as it is now, so the second Enter applies the typed text over the newer value.
public struct PromptAgain: Equatable, Sendable {
    var prompt: Prompt
    public var typed: String

    init(_ prompt: Prompt, typed: String) {
        self.prompt = prompt
        self.typed = typed
    }

    /// Two are the same question with the same text.
    public static func == (a: PromptAgain, b: PromptAgain) -> Bool { a.prompt.label == b.prompt.label && a.typed == b.typed }
}

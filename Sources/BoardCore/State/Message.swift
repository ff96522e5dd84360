import PlanModel

/// Something that happened: a key, the mouse, a resize, or the result of an effect.
public enum Message: Sendable {
    case key(Key)
    case mouse(Mouse)
    case resize(width: Int, height: Int)
    /// Another process (or this one) changed the plan file.
    case planChanged(Plan, [ChangeRecord])
    /// An edit was saved; `said` is what to tell the person.
    case saved(Plan, [ChangeRecord], said: String)
    /// An effect failed; the plan is as it was.
    case failed(String)
    /// `$EDITOR` returned on what `request` opened: the new text, or nil when it was
    /// cancelled or unchanged.
    case editorReturned(EditorRequest, text: String?)
    /// An edit, undo or redo was refused because the plan no longer holds what the person
    /// saw: someone else changed it since. `plan` and `log` are as they are now, `said`
    /// names who changed what, to what and when, and `retry` asks the question again.
    case conflicted(Plan, [ChangeRecord], said: String, retry: Retry?)
    /// The date changed (the clock ticked past midnight).
    case today(PlanDate)
    /// Something done outside the plan (a file written): what to tell the person.
    case said(String)
    /// An edit could not be saved (the shared plan's server is not answering); the plan is
    /// as it was. `said` says so plainly, and `retry` asks the question again with what was typed.
    case notSaved(said: String, retry: Retry?)
    /// The shared plan's server stopped answering (why, in words to show) or is back (nil).
    case server(String?)
}

/// Long text to edit in `$EDITOR` (an action's text, an area's statement, a highlight), and
/// what its screen does with the text that comes back: the one way any screen opens the
/// editor, as Bubble Tea's `ExecProcess` carries its callback. The program runs the editor
/// on `text` and sends `Message.editorReturned` with this request and the result.
public struct EditorRequest: Equatable, Sendable {
    /// What is edited, as people say it ("3a.i action", "area 2 weakness as written").
    public var what: String
    /// The text the editor opens on: what the person saw, the value the edit replaces.
    public var text: String
    /// The text as a plan holds it now; nil when it has gone. When someone changed it while
    /// the editor was open, the person is offered to apply theirs over this newer text.
    var read: @Sendable (Plan) -> String?
    /// The answer to the text that came back (`edited`), replacing `saw`: an edit that says
    /// `saw` was the value it replaces, so a change made meanwhile is refused, never overwritten.
    var returned: @Sendable (_ edited: String, _ saw: String, BoardState) -> Submission

    init(_ what: String, in plan: Plan, read: @escaping @Sendable (Plan) -> String?,
         returned: @escaping @Sendable (_ edited: String, _ saw: String, BoardState) -> Submission) {
        self.what = what
        self.text = read(plan) ?? ""
        self.read = read
        self.returned = returned
    }

    /// Two are the same request when they edit the same thing from the same text.
    public static func == (a: EditorRequest, b: EditorRequest) -> Bool { a.what == b.what && a.text == b.text }
}

/// Text from `$EDITOR` that the store refused as out of date, with the request it answered.
public struct EditorAgain: Equatable, Sendable {
    var request: EditorRequest
    public var edited: String
}

/// Something `update` asks the program to do; the result comes back as a `Message`.
public enum Effect: Equatable, Sendable {
    /// Save an edit through the store; `done` is the message once saved. `retry` asks
    /// its question again with what was typed when the store refuses it as out of date.
    case apply(Edit, done: String, retry: Retry? = nil)
    case undo
    case redo
    /// Open `$EDITOR` on a long text; the result comes back as `Message.editorReturned`.
    case openEditor(EditorRequest)
    /// Record a checkpoint of the plan as the file holds it.
    case recordCheckpoint(name: String, date: PlanDate)
    /// Write the board pack (HTML) for a meeting, compared with `since` (nil: the meeting
    /// recorded before it), and say where it went.
    case writePack(meeting: String, since: String?)
    case quit
}

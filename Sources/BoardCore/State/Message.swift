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
    /// `$EDITOR` returned: the new text, or nil when it was cancelled or unchanged; `saw`
    /// is the text it was opened on, the value the edit replaces.
    case editorReturned(ref: String, field: ActionField, text: String?, saw: String)
    /// An edit, undo or redo was refused because the plan no longer holds what the person
    /// saw: someone else changed it since. `plan` and `log` are as they are now, `said`
    /// names who changed what, to what and when, and `retry` asks the question again.
    case conflicted(Plan, [ChangeRecord], said: String, retry: Retry?)
    /// `$EDITOR` returned on a piece of the plan's structure: the new text, or nil.
    case structureEditorReturned(StructureText, text: String?)
    /// The date changed (the clock ticked past midnight).
    case today(PlanDate)
    /// `$EDITOR` returned for a screen's own long text: the new text, or nil when cancelled or unchanged.
    /// `saw` is the text the editor opened with: what the person saw.
    case longTextReturned(LongText, text: String?, saw: String)
    /// Something done outside the plan (a file written): what to tell the person.
    case said(String)
    /// An edit could not be saved (the shared plan's server is not answering); the plan is
    /// as it was. `said` says so plainly, and `retry` asks the question again with what was typed.
    case notSaved(said: String, retry: Retry?)
    /// The shared plan's server stopped answering (why, in words to show) or is back (nil).
    case server(String?)
}

/// Long text a screen edits in `$EDITOR` (a highlight's progress), named so that the screen
/// of that kind gets the text back (`ScreenComponent.longTextReturned`).
public struct LongText: Hashable, Sendable {
    /// The kind of screen that asked for it.
    public var screen: String
    /// What it is about (a meeting's name).
    public var subject: String
    /// Which text, as the screen names it.
    public var field: String

    public init(screen: String, subject: String, field: String) {
        self.screen = screen
        self.subject = subject
        self.field = field
    }
}

/// Something `update` asks the program to do; the result comes back as a `Message`.
public enum Effect: Equatable, Sendable {
    /// Save an edit through the store; `done` is the message once saved. `retry` asks
    /// its question again with what was typed when the store refuses it as out of date.
    case apply(Edit, done: String, retry: Retry? = nil)
    case undo
    case redo
    /// Open `$EDITOR` on a field's text.
    case openEditor(ref: String, field: ActionField, text: String)
    /// Open `$EDITOR` on a long text of the plan's structure (an area's statement, the narrative).
    case openStructureEditor(StructureText, text: String)
    /// Record a checkpoint of the plan as the file holds it.
    case recordCheckpoint(name: String, date: PlanDate)
    /// Open `$EDITOR` on a screen's own long text.
    case editLongText(LongText, text: String)
    /// Write the board pack (HTML) for a meeting, compared with `since` (nil: the meeting
    /// recorded before it), and say where it went.
    case writePack(meeting: String, since: String?)
    case quit
}

/// A long text of the plan's structure that is edited in `$EDITOR`.
public enum StructureText: Equatable, Sendable {
    /// An area's weakness as written, by the area's number.
    case statement(Int)
    /// The governance narrative.
    case narrative
}

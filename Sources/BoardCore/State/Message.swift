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
    /// The date changed (the clock ticked past midnight).
    case today(PlanDate)
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
    /// Record a checkpoint of the plan as the file holds it.
    case recordCheckpoint(name: String, date: PlanDate)
    case quit
}

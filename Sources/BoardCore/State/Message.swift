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
    /// `$EDITOR` returned: the new text, or nil when it was cancelled or unchanged.
    case editorReturned(ref: String, field: ActionField, text: String?)
    /// `$EDITOR` returned on a piece of the plan's structure: the new text, or nil.
    case structureEditorReturned(LongText, text: String?)
    /// The date changed (the clock ticked past midnight).
    case today(PlanDate)
}

/// Something `update` asks the program to do; the result comes back as a `Message`.
public enum Effect: Equatable, Sendable {
    /// Save an edit through the store; `done` is the message once saved.
    case apply(Edit, done: String)
    case undo
    case redo
    /// Open `$EDITOR` on a field's text.
    case openEditor(ref: String, field: ActionField, text: String)
    /// Open `$EDITOR` on a long text of the plan's structure (an area's statement, the narrative).
    case openStructureEditor(LongText, text: String)
    /// Record a checkpoint of the plan as the file holds it.
    case recordCheckpoint(name: String, date: PlanDate)
    case quit
}

/// A long text of the plan's structure that is edited in `$EDITOR`.
public enum LongText: Equatable, Sendable {
    /// An area's weakness as written, by the area's number.
    case statement(Int)
    /// The governance narrative.
    case narrative
}

extension Action {
    /// The by-when as people read it: the date; else the words the plan wrote in its place
    /// ("Ongoing", "TBC"); else `none`.
    public func byWhenShown(none: String) -> String {
        byWhen?.display ?? byWhenWritten ?? none
    }
}

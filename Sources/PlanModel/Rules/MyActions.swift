import Foundation

/// Who "I" am in a plan: the lead whose name the person's login or `--user` gives.
extension Plan {
    /// The plan's name for the person signing as `user`: the person of that name (any case),
    /// else the one person whose first name it is ("jackie" is Jackie Ross), else the one
    /// whose name it is without spaces and stops ("jackie.ross", "JackieRoss"). Nil when no
    /// one, or more than one, fits.
    public func leadName(forUser user: String) -> String? {
        let people = people
        func bare(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }
        let typed = user.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return nil }
        if let exact = people.first(where: { $0.caseInsensitiveCompare(typed) == .orderedSame }) { return exact }
        func only(_ match: (String) -> Bool) -> String? {
            let found = people.filter(match)
            return found.count == 1 ? found[0] : nil
        }
        if let first = only({ $0.split(separator: " ").first.map { bare(String($0)) == bare(typed) } ?? false }) { return first }
        return only { bare($0) == bare(typed) && !bare(typed).isEmpty }
    }

    /// The actions `lead` leads, in plan order.
    public func actions(ledBy lead: String) -> [Action] {
        allActions.filter { $0.leads.contains(lead) }
    }
}

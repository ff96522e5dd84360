import ArgumentParser
import Foundation
import PlanModel
import PlanStore

/// `planboard minutes`: a meeting as a board secretary records it.
struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Record a meeting's attendance and apologies, its minutes per agenda item, and matters arising.",
        discussion: Prose.flowing("""
            Matters arising are numbered M1, M2 ... across the plan and carried to each later meeting's
            agenda until a meeting closes them. The board pack opens with the last meeting's minutes
            and the matters arising.
            Examples:
              planboard minutes attend "Jackie Ross" --role "Head of SEND" --meeting "Board 2023-09-12"
              planboard minutes attend "Jane Milligan" --apologies
              planboard minutes write "Area 3" --text "The board noted the backlog halved."
              planboard minutes arising add "Report EP recruitment to the next board" --owner "Jackie Ross"
              planboard minutes arising close 2 --meeting "Board 2023-10-10"
              planboard minutes show
            """),
        subcommands: [Attend.self, Write.self, Arising.self, Show.self])

    struct MeetingOption: ParsableArguments {
        @Option(help: ArgumentHelp("The meeting (default: the latest).", valueName: "name"))
        var meeting: String?
    }

    /// Applies `change` to the chosen meeting's record as one edit, and returns the plan after it.
    static func change(_ store: StoreOptions, _ meeting: String?, _ change: (inout MeetingRecord, Plan, Meeting) throws -> Void) throws -> (Plan, Meeting) {
        let (db, plan, m) = try openMeeting(meeting, store)
        var to = m.record
        try change(&to, plan, m)
        let after = try refusing { try db.apply(.record(.setRecord(meeting: m.name, from: m.record, to: to))) }
        return (after, after.meeting(named: m.name) ?? m)
    }

    struct Attend: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record someone as present, or (with --apologies) as sending apologies.")

        @Argument(help: ArgumentHelp("Their name.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("Their role or organisation, as the minutes name it.", valueName: "role"))
        var role: String = ""

        @Flag(help: "They sent apologies.")
        var apologies = false

        @OptionGroup var meeting: MeetingOption
        @OptionGroup var store: StoreOptions

        func run() throws {
            let (_, m) = try MinutesCommand.change(store, meeting.meeting) { record, _, _ in
                let who = Attendee(name: name.trimmingCharacters(in: .whitespaces), role: role, present: !apologies)
                if let i = record.attendance.firstIndex(where: { $0.name == who.name }) { record.attendance[i] = who } else { record.attendance.append(who) }
            }
            let present = m.record.attendance.filter(\.present).count
            try Output.line("\(name) \(apologies ? "sent apologies for" : "attended") \"\(m.name)\": \(present) present, \(m.record.attendance.count - present) apologies.")
        }
    }

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write (or replace) the minute of an agenda item, such as \"Area 3\" or \"Decisions\".")

        @Argument(help: ArgumentHelp("The agenda item.", valueName: "item"))
        var item: String

        @Option(help: ArgumentHelp("The minute.", valueName: "text"))
        var text: String

        @OptionGroup var meeting: MeetingOption
        @OptionGroup var store: StoreOptions

        func run() throws {
            let (_, m) = try MinutesCommand.change(store, meeting.meeting) { record, _, _ in
                if let i = record.minutes.firstIndex(where: { $0.item == item }) {
                    if text.isEmpty { record.minutes.remove(at: i) } else { record.minutes[i].text = text }
                } else if !text.isEmpty {
                    record.minutes.append(Minute(item: item, text: text))
                }
            }
            try Output.line("Minute of \"\(item)\" at \"\(m.name)\" \(text.isEmpty ? "removed" : "saved").")
        }
    }

    struct Arising: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Raise and close matters arising.", subcommands: [Add.self, Close.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Raise a matter at a meeting; it is carried to later agendas until closed.")

            @Argument(help: ArgumentHelp("What is to come back.", valueName: "text"))
            var text: String

            @Option(help: ArgumentHelp("Who brings it back.", valueName: "name"))
            var owner: String?

            @OptionGroup var meeting: MeetingOption
            @OptionGroup var store: StoreOptions

            func run() throws {
                var number = 0
                let (_, m) = try MinutesCommand.change(store, meeting.meeting) { record, plan, _ in
                    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw CLIError("a matter arising needs some text") }
                    number = plan.nextMatterNumber
                    record.mattersArising.append(MatterArising(number: number, text: text, owner: owner))
                }
                try Output.line("Matter arising M\(number) raised at \"\(m.name)\"; it is carried to later agendas until closed.")
            }
        }

        struct Close: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Close a matter arising at a meeting (default: the latest).")

            @Argument(help: ArgumentHelp("Its number: 2 or M2.", valueName: "number"))
            var number: String

            @OptionGroup var meeting: MeetingOption
            @OptionGroup var store: StoreOptions

            func run() throws {
                let digits = number.uppercased().hasPrefix("M") ? String(number.dropFirst()) : number
                guard let n = Int(digits) else { throw CLIError("\"\(number)\" is not a matter's number; expected one such as 2 or M2") }
                let (db, plan, at) = try openMeeting(meeting.meeting, store)
                guard let (raised, matter) = plan.mattersArising.first(where: { $0.matter.number == n }) else {
                    throw CLIError("there is no matter arising M\(n); `planboard minutes show` lists them")
                }
                guard matter.isOpen else { throw CLIError("M\(n) was closed at \"\(matter.closedAt ?? "")\"") }
                guard let edit = plan.changingRecord(of: raised.name, { record in
                    if let i = record.mattersArising.firstIndex(where: { $0.number == n }) { record.mattersArising[i].closedAt = at.name }
                }) else { return }
                _ = try refusing { try db.apply(edit) }
                try Output.line("M\(n) closed at \"\(at.name)\".")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a meeting's attendance, minutes and the matters arising on its agenda.")

        @OptionGroup var meeting: MeetingOption
        @OptionGroup var store: StoreOptions

        func run() throws {
            let plan = try store.open(forReading: true).load()
            let m = try chooseMeeting(meeting.meeting, in: plan)
            try Output.line("\(m.name) (\(m.date.display))")
            let present = m.record.attendance.filter(\.present), away = m.record.attendance.filter { !$0.present }
            func names(_ people: [Attendee]) -> String { people.isEmpty ? "none recorded" : people.map { $0.role.isEmpty ? $0.name : "\($0.name) (\($0.role))" }.joined(separator: "; ") }
            try Output.line("Present: \(names(present))")
            try Output.line("Apologies: \(names(away))")
            let carried = plan.mattersCarried(to: m)
            try Output.line("Matters arising carried from earlier meetings (\(carried.count)):")
            for (raised, matter) in carried {
                try Output.line("  \(matter.label) \(matter.text)" + (matter.owner.map { " (\($0))" } ?? "") + " — raised at \(raised.name); " + (matter.closedAt.map { "closed at \($0)" } ?? "open"))
            }
            try Output.line("Minutes (\(m.record.minutes.count)):")
            for minute in m.record.minutes { try Output.line("  \(minute.item): \(minute.text)") }
            try Output.line("Matters raised here (\(m.record.mattersArising.count)):")
            for matter in m.record.mattersArising {
                try Output.line("  \(matter.label) \(matter.text)" + (matter.owner.map { " (\($0))" } ?? "") + (matter.closedAt.map { " — closed at \($0)" } ?? " — open"))
            }
        }
    }
}

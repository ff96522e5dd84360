/// Attendance, minutes and matters arising for the illustrative sample's recorded meetings,
/// as a board secretary would record them. Invented for demonstration, like the meetings.
public enum IllustrativeMinutes {
    static let members: [(String, String)] = [
        ("Melissa Caslake", "Chief Operating Officer, Devon County Council (chair)"),
        ("Jane Milligan", "Chief Executive, NHS Devon"),
        ("Jackie Ross", "Head of SEND 0-25"),
        ("Designated Clinical Officer", "NHS Devon"),
        ("Chair, Devon Parent/Carer Forum", "DPCF"),
        ("Sam Patel", "SEND Adviser, DfE"),
        ("Ruth Hale", "SEND Adviser, NHS England"),
    ]

    static let records: [String: (apologies: [String], minutes: [(String, String)], matters: [MatterArising])] = [
        "Board 2022-11-15": (
            apologies: ["Jane Milligan"],
            minutes: [("Area 1", "The board agreed to commission an independent review of caseworker pay (D2)."),
                      ("Area 3", "The board agreed to fund two additional educational psychologists for 12 months (D1)."),
                      ("Risks", "Recruitment (R1) remains the highest risk; the board asked for the vacancy rate at each meeting.")],
            matters: [MatterArising(number: 1, text: "Report the caseworker vacancy rate to each board.", owner: "Jackie Ross",
                                    closedAt: "Six-month review 2023-02-14")]),
        "Six-month review 2023-02-14": (
            apologies: ["Chair, Devon Parent/Carer Forum"],
            minutes: [("Matters arising", "M1: the vacancy rate (14%) is now in every highlight report; closed."),
                      ("Area 3", "The advisers noted the backlog team’s progress and agreed the revised date for 1b."),
                      ("Area 4", "NHS Devon to bring a recovery trajectory for the ASD waiting list (D3)."),
                      ("Review", "The DfE and NHS England advisers reviewed progress at six months; the plan continues as agreed.")],
            matters: [MatterArising(number: 2, text: "Bring the ASD assessment recovery trajectory to the board.", owner: "Jane Milligan",
                                    closedAt: "Board 2023-07-18"),
                      MatterArising(number: 3, text: "Share the SEN2 timeliness return with members before each board.", owner: "SEND performance team")]),
        "Board 2023-07-18": (
            apologies: ["Ruth Hale"],
            minutes: [("Matters arising", "M2: NHS Devon presented its recovery trajectory for the ASD waiting list; closed."),
                      ("Area 1", "The board agreed to support the revised caseworker pay proposal going to Cabinet (D6)."),
                      ("Area 3", "The board asked for the 12-month KPI figures and the SEN2 return at the next board (D7).")],
            matters: [MatterArising(number: 4, text: "Report how many schools have attended the annual review training (3n).", owner: "Jackie Ross")]),
    ]

    /// The meetings with their records added where the sample has them.
    public static func recording(_ meetings: [Meeting]) -> [Meeting] {
        meetings.map { meeting in
            guard let r = records[meeting.name], meeting.isRecorded else { return meeting }
            var m = meeting
            m.record = MeetingRecord(
                attendance: members.map { Attendee(name: $0.0, role: $0.1, present: !r.apologies.contains($0.0)) },
                minutes: r.minutes.map { Minute(item: $0.0, text: $0.1) },
                mattersArising: r.matters.filter { matter in matter.closedAt.map { closed in meetings.contains { $0.name == closed } } ?? true })
            return m
        }
    }
}

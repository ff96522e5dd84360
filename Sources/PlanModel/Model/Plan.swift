/// One Accelerated Progress Plan: everything a local area's board tracks.
///
/// A plan is a value. Edits produce a new plan (see `Edit`); nothing here does I/O.
public struct Plan: Codable, Equatable, Sendable {
    /// The format written to and accepted from files.
    public static let format = "planboard/1"

    public var header: Header
    public var settings: Settings
    public var governance: Governance
    public var areas: [Area]
    public var risks: [Risk]
    public var kpis: [KPI]
    public var checkpoints: [Checkpoint]
    /// Board meetings, in date order (see `Meeting`).
    public var meetings: [Meeting]

    public init(header: Header, settings: Settings = Settings(), governance: Governance,
                areas: [Area], risks: [Risk] = [], kpis: [KPI] = [], checkpoints: [Checkpoint] = [],
                meetings: [Meeting] = []) {
        self.header = header
        self.settings = settings
        self.governance = governance
        self.areas = areas
        self.risks = risks
        self.kpis = kpis
        self.checkpoints = checkpoints
        self.meetings = meetings
    }
}

/// The plan's title block: who, where and when.
public struct Header: Codable, Equatable, Sendable {
    public var localArea: String
    public var title: String
    /// Shown wherever the plan is shown, e.g. that its figures are illustrative.
    public var notice: String?
    public var inspectionStart: PlanDate?
    public var inspectionEnd: PlanDate?
    /// Nil when the plan does not know it yet (written `XXX` in the template).
    public var revisitReportDate: PlanDate?
    public var accountableOfficers: [Person]
    public var advisers: [Person]
    /// When the plan was agreed with DfE and NHS England, oldest first (see `Agreement`).
    public var agreements: [Agreement] = []

    public init(localArea: String, title: String, notice: String? = nil,
                inspectionStart: PlanDate? = nil, inspectionEnd: PlanDate? = nil,
                revisitReportDate: PlanDate? = nil, accountableOfficers: [Person] = [],
                advisers: [Person] = []) {
        self.localArea = localArea
        self.title = title
        self.notice = notice
        self.inspectionStart = inspectionStart
        self.inspectionEnd = inspectionEnd
        self.revisitReportDate = revisitReportDate
        self.accountableOfficers = accountableOfficers
        self.advisers = advisers
    }
}

/// A named person with their role and organisation.
public struct Person: Codable, Equatable, Sendable {
    public var name: String
    public var role: String
    public var organisation: String

    public init(name: String, role: String = "", organisation: String = "") {
        self.name = name
        self.role = role
        self.organisation = organisation
    }
}

/// Plan-level settings that the rules read.
public struct Settings: Codable, Equatable, Sendable {
    /// Highest risk score in the low (green) band.
    public var lowRiskMax: Int
    /// Highest risk score in the medium (amber) band; above is high (red).
    public var mediumRiskMax: Int
    /// An open action is due soon when its by-when is at most this many days away.
    public var dueSoonDays: Int
    /// What `planboard publish` shows families (see `Publication`); nil (not written) when nothing is set.
    public var publication: Publication?

    public init(lowRiskMax: Int = 4, mediumRiskMax: Int = 12, dueSoonDays: Int = 14, publication: Publication? = nil) {
        self.lowRiskMax = lowRiskMax
        self.mediumRiskMax = mediumRiskMax
        self.dueSoonDays = dueSoonDays
        self.publication = publication
    }
}

/// How the plan is governed: the narrative, the partners and who reports to whom.
public struct Governance: Codable, Equatable, Sendable {
    public var narrative: String
    public var partners: [String]
    public var reportingLines: [ReportingLine]

    public init(narrative: String = "", partners: [String] = [], reportingLines: [ReportingLine] = []) {
        self.narrative = narrative
        self.partners = partners
        self.reportingLines = reportingLines
    }
}

/// One line in the governance structure.
public struct ReportingLine: Codable, Equatable, Sendable {
    /// Whether a line carries information only, or challenge and accountability.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case information
        case accountability
    }

    public var from: String
    public var to: String
    public var kind: Kind
    public var frequency: String

    public init(from: String, to: String, kind: Kind, frequency: String = "") {
        self.from = from
        self.to = to
        self.kind = kind
        self.frequency = frequency
    }
}

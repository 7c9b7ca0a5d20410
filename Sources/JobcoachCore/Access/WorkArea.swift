/// The parts of the product a signed-in person works in. Each role starts at its own work and its
/// main menu lists that work only; the public pages (the standard, the register) sit apart.
public enum WorkArea: String, CaseIterable, Sendable {
    case myPage
    case myAppointments
    case myCoach
    case caseload
    case agenda
    case team
    case employers
    case commissioners
    case outcomes
    case fidelity
    case certification
    case peerGroups
    case mentoring
    case assessments
    case office
    case officeComplaints
    case officeRecognitions
    case cohorts
    case activities
    case users
    case organisations
    case mail
    case auditTrail

    /// What a role must be allowed to do (one of these) for the area to be in its menu.
    public var permissions: Set<Permission> {
        switch self {
        case .myPage, .myAppointments, .myCoach: [.viewOwnRecord]
        case .caseload, .agenda, .employers, .commissioners: [.workWithClients]
        case .team: [.leadTeam]
        case .outcomes: [.workWithClients, .viewAgencyOutcomes]
        case .fidelity: [.reviewFidelity]
        case .certification: [.applyForCertification]
        case .peerGroups: [.joinPeerGroups]
        case .mentoring: [.mentor, .assignMentors]
        case .assessments: [.assessApplications]
        case .office, .officeComplaints, .officeRecognitions: [.manageRegister]
        case .cohorts, .activities: [.teachCohorts]
        case .users, .mail: [.manageUsers]
        case .organisations: [.manageOrganisations]
        case .auditTrail: [.viewAuditTrail]
        }
    }
}

extension Role {
    /// Whether the role may work in an area.
    public func mayWork(in area: WorkArea) -> Bool { !area.permissions.isDisjoint(with: permissions) }

    /// Where the role lands after login.
    public var startArea: WorkArea { menu[0] }

    /// The role's main menu, its start page first. Short on purpose: what the role opens in a
    /// working week; the rest is reached from these pages.
    public var menu: [WorkArea] {
        switch self {
        case .client: [.myPage, .myAppointments, .myCoach]
        case .jobCoach: [.caseload, .agenda, .employers, .outcomes, .certification, .peerGroups]
        case .teamLead: [.team, .caseload, .agenda, .employers, .outcomes, .fidelity, .peerGroups]
        case .agencyManager: [.outcomes, .fidelity]
        case .registerOfficer: [.office, .officeComplaints, .officeRecognitions, .auditTrail]
        case .assessor: [.assessments]
        case .trainer: [.cohorts, .activities, .mentoring]
        case .admin: [.users, .organisations, .mail, .auditTrail]
        }
    }
}

/// The roles of the people who use the product (docs/ARCHITECTURE.md, "who sees what").
public enum Role: String, CaseIterable, Codable, Sendable {
    case admin
    case registerOfficer = "register-officer"
    case assessor
    case teamLead = "team-lead"
    case agencyManager = "agency-manager"
    case jobCoach = "job-coach"
    case trainer
    case client

    public var title: LocalizedText {
        switch self {
        case .admin: LocalizedText(nl: "Beheerder", en: "Administrator")
        case .registerOfficer: LocalizedText(nl: "Registerfunctionaris", en: "Register officer")
        case .assessor: LocalizedText(nl: "Assessor", en: "Assessor")
        case .teamLead: LocalizedText(nl: "Teamleider", en: "Team lead")
        case .agencyManager: LocalizedText(nl: "Manager van het bureau", en: "Agency manager")
        case .jobCoach: LocalizedText(nl: "Jobcoach", en: "Job coach")
        case .trainer: LocalizedText(nl: "Opleider", en: "Trainer")
        case .client: LocalizedText(nl: "Cliënt", en: "Client")
        }
    }

    /// What the role may do. Least privilege: a role gets only what its work needs.
    public var permissions: Set<Permission> {
        switch self {
        case .admin: [.manageUsers, .viewAuditTrail, .useAPI, .manageOrganisations, .convertFrameworks]
        case .registerOfficer: [.viewAuditTrail, .useAPI, .manageRegister, .convertFrameworks]
        case .assessor: [.useAPI, .assessApplications]
        case .jobCoach: [.useAPI, .applyForCertification, .workWithClients, .joinPeerGroups, .mentor]
        case .teamLead: [.useAPI, .workWithClients, .leadTeam, .reviewFidelity, .joinPeerGroups, .assignMentors, .mentor]
        case .agencyManager: [.useAPI, .viewAgencyOutcomes, .reviewFidelity, .manageTariffs]
        case .trainer: [.useAPI, .teachCohorts, .assignMentors]
        case .client: [.viewOwnRecord]
        }
    }

    public func may(_ permission: Permission) -> Bool {
        permissions.contains(permission)
    }
}

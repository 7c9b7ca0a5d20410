import Testing
@testable import JobcoachCore

/// The permission matrix: every role against every permission.
@Suite struct RolePermissionTests {
    static let expected: [Role: Set<Permission>] = [
        .admin: [.manageUsers, .viewAuditTrail, .useAPI, .manageOrganisations, .convertFrameworks],
        .registerOfficer: [.viewAuditTrail, .useAPI, .manageRegister, .convertFrameworks],
        .assessor: [.useAPI, .assessApplications], .jobCoach: [.useAPI, .applyForCertification, .workWithClients, .joinPeerGroups, .mentor],
        .teamLead: [.useAPI, .workWithClients, .leadTeam, .reviewFidelity, .joinPeerGroups, .assignMentors, .mentor],
        .trainer: [.useAPI, .teachCohorts, .assignMentors],
        .agencyManager: [.useAPI, .viewAgencyOutcomes, .reviewFidelity, .manageTariffs],
        .client: [.viewOwnRecord],
    ]

    @Test(arguments: Role.allCases)
    func eachRoleHasOnlyWhatItsWorkNeeds(_ role: Role) {
        for permission in Permission.allCases {
            #expect(role.may(permission) == Self.expected[role]!.contains(permission), "\(role) \(permission)")
        }
    }
}

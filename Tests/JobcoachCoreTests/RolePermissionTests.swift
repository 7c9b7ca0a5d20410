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

/// Each role's start page and main menu: only work the role may do, its start page first.
@Suite struct WorkAreaTests {
    @Test func eachRoleStartsAtItsOwnWork() {
        let expected: [Role: WorkArea] = [
            .jobCoach: .caseload, .teamLead: .team, .registerOfficer: .office, .assessor: .assessments,
            .trainer: .cohorts, .admin: .users, .client: .myPage, .agencyManager: .outcomes,
        ]
        for role in Role.allCases { #expect(role.startArea == expected[role], "\(role)") }
    }

    @Test(arguments: Role.allCases)
    func aMenuHoldsOnlyWhatTheRoleMayDo(_ role: Role) {
        #expect(!role.menu.isEmpty)
        #expect(Set(role.menu).count == role.menu.count, "no area twice")
        for area in role.menu { #expect(role.mayWork(in: area), "\(role) \(area)") }
        #expect(role.menu.count <= 7, "a short menu")
    }

    @Test func theClientsMenuHasNoProfessionalWork() {
        #expect(Role.client.menu == [.myPage, .myAppointments, .myCoach])
        for role in Role.allCases where role != .client {
            #expect(!role.menu.contains(.myPage))
        }
    }
}

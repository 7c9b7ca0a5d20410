/// Things a role may do. Routes ask for a permission, never for a role, so the whole policy is
/// the table in `Role.permissions`.
public enum Permission: String, CaseIterable, Codable, Sendable {
    /// Create accounts, change roles, deactivate accounts.
    case manageUsers
    /// Read the audit trail and its verification.
    case viewAuditTrail
    /// Hold API tokens for scripts and integrations.
    case useAPI
    /// Turn framework packages of other systems (CASE) into framework data files.
    case convertFrameworks
    /// Keep a portfolio, apply for certification, record permanent education.
    case applyForCertification
    /// Assess applications assigned to oneself.
    case assessApplications
    /// Run the register: assign assessors, decide, handle complaints, re-check after revisions.
    case manageRegister
    /// Set up agencies and teams and say who works where.
    case manageOrganisations
    /// Work with clients of one's own caseload and with the agency's employers, workplaces and
    /// commissioners. Which clients is decided per record in the app: by `PracticeActor`, which the
    /// request scopes (`ClientScope` and the others) apply.
    case workWithClients
    /// See the caseloads of one's team and assign its clients to its coaches.
    case leadTeam
    /// The outcome figures of the whole agency (every coach and team), with no client content.
    case viewAgencyOutcomes
    /// Record the agency's fidelity reviews (IPS-25 and EUSE) and read their history.
    case reviewFidelity
    /// Keep the commissioners' tariffs and read their payment statements.
    case manageTariffs
    /// Run cohorts of one's training provider: trainees, sessions and attendance, module results,
    /// diplomas, accredited activities and their attendance lists. Which cohorts is decided per record:
    /// only those one is a trainer of.
    case teachCohorts
    /// Take part in peer groups (intervision) across agencies: form one, invite, record meetings.
    case joinPeerGroups
    /// Assign an experienced coach as mentor: a team lead to a new coach of the team, a trainer to a
    /// trainee of their cohorts.
    case assignMentors
    /// Be assigned as mentor of a trainee or a new coach (an experienced job coach or team lead).
    case mentor
    /// A client's own page: their goals, appointments, coach, what is written about them and their
    /// consent choices. Which client is decided by the account's link (`ClientAccount`).
    case viewOwnRecord
}

import Fluent
import Vapor

/// Every migration in the order it runs. Released migrations are never edited; a change to the
/// schema is a new migration in a new numbered folder, with its revert.
enum Migrations {
    static func register(on app: Application) {
        // 001: the foundation: accounts, API tokens, the audit trail, login throttling
        // and database sessions.
        app.migrations.add(CreateUsers())
        app.migrations.add(CreateAPITokens())
        app.migrations.add(CreateAuditEntries())
        app.migrations.add(CreateLoginAttempts())
        app.migrations.add(CreateSessions())
        // 002: the register: portfolios with evidence, applications with two assessors,
        // certificates, permanent education and complaints.
        app.migrations.add(CreatePortfolios())
        app.migrations.add(CreateEvidenceFiles())
        app.migrations.add(CreatePortfolioItems())
        app.migrations.add(CreateApplications())
        app.migrations.add(CreateCertificates())
        app.migrations.add(CreateCPDActivities())
        app.migrations.add(CreateComplaints())
        // 003: the practice: agencies and teams, commissioners, employers and workplaces,
        // clients and their trajectories.
        app.migrations.add(CreateOrganisations())
        app.migrations.add(CreatePartners())
        app.migrations.add(CreateTrajectories())
        // 004: the practice after the placement: coaching plan, support, fading, closing, follow-ups,
        // appointments, reports with consent, client accounts, agency policies, peer review.
        app.migrations.add(CreateCoaching())
        app.migrations.add(CreateReportsAndAccounts())
        app.migrations.add(CreatePolicies())
        // 005: outcomes: intake factors, job spells, tariffs, satisfaction, fidelity reviews, and
        // anonymous counts per quarter.
        app.migrations.add(CreateOutcomes())
        // 006: input financing (grants of coaching hours) and career steps at follow-ups.
        app.migrations.add(CreateGrantsAndCareerSteps())
        // 007: training: recognitions added by officers, providers' cohorts, trainees, sessions,
        // attendance and results, accredited activities, and what providers confirm in the register.
        app.migrations.add(CreateTraining())
        // 008: the working day: appointment kinds and cancellations, coaches' calendar feeds, contact
        // modes, client-facing notes, and the history of every change to a written record.
        app.migrations.add(CreateAgendaAndHistory())
        // 009: a telephone number on each account, for the client's page.
        app.migrations.add(AddStaffPhone())
        // 010: mail: the outbox and the links that set a password (invitations, resets).
        app.migrations.add(CreateOutbox())
        // 011: imports from spreadsheets (clients, employers, workplaces) and their checks.
        app.migrations.add(CreateImportRuns())
        // 012: files in a client's file (agreements, assignment letters, workplace photos).
        app.migrations.add(CreateClientAttachments())
        // 013: assessors may score single indicators; a complaint names its complainant and holds the
        // coach's response.
        app.migrations.add(CreateIndicatorScores())
        app.migrations.add(AddComplaintParties())
        // 014: two-factor login (TOTP), recovery codes, the agency setting that requires it.
        app.migrations.add(CreateTwoFactor())
        // 015: the browser and address each session began from (the list of one's sessions).
        app.migrations.add(AddSessionDevice())
        // 016: erasure on request with a second person's confirmation, the financial records kept
        // without the person, and restriction of processing.
        app.migrations.add(CreateErasureOnRequest())
        // 017: the audit trail as one chain per organisation (and the register's, and the
        // administration's), sealed after the request by one instance at a time, with signed
        // checkpoints; the single chain so far becomes the first.
        app.migrations.add(CreateAuditChains())
        // 018: an index that starts with the organisation on every table of an organisation's data.
        app.migrations.add(IndexByOrganisation())
    }
}

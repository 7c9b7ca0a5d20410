import Foundation
import Vapor

/// Every URL of the site, used both to register routes and to make links, so that no path is written
/// twice and no template holds a path of its own.
enum SiteURL: Sendable {
    case home
    case frameworks
    case framework(Parameter<String>)
    case frameworkVersion(Parameter<String>, Parameter<String>)
    case frameworkDiff(Parameter<String>)
    case compare
    case qualificationLevels
    case occupations
    case login
    case logout
    case changePassword
    case loginCode
    case twoFactor
    case twoFactorOff
    case twoFactorRecoveryCodes
    case accountSessions
    case accountSessionEnd(Parameter<UUID>)
    case accountSessionsEndOthers
    case adminUsers
    case adminUser(Parameter<UUID>)
    case adminUserResetPassword(Parameter<UUID>)
    case adminAudit
    case adminMail
    case adminMailRetry(Parameter<UUID>)
    case passwordReset
    case accountLink(Parameter<String>)
    case health
    case openAPI
    case stylesheet
    case favicon
    case progressScript
    case benchBare
    case api(APIURL)
    // The register.
    case eligibility
    case portfolio
    case portfolioProfile
    case portfolioItems(Parameter<String>)
    case portfolioItemDelete(Parameter<String>, Parameter<UUID>)
    case evidence(Parameter<UUID>)
    case applications
    case application(Parameter<UUID>)
    case applicationResubmit(Parameter<UUID>)
    case applicationWithdraw(Parameter<UUID>)
    case certificates
    case certificateCredential(Parameter<UUID>)
    case myComplaint(Parameter<UUID>)
    case cpd
    case cpdDelete(Parameter<UUID>)
    case assessments
    case assessment(Parameter<UUID>)
    case office
    case officeApplication(Parameter<UUID>)
    case officeAssign(Parameter<UUID>)
    case officeDecide(Parameter<UUID>)
    case officeCertificates
    case officeCertificate(Parameter<UUID>)
    case officeCertificateReinstate(Parameter<UUID>)
    case officeRecheck
    case officeRecognitions
    case training
    case trainingCohorts
    case trainingCohort(Parameter<UUID>)
    case trainingCohortTrainees(Parameter<UUID>)
    case trainingCohortSessions(Parameter<UUID>)
    case trainingCohortResults(Parameter<UUID>)
    case trainingCohortDiploma(Parameter<UUID>)
    case myTraining
    case trainingActivities
    case trainingAttendance
    case mentoring
    case mentoringMeetings
    case peerGroups
    case peerGroup(Parameter<UUID>)
    case peerGroupMembers(Parameter<UUID>)
    case peerGroupMeetings(Parameter<UUID>)
    case peerGroupCases(Parameter<UUID>)
    case officeComplaints
    case officeComplaint(Parameter<UUID>)
    case publicRegister
    case verify
    case jwks
    // The practice.
    case caseload
    case clients
    case clientNew
    case client(Parameter<UUID>)
    case clientIntake(Parameter<UUID>)
    case clientProfile(Parameter<UUID>)
    case clientChecklist(Parameter<UUID>)
    case clientMove(Parameter<UUID>)
    case clientMatching(Parameter<UUID>)
    case clientDecisions(Parameter<UUID>)
    case clientPlacement(Parameter<UUID>)
    case clientCoach(Parameter<UUID>)
    case clientTrajectories(Parameter<UUID>)
    case clientPlan(Parameter<UUID>)
    case clientGoals(Parameter<UUID>)
    case clientGoalReached(Parameter<UUID>, Parameter<UUID>)
    case clientGoal(Parameter<UUID>, Parameter<UUID>)
    case clientSupportEntry(Parameter<UUID>, Parameter<UUID>)
    case clientEvaluation(Parameter<UUID>, Parameter<UUID>)
    case clientAppointment(Parameter<UUID>, Parameter<UUID>)
    case clientMilestone(Parameter<UUID>, Parameter<UUID>)
    case clientSupport(Parameter<UUID>)
    case clientMilestones(Parameter<UUID>)
    case clientMilestoneCelebrated(Parameter<UUID>, Parameter<UUID>)
    case clientEvaluations(Parameter<UUID>)
    case clientAppointments(Parameter<UUID>)
    case clientFading(Parameter<UUID>)
    case clientClosing(Parameter<UUID>)
    case clientFollowUps(Parameter<UUID>)
    case clientSatisfaction(Parameter<UUID>)
    case clientGrant(Parameter<UUID>)
    case clientGrantReport(Parameter<UUID>)
    case clientReports(Parameter<UUID>)
    case clientReport(Parameter<UUID>, Parameter<String>)
    case clientReportPDF(Parameter<UUID>, Parameter<String>)
    case clientReportConsent(Parameter<UUID>, Parameter<String>)
    case clientReportSend(Parameter<UUID>, Parameter<String>)
    case clientAccount(Parameter<UUID>)
    case clientExport(Parameter<UUID>)
    case clientExportJSON(Parameter<UUID>)
    case clientPrivacy(Parameter<UUID>)
    case clientErasure(Parameter<UUID>)
    case clientErasureConfirm(Parameter<UUID>)
    case clientErasureWithdraw(Parameter<UUID>)
    case clientRestriction(Parameter<UUID>)
    case clientPeerReview(Parameter<UUID>)
    case clientAttachments(Parameter<UUID>)
    case clientAttachment(Parameter<UUID>, Parameter<UUID>)
    case peerReviews
    case teamCaseload
    case caseloadCSV
    case caseloadSettings
    case myPage
    case myCalendar
    case myConsent
    case myAppointments
    case myCoach
    case agenda
    case agendaFeed(Parameter<String>)
    case agendaFeedRenew
    case employers
    case employer(Parameter<UUID>)
    case employerContacts(Parameter<UUID>)
    case employerWorkplaceNew(Parameter<UUID>)
    case employerWorkplaces(Parameter<UUID>)
    case workplace(Parameter<UUID>)
    case commissioners
    case outcomes
    case outcomesCSV
    case fidelityReviews
    case fidelityReviewNew
    case fidelityReview(Parameter<UUID>)
    case commissionerStatement(Parameter<UUID>)
    case commissionerStatementCSV(Parameter<UUID>)
    case commissionerStatementPDF(Parameter<UUID>)
    case commissionerTariffs(Parameter<UUID>)
    case conditions
    case adminOrganisations
    case adminOrganisationTwoFactor(Parameter<UUID>)
    case adminOrganisation(Parameter<UUID>)
    case adminUserMembership(Parameter<UUID>)
    case imports
    case importTemplate(Parameter<String>)
    case importRun(Parameter<UUID>)
    case importRunExecute(Parameter<UUID>)
    case importRunProgress(Parameter<UUID>)

    enum APIURL: Sendable {
        case frameworks
        case framework(Parameter<String>)
        case frameworkVersion(Parameter<String>, Parameter<String>)
        case frameworkDiff(Parameter<String>)
        case qualificationLevels
        case occupations
        case eligibility
        case register
        case credentialsVerify
        case credentialStatus(Parameter<UUID>)
        case credentialRevocations
        case matchingRank
        case matchingConditions
        case outcomeMeasures
        case outcomesRiskAdjusted
        case fidelityIPS25
        case frameworkCASE(Parameter<String>)
        case frameworkMoodle(Parameter<String>)
        case caseConvert
        case trainingProgrammes
        case trainingCoverage
        case trainingAttendance

        var segments: [Segment] {
            switch self {
            case .frameworks: ["frameworks"]
            case .framework(let id): ["frameworks", .parameter("framework", id.text)]
            case .frameworkVersion(let id, let version):
                ["frameworks", .parameter("framework", id.text), "versions", .parameter("version", version.text)]
            case .frameworkDiff(let id): ["frameworks", .parameter("framework", id.text), "diff"]
            case .qualificationLevels: ["qualification-levels"]
            case .occupations: ["occupations"]
            case .eligibility: ["eligibility"]
            case .register: ["register"]
            case .credentialsVerify: ["credentials", "verify"]
            case .credentialStatus(let id): ["credentials", .parameter("credential", id.text), "status"]
            case .credentialRevocations: ["credentials", "revocations"]
            case .matchingRank: ["matching", "rank"]
            case .matchingConditions: ["matching", "conditions"]
            case .outcomeMeasures: ["outcomes", "measures"]
            case .outcomesRiskAdjusted: ["outcomes", "risk-adjusted"]
            case .fidelityIPS25: ["fidelity", "ips-25"]
            case .frameworkCASE(let id): ["frameworks", .parameter("framework", id.text), "case"]
            case .frameworkMoodle(let id): ["frameworks", .parameter("framework", id.text), "moodle.csv"]
            case .caseConvert: ["frameworks", "case", "convert"]
            case .trainingProgrammes: ["training", "programmes"]
            case .trainingCoverage: ["training", "coverage"]
            case .trainingAttendance: ["training", "attendance"]
            }
        }
    }

    /// A path segment: fixed text, or a named parameter with its value when making a link.
    enum Segment: ExpressibleByStringLiteral, Sendable {
        case fixed(String)
        case parameter(String, String?)

        init(stringLiteral value: String) { self = .fixed(value) }
    }

    var segments: [Segment] {
        switch self {
        case .home: []
        case .frameworks: ["frameworks"]
        case .framework(let id): ["frameworks", .parameter("framework", id.text)]
        case .frameworkVersion(let id, let version):
            ["frameworks", .parameter("framework", id.text), "versions", .parameter("version", version.text)]
        case .frameworkDiff(let id): ["frameworks", .parameter("framework", id.text), "diff"]
        case .compare: ["compare"]
        case .qualificationLevels: ["qualification-levels"]
        case .occupations: ["occupations"]
        case .login: ["login"]
        case .logout: ["logout"]
        case .changePassword: ["account", "password"]
        case .loginCode: ["login", "code"]
        case .twoFactor: ["account", "two-factor"]
        case .twoFactorOff: ["account", "two-factor", "off"]
        case .twoFactorRecoveryCodes: ["account", "two-factor", "recovery-codes"]
        case .accountSessions: ["account", "sessions"]
        case .accountSessionEnd(let id): ["account", "sessions", .parameter("session", id.text), "end"]
        case .accountSessionsEndOthers: ["account", "sessions", "end-others"]
        case .adminUsers: ["admin", "users"]
        case .adminUser(let id): ["admin", "users", .parameter("user", id.text)]
        case .adminUserResetPassword(let id): ["admin", "users", .parameter("user", id.text), "reset-password"]
        case .adminAudit: ["admin", "audit"]
        case .adminMail: ["admin", "mail"]
        case .adminMailRetry(let id): ["admin", "mail", .parameter("message", id.text), "retry"]
        case .passwordReset: ["account", "reset"]
        case .accountLink(let token): ["account", "link", .parameter("token", token.text)]
        case .health: ["health"]
        case .openAPI: ["openapi.json"]
        case .stylesheet: ["css", "site.css"]
        case .favicon: ["favicon.svg"]
        case .progressScript: ["js", "progress.js"]
        case .benchBare: ["bench", "bare"]
        case .api(let api): ["api", "v1"] + api.segments
        case .eligibility: ["eligibility"]
        case .portfolio: ["portfolio"]
        case .portfolioProfile: ["portfolio", "profile"]
        case .portfolioItems(let kind): ["portfolio", .parameter("kind", kind.text)]
        case .portfolioItemDelete(let kind, let item): ["portfolio", .parameter("kind", kind.text), .parameter("item", item.text), "delete"]
        case .evidence(let id): ["evidence", .parameter("evidence", id.text)]
        case .applications: ["applications"]
        case .application(let id): ["applications", .parameter("application", id.text)]
        case .applicationResubmit(let id): ["applications", .parameter("application", id.text), "resubmit"]
        case .applicationWithdraw(let id): ["applications", .parameter("application", id.text), "withdraw"]
        case .certificates: ["certificates"]
        case .certificateCredential(let id): ["certificates", .parameter("certificate", id.text), "credential.jwt"]
        case .myComplaint(let id): ["certificates", "complaints", .parameter("complaint", id.text)]
        case .cpd: ["cpd"]
        case .cpdDelete(let id): ["cpd", .parameter("activity", id.text), "delete"]
        case .assessments: ["assessments"]
        case .assessment(let id): ["assessments", .parameter("assignment", id.text)]
        case .office: ["office"]
        case .officeApplication(let id): ["office", "applications", .parameter("application", id.text)]
        case .officeAssign(let id): ["office", "applications", .parameter("application", id.text), "assessors"]
        case .officeDecide(let id): ["office", "applications", .parameter("application", id.text), "decision"]
        case .officeCertificates: ["office", "certificates"]
        case .officeCertificate(let id): ["office", "certificates", .parameter("certificate", id.text)]
        case .officeCertificateReinstate(let id): ["office", "certificates", .parameter("certificate", id.text), "reinstate"]
        case .officeRecheck: ["office", "recheck"]
        case .officeRecognitions: ["office", "recognitions"]
        case .training: ["training"]
        case .trainingCohorts: ["training", "cohorts"]
        case .trainingCohort(let id): ["training", "cohorts", .parameter("cohort", id.text)]
        case .trainingCohortTrainees(let id): ["training", "cohorts", .parameter("cohort", id.text), "trainees"]
        case .trainingCohortSessions(let id): ["training", "cohorts", .parameter("cohort", id.text), "sessions"]
        case .trainingCohortResults(let id): ["training", "cohorts", .parameter("cohort", id.text), "results"]
        case .trainingCohortDiploma(let id): ["training", "cohorts", .parameter("cohort", id.text), "diplomas"]
        case .myTraining: ["training", "me"]
        case .trainingActivities: ["training", "activities"]
        case .trainingAttendance: ["training", "activities", "attendance"]
        case .mentoring: ["mentoring"]
        case .mentoringMeetings: ["mentoring", "meetings"]
        case .peerGroups: ["peer-groups"]
        case .peerGroup(let id): ["peer-groups", .parameter("group", id.text)]
        case .peerGroupMembers(let id): ["peer-groups", .parameter("group", id.text), "members"]
        case .peerGroupMeetings(let id): ["peer-groups", .parameter("group", id.text), "meetings"]
        case .peerGroupCases(let id): ["peer-groups", .parameter("group", id.text), "cases"]
        case .officeComplaints: ["office", "complaints"]
        case .officeComplaint(let id): ["office", "complaints", .parameter("complaint", id.text)]
        case .publicRegister: ["register"]
        case .verify: ["verify"]
        case .jwks: [".well-known", "jwks.json"]
        case .caseload: ["caseload"]
        case .clients: ["clients"]
        case .clientNew: ["clients", "new"]
        case .client(let id): ["clients", .parameter("client", id.text)]
        case .clientIntake(let id): ["clients", .parameter("client", id.text), "intake"]
        case .clientProfile(let id): ["clients", .parameter("client", id.text), "profile"]
        case .clientChecklist(let id): ["clients", .parameter("client", id.text), "checklist"]
        case .clientMove(let id): ["clients", .parameter("client", id.text), "move"]
        case .clientMatching(let id): ["clients", .parameter("client", id.text), "matching"]
        case .clientDecisions(let id): ["clients", .parameter("client", id.text), "decisions"]
        case .clientPlacement(let id): ["clients", .parameter("client", id.text), "placement"]
        case .clientCoach(let id): ["clients", .parameter("client", id.text), "coach"]
        case .clientTrajectories(let id): ["clients", .parameter("client", id.text), "trajectories"]
        case .clientPlan(let id): ["clients", .parameter("client", id.text), "plan"]
        case .clientGoals(let id): ["clients", .parameter("client", id.text), "goals"]
        case .clientGoalReached(let id, let goal): ["clients", .parameter("client", id.text), "goals", .parameter("goal", goal.text), "reached"]
        case .clientGoal(let id, let goal): ["clients", .parameter("client", id.text), "goals", .parameter("goal", goal.text)]
        case .clientSupportEntry(let id, let entry): ["clients", .parameter("client", id.text), "support", .parameter("entry", entry.text)]
        case .clientEvaluation(let id, let evaluation):
            ["clients", .parameter("client", id.text), "evaluations", .parameter("evaluation", evaluation.text)]
        case .clientAppointment(let id, let appointment):
            ["clients", .parameter("client", id.text), "appointments", .parameter("appointment", appointment.text)]
        case .clientMilestone(let id, let milestone): ["clients", .parameter("client", id.text), "milestones", .parameter("milestone", milestone.text)]
        case .clientSupport(let id): ["clients", .parameter("client", id.text), "support"]
        case .clientMilestones(let id): ["clients", .parameter("client", id.text), "milestones"]
        case .clientMilestoneCelebrated(let id, let milestone):
            ["clients", .parameter("client", id.text), "milestones", .parameter("milestone", milestone.text), "celebrated"]
        case .clientEvaluations(let id): ["clients", .parameter("client", id.text), "evaluations"]
        case .clientAppointments(let id): ["clients", .parameter("client", id.text), "appointments"]
        case .clientFading(let id): ["clients", .parameter("client", id.text), "fading"]
        case .clientClosing(let id): ["clients", .parameter("client", id.text), "closing"]
        case .clientFollowUps(let id): ["clients", .parameter("client", id.text), "follow-ups"]
        case .clientSatisfaction(let id): ["clients", .parameter("client", id.text), "satisfaction"]
        case .clientGrant(let id): ["clients", .parameter("client", id.text), "grant"]
        case .clientGrantReport(let id): ["clients", .parameter("client", id.text), "grant", "report"]
        case .clientReports(let id): ["clients", .parameter("client", id.text), "reports"]
        case .clientReport(let id, let kind): ["clients", .parameter("client", id.text), "reports", .parameter("kind", kind.text)]
        case .clientReportPDF(let id, let kind): ["clients", .parameter("client", id.text), "reports", .parameter("kind", kind.text), "pdf"]
        case .clientReportConsent(let id, let kind): ["clients", .parameter("client", id.text), "reports", .parameter("kind", kind.text), "consent"]
        case .clientReportSend(let id, let kind): ["clients", .parameter("client", id.text), "reports", .parameter("kind", kind.text), "send"]
        case .clientAccount(let id): ["clients", .parameter("client", id.text), "account"]
        case .clientExport(let id): ["clients", .parameter("client", id.text), "export"]
        case .clientPrivacy(let id): ["clients", .parameter("client", id.text), "privacy"]
        case .clientErasure(let id): ["clients", .parameter("client", id.text), "erasure"]
        case .clientErasureConfirm(let id): ["clients", .parameter("client", id.text), "erasure", "confirm"]
        case .clientErasureWithdraw(let id): ["clients", .parameter("client", id.text), "erasure", "withdraw"]
        case .clientRestriction(let id): ["clients", .parameter("client", id.text), "restriction"]
        case .clientExportJSON(let id): ["clients", .parameter("client", id.text), "export.json"]
        case .clientPeerReview(let id): ["clients", .parameter("client", id.text), "peer-review"]
        case .clientAttachments(let id): ["clients", .parameter("client", id.text), "attachments"]
        case .clientAttachment(let id, let attachment):
            ["clients", .parameter("client", id.text), "attachments", .parameter("attachment", attachment.text)]
        case .peerReviews: ["peer-review"]
        case .teamCaseload: ["caseload", "team"]
        case .caseloadCSV: ["caseload", "export.csv"]
        case .caseloadSettings: ["caseload", "settings"]
        case .myPage: ["me"]
        case .myCalendar: ["me", "appointments.ics"]
        case .myConsent: ["me", "consent"]
        case .myAppointments: ["me", "appointments"]
        case .myCoach: ["me", "coach"]
        case .agenda: ["agenda"]
        case .agendaFeed(let token): ["agenda", "feed", .parameter("token", token.text)]
        case .agendaFeedRenew: ["agenda", "feed"]
        case .employers: ["employers"]
        case .employer(let id): ["employers", .parameter("employer", id.text)]
        case .employerContacts(let id): ["employers", .parameter("employer", id.text), "contacts"]
        case .employerWorkplaceNew(let id): ["employers", .parameter("employer", id.text), "workplaces", "new"]
        case .employerWorkplaces(let id): ["employers", .parameter("employer", id.text), "workplaces"]
        case .workplace(let id): ["workplaces", .parameter("workplace", id.text)]
        case .commissioners: ["commissioners"]
        case .outcomes: ["outcomes"]
        case .outcomesCSV: ["outcomes", "export.csv"]
        case .fidelityReviews: ["fidelity"]
        case .fidelityReviewNew: ["fidelity", "new"]
        case .fidelityReview(let id): ["fidelity", .parameter("review", id.text)]
        case .commissionerStatement(let id): ["outcomes", "commissioners", .parameter("commissioner", id.text), "statement"]
        case .commissionerStatementCSV(let id): ["outcomes", "commissioners", .parameter("commissioner", id.text), "statement.csv"]
        case .commissionerStatementPDF(let id): ["outcomes", "commissioners", .parameter("commissioner", id.text), "statement.pdf"]
        case .commissionerTariffs(let id): ["outcomes", "commissioners", .parameter("commissioner", id.text), "tariffs"]
        case .conditions: ["matching", "conditions"]
        case .adminOrganisations: ["admin", "organisations"]
        case .adminOrganisation(let id): ["admin", "organisations", .parameter("organisation", id.text)]
        case .adminOrganisationTwoFactor(let id): ["admin", "organisations", .parameter("organisation", id.text), "two-factor"]
        case .adminUserMembership(let id): ["admin", "users", .parameter("user", id.text), "membership"]
        case .imports: ["import"]
        case .importTemplate(let kind): ["import", "templates", .parameter("kind", kind.text)]
        case .importRun(let id): ["import", .parameter("run", id.text)]
        case .importRunExecute(let id): ["import", .parameter("run", id.text), "execute"]
        case .importRunProgress(let id): ["import", .parameter("run", id.text), "progress"]
        }
    }

    /// The path for a link. Parameters must carry values.
    var path: String {
        "/" + segments.map { segment in
            switch segment {
            case .fixed(let text): text
            case .parameter(let name, let value):
                (value ?? ":\(name)").addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""
            }
        }.joined(separator: "/")
    }

    /// The path with a query, for links that carry options.
    func path(query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        var components = URLComponents()
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return path + "?" + (components.percentEncodedQuery ?? "")
    }

    /// The components to register a route with.
    var pathComponents: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .fixed(let text): .constant(text)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }
}

extension Parameter {
    var text: String? {
        switch self {
        case .key: nil
        case .value(let value): value.description
        }
    }
}

import JobcoachCore
import Vapor

/// Registers every route from `SiteURL`, grouped by who may use it.
enum Routes {
    static func register(on app: Application) throws {
        let config = app.configuration

        // JSON API and service endpoints: no cookies, no sessions.
        app.get(SiteURL.health.pathComponents, use: APIController.health)
        app.get(SiteURL.openAPI.pathComponents, use: OpenAPIController.document)
        if config.benchmarkRoute {
            app.get(SiteURL.benchBare.pathComponents) { _ in "ok" }
        }
        let api = app.grouped(BearerTokenMiddleware())
        api.get(SiteURL.api(.frameworks).pathComponents, use: APIController.frameworks)
        api.get(SiteURL.api(.framework(.key)).pathComponents, use: APIController.framework)
        api.get(SiteURL.api(.frameworkVersion(.key, .key)).pathComponents, use: APIController.frameworkVersion)
        api.get(SiteURL.api(.frameworkDiff(.key)).pathComponents, use: APIController.frameworkDiff)
        api.get(SiteURL.api(.qualificationLevels).pathComponents, use: APIController.qualificationLevels)
        api.get(SiteURL.api(.occupations).pathComponents, use: APIController.occupations)
        let protectedAPI = api.grouped(RequireAPIUserMiddleware())
        protectedAPI.get(["api", "v1", "me"], use: APIController.me)
        // Matching for integrations: stateless, but only for holders of a token.
        protectedAPI.on(.POST, SiteURL.api(.matchingRank).pathComponents, body: .collect(maxSize: "16mb"), use: MatchingController.rank)
        app.get(SiteURL.api(.matchingConditions).pathComponents, use: MatchingController.conditionsAPI)
        // Outcome measures and risk adjustment for integrations: stateless, for holders of a token.
        protectedAPI.on(.POST, SiteURL.api(.outcomeMeasures).pathComponents, body: .collect(maxSize: "32mb"), use: OutcomesAPIController.measures)
        protectedAPI.on(.POST, SiteURL.api(.outcomesRiskAdjusted).pathComponents, body: .collect(maxSize: "32mb"), use: OutcomesAPIController.riskAdjusted)
        // The fidelity scale is public, and so is scoring it: neither touches stored data.
        app.get(SiteURL.api(.fidelityIPS25).pathComponents, use: OutcomesAPIController.fidelityScale)
        app.post(SiteURL.api(.fidelityIPS25).pathComponents, use: OutcomesAPIController.fidelityScore)
        // The register's public API: the self-check, the register, verification.
        app.post(SiteURL.api(.eligibility).pathComponents, use: EligibilityController.api)
        app.get(SiteURL.api(.register).pathComponents, use: RegisterController.api)
        app.post(SiteURL.api(.credentialsVerify).pathComponents, use: RegisterController.verifyAPI)
        app.get(SiteURL.api(.credentialStatus(.key)).pathComponents, use: RegisterController.status)
        app.get(SiteURL.jwks.pathComponents, use: RegisterController.jwks)

        // Browser pages: sessions, the signed-in user, CSRF on every form.
        let browser = app.grouped(app.sessions.middleware, SessionUserMiddleware(), CSRFMiddleware())
        browser.get(SiteURL.home.pathComponents, use: PublicPagesController.home)
        browser.get(SiteURL.frameworks.pathComponents, use: PublicPagesController.frameworks)
        browser.get(SiteURL.framework(.key).pathComponents, use: PublicPagesController.framework)
        browser.get(SiteURL.frameworkVersion(.key, .key).pathComponents, use: PublicPagesController.frameworkVersion)
        browser.get(SiteURL.frameworkDiff(.key).pathComponents, use: PublicPagesController.frameworkDiff)
        browser.get(SiteURL.compare.pathComponents, use: PublicPagesController.compare)
        browser.get(SiteURL.qualificationLevels.pathComponents, use: PublicPagesController.qualificationLevels)
        browser.get(SiteURL.occupations.pathComponents, use: PublicPagesController.occupations)
        browser.get(SiteURL.login.pathComponents, use: AuthController.loginPage)
        browser.post(SiteURL.login.pathComponents, use: AuthController.login)
        browser.post(SiteURL.logout.pathComponents, use: AuthController.logout)
        browser.get(SiteURL.eligibility.pathComponents, use: EligibilityController.page)
        browser.post(SiteURL.eligibility.pathComponents, use: EligibilityController.check)
        browser.get(SiteURL.publicRegister.pathComponents, use: RegisterController.page)
        browser.get(SiteURL.verify.pathComponents, use: RegisterController.verifyPage)
        browser.post(SiteURL.verify.pathComponents, use: RegisterController.verify)

        let signedIn = browser.grouped(RequireUserMiddleware())
        signedIn.get(SiteURL.changePassword.pathComponents, use: AuthController.changePasswordPage)
        signedIn.post(SiteURL.changePassword.pathComponents, use: AuthController.changePassword)

        // Evidence and credentials: who may have them is `RecordAccess`'s to say, through the scopes.
        signedIn.scoped(EvidenceScope.self).get(SiteURL.evidence(.key).pathComponents, use: PortfolioController.evidence)
        signedIn.scoped(CertificateScope.self).get(SiteURL.certificateCredential(.key).pathComponents, use: RegisterController.credential)

        let coaches = signedIn.grouped(RequirePermissionMiddleware(permission: .applyForCertification))
        coaches.get(SiteURL.portfolio.pathComponents, use: PortfolioController.page)
        coaches.post(SiteURL.portfolioProfile.pathComponents, use: PortfolioController.updateProfile)
        coaches.on(.POST, SiteURL.portfolioItems(.key).pathComponents, body: .collect(maxSize: "11mb"), use: PortfolioController.addItem)
        coaches.post(SiteURL.portfolioItemDelete(.key, .key).pathComponents, use: PortfolioController.deleteItem)
        coaches.post(SiteURL.applications.pathComponents, use: ApplicationController.apply)
        coaches.get(SiteURL.applications.pathComponents, use: ApplicationController.list)
        let ownApplication = coaches.scoped(OwnApplicationScope.self)
        ownApplication.get(SiteURL.application(.key).pathComponents, use: ApplicationController.detail)
        ownApplication.post(SiteURL.applicationResubmit(.key).pathComponents, use: ApplicationController.resubmit)
        ownApplication.post(SiteURL.applicationWithdraw(.key).pathComponents, use: ApplicationController.withdraw)
        coaches.get(SiteURL.certificates.pathComponents, use: RegisterController.mine)
        coaches.get(SiteURL.cpd.pathComponents, use: CPDController.page)
        coaches.post(SiteURL.cpd.pathComponents, use: CPDController.add)
        coaches.post(SiteURL.cpdDelete(.key).pathComponents, use: CPDController.delete)

        let assessors = signedIn.grouped(RequirePermissionMiddleware(permission: .assessApplications))
        assessors.get(SiteURL.assessments.pathComponents, use: AssessmentController.list)
        let assignment = assessors.scoped(AssignmentScope.self)
        assignment.get(SiteURL.assessment(.key).pathComponents, use: AssessmentController.sheet)
        assignment.post(SiteURL.assessment(.key).pathComponents, use: AssessmentController.save)

        let officers = signedIn.grouped(RequirePermissionMiddleware(permission: .manageRegister))
        officers.get(SiteURL.office.pathComponents, use: OfficeApplicationsController.queue)
        let officeApplication = officers.scoped(OfficeApplicationScope.self)
        officeApplication.get(SiteURL.officeApplication(.key).pathComponents, use: OfficeApplicationsController.detail)
        officeApplication.post(SiteURL.officeAssign(.key).pathComponents, use: OfficeApplicationsController.assign)
        officeApplication.post(SiteURL.officeDecide(.key).pathComponents, use: OfficeApplicationsController.decide)
        officers.get(SiteURL.officeCertificates.pathComponents, use: OfficeCertificatesController.page)
        officers.get(SiteURL.officeRecheck.pathComponents, use: RecheckController.page)
        officers.get(SiteURL.officeComplaints.pathComponents, use: ComplaintsController.list)
        officers.post(SiteURL.officeComplaints.pathComponents, use: ComplaintsController.create)
        let complaint = officers.scoped(ComplaintScope.self)
        complaint.get(SiteURL.officeComplaint(.key).pathComponents, use: ComplaintsController.detail)
        complaint.post(SiteURL.officeComplaint(.key).pathComponents, use: ComplaintsController.update)

        // The client's own page: only the client the account is linked to (`OwnClientScope`).
        let clients = signedIn.grouped(RequirePermissionMiddleware(permission: .viewOwnRecord)).scoped(OwnClientScope.self)
        clients.get(SiteURL.myPage.pathComponents, use: MyPageController.page)
        clients.get(SiteURL.myCalendar.pathComponents, use: MyPageController.calendar)
        clients.post(SiteURL.myConsent.pathComponents, use: MyPageController.consent)

        // Outcomes: a coach's own, a team lead's team, an agency manager's agency (`OutcomesScope`).
        let outcomes = signedIn.scoped(OutcomesScope.self)
        outcomes.get(SiteURL.outcomes.pathComponents, use: OutcomesController.page)
        outcomes.get(SiteURL.outcomesCSV.pathComponents, use: OutcomesController.csv)
        let fidelity = outcomes.grouped(RequirePermissionMiddleware(permission: .reviewFidelity))
        fidelity.get(SiteURL.fidelityReviews.pathComponents, use: FidelityController.list)
        fidelity.get(SiteURL.fidelityReviewNew.pathComponents, use: FidelityController.newPage)
        fidelity.post(SiteURL.fidelityReviews.pathComponents, use: FidelityController.create)
        fidelity.get(SiteURL.fidelityReview(.key).pathComponents, use: FidelityController.show)
        let financing = outcomes.grouped(RequirePermissionMiddleware(permission: .manageTariffs))
        financing.get(SiteURL.commissionerStatement(.key).pathComponents, use: StatementController.page)
        financing.get(SiteURL.commissionerStatementCSV(.key).pathComponents, use: StatementController.csv)
        financing.get(SiteURL.commissionerStatementPDF(.key).pathComponents, use: StatementController.pdf)
        financing.post(SiteURL.commissionerTariffs(.key).pathComponents, use: StatementController.saveTariff)

        // The practice: the actor is resolved once for every route; a client, employer or workplace
        // by the id in the path, in reach or 404 (`PracticeScope`, `ClientScope`, ...).
        let practice = signedIn.grouped(RequirePermissionMiddleware(permission: .workWithClients)).scoped(PracticeScope.self)
        practice.get(SiteURL.caseload.pathComponents, use: CaseloadController.page)
        practice.get(SiteURL.teamCaseload.pathComponents, use: TeamCaseloadController.page)
        practice.get(SiteURL.caseloadCSV.pathComponents, use: TeamCaseloadController.csv)
        practice.get(SiteURL.caseloadSettings.pathComponents, use: TeamCaseloadController.settings)
        practice.post(SiteURL.caseloadSettings.pathComponents, use: TeamCaseloadController.saveSettings)
        practice.get(SiteURL.clientNew.pathComponents, use: ClientController.newPage)
        practice.post(SiteURL.clients.pathComponents, use: ClientController.create)
        practice.get(SiteURL.peerReviews.pathComponents, use: PeerReviewController.list)
        practice.get(SiteURL.employers.pathComponents, use: EmployerController.list)
        practice.post(SiteURL.employers.pathComponents, use: EmployerController.create)
        practice.get(SiteURL.commissioners.pathComponents, use: CommissionerController.list)
        practice.post(SiteURL.commissioners.pathComponents, use: CommissionerController.create)

        // A client the actor sees: reads, and the team lead's assignment (checked in the handler).
        let client = practice.scoped(ClientScope.self)
        client.get(SiteURL.client(.key).pathComponents, use: ClientController.page)
        client.post(SiteURL.clientCoach(.key).pathComponents, use: ClientController.assign)
        client.get(SiteURL.clientIntake(.key).pathComponents, use: IntakeController.page)
        client.get(SiteURL.clientProfile(.key).pathComponents, use: ProfileController.page)
        client.get(SiteURL.clientMatching(.key).pathComponents, use: MatchingController.page)
        client.get(SiteURL.clientPlan(.key).pathComponents, use: PlanController.page)
        client.get(SiteURL.clientSupport(.key).pathComponents, use: SupportController.page)
        client.get(SiteURL.clientFading(.key).pathComponents, use: FadingController.page)
        client.get(SiteURL.clientClosing(.key).pathComponents, use: ClosingController.page)
        client.get(SiteURL.clientGrantReport(.key).pathComponents, use: GrantController.report)
        client.get(SiteURL.clientReports(.key).pathComponents, use: ReportController.list)
        client.get(SiteURL.clientReport(.key, .key).pathComponents, use: ReportController.page)
        client.get(SiteURL.clientReportPDF(.key, .key).pathComponents, use: ReportController.pdf)
        client.get(SiteURL.clientAccount(.key).pathComponents, use: ClientAccountController.page)
        client.get(SiteURL.clientExport(.key).pathComponents, use: PrivacyController.exportPage)
        client.get(SiteURL.clientExportJSON(.key).pathComponents, use: PrivacyController.exportJSON)

        // Changes in the client's trajectory: only the client's own coach (403 for the team lead).
        let clientWork = client.grouped(RequireClientWriteMiddleware())
        clientWork.post(SiteURL.clientChecklist(.key).pathComponents, use: ClientController.tick)
        clientWork.post(SiteURL.clientMove(.key).pathComponents, use: ClientController.move)
        clientWork.post(SiteURL.clientTrajectories(.key).pathComponents, use: ClientController.restart)
        clientWork.post(SiteURL.clientIntake(.key).pathComponents, use: IntakeController.save)
        clientWork.post(SiteURL.clientProfile(.key).pathComponents, use: ProfileController.save)
        clientWork.post(SiteURL.clientDecisions(.key).pathComponents, use: MatchingController.decide)
        clientWork.post(SiteURL.clientPlacement(.key).pathComponents, use: MatchingController.place)
        clientWork.post(SiteURL.clientPlan(.key).pathComponents, use: PlanController.save)
        clientWork.post(SiteURL.clientGoals(.key).pathComponents, use: PlanController.addGoal)
        clientWork.post(SiteURL.clientGoalReached(.key, .key).pathComponents, use: PlanController.reached)
        clientWork.post(SiteURL.clientSupport(.key).pathComponents, use: SupportController.addEntry)
        clientWork.post(SiteURL.clientMilestones(.key).pathComponents, use: SupportController.addMilestone)
        clientWork.post(SiteURL.clientMilestoneCelebrated(.key, .key).pathComponents, use: SupportController.celebrated)
        clientWork.post(SiteURL.clientEvaluations(.key).pathComponents, use: SupportController.addEvaluation)
        clientWork.post(SiteURL.clientAppointments(.key).pathComponents, use: SupportController.addAppointment)
        clientWork.post(SiteURL.clientFading(.key).pathComponents, use: FadingController.save)
        clientWork.post(SiteURL.clientClosing(.key).pathComponents, use: ClosingController.save)
        clientWork.post(SiteURL.clientFollowUps(.key).pathComponents, use: ClosingController.addFollowUp)
        clientWork.post(SiteURL.clientSatisfaction(.key).pathComponents, use: ClosingController.saveSatisfaction)
        clientWork.post(SiteURL.clientGrant(.key).pathComponents, use: GrantController.save)
        clientWork.post(SiteURL.clientReportConsent(.key, .key).pathComponents, use: ReportController.consent)
        clientWork.post(SiteURL.clientReportSend(.key, .key).pathComponents, use: ReportController.send)
        clientWork.post(SiteURL.clientAccount(.key).pathComponents, use: ClientAccountController.save)
        // The peer-review summary is drafted from the whole file, so only the own coach opens it.
        clientWork.get(SiteURL.clientPeerReview(.key).pathComponents, use: PeerReviewController.page)
        clientWork.post(SiteURL.clientPeerReview(.key).pathComponents, use: PeerReviewController.share)

        let employer = practice.scoped(EmployerScope.self)
        employer.get(SiteURL.employer(.key).pathComponents, use: EmployerController.page)
        employer.post(SiteURL.employer(.key).pathComponents, use: EmployerController.update)
        employer.post(SiteURL.employerContacts(.key).pathComponents, use: EmployerController.addContact)
        employer.get(SiteURL.employerWorkplaceNew(.key).pathComponents, use: WorkplaceController.newPage)
        employer.post(SiteURL.employerWorkplaces(.key).pathComponents, use: WorkplaceController.create)
        let workplace = practice.scoped(WorkplaceScope.self)
        workplace.get(SiteURL.workplace(.key).pathComponents, use: WorkplaceController.page)
        workplace.post(SiteURL.workplace(.key).pathComponents, use: WorkplaceController.update)
        // The condition vocabulary is public: it is part of the matching API's documentation.
        browser.get(SiteURL.conditions.pathComponents, use: PublicPagesController.conditions)

        let organisationAdmin = signedIn.grouped(RequirePermissionMiddleware(permission: .manageOrganisations))
        organisationAdmin.get(SiteURL.adminOrganisations.pathComponents, use: OrganisationController.list)
        organisationAdmin.post(SiteURL.adminOrganisations.pathComponents, use: OrganisationController.create)
        let organisation = organisationAdmin.scoped(OrganisationScope.self)
        organisation.get(SiteURL.adminOrganisation(.key).pathComponents, use: OrganisationController.page)
        organisation.post(SiteURL.adminOrganisation(.key).pathComponents, use: OrganisationController.update)
        organisationAdmin.post(SiteURL.adminUserMembership(.key).pathComponents, use: OrganisationController.removeMember)

        let userAdmin = signedIn.grouped(RequirePermissionMiddleware(permission: .manageUsers))
        userAdmin.get(SiteURL.adminUsers.pathComponents, use: AdminController.users)
        userAdmin.post(SiteURL.adminUsers.pathComponents, use: AdminController.createUser)
        let account = userAdmin.scoped(AccountScope.self)
        account.get(SiteURL.adminUser(.key).pathComponents, use: AdminController.user)
        account.post(SiteURL.adminUser(.key).pathComponents, use: AdminController.updateUser)
        account.post(SiteURL.adminUserResetPassword(.key).pathComponents, use: AdminController.resetPassword)

        let auditors = signedIn.grouped(RequirePermissionMiddleware(permission: .viewAuditTrail))
        auditors.get(SiteURL.adminAudit.pathComponents, use: AdminController.audit)
    }
}

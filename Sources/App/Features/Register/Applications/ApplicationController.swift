import Fluent
import Foundation
import JobcoachCore
import Vapor

/// A job coach applies for certification and follows the application: its status and outcome.
enum ApplicationController {
    struct ApplyForm: Content {
        var framework: String?
    }

    static func apply(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let userID = try user.requireID()
        let form = try request.content.decode(ApplyForm.self)
        let standard = request.standard
        let today = request.today
        guard let id = form.framework, let version = standard.frameworks.version(id, on: today) else { throw Abort(.notFound) }
        guard version.certification != nil else {
            throw Abort(.badRequest, reason: request.t("applyNotCertifiable"))
        }
        let portfolio = try await PortfolioMapping.load(userID: userID, on: request.db)
        guard let portfolio, portfolio.codeOfConductOn != nil, portfolio.complaintsRegulationOn != nil else {
            throw Abort(.badRequest, reason: request.t("applyDeclarationsMissing"))
        }
        let core = PortfolioMapping.core(portfolio, on: today)
        let verdict = try await request.eligibilityEngine().evaluate(version, portfolio: core, on: today)
        let previous = try await Certificate.query(on: request.db).filter(\.$holder.$id == userID)
            .filter(\.$frameworkID == id).sort(\.$validUntil, .descending).first()
        let cpd: CPDEvaluation? = previous == nil ? nil
            : try await CPDController.evaluation(for: userID, version: version, renewing: previous, on: today, request: request, database: request.db)
        // A renewal needs its permanent education: a shortfall is refused with what is missing.
        if let cpd, !cpd.met {
            throw Abort(.unprocessableEntity, reason: request.t("applyCPDShortfall", ["explanation": cpd.explanation[request.language]]))
        }
        let submission = Submission(userID: userID, version: version, core: core, verdict: verdict, cpd: cpd, previousID: previous?.id,
                                    at: request.clock.now())
        let application = try await request.change { db in try await submit(submission, by: user, request, on: db) }
        return request.redirect(to: SiteURL.application(.value(try application.requireID())).path)
    }

    /// What an application freezes at submission: the portfolio, its verdict, the CPD for a
    /// recertification, and the certificate it renews.
    struct Submission: Sendable {
        let userID: UUID
        let version: FrameworkVersion
        let core: Portfolio
        let verdict: EligibilityVerdict
        let cpd: CPDEvaluation?
        let previousID: UUID?
        let at: Date
    }

    /// Stores the application, unless one for the same framework is still open.
    private static func submit(_ submission: Submission, by user: User, _ request: Request, on db: any Database) async throws -> CertificationApplication {
        let open = try await CertificationApplication.query(on: db).filter(\.$applicant.$id == submission.userID)
            .filter(\.$frameworkID == submission.version.id).all().contains { $0.status.isOpen }
        guard !open else { throw Abort(.conflict, reason: request.t("applyOpenApplication")) }
        let application = CertificationApplication()
        application.$applicant.id = submission.userID
        application.frameworkID = submission.version.id
        application.frameworkVersion = submission.version.version
        application.kind = submission.previousID == nil ? "initial" : "recertification"
        application.status = .submitted
        application.submittedAt = submission.at
        application.portfolioSnapshot = try ApplicationSnapshot.encode(submission.core)
        application.eligibilitySnapshot = try ApplicationSnapshot.encode(submission.verdict)
        application.eligible = submission.verdict.eligible
        application.cpdSnapshot = try submission.cpd.map { try ApplicationSnapshot.encode($0) }
        application.previousCertificateID = submission.previousID
        try await application.create(on: db)
        try await AuditTrail(clock: request.clock).record(
            on: db, chain: .register, actor: user.auditName, action: "application.submitted", subject: "application:\(try application.requireID().uuidString)",
            details: ["framework": "\(submission.version.id) \(submission.version.version)", "eligible": String(submission.verdict.eligible), "kind": application.kind])
        return application
    }

    static func list(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let applications = try await CertificationApplication.query(on: request.db)
            .filter(\.$applicant.$id == user.requireID()).sort(\.$submittedAt, .descending).all()
        return try await request.page(.applications, ApplicationListContext(request: request, applications: applications))
    }

    static func detail(_ request: Request) async throws -> Response {
        let application = try request.scope(OwnApplicationScope.self)
        return try await request.page(.application, ApplicationContext(request: request, application: application))
    }

    /// After "more information needed": a new snapshot of the portfolio goes back to the same two
    /// assessors, whose sheets open again.
    static func resubmit(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let application = try request.scope(OwnApplicationScope.self)
        guard application.status.canMove(to: .inAssessment), application.status == .moreInformationNeeded else {
            throw Abort(.conflict, reason: request.t("applicationCannotResubmit"))
        }
        let standard = request.standard
        let today = request.today
        guard let version = standard.frameworks.version(application.frameworkID, application.frameworkVersion) else { throw Abort(.notFound) }
        let core = PortfolioMapping.core(try await PortfolioMapping.load(userID: try user.requireID(), on: request.db), on: today)
        let verdict = try await request.eligibilityEngine().evaluate(version, portfolio: core, on: today)
        let applicationID = try application.requireID()
        try await request.change { db in
            application.portfolioSnapshot = try ApplicationSnapshot.encode(core)
            application.eligibilitySnapshot = try ApplicationSnapshot.encode(verdict)
            application.eligible = verdict.eligible
            application.status = .inAssessment
            try await application.update(on: db)
            for assignment in try await AssessorAssignment.query(on: db).filter(\.$application.$id == applicationID).all() {
                assignment.submittedAt = nil
                try await assignment.update(on: db)
            }
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "application.resubmitted",
                                                              subject: "application:\(applicationID.uuidString)")
        }
        return request.redirect(to: SiteURL.application(.value(applicationID)).path)
    }

    static func withdraw(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let application = try request.scope(OwnApplicationScope.self)
        guard application.status.canMove(to: .withdrawn) else {
            throw Abort(.conflict, reason: request.t("applicationCannotWithdraw"))
        }
        let applicationID = try application.requireID()
        try await request.change { db in
            application.status = .withdrawn
            try await application.update(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "application.withdrawn",
                                                              subject: "application:\(applicationID.uuidString)")
        }
        return request.redirect(to: SiteURL.application(.value(applicationID)).path)
    }
}

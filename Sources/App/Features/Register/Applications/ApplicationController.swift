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
        let verdict = EligibilityEngine(levels: standard.levels).evaluate(version, portfolio: core, on: today)
        let previous = try await Certificate.query(on: request.db).filter(\.$holder.$id == userID)
            .filter(\.$frameworkID == id).sort(\.$validUntil, .descending).first()
        let cpd: CPDEvaluation? = previous == nil ? nil
            : try await CPDController.evaluation(for: userID, version: version, on: today, database: request.db)
        let now = request.clock.now()
        let application = try await request.change { db -> CertificationApplication in
            let open = try await CertificationApplication.query(on: db).filter(\.$applicant.$id == userID)
                .filter(\.$frameworkID == id).all().contains { $0.status.isOpen }
            guard !open else { throw Abort(.conflict, reason: request.t("applyOpenApplication")) }
            let application = CertificationApplication()
            application.$applicant.id = userID
            application.frameworkID = version.id
            application.frameworkVersion = version.version
            application.kind = previous == nil ? "initial" : "recertification"
            application.status = .submitted
            application.submittedAt = now
            application.portfolioSnapshot = try ApplicationSnapshot.encode(core)
            application.eligibilitySnapshot = try ApplicationSnapshot.encode(verdict)
            application.eligible = verdict.eligible
            application.cpdSnapshot = try cpd.map { try ApplicationSnapshot.encode($0) }
            application.previousCertificateID = previous?.id
            try await application.create(on: db)
            try await AuditTrail(clock: request.clock).record(
                on: db, actor: user.auditName, action: "application.submitted", subject: "application:\(try application.requireID().uuidString)",
                details: ["framework": "\(version.id) \(version.version)", "eligible": String(verdict.eligible), "kind": application.kind])
            return application
        }
        return request.redirect(to: SiteURL.application(.value(try application.requireID())).path)
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
        let verdict = EligibilityEngine(levels: standard.levels).evaluate(version, portfolio: core, on: today)
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
            try await AuditTrail(clock: request.clock).record(on: db, actor: user.auditName, action: "application.resubmitted",
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
            try await AuditTrail(clock: request.clock).record(on: db, actor: user.auditName, action: "application.withdrawn",
                                                              subject: "application:\(applicationID.uuidString)")
        }
        return request.redirect(to: SiteURL.application(.value(applicationID)).path)
    }
}

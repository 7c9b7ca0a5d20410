import Fluent
import Foundation
import JobcoachCore
import Vapor

/// The register officer's work on applications: the queue, assigning two assessors, and deciding
/// once both have submitted. Every step is audited.
enum OfficeApplicationsController {
    static func queue(_ request: Request) async throws -> Response {
        let statusFilter = (try? request.query.get(String.self, at: "status")).flatMap(ApplicationStatus.init(rawValue:))
        var query = CertificationApplication.query(on: request.db).with(\.$applicant).sort(\.$submittedAt, .ascending)
        if let statusFilter { query = query.filter(\.$statusName == statusFilter.rawValue) }
        let applications = try await query.all()
        let certificates = try await Certificate.query(on: request.db).all()
        let openComplaints = try await Complaint.query(on: request.db).filter(\.$statusName ~~ [ComplaintStatus.received.rawValue, ComplaintStatus.underReview.rawValue]).count()
        return try await request.page(.office, OfficeContext(request: request, applications: applications, filter: statusFilter,
                                                              certificates: certificates, openComplaints: openComplaints))
    }

    static func detail(_ request: Request) async throws -> Response {
        try await render(request, application: try request.scope(OfficeApplicationScope.self))
    }

    static func render(_ request: Request, application: CertificationApplication, problems: [FormProblem] = [],
                       status: HTTPStatus = .ok) async throws -> Response {
        let officer = try request.auth.require(User.self)
        let applicationID = try application.requireID()
        let assignments = try await AssessorAssignment.query(on: request.db).filter(\.$application.$id == applicationID)
            .with(\.$assessor).with(\.$scores).with(\.$indicatorScores).all()
        let assessors = try await User.query(on: request.db).filter(\.$roleName == Role.assessor.rawValue)
            .filter(\.$isActive == true).sort(\.$displayName).all()
        let evidence = try await EvidenceFiles.of(userID: application.$applicant.id, on: request.db)
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: officer.auditName, action: "application.viewed",
                                                              subject: "application:\(applicationID.uuidString)")
        }
        let context = OfficeApplicationContext(request: request, application: application, assignments: assignments,
                                               assessors: assessors, evidence: evidence, problems: problems,
                                               verdictNow: try await verdictNow(application, request),
                                               cpdNow: try await cpdNow(application, request))
        return try await request.page(.officeApplication, context, status: status)
    }

    struct AssignForm: Content {
        var assessor1: String?
        var assessor2: String?
    }

    static func assign(_ request: Request) async throws -> Response {
        let officer = try request.auth.require(User.self)
        let application = try request.scope(OfficeApplicationScope.self)
        let form = try request.content.decode(AssignForm.self)
        var problems: [FormProblem] = []
        guard application.status == .submitted else {
            throw Abort(.conflict, reason: request.t("officeAssignWrongStatus"))
        }
        let first = try await assessor(form.assessor1, request)
        let second = try await assessor(form.assessor2, request)
        if first == nil { problems.append(FormProblem(field: "assessor1", messageKey: "officeAssessorMissing")) }
        if second == nil { problems.append(FormProblem(field: "assessor2", messageKey: "officeAssessorMissing")) }
        if let first, let second, first.id == second.id { problems.append(FormProblem(field: "assessor2", messageKey: "officeAssessorsSame")) }
        for (field, chosen) in [("assessor1", first), ("assessor2", second)] where chosen?.id == application.$applicant.id {
            problems.append(FormProblem(field: field, messageKey: "officeAssessorIsApplicant"))
        }
        guard problems.isEmpty, let first, let second else {
            return try await render(request, application: application, problems: problems, status: .unprocessableEntity)
        }
        let applicationID = try application.requireID()
        let now = request.clock.now()
        try await request.change { db in
            for assessor in [first, second] {
                let assignment = AssessorAssignment()
                assignment.$application.id = applicationID
                assignment.$assessor.id = try assessor.requireID()
                assignment.assignedAt = now
                try await assignment.create(on: db)
            }
            application.status = .inAssessment
            try await application.update(on: db)
            try await AuditTrail(clock: request.clock).record(
                on: db, chain: .register, actor: officer.auditName, action: "application.assessors-assigned", subject: "application:\(applicationID.uuidString)",
                details: ["assessors": "\(first.auditName), \(second.auditName)"])
        }
        return request.redirect(to: SiteURL.officeApplication(.value(applicationID)).path)
    }

    private static func assessor(_ value: String?, _ request: Request) async throws -> User? {
        guard let value, let id = UUID(uuidString: value), let user = try await User.find(id, on: request.db),
              user.role == .assessor, user.isActive else { return nil }
        return user
    }

    struct DecisionForm: Content {
        var decision: String?
        var reasons: String?
    }

    /// The applicant's portfolio as it stands today, checked against the version the application
    /// names: what the decision rests on (nil when that version is no longer in the data).
    static func verdictNow(_ application: CertificationApplication, _ request: Request) async throws -> EligibilityVerdict? {
        guard let version = request.standard.frameworks.version(application.frameworkID, application.frameworkVersion) else { return nil }
        let today = request.today
        let core = PortfolioMapping.core(try await PortfolioMapping.load(userID: application.$applicant.id, on: request.db), on: today)
        return try await request.eligibilityEngine().evaluate(version, portfolio: core, on: today)
    }

    /// For a renewal: the permanent education on the decision day, over the validity of the
    /// certificate it renews (nil for a first application, or a version without a rule).
    static func cpdNow(_ application: CertificationApplication, _ request: Request) async throws -> CPDEvaluation? {
        guard let previousID = application.previousCertificateID,
              let version = request.standard.frameworks.version(application.frameworkID, application.frameworkVersion) else { return nil }
        let previous = try await Certificate.find(previousID, on: request.db)
        return try await CPDController.evaluation(for: application.$applicant.id, version: version, renewing: previous, on: request.today,
                                                  request: request, database: request.db)
    }

    static func decide(_ request: Request) async throws -> Response {
        let officer = try request.auth.require(User.self)
        let application = try request.scope(OfficeApplicationScope.self)
        let form = try request.content.decode(DecisionForm.self)
        let reasons = (form.reasons ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard application.status == .readyForDecision else {
            throw Abort(.conflict, reason: request.t("officeDecideWrongStatus"))
        }
        var problems: [FormProblem] = []
        let decision = form.decision.flatMap(ApplicationDecision.init(rawValue:))
        if decision == nil { problems.append(FormProblem(field: "decision-certified", messageKey: "officeDecisionMissing")) }
        if let decision, decision.needsReasons, reasons.isEmpty { problems.append(FormProblem(field: "reasons", messageKey: "officeReasonsMissing")) }
        if reasons.count > 10_000 { problems.append(FormProblem(field: "reasons", messageKey: "formTooLong")) }
        let now = try await verdictNow(application, request)
        let eligibleNow = now?.eligible ?? false
        let cpdNow = try await cpdNow(application, request)
        switch decision?.obstacle(eligibleOnDecisionDay: eligibleNow, cpdMetOnDecisionDay: cpdNow?.met) {
        case .notEligible: problems.append(FormProblem(field: "decision-certified", messageKey: "officeNotEligibleNow"))
        case .permanentEducationShort:
            problems.append(FormProblem(field: "decision-certified", messageKey: "officeCPDShortNow",
                                        parameters: ["explanation": cpdNow?.explanation[request.language] ?? ""]))
        case nil: break
        }
        guard problems.isEmpty, let decision else {
            return try await render(request, application: application, problems: problems, status: .unprocessableEntity)
        }
        let applicationID = try application.requireID()
        let holder = application.applicant
        let today = request.today
        let decidedAt = request.clock.now()
        let eligibleAtSubmission = application.eligible
        try await request.change { db in
            application.status = decision.status
            application.decisionReasons = reasons.isEmpty ? nil : reasons
            application.decidedAt = decidedAt
            application.decidedBy = officer.id
            try await application.update(on: db)
            let audit = AuditTrail(clock: request.clock)
            try await audit.record(on: db, chain: .register, actor: officer.auditName, action: "application.decided",
                                   subject: "application:\(applicationID.uuidString)",
                                   details: ["decision": decision.rawValue, "eligibleAtSubmission": String(eligibleAtSubmission),
                                             "eligibleOnDecisionDay": String(eligibleNow)]
                                       .merging(cpdNow.map { ["cpdMetOnDecisionDay": String($0.met)] } ?? [:]) { first, _ in first })
            if decision == .certified {
                let certificate = try await CertificateIssuing.issue(for: application, holder: holder, on: db,
                                                                     application: request.application, today: today)
                try await audit.record(on: db, chain: .register, actor: officer.auditName, action: "certificate.issued",
                                       subject: "certificate:\(try certificate.requireID().uuidString)",
                                       details: ["registrationNumber": certificate.registrationNumber, "kid": certificate.keyID])
            }
        }
        return request.redirect(to: SiteURL.officeApplication(.value(applicationID)).path)
    }
}

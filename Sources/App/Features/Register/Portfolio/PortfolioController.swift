import Fluent
import Foundation
import JobcoachCore
import Vapor

/// A job coach's portfolio: the profile, education, diplomas, courses, the experience log with
/// evidence files, and the eligibility it gives today. Every change is one transaction with its
/// audit entry.
enum PortfolioController {
    static func page(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        return try await render(request, user: user)
    }

    static func render(_ request: Request, user: User, kind: PortfolioItemKind? = nil, form: FormFields? = nil,
                       problems: [FormProblem] = [], status: HTTPStatus = .ok) async throws -> Response {
        let portfolio = try await loadWithEvidence(userID: try user.requireID(), on: request.db)
        let applications = try await CertificationApplication.query(on: request.db)
            .filter(\.$applicant.$id == user.requireID()).all()
        let context = PortfolioPageContext(request: request, user: user, portfolio: portfolio, applications: applications,
                                           kind: kind, form: form, problems: problems, engine: try await request.eligibilityEngine())
        return try await request.page(.portfolio, context, status: status)
    }

    static func loadWithEvidence(userID: UUID, on database: any Database) async throws -> CoachPortfolio? {
        try await CoachPortfolio.query(on: database)
            .filter(\.$user.$id == userID)
            .with(\.$education) { $0.with(\.$evidence) }
            .with(\.$diplomas) { $0.with(\.$evidence) }
            .with(\.$courses) { $0.with(\.$evidence) }
            .with(\.$experience)
            .first()
    }

    /// The coach's portfolio, made on first use.
    static func findOrCreate(for user: User, on database: any Database) async throws -> CoachPortfolio {
        let userID = try user.requireID()
        if let existing = try await CoachPortfolio.query(on: database).filter(\.$user.$id == userID).first() { return existing }
        let portfolio = CoachPortfolio(userID: userID, publicName: user.displayName)
        try await portfolio.create(on: database)
        return portfolio
    }

    // MARK: Profile

    static func updateProfile(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        var form = FormFields(try request.content.decode([String: String].self))
        let name = form.text("publicName", missing: "portfolioNameMissing", maxLength: 200)
        let place = form.value("place")
        let plan = form.value("developmentPlan")
        if place.count > 200 { form.problem("place", "formTooLong") }
        if plan.count > 10_000 { form.problem("developmentPlan", "formTooLong") }
        guard let name, form.problems.isEmpty else {
            return try await render(request, user: user, form: form, problems: form.problems, status: .unprocessableEntity)
        }
        let today = request.today.description
        let codeOfConduct = form.value("codeOfConduct") == "on", complaints = form.value("complaintsRegulation") == "on"
        try await request.change { db in
            let portfolio = try await findOrCreate(for: user, on: db)
            portfolio.publicName = name
            portfolio.place = place
            portfolio.developmentPlan = plan
            portfolio.codeOfConductOn = codeOfConduct ? (portfolio.codeOfConductOn ?? today) : nil
            portfolio.complaintsRegulationOn = complaints ? (portfolio.complaintsRegulationOn ?? today) : nil
            try await portfolio.save(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "portfolio.profile-updated",
                                                              subject: "portfolio:\(try portfolio.requireID().uuidString)",
                                                              details: ["codeOfConduct": String(codeOfConduct), "complaintsRegulation": String(complaints)])
        }
        return request.redirect(to: SiteURL.portfolio.path + "#profile")
    }

    // MARK: Items

    struct ItemForm: Content {
        var evidence: File?
    }

    static func addItem(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        guard let kind = PortfolioItemKind(rawValue: try request.parameters.require("kind")) else { throw Abort(.notFound) }
        let values = try request.content.decode([String: String].self)
        var form = FormFields(values)
        let evidence = PortfolioItemForm.evidence((try? request.content.decode(ItemForm.self))?.evidence, kind: kind, &form)
        // Read the fields of this kind; nothing is written unless all are right.
        let write = PortfolioItemForm.read(kind, &form, levels: request.standard.levels)
        guard form.problems.isEmpty else {
            return try await render(request, user: user, kind: kind, form: form, problems: form.problems, status: .unprocessableEntity)
        }
        let stored = try evidence.map { (hash: try request.application.evidence.store($0.data), file: $0) }
        try await request.change { db in
            let portfolio = try await findOrCreate(for: user, on: db)
            let evidenceID = try await stored.asyncMap { try await PortfolioItemForm.storeEvidence($0.file, hash: $0.hash, of: portfolio, on: db) } ?? nil
            let itemID = try await write(portfolio, evidenceID, db)
            try await AuditTrail(clock: request.clock).record(
                on: db, chain: .register, actor: user.auditName, action: "portfolio.\(kind.auditName)-added",
                subject: "portfolio:\(try portfolio.requireID().uuidString)",
                details: ["item": itemID, "evidence": stored?.hash ?? ""])
        }
        return request.redirect(to: SiteURL.portfolio.path + "#\(kind.rawValue)")
    }

    static func deleteItem(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        guard let kind = PortfolioItemKind(rawValue: try request.parameters.require("kind")),
              let itemID = request.parameters.get("item", as: UUID.self),
              let portfolio = try await CoachPortfolio.query(on: request.db).filter(\.$user.$id == user.requireID()).first()
        else { throw Abort(.notFound) }
        let portfolioID = try portfolio.requireID()
        let deleted = try await request.change { db -> Bool in
            let found: (any Model)?
            switch kind {
            case .education: found = try await PortfolioEducation.query(on: db).filter(\.$id == itemID).filter(\.$portfolio.$id == portfolioID).first()
            case .diplomas: found = try await PortfolioDiploma.query(on: db).filter(\.$id == itemID).filter(\.$portfolio.$id == portfolioID).first()
            case .courses: found = try await PortfolioCourse.query(on: db).filter(\.$id == itemID).filter(\.$portfolio.$id == portfolioID).first()
            case .experience: found = try await PortfolioExperience.query(on: db).filter(\.$id == itemID).filter(\.$portfolio.$id == portfolioID).first()
            }
            guard let found else { return false }
            // What a training provider confirmed stays: the holder did not type it.
            if (found as? PortfolioCourse)?.confirmedBy != nil || (found as? PortfolioDiploma)?.confirmedBy != nil { return false }
            try await found.delete(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "portfolio.\(kind.auditName)-removed",
                                                              subject: "portfolio:\(portfolioID.uuidString)", details: ["item": itemID.uuidString])
            return true
        }
        guard deleted else { throw Abort(.notFound) }
        return request.redirect(to: SiteURL.portfolio.path + "#\(kind.rawValue)")
    }

    // MARK: Evidence

    static func evidence(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let file = try request.scope(EvidenceScope.self)
        let id = try file.requireID()
        let data = try request.application.evidence.read(sha256: file.sha256)
        _ = try await request.change { db in
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "evidence.downloaded",
                                                              subject: "evidence:\(id.uuidString)")
        }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: file.contentType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(EvidenceUpload.safeName(file.filename))\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

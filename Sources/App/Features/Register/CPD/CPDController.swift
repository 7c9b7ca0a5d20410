import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Permanent education: a certified coach records activities, and sees how they measure up to the
/// recertification rule of their framework version (from its data file).
enum CPDController {
    struct Summary: Encodable {
        var framework: String
        var met: Bool
        var explanation: String
        var lines: [String]
    }

    /// The rule that applies to a coach: that of the framework version of their latest certificate, or
    /// else of the first profile in force that has one.
    static func policy(certificates: [Certificate], standard: ProfessionalStandard, today: CalendarDate) -> (FrameworkVersion, RecertificationPolicy)? {
        for certificate in certificates.sorted(by: { $0.validUntil > $1.validUntil }) {
            if let version = standard.frameworks.version(certificate.frameworkID, certificate.frameworkVersion) ?? standard.frameworks.version(certificate.frameworkID, on: today),
               let policy = version.recertification ?? standard.frameworks.version(certificate.frameworkID, on: today)?.recertification {
                return (version, policy)
            }
        }
        return standard.frameworks.inForce(on: today).compactMap { version in version.recertification.map { (version, $0) } }.first
    }

    static func activities(for userID: UUID, on database: any Database) async throws -> [CPDActivityRow] {
        try await CPDActivityRow.query(on: database).filter(\.$user.$id == userID).sort(\.$completedOn, .descending).all()
    }

    static func core(_ rows: [CPDActivityRow]) -> [CPDActivity] {
        rows.compactMap { row in
            CalendarDate(row.completedOn).map { CPDActivity(title: row.title, category: row.category, hours: row.hours, points: row.points, completedOn: $0) }
        }
    }

    /// The evaluation under a version's rule (nil when it has none), over the period that ends on
    /// `date`: by default the validity of `certificate`, the one being renewed.
    static func evaluation(for userID: UUID, version: FrameworkVersion, renewing certificate: Certificate?, on date: CalendarDate,
                           request: Request, database: any Database) async throws -> CPDEvaluation? {
        guard let policy = version.recertification else { return nil }
        return evaluate(policy, version: version, activities: core(try await activities(for: userID, on: database)),
                        renewing: certificate, on: date, request: request)
    }

    static func evaluate(_ policy: RecertificationPolicy, version: FrameworkVersion, activities: [CPDActivity], renewing certificate: Certificate?,
                         on date: CalendarDate, request: Request) -> CPDEvaluation {
        let from = certificate.map { CalendarDate($0.validFrom, in: request.application.configuration.timeZone) }
        let start = policy.periodStart(on: date, certificateFrom: from, validityYears: version.certification?.validityYears)
        return CPDEvaluation(policy: policy, activities: activities, from: start, on: date)
    }

    /// The latest of a coach's certificates: the one a recertification renews.
    static func latest(_ certificates: [Certificate]) -> Certificate? {
        certificates.max { $0.validUntil < $1.validUntil }
    }

    static func summary(for user: User, certificates: [Certificate], request: Request) async throws -> Summary? {
        guard let (version, policy) = policy(certificates: certificates, standard: request.standard, today: request.today) else { return nil }
        let evaluation = evaluate(policy, version: version, activities: core(try await activities(for: user.requireID(), on: request.db)),
                                  renewing: latest(certificates), on: request.today, request: request)
        return summary(evaluation, policy: policy, version: version, request: request)
    }

    static func summary(_ evaluation: CPDEvaluation, policy: RecertificationPolicy, version: FrameworkVersion, request: Request) -> Summary {
        let language = request.language
        var lines = evaluation.categories.map { "\($0.title[language]): \(NumberText.format($0.points, in: language))" }
        for cap in evaluation.caps where cap.pointsGiven > cap.maximumPoints {
            let names = cap.categories.compactMap { policy.category($0)?.title[language] }.joined(separator: " + ")
            lines.append(request.t("cpdCapped", ["categories": names, "maximum": NumberText.format(cap.maximumPoints, in: language)]))
        }
        return Summary(framework: "\(version.title[language]) (\(version.version))", met: evaluation.met,
                       explanation: evaluation.explanation[language], lines: lines)
    }

    static func page(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        return try await render(request, user: user)
    }

    static func render(_ request: Request, user: User, form: FormFields? = nil, problems: [FormProblem] = [],
                       status: HTTPStatus = .ok) async throws -> Response {
        let userID = try user.requireID()
        let certificates = try await Certificate.query(on: request.db).filter(\.$holder.$id == userID).all()
        let applicable = policy(certificates: certificates, standard: request.standard, today: request.today)
        let rows = try await activities(for: userID, on: request.db)
        let summary = applicable.map { version, policy in
            Self.summary(evaluate(policy, version: version, activities: core(rows), renewing: latest(certificates), on: request.today,
                                  request: request), policy: policy, version: version, request: request)
        }
        let context = CPDPageContext(request: request, rows: rows, policy: applicable?.1, summary: summary, form: form, problems: problems)
        return try await request.page(.cpd, context, status: status)
    }

    static func add(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        let userID = try user.requireID()
        var form = FormFields(try request.content.decode([String: String].self))
        let certificates = try await Certificate.query(on: request.db).filter(\.$holder.$id == userID).all()
        let policy = Self.policy(certificates: certificates, standard: request.standard, today: request.today)?.1
        let title = form.text("title", missing: "portfolioTitleMissing")
        let category = form.value("category")
        if policy?.category(category) == nil { form.problem("category", "cpdCategoryMissing") }
        let hours = form.amount("hours"), points = form.amount("points")
        if form.isEmpty(["hours", "points"]) { form.problem("hours", "cpdAmountMissing") }
        let day = form.date("completedOn", required: true)
        if let day, day > request.today { form.problem("completedOn", "cpdInFuture") }
        guard form.problems.isEmpty, let title, let day else {
            return try await render(request, user: user, form: form, problems: form.problems, status: .unprocessableEntity)
        }
        try await request.change { db in
            let row = CPDActivityRow()
            row.$user.id = userID
            row.title = title
            row.category = category
            row.hours = hours
            row.points = points
            row.completedOn = day.description
            try await row.create(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "cpd.added", subject: user.auditName,
                                                              details: ["activity": try row.requireID().uuidString, "category": category])
        }
        return request.redirect(to: SiteURL.cpd.path)
    }

    static func delete(_ request: Request) async throws -> Response {
        let user = try request.auth.require(User.self)
        guard let id = request.parameters.get("activity", as: UUID.self),
              let row = try await CPDActivityRow.query(on: request.db).filter(\.$id == id).filter(\.$user.$id == user.requireID()).first(),
              // Points a provider confirmed stay: the coach did not type them.
              row.confirmedBy == nil
        else { throw Abort(.notFound) }
        try await request.change { db in
            try await row.delete(on: db)
            try await AuditTrail(clock: request.clock).record(on: db, chain: .register, actor: user.auditName, action: "cpd.removed", subject: user.auditName,
                                                              details: ["activity": id.uuidString])
        }
        return request.redirect(to: SiteURL.cpd.path)
    }
}

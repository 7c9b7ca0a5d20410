import Fluent
import Foundation
import JobcoachCore
import SQLKit
import Vapor

/// Makes synthetic certified coaches in bulk (`jobcoach demo --register N`): an account that cannot
/// log in, a portfolio, a decided application and a signed certificate each, in batches of one
/// transaction, with multi-row inserts so that tens of thousands take seconds, not hours.
struct DemoRegister {
    let application: Application
    static let batchSize = 250

    func generate(count: Int, progress: @Sendable (Int) -> Void) async throws -> Int {
        let app = application
        guard let version = app.standard.frameworks.version("register-jobcoach", on: CalendarDate(app.clock.now(), in: app.configuration.timeZone)),
              let policy = version.certification else { throw ConfigurationError("no register-jobcoach version in force that certifies") }
        let today = CalendarDate(app.clock.now(), in: app.configuration.timeZone)
        // Nobody knows this password: synthetic accounts cannot be used to log in.
        let unusableHash = try await app.accounts.hash(SecureToken.random())
        let existing = try await User.query(on: app.db).filter(\.$email ~~ "@synthetic.jobcoach.test").count()
        let engine = app.standard.eligibility(adding: try await RecognitionRow.added(on: app.db))
        var generator = SyntheticPortfolios(seed: UInt64(2026 + existing))
        var made = 0
        while made < count {
            let size = min(Self.batchSize, count - made)
            var people: [SyntheticPortfolios.Person] = []
            for _ in 0..<size { people.append(generator.next(on: today)) }
            let first = existing + made
            let batch = people
            try await app.changes.perform(on: app.db) { db in
                guard let sql = db as? any SQLDatabase else { return }
                try await RegisterNumbering.serialize(on: db)
                let now = app.clock.now()
                var number = Int(try await CertificateIssuing.nextRegistrationNumber(prefix: "RJ", year: today.year, on: db).suffix(6)) ?? 1
                var users = sql.insert(into: User.schema).columns("id", "email", "display_name", "password_hash", "role", "must_change_password",
                                                                 "is_active", "created_at", "updated_at")
                var portfolios = sql.insert(into: CoachPortfolio.schema).columns("id", "user_id", "public_name", "place", "development_plan",
                                                                               "code_of_conduct_on", "complaints_regulation_on", "updated_at")
                var education = sql.insert(into: PortfolioEducation.schema).columns("id", "portfolio_id", "title", "kind", "level_framework", "level_code", "completed_on")
                var diplomas = sql.insert(into: PortfolioDiploma.schema).columns("id", "portfolio_id", "provider", "completed_on")
                var courses = sql.insert(into: PortfolioCourse.schema).columns("id", "portfolio_id", "title", "hours", "completed_on")
                var experience = sql.insert(into: PortfolioExperience.schema).columns("id", "portfolio_id", "organisation", "description", "started_on", "ended_on", "hours")
                var applications = sql.insert(into: CertificationApplication.schema).columns(
                    "id", "user_id", "framework_id", "framework_version", "kind", "status", "submitted_at", "portfolio_snapshot",
                    "eligibility_snapshot", "eligible", "decided_at", "updated_at")
                var certificates = sql.insert(into: Certificate.schema).columns(
                    "id", "application_id", "user_id", "registration_number", "framework_id", "framework_version", "holder_name", "place",
                    "valid_from", "valid_until", "standing", "key_id", "issued_at")
                var credentials = sql.insert(into: CertificateCredential.schema).columns("id", "certificate_id", "credential")
                var terms = sql.insert(into: RegisterSearchTerm.schema).columns("id", "certificate_id", "term")
                var hasCourses = false, hasDiplomas = false
                for (offset, person) in batch.enumerated() {
                    let userID = UUID(), portfolioID = UUID(), applicationID = UUID(), certificateID = UUID()
                    users = users.values([userID, "coach-\(first + offset + 1)@synthetic.jobcoach.test", person.name, unusableHash,
                                          Role.jobCoach.rawValue, false, true, now, now] as [any Encodable & Sendable])
                    portfolios = portfolios.values([portfolioID, userID, person.name, person.place, "", today.description, today.description, now]
                                                   as [any Encodable & Sendable])
                    for row in person.education {
                        education = education.values([UUID(), portfolioID, row.title, row.kind.rawValue, row.level.framework.rawValue,
                                                      row.level.level, row.completedOn.description] as [any Encodable & Sendable])
                    }
                    for row in person.diplomas {
                        hasDiplomas = true
                        diplomas = diplomas.values([UUID(), portfolioID, row.provider, row.completedOn.description] as [any Encodable & Sendable])
                    }
                    for row in person.courses {
                        hasCourses = true
                        courses = courses.values([UUID(), portfolioID, row.title, row.hours, row.completedOn.description] as [any Encodable & Sendable])
                    }
                    for row in person.experience {
                        experience = experience.values([UUID(), portfolioID, row.organisation, "jobcoach", row.startedOn.description,
                                                        row.endedOn?.description, row.hours] as [any Encodable & Sendable])
                    }
                    let issuedOn = today.adding(years: -1)
                    let from = CalendarDate(year: issuedOn.year - (offset % 3), month: 1 + (offset * 7) % 12, day: 1 + (offset * 13) % 28)!
                    let (validFrom, validUntil) = CertificateFacts.validity(from: from, policy: policy)
                    let verdict = engine.evaluate(version, portfolio: person.portfolio, on: from)
                    applications = applications.values([applicationID, userID, version.id, version.version, "initial", ApplicationStatus.certified.rawValue,
                                                        validFrom, try ApplicationSnapshot.encode(person.portfolio), try ApplicationSnapshot.encode(verdict),
                                                        verdict.eligible, validFrom, now] as [any Encodable & Sendable])
                    let registration = "RJ-\(today.year)-" + String(format: "%06d", number)
                    number += 1
                    let facts = CertificateFacts(id: certificateID.uuidString, registrationNumber: registration, holderName: person.name,
                                                 validFrom: validFrom, validUntil: validUntil, issuerURL: app.configuration.publicURL,
                                                 issuerName: app.configuration.registerName)
                    let (jwt, kid) = try await app.credentials.sign(facts: facts, framework: version, standard: app.standard)
                    certificates = certificates.values([certificateID, applicationID, userID, registration, version.id, version.version, person.name,
                                                        person.place, validFrom, validUntil, CertificateStanding.active.rawValue, kid, now]
                                                       as [any Encodable & Sendable])
                    credentials = credentials.values([UUID(), certificateID, jwt] as [any Encodable & Sendable])
                    for term in RegisterSearch.terms(name: person.name, place: person.place, registrationNumber: registration) {
                        terms = terms.values([UUID(), certificateID, term] as [any Encodable & Sendable])
                    }
                }
                try await users.run()
                try await portfolios.run()
                try await education.run()
                if hasDiplomas { try await diplomas.run() }
                if hasCourses { try await courses.run() }
                try await experience.run()
                try await applications.run()
                try await certificates.run()
                try await credentials.run()
                try await terms.run()
                try await AuditTrail(clock: app.clock).record(on: db, chain: .register, actor: "cli", action: "demo.register-generated",
                                                              details: ["count": String(batch.count)])
            }
            made += size
            progress(made)
        }
        return made
    }
}

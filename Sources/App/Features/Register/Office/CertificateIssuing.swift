import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Makes the certificate of a certified application: the next registration number, the validity
/// the framework version states, and the signed Open Badges credential. Runs inside the decision's
/// transaction.
enum CertificateIssuing {
    /// `RJ` for register-jobcoach: the first letters of the framework id's words.
    static func prefix(_ frameworkID: String) -> String {
        frameworkID.split(separator: "-").compactMap(\.first).map { String($0).uppercased() }.joined()
    }

    static func nextRegistrationNumber(prefix: String, year: Int, on database: any Database) async throws -> String {
        let start = "\(prefix)-\(year)-"
        let last = try await Certificate.query(on: database).filter(\.$registrationNumber >= start)
            .filter(\.$registrationNumber < "\(prefix)-\(year)~").sort(\.$registrationNumber, .descending).first()
        let number = (last.flatMap { Int($0.registrationNumber.dropFirst(start.count)) } ?? 0) + 1
        return start + String(format: "%06d", number)
    }

    static func issue(for application: CertificationApplication, holder: User, on database: any Database,
                      application app: Application, today: CalendarDate) async throws -> Certificate {
        let standard = app.standard
        guard let version = standard.frameworks.version(application.frameworkID, application.frameworkVersion),
              let policy = version.certification else {
            throw Abort(.conflict, reason: "this framework version does not state how long certificates are valid")
        }
        let holderID = try holder.requireID()
        let portfolio = try await CoachPortfolio.query(on: database).filter(\.$user.$id == holderID).first()
        try await RegisterNumbering.serialize(on: database)
        var (validFrom, validUntil) = CertificateFacts.validity(from: today, policy: policy, issuedAt: app.clock.now())
        // A recertification follows on from the certificate it renews when that is still valid.
        if let previousID = application.previousCertificateID, let previous = try await Certificate.find(previousID, on: database),
           previous.standing == .active, previous.validUntil > validFrom {
            let start = CalendarDate(previous.validUntil, in: TimeZone(identifier: "UTC")!)
            (validFrom, validUntil) = CertificateFacts.validity(from: start, policy: policy)
        }
        let certificate = Certificate()
        certificate.id = UUID()
        certificate.$application.id = application.id
        certificate.$holder.id = holderID
        certificate.registrationNumber = try await nextRegistrationNumber(prefix: prefix(version.id), year: today.year, on: database)
        certificate.frameworkID = version.id
        certificate.frameworkVersion = version.version
        certificate.holderName = portfolio?.publicName ?? holder.displayName
        certificate.place = portfolio?.place ?? ""
        certificate.validFrom = validFrom
        certificate.validUntil = validUntil
        certificate.standing = .active
        certificate.issuedAt = app.clock.now()
        let facts = CertificateFacts(id: certificate.id!.uuidString, registrationNumber: certificate.registrationNumber,
                                     holderName: certificate.holderName, validFrom: validFrom, validUntil: validUntil,
                                     issuerURL: app.configuration.publicURL, issuerName: app.configuration.registerName)
        let (jwt, kid) = try await app.credentials.sign(facts: facts, framework: version, standard: standard)
        certificate.keyID = kid
        try await certificate.create(on: database)
        try await CertificateCredential(certificateID: certificate.id!, credential: jwt).create(on: database)
        try await RegisterSearch.addTerms(for: certificate, on: database)
        return certificate
    }
}

import Fluent
import Foundation
import JobcoachCore
import Vapor

/// A register certificate and its signed credential (Open Badges 3.0, VC-JWT).
final class Certificate: Model, @unchecked Sendable {
    static let schema = "certificates"

    @ID(key: .id) var id: UUID?
    @OptionalParent(key: "application_id") var application: CertificationApplication?
    @Parent(key: "user_id") var holder: User
    @Field(key: "registration_number") var registrationNumber: String
    @Field(key: "framework_id") var frameworkID: String
    @Field(key: "framework_version") var frameworkVersion: String
    @Field(key: "holder_name") var holderName: String
    @Field(key: "place") var place: String
    @Field(key: "valid_from") var validFrom: Date
    @Field(key: "valid_until") var validUntil: Date
    @Field(key: "standing") var standingName: String
    @OptionalField(key: "standing_reason") var standingReason: String?
    @Field(key: "key_id") var keyID: String
    @Field(key: "issued_at") var issuedAt: Date
    @OptionalChild(for: \.$certificate) var signed: CertificateCredential?

    init() {}

    var standing: CertificateStanding {
        get { CertificateStanding(rawValue: standingName) ?? .revoked }
        set { standingName = newValue.rawValue }
    }

    /// The signed credential, read from its own table.
    func credential(on database: any Database) async throws -> String {
        guard let row = try await CertificateCredential.query(on: database).filter(\.$certificate.$id == requireID()).first() else {
            throw Abort(.notFound)
        }
        return row.credential
    }

    func status(at moment: Date) -> CertificateStatus {
        CertificateStatus.at(moment, standing: standing, validFrom: validFrom, validUntil: validUntil)
    }
}

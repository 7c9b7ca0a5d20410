import Fluent
import Foundation

/// The body that pays for a trajectory: a benefits agency, a municipality, an insurer, an employer.
final class Commissioner: Model, @unchecked Sendable {
    static let schema = "commissioners"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "name") var name: String
    /// One of `CommissionerKind`.
    @Field(key: "kind") var kind: String
    @Field(key: "contact_name") var contactName: String
    @Field(key: "contact_email") var contactEmail: String
    @Field(key: "contact_phone") var contactPhone: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

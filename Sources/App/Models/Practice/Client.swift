import Fluent
import Foundation

/// A person the agency supports towards and in paid work. Health data: only the coach it belongs
/// to and their team lead see it, and every read and write is in the audit trail.
final class Client: Model, @unchecked Sendable {
    static let schema = "clients"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @OptionalField(key: "team_id") var teamID: UUID?
    @Parent(key: "coach_id") var coach: User
    @Field(key: "name") var name: String
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    @Field(key: "email") var email: String
    @Field(key: "phone") var phone: String
    @Field(key: "place") var place: String
    /// The agency's own client number (from its earlier system or spreadsheet); may be empty.
    @Field(key: "reference") var reference: String
    /// Restricted processing (GDPR article 18) since this day: the data is kept, nothing else.
    @OptionalField(key: "restricted_since") var restrictedSince: String?
    @OptionalField(key: "restriction_reason") var restrictionReason: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {
        reference = ""
    }

    var auditName: String { "client:\(id?.uuidString ?? "new")" }
}

import Fluent
import Foundation

/// A person at an employer: the manager, HR, the colleague who will support the client.
final class EmployerContact: Model, @unchecked Sendable {
    static let schema = "employer_contacts"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "employer_id") var employer: Employer
    @Field(key: "name") var name: String
    @Field(key: "role") var role: String
    @Field(key: "email") var email: String
    @Field(key: "phone") var phone: String

    init() {}
}

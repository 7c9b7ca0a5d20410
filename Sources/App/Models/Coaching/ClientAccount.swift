import Fluent
import Foundation

/// The account a client signs in with, invited by their coach. It sees only this client's own page.
final class ClientAccount: Model, @unchecked Sendable {
    static let schema = "client_accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Parent(key: "client_id") var client: Client
    @Parent(key: "user_id") var user: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

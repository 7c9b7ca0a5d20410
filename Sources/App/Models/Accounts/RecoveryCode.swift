import Fluent
import Foundation

/// One of the ten codes that stand in for the authenticator app: stored as its SHA-256, used once.
final class RecoveryCode: Model, @unchecked Sendable {
    static let schema = "recovery_codes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(userID: UUID, codeHash: String, createdAt: Date) {
        self.$user.id = userID
        self.codeHash = codeHash
        self.createdAt = createdAt
    }
}

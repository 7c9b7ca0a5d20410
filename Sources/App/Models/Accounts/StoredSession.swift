import Fluent
import Foundation

/// A browser session in the database, so that several app instances can share one PostgreSQL.
/// The cookie holds a random id; the row holds only its SHA-256, so a copy of the database does not
/// give anyone a live session.
final class StoredSession: Model, @unchecked Sendable {
    static let schema = "sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "data") var data: String
    @OptionalField(key: "user_id") var userID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(tokenHash: String, data: String, userID: UUID?, now: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.data = data
        self.userID = userID
        self.createdAt = now
        self.lastSeenAt = now
        self.expiresAt = expiresAt
    }
}

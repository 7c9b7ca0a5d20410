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
    /// The User-Agent (cut to `userAgentLength`) and client address at the start.
    @OptionalField(key: "user_agent") var userAgent: String?
    @OptionalField(key: "address") var address: String?

    static let userAgentLength = 300

    init() {}

    init(tokenHash: String, data: String, userID: UUID?, now: Date, expiresAt: Date, userAgent: String? = nil, address: String? = nil) {
        self.userAgent = userAgent.map { String($0.prefix(Self.userAgentLength)) }
        self.address = address
        self.tokenHash = tokenHash
        self.data = data
        self.userID = userID
        self.createdAt = now
        self.lastSeenAt = now
        self.expiresAt = expiresAt
    }
}

import Fluent
import Foundation

/// A coach's calendar feed: the SHA-256 of the secret in its URL. Renewing replaces the row, so the
/// old URL stops working at once.
final class CalendarFeed: Model, @unchecked Sendable {
    static let schema = "calendar_feeds"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

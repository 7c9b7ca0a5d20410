import Fluent
import Foundation

/// A mail waiting to go, sent, or given up. It is written in the same transaction as the change that
/// causes it; the background sender takes it from here. Once sent, its bodies are emptied: a sent
/// invitation's link must not stay readable in the database.
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "mail_outbox"

    enum Status: String, Codable, Sendable {
        case queued
        case sent
        case failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "text_body") var textBody: String
    @Field(key: "html_body") var htmlBody: String
    /// What the mail is for (`MailKind`).
    @Field(key: "kind") var kind: String
    @Field(key: "status") var statusName: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @Field(key: "last_error") var lastError: String
    /// Set for mail that must go only once (a reminder of a day, a certificate's notice).
    @OptionalField(key: "once_key") var onceKey: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}

    var status: Status {
        get { Status(rawValue: statusName) ?? .failed }
        set { statusName = newValue.rawValue }
    }
}

/// A link that sets a password, sent by mail. Only the SHA-256 of its secret is kept.
final class AccountLink: Model, @unchecked Sendable {
    static let schema = "account_links"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "purpose") var purpose: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

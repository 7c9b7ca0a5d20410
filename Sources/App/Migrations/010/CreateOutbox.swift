import Fluent
import SQLKit

/// Mail: the outbox the background sender works from, and the links (invitation, password reset)
/// that mail carries.
struct CreateOutbox: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(OutboxMessage.schema)
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_error", .string, .required)
            .field("once_key", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .unique(on: "once_key")
            .create()
        try await database.schema(AccountLink.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at)").run()
        try await sql.raw("CREATE INDEX account_links_user ON account_links (user_id, purpose, created_at)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AccountLink.schema).delete()
        try await database.schema(OutboxMessage.schema).delete()
    }
}

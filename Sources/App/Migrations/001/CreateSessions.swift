import Fluent
import SQLKit

struct CreateSessions: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(StoredSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("data", .string, .required)
            .field("user_id", .uuid)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX sessions_user ON sessions (user_id)").run()
        try await sql.raw("CREATE INDEX sessions_expires ON sessions (expires_at)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(StoredSession.schema).delete()
    }
}

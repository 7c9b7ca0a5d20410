import Fluent
import SQLKit

struct CreateLoginAttempts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(LoginAttempt.schema)
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("succeeded", .bool, .required)
            .field("attempted_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX login_attempts_email ON login_attempts (email, attempted_at)").run()
        try await sql.raw("CREATE INDEX login_attempts_address ON login_attempts (address, attempted_at)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(LoginAttempt.schema).delete()
    }
}

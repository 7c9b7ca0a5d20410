import Fluent
import SQLKit

/// Two-factor login: a TOTP secret per account (set once confirmed), its single-use recovery
/// codes, and an agency setting that requires it of everyone who reads client data.
struct CreateTwoFactor: AsyncMigration {
    func prepare(on database: Database) async throws {
        // One column per statement: SQLite adds no more at a time.
        try await database.schema(User.schema).field("totp_secret", .string).update()
        try await database.schema(User.schema).field("totp_enabled_at", .datetime).update()
        try await database.schema(User.schema).field("totp_last_step", .int64).update()
        try await database.schema(Organisation.schema)
            .field(.definition(name: .key("require_two_factor"), dataType: .bool, constraints: [.required, .sql(.default(false))]))
            .update()
        try await database.schema(RecoveryCode.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX recovery_codes_user ON recovery_codes (user_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(RecoveryCode.schema).delete()
        try await database.schema(Organisation.schema).deleteField("require_two_factor").update()
        for field: FieldKey in ["totp_secret", "totp_enabled_at", "totp_last_step"] {
            try await database.schema(User.schema).deleteField(field).update()
        }
    }
}

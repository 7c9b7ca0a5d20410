import Fluent
import SQLKit

struct CreateCPDActivities: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CPDActivityRow.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("category", .string, .required)
            .field("hours", .double)
            .field("points", .double)
            .field("completed_on", .string, .required)
            .field("created_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX cpd_activities_user ON cpd_activities (user_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CPDActivityRow.schema).delete()
    }
}

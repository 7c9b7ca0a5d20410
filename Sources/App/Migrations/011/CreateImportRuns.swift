import Fluent
import SQLKit

/// Imports from spreadsheets: each uploaded file, its check and whether it was imported.
struct CreateImportRuns: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ImportRun.schema)
            .id()
            .field("organisation_id", .uuid, .required)
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("content", .data)
            .field("row_count", .int, .required)
            .field("problem_count", .int, .required)
            .field("problems", .string, .required)
            .field("status", .string, .required)
            .field("created_count", .int, .required)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX import_runs_user ON import_runs (user_id, created_at)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ImportRun.schema).delete()
    }
}

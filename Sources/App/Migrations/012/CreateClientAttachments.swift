import Fluent
import SQLKit

/// Files in a client's file: signed agreements, assignment letters, workplace photos.
struct CreateClientAttachments: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ClientAttachment.schema)
            .id()
            .field("organisation_id", .uuid, .required)
            .field("trajectory_id", .uuid, .required, .references(Trajectory.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("added_by", .uuid, .required)
            .field("added_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX client_attachments_trajectory ON client_attachments (trajectory_id)").run()
        try await sql.raw("CREATE INDEX client_attachments_sha256 ON client_attachments (sha256)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ClientAttachment.schema).delete()
    }
}

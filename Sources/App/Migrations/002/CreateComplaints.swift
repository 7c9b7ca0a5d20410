import Fluent

struct CreateComplaints: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Complaint.schema)
            .id()
            .field("certificate_id", .uuid, .required, .references(Certificate.schema, "id", onDelete: .cascade))
            .field("received_on", .string, .required)
            .field("summary", .string, .required)
            .field("status", .string, .required)
            .field("outcome", .string)
            .field("outcome_reason", .string)
            .field("recorded_by", .uuid, .required)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Complaint.schema).delete()
    }
}

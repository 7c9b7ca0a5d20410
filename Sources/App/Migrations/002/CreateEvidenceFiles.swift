import Fluent

struct CreateEvidenceFiles: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(EvidenceFile.schema)
            .id()
            .field("portfolio_id", .uuid, .required, .references(CoachPortfolio.schema, "id", onDelete: .cascade))
            .field("sha256", .string, .required)
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("uploaded_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(EvidenceFile.schema).delete()
    }
}

import Fluent

struct CreatePortfolios: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CoachPortfolio.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("public_name", .string, .required)
            .field("place", .string, .required)
            .field("development_plan", .string, .required)
            .field("code_of_conduct_on", .string)
            .field("complaints_regulation_on", .string)
            .field("updated_at", .datetime)
            .unique(on: "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CoachPortfolio.schema).delete()
    }
}

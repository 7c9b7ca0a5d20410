import Fluent
import SQLKit

/// Education, diplomas, courses and the experience log: the parts of a portfolio the eligibility
/// check reads. One migration because they arrive and leave together.
struct CreatePortfolioItems: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PortfolioEducation.schema)
            .id()
            .field("portfolio_id", .uuid, .required, .references(CoachPortfolio.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("level_framework", .string, .required)
            .field("level_code", .string, .required)
            .field("completed_on", .string, .required)
            .field("evidence_id", .uuid, .references(EvidenceFile.schema, "id", onDelete: .setNull))
            .create()
        try await database.schema(PortfolioDiploma.schema)
            .id()
            .field("portfolio_id", .uuid, .required, .references(CoachPortfolio.schema, "id", onDelete: .cascade))
            .field("provider", .string, .required)
            .field("completed_on", .string, .required)
            .field("evidence_id", .uuid, .references(EvidenceFile.schema, "id", onDelete: .setNull))
            .create()
        try await database.schema(PortfolioCourse.schema)
            .id()
            .field("portfolio_id", .uuid, .required, .references(CoachPortfolio.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("hours", .double)
            .field("ects", .double)
            .field("completed_on", .string, .required)
            .field("evidence_id", .uuid, .references(EvidenceFile.schema, "id", onDelete: .setNull))
            .create()
        try await database.schema(PortfolioExperience.schema)
            .id()
            .field("portfolio_id", .uuid, .required, .references(CoachPortfolio.schema, "id", onDelete: .cascade))
            .field("organisation", .string, .required)
            .field("description", .string, .required)
            .field("started_on", .string, .required)
            .field("ended_on", .string)
            .field("hours", .double, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for table in [PortfolioEducation.schema, PortfolioDiploma.schema, PortfolioCourse.schema, PortfolioExperience.schema] {
            try await sql.raw("CREATE INDEX \(unsafeRaw: table)_portfolio ON \(unsafeRaw: table) (portfolio_id)").run()
        }
    }

    func revert(on database: Database) async throws {
        for schema in [PortfolioExperience.schema, PortfolioCourse.schema, PortfolioDiploma.schema, PortfolioEducation.schema] {
            try await database.schema(schema).delete()
        }
    }
}

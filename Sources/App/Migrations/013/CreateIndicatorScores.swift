import Fluent
import SQLKit

/// An assessor may score single indicators as well as the whole item.
struct CreateIndicatorScores: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AssessmentIndicatorScoreRow.schema)
            .id()
            .field("assignment_id", .uuid, .required, .references(AssessorAssignment.schema, "id", onDelete: .cascade))
            .field("item_id", .string, .required)
            .field("indicator_id", .string, .required)
            .field("score", .int, .required)
            .unique(on: "assignment_id", "indicator_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AssessmentIndicatorScoreRow.schema).delete()
    }
}

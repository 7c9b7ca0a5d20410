import Fluent
import SQLKit

/// Applications, the two assessors of each and their scores.
struct CreateApplications: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CertificationApplication.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("framework_id", .string, .required)
            .field("framework_version", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("portfolio_snapshot", .string, .required)
            .field("eligibility_snapshot", .string, .required)
            .field("eligible", .bool, .required)
            .field("cpd_snapshot", .string)
            .field("decision_reasons", .string)
            .field("decided_at", .datetime)
            .field("decided_by", .uuid)
            .field("previous_certificate_id", .uuid)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(AssessorAssignment.schema)
            .id()
            .field("application_id", .uuid, .required, .references(CertificationApplication.schema, "id", onDelete: .cascade))
            .field("assessor_id", .uuid, .required, .references(User.schema, "id"))
            .field("assigned_at", .datetime, .required)
            .field("submitted_at", .datetime)
            .unique(on: "application_id", "assessor_id")
            .create()
        try await database.schema(AssessmentScoreRow.schema)
            .id()
            .field("assignment_id", .uuid, .required, .references(AssessorAssignment.schema, "id", onDelete: .cascade))
            .field("item_id", .string, .required)
            .field("score", .int, .required)
            .field("note", .string, .required)
            .unique(on: "assignment_id", "item_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX applications_user ON applications (user_id)").run()
        try await sql.raw("CREATE INDEX applications_status ON applications (status)").run()
        try await sql.raw("CREATE INDEX assessor_assignments_assessor ON assessor_assignments (assessor_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AssessmentScoreRow.schema).delete()
        try await database.schema(AssessorAssignment.schema).delete()
        try await database.schema(CertificationApplication.schema).delete()
    }
}

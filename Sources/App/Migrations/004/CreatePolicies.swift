import Fluent

/// Per agency: caseload limit and retention; per coach: hours; anonymous outcome counts kept after
/// a purge; anonymised case summaries shared for peer review.
struct CreatePolicies: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(OrganisationPolicy.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("caseload_per_full_time", .int, .required)
            .field("full_time_hours", .double, .required)
            .field("retention_months", .int, .required)
            .unique(on: "organisation_id")
            .create()
        try await database.schema(CoachHours.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("hours_per_week", .double, .required)
            .unique(on: "user_id")
            .create()
        try await database.schema(OutcomeCount.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("closed_year", .int, .required)
            .field("outcome", .string, .required)
            .field("count", .int, .required)
            .unique(on: "organisation_id", "closed_year", "outcome")
            .create()
        try await database.schema(PeerReview.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("shared_by", .uuid, .required)
            .field("shared_at", .datetime, .required)
            .field("question", .string, .required)
            .field("summary", .string, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        for schema in [PeerReview.schema, OutcomeCount.schema, CoachHours.schema, OrganisationPolicy.schema] {
            try await database.schema(schema).delete()
        }
    }
}

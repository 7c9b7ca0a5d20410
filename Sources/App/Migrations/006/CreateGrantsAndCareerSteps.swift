import Fluent

/// Input financing (a grant of coaching hours under a regime) and the next career step recorded at a
/// follow-up check.
struct CreateGrantsAndCareerSteps: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await CreateCoaching.trajectoryRecord(CoachingGrantRow.schema, on: database)
            .field("regime", .string, .required)
            .field("starts_on", .string, .required)
            .field("contract_hours", .double, .required)
            .field("created_at", .datetime)
            .unique(on: "trajectory_id")
            .create()
        try await CreateCoaching.trajectoryRecord(CareerStepRow.schema, on: database)
            .field("months_after", .int, .required)
            .field("step", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "trajectory_id", "months_after")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CareerStepRow.schema).delete()
        try await database.schema(CoachingGrantRow.schema).delete()
    }
}

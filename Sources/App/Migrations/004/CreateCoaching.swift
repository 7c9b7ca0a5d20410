import Fluent
import SQLKit

/// The practice, part 2 (issue 5): the coaching plan and its goals, support given, evaluations, the
/// fading plan, milestones, closing, follow-up checks and appointments.
struct CreateCoaching: AsyncMigration {
    /// A table of one trajectory's records: its id, the agency (tenant key) and the trajectory.
    static func trajectoryRecord(_ schema: String, on database: Database) -> SchemaBuilder {
        database.schema(schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("trajectory_id", .uuid, .required, .references(Trajectory.schema, "id", onDelete: .cascade))
    }

    func prepare(on database: Database) async throws {
        try await Self.trajectoryRecord(CoachingPlan.schema, on: database)
            .field("network_roles", .string, .required)
            .field("employer_role", .string, .required)
            .field("employer_colleague", .string, .required)
            .field("agreed_with_client_on", .string)
            .field("agreed_with_employer_on", .string)
            .field("updated_at", .datetime)
            .unique(on: "trajectory_id")
            .create()
        try await Self.trajectoryRecord(CoachingGoal.schema, on: database)
            .field("what", .string, .required)
            .field("why", .string, .required)
            .field("target", .double, .required)
            .field("unit", .string, .required)
            .field("due_on", .string, .required)
            .field("agreed_with_client", .bool, .required)
            .field("steps", .string, .required)
            .field("reached_on", .string)
            .field("created_at", .datetime)
            .create()
        try await Self.trajectoryRecord(SupportEntry.schema, on: database)
            .field("held_on", .string, .required)
            .field("minutes", .int, .required)
            .field("with_whom", .string, .required)
            .field("location", .string, .required)
            .field("notes", .string, .required)
            .field("progress", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await Self.trajectoryRecord(Evaluation.schema, on: database)
            .field("held_on", .string, .required)
            .field("kind", .string, .required)
            .field("with_client", .bool, .required)
            .field("with_employer", .bool, .required)
            .field("with_commissioner", .bool, .required)
            .field("outcome", .string, .required)
            .field("plan_changes", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await Self.trajectoryRecord(FadingPlanRow.schema, on: database)
            .field("takeover_on", .string, .required)
            .field("weeks", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "trajectory_id")
            .create()
        try await Self.trajectoryRecord(Milestone.schema, on: database)
            .field("title", .string, .required)
            .field("reached_on", .string, .required)
            .field("celebrated", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await Self.trajectoryRecord(Closing.schema, on: database)
            .field("closed_on", .string, .required)
            .field("outcome", .string, .required)
            .field("summary", .string, .required)
            .field("aftercare_offer", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "trajectory_id")
            .create()
        try await Self.trajectoryRecord(FollowUpCheck.schema, on: database)
            .field("months_after", .int, .required)
            .field("held_on", .string, .required)
            .field("still_employed", .bool, .required)
            .field("hours_per_week", .double)
            .field("same_employer", .bool, .required)
            .field("support_needed", .bool, .required)
            .field("note", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime)
            .unique(on: "trajectory_id", "months_after")
            .create()
        try await Self.trajectoryRecord(Appointment.schema, on: database)
            .field("starts_at", .datetime, .required)
            .field("minutes", .int, .required)
            .field("location", .string, .required)
            .field("topic", .string, .required)
            .field("created_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for table in [CoachingGoal.schema, SupportEntry.schema, Evaluation.schema, Milestone.schema, Appointment.schema] {
            try await sql.raw("CREATE INDEX \(unsafeRaw: table)_trajectory ON \(unsafeRaw: table) (organisation_id, trajectory_id)").run()
        }
    }

    func revert(on database: Database) async throws {
        for schema in [Appointment.schema, FollowUpCheck.schema, Closing.schema, Milestone.schema, FadingPlanRow.schema,
                       Evaluation.schema, SupportEntry.schema, CoachingGoal.schema, CoachingPlan.schema] {
            try await database.schema(schema).delete()
        }
    }
}

import Fluent
import SQLKit

/// The working day: what an appointment is for and whether it still stands; each coach's secret
/// calendar feed; the contact mode of a support entry and its client-facing version; goals dropped
/// and milestones taken back (never deleted); and every change to a written record with its previous
/// values (`record_changes`); each user's language, for what is sent to them; and the agency's own client number.
struct CreateAgendaAndHistory: AsyncMigration {
    func prepare(on database: Database) async throws {
        // SQLite adds one column per statement.
        let added: [(String, String, DatabaseSchema.DataType, String?)] = [
            (Appointment.schema, "kind", .string, "conversation"),
            (Appointment.schema, "status", .string, "planned"),
            (Appointment.schema, "cancel_reason", .string, ""),
            (SupportEntry.schema, "contact_mode", .string, "face-to-face"),
            (SupportEntry.schema, "client_summary", .string, ""),
            (CoachingGoal.schema, "dropped_on", .string, nil),
            (CoachingGoal.schema, "drop_reason", .string, ""),
            (Milestone.schema, "taken_back_on", .string, nil),
            (Milestone.schema, "take_back_reason", .string, ""),
            (User.schema, "language", .string, "nl"),
            (Client.schema, "reference", .string, ""),
        ]
        for (table, column, type, defaultValue) in added {
            if let defaultValue {
                try await database.schema(table).field(.definition(name: .key(.string(column)), dataType: type,
                                                                   constraints: [.required, .sql(.default(defaultValue))])).update()
            } else {
                try await database.schema(table).field(.definition(name: .key(.string(column)), dataType: type, constraints: [])).update()
            }
        }
        try await database.schema(CalendarFeed.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "user_id")
            .unique(on: "token_hash")
            .create()
        try await database.schema(RecordChange.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("trajectory_id", .uuid, .required, .references(Trajectory.schema, "id", onDelete: .cascade))
            .field("record_kind", .string, .required)
            .field("record_id", .uuid, .required)
            .field("change", .string, .required)
            .field("previous", .string, .required)
            .field("reason", .string, .required)
            .field("changed_by", .uuid, .required)
            .field("changed_by_name", .string, .required)
            .field("changed_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX record_changes_record ON record_changes (organisation_id, trajectory_id, record_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(RecordChange.schema).delete()
        try await database.schema(CalendarFeed.schema).delete()
        for (table, column) in [(Client.schema, "reference"), (User.schema, "language"), (Milestone.schema, "take_back_reason"), (Milestone.schema, "taken_back_on"), (CoachingGoal.schema, "drop_reason"),
                                (CoachingGoal.schema, "dropped_on"), (SupportEntry.schema, "client_summary"), (SupportEntry.schema, "contact_mode"),
                                (Appointment.schema, "cancel_reason"), (Appointment.schema, "status"), (Appointment.schema, "kind")] {
            try await database.schema(table).deleteField(.string(column)).update()
        }
    }
}

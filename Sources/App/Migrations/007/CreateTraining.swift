import Fluent
import SQLKit

/// Training: the register's recognitions added by officers, training providers (an organisation of
/// kind `trainingProvider`) with their cohorts, trainers, trainees, sessions, attendance and module
/// results, accredited activities; mentors with their meetings; peer groups across agencies with
/// members, meetings, attendance and the anonymised case summaries shared with them; and, on the register's side, the courses, diplomas and CPD
/// activities a provider confirmed (`confirmed_by`, with a `source_key` that makes a confirmation land
/// once).
struct CreateTraining: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Organisation.schema)
            .field("kind", .string, .required, .sql(.default(Organisation.Kind.agency.rawValue)))
            .update()
        try await database.schema(RecognitionRow.schema)
            .id()
            .field("framework", .string, .required)
            .field("provider", .string, .required)
            .field("programme", .string)
            .field("from_on", .string, .required)
            .field("until_on", .string)
            .field("reason", .string, .required)
            .field("recorded_by", .uuid, .required, .references(User.schema, "id"))
            .field("created_at", .datetime)
            .create()
        try await database.schema(Cohort.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("programme", .string, .required)
            .field("name", .string, .required)
            .field("region", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(CohortTrainer.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("cohort_id", .uuid, .required, .references(Cohort.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .unique(on: "cohort_id", "user_id")
            .create()
        try await database.schema(Enrolment.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("cohort_id", .uuid, .required, .references(Cohort.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("framework", .string, .required)
            .field("enrolled_on", .string, .required)
            .field("completed_on", .string)
            .field("created_at", .datetime)
            .unique(on: "cohort_id", "user_id")
            .create()
        try await database.schema(TrainingSession.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("cohort_id", .uuid, .required, .references(Cohort.schema, "id", onDelete: .cascade))
            .field("module", .string, .required)
            .field("held_on", .string, .required)
            .field("hours", .double, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(SessionAttendance.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("session_id", .uuid, .required, .references(TrainingSession.schema, "id", onDelete: .cascade))
            .field("enrolment_id", .uuid, .required, .references(Enrolment.schema, "id", onDelete: .cascade))
            .field("present", .bool, .required)
            .unique(on: "session_id", "enrolment_id")
            .create()
        try await database.schema(ModuleResult.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("enrolment_id", .uuid, .required, .references(Enrolment.schema, "id", onDelete: .cascade))
            .field("module", .string, .required)
            .field("result", .string, .required)
            .field("note", .string, .required)
            .field("decided_on", .string, .required)
            .field("decided_by", .uuid, .required, .references(User.schema, "id"))
            .field("created_at", .datetime)
            .unique(on: "enrolment_id", "module")
            .create()
        try await database.schema(AccreditedActivity.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("category", .string, .required)
            .field("points", .double, .required)
            .field("held_on", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(Mentorship.schema)
            .id()
            .field("mentor_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("mentee_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("assigned_by", .uuid, .required, .references(User.schema, "id"))
            .field("started_on", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "mentor_id", "mentee_id")
            .create()
        try await database.schema(MentorMeeting.schema)
            .id()
            .field("mentorship_id", .uuid, .required, .references(Mentorship.schema, "id", onDelete: .cascade))
            .field("held_on", .string, .required)
            .field("topics", .string, .required)
            .field("next_steps", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(PeerGroup.schema)
            .id()
            .field("name", .string, .required)
            .field("target_group", .string, .required)
            .field("created_by", .uuid, .required, .references(User.schema, "id"))
            .field("created_at", .datetime)
            .create()
        try await database.schema(PeerGroupMember.schema)
            .id()
            .field("group_id", .uuid, .required, .references(PeerGroup.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("region", .string, .required)
            .unique(on: "group_id", "user_id")
            .create()
        try await database.schema(PeerMeeting.schema)
            .id()
            .field("group_id", .uuid, .required, .references(PeerGroup.schema, "id", onDelete: .cascade))
            .field("held_on", .string, .required)
            .field("hours", .double, .required)
            .field("log", .string, .required)
            .field("created_by", .uuid, .required, .references(User.schema, "id"))
            .field("created_at", .datetime)
            .create()
        try await database.schema(PeerMeetingAttendance.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(PeerMeeting.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .unique(on: "meeting_id", "user_id")
            .create()
        try await database.schema(PeerGroupCase.schema)
            .id()
            .field("group_id", .uuid, .required, .references(PeerGroup.schema, "id", onDelete: .cascade))
            .field("peer_review_id", .uuid, .required, .references(PeerReview.schema, "id", onDelete: .cascade))
            .field("shared_by", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime)
            .unique(on: "group_id", "peer_review_id")
            .create()
        for table in [PortfolioCourse.schema, PortfolioDiploma.schema, CPDActivityRow.schema] {
            // SQLite adds one column per statement.
            try await database.schema(table).field("confirmed_by", .uuid, .references(Organisation.schema, "id", onDelete: .setNull)).update()
            try await database.schema(table).field("source_key", .string).update()
        }
        if let sql = database as? any SQLDatabase {
            for table in [PortfolioCourse.schema, PortfolioDiploma.schema, CPDActivityRow.schema] {
                try await sql.raw("CREATE UNIQUE INDEX \(unsafeRaw: table)_source_key ON \(unsafeRaw: table) (source_key)").run()
            }
            for table in [Cohort.schema, Enrolment.schema, TrainingSession.schema, ModuleResult.schema, AccreditedActivity.schema] {
                try await sql.raw("CREATE INDEX \(unsafeRaw: table)_organisation ON \(unsafeRaw: table) (organisation_id)").run()
            }
            try await sql.raw("CREATE INDEX \(unsafeRaw: Enrolment.schema)_user ON \(unsafeRaw: Enrolment.schema) (user_id)").run()
        }
    }

    func revert(on database: Database) async throws {
        if let sql = database as? any SQLDatabase {
            for table in [PortfolioCourse.schema, PortfolioDiploma.schema, CPDActivityRow.schema] {
                try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: table)_source_key").run()
            }
        }
        for table in [PortfolioCourse.schema, PortfolioDiploma.schema, CPDActivityRow.schema] {
            try await database.schema(table).deleteField("source_key").update()
            try await database.schema(table).deleteField("confirmed_by").update()
        }
        for schema in [PeerGroupCase.schema, PeerMeetingAttendance.schema, PeerMeeting.schema, PeerGroupMember.schema, PeerGroup.schema, MentorMeeting.schema,
                       Mentorship.schema, AccreditedActivity.schema, ModuleResult.schema, SessionAttendance.schema, TrainingSession.schema, Enrolment.schema,
                       CohortTrainer.schema, Cohort.schema, RecognitionRow.schema] {
            try await database.schema(schema).delete()
        }
        try await database.schema(Organisation.schema).deleteField("kind").update()
    }
}

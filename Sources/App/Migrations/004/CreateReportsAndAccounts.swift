import Fluent
import SQLKit

/// Reports to the commissioner with the client's consent, and the clients' own accounts.
struct CreateReportsAndAccounts: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await CreateCoaching.trajectoryRecord(ReportConsent.schema, on: database)
            .field("report_kind", .string, .required)
            .field("given", .bool, .required)
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .uuid, .required)
            .field("by_client", .bool, .required)
            .unique(on: "trajectory_id", "report_kind")
            .create()
        try await CreateCoaching.trajectoryRecord(ReportSending.schema, on: database)
            .field("report_kind", .string, .required)
            .field("language", .string, .required)
            .field("commissioner_id", .uuid)
            .field("content", .string, .required)
            .field("content_sha256", .string, .required)
            .field("sent_at", .datetime, .required)
            .field("sent_by", .uuid, .required)
            .create()
        try await database.schema(ClientAccount.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("client_id", .uuid, .required, .references(Client.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime)
            .unique(on: "client_id")
            .unique(on: "user_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX report_sendings_trajectory ON report_sendings (organisation_id, trajectory_id)").run()
    }

    func revert(on database: Database) async throws {
        for schema in [ClientAccount.schema, ReportSending.schema, ReportConsent.schema] {
            try await database.schema(schema).delete()
        }
    }
}

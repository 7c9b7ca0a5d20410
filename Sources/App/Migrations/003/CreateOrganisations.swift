import Fluent
import SQLKit

/// Agencies, their teams, and which agency and team each user works in.
struct CreateOrganisations: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("name", .string, .required)
            .field("process_framework", .string, .required)
            .field("workplace_revision", .int, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(Team.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .create()
        try await database.schema(Membership.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("team_id", .uuid, .references(Team.schema, "id", onDelete: .setNull))
            .unique(on: "user_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX teams_organisation ON teams (organisation_id)").run()
        try await sql.raw("CREATE INDEX memberships_team ON memberships (organisation_id, team_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Membership.schema).delete()
        try await database.schema(Team.schema).delete()
        try await database.schema(Organisation.schema).delete()
    }
}

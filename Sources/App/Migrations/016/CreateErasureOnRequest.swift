import Fluent
import SQLKit

/// Erasure on request (GDPR article 17) and restriction (article 18): the requests with who recorded
/// and who confirmed them, the commissioner's financial records kept without the person, and the
/// restriction on the client.
struct CreateErasureOnRequest: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ErasureRequestRow.schema)
            .id()
            .field("organisation_id", .uuid, .required)
            // No reference to clients: the request outlives the client it erased.
            .field("client_id", .uuid)
            .field("reference", .string, .required)
            .field("received_on", .string, .required)
            .field("export_offered", .bool, .required)
            .field("note", .string, .required)
            .field("status", .string, .required)
            .field("requested_by", .uuid, .required)
            .field("requested_at", .datetime, .required)
            .field("decided_by", .uuid)
            .field("decided_at", .datetime)
            .unique(on: "reference")
            .create()
        try await database.schema(RetainedFinancialRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required)
            .field("commissioner_id", .uuid)
            .field("reference", .string, .required)
            .field("kind", .string, .required)
            .field("payment_group", .string, .required)
            .field("payment_point", .string)
            .field("occurred_on", .string, .required)
            .field("amount_cents", .int)
            .field("hours", .double)
            .field("regime", .string)
            .field("created_at", .datetime, .required)
            .create()
        // One column per statement: SQLite adds no more at a time.
        try await database.schema(Client.schema).field("restricted_since", .string).update()
        try await database.schema(Client.schema).field("restriction_reason", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX erasure_requests_client ON erasure_requests (organisation_id, client_id)").run()
        try await sql.raw("CREATE INDEX retained_financial_commissioner ON retained_financial_records (organisation_id, commissioner_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Client.schema).deleteField("restriction_reason").update()
        try await database.schema(Client.schema).deleteField("restricted_since").update()
        try await database.schema(RetainedFinancialRecord.schema).delete()
        try await database.schema(ErasureRequestRow.schema).delete()
    }
}

import Fluent
import SQLKit

/// A complaint names who made it (for the office only) and holds the coach's response.
struct AddComplaintParties: AsyncMigration {
    func prepare(on database: Database) async throws {
        // One column per statement: SQLite adds no more at a time.
        for field: FieldKey in ["complainant_name", "complainant_role", "complainant_contact"] {
            try await database.schema(Complaint.schema)
                .field(.definition(name: .key(field), dataType: .string, constraints: [.required, .sql(.default(""))]))
                .update()
        }
        try await database.schema(Complaint.schema).field("response", .string).update()
        try await database.schema(Complaint.schema).field("responded_at", .datetime).update()
    }

    func revert(on database: Database) async throws {
        for field: FieldKey in ["complainant_name", "complainant_role", "complainant_contact", "response", "responded_at"] {
            try await database.schema(Complaint.schema).deleteField(field).update()
        }
    }
}

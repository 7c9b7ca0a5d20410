import Fluent
import SQLKit

/// A telephone number on each account, so that a client's page can say how to call their coach.
struct AddStaffPhone: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(User.schema)
            .field(.definition(name: .key("phone"), dataType: .string, constraints: [.required, .sql(.default(""))]))
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(User.schema).deleteField("phone").update()
    }
}

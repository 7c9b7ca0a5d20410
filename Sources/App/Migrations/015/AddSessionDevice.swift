import Fluent

/// The browser and address a session began from, for the list of one's own sessions.
struct AddSessionDevice: AsyncMigration {
    func prepare(on database: Database) async throws {
        // One column per statement: SQLite adds no more at a time.
        try await database.schema(StoredSession.schema).field("user_agent", .string).update()
        try await database.schema(StoredSession.schema).field("address", .string).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(StoredSession.schema).deleteField("address").update()
        try await database.schema(StoredSession.schema).deleteField("user_agent").update()
    }
}

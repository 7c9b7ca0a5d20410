import Fluent
import SQLKit

/// The audit trail table, with triggers that refuse UPDATE and DELETE (and TRUNCATE on
/// PostgreSQL): entries can only be appended.
struct CreateAuditEntries: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("sequence", .int64, .required)
            .field("occurred_at", .string, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("details", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "sequence")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX audit_entries_subject ON audit_entries (subject)").run()
        if sql.dialect.name == "sqlite" {
            try await sql.raw("""
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END
                """).run()
        } else {
            try await sql.raw("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END $$
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()
                """).run()
            try await sql.raw("""
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()
                """).run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
        if let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" {
            try await sql.raw("DROP FUNCTION IF EXISTS audit_entries_append_only()").run()
        }
    }
}

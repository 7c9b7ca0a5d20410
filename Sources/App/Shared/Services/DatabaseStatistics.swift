import Fluent
import SQLKit

/// Keeps the query planner's statistics current, so that its plans follow the data: a coach's
/// caseload must start from the coach's clients, not from every trajectory of the agency. SQLite
/// keeps no statistics by itself, so it is analysed at start (a quarter of a second for a large
/// agency's 140 MB; a sampled ANALYZE was quicker but hid how selective a team is, and the team
/// lead's caseload went back to reading every client). PostgreSQL's autovacuum analyses in normal
/// use. After a bulk load both are analysed at once.
enum DatabaseStatistics {
    static func refresh(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        switch sql.dialect.name {
        case "sqlite":
            try await sql.raw("ANALYZE").run()
        case "postgresql":
            // Only our own tables: ANALYZE of the whole database warns about system catalogs.
            let tables = try await sql.raw("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").all()
                .map { try $0.decode(column: "tablename", as: String.self) }
            for table in tables {
                try await sql.raw("ANALYZE \(ident: table)").run()
            }
        default:
            return
        }
    }
}

import Fluent
import Foundation
import JobcoachCore
import SQLKit

/// Entries of the trail with their seals, newest first, for the administrator's page.
enum AuditListing {
    struct Entry: Sendable {
        var position: Int64
        var chain: String
        /// Nil while the entry waits for its seal.
        var sequence: Int64?
        var hash: String?
        var occurredAt: String
        var actor: String
        var action: String
        var subject: String
        var details: String
    }

    static func page(on database: any Database, chain: AuditChainID?, before: Int64?, limit: Int) async throws -> [Entry] {
        let sql = try AuditSealer.sql(database)
        var conditions: [SQLQueryString] = []
        if let chain { conditions.append("e.chain_id = \(bind: chain.rawValue)") }
        if let before { conditions.append("e.position < \(bind: before)") }
        let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try await sql.raw("""
            SELECT e.position, e.chain_id, s.sequence, s.hash, e.occurred_at, e.actor, e.action, e.subject, e.details
            FROM audit_events e LEFT JOIN audit_seals s ON s.position = e.position
            \(filter) ORDER BY e.position DESC LIMIT \(literal: limit)
            """).all()
        return try rows.map { row in
            Entry(position: try row.decode(column: "position", as: Int64.self), chain: try row.decode(column: "chain_id", as: String.self),
                  sequence: try row.decode(column: "sequence", as: Int64?.self), hash: try row.decode(column: "hash", as: String?.self),
                  occurredAt: try row.decode(column: "occurred_at", as: String.self), actor: try row.decode(column: "actor", as: String.self),
                  action: try row.decode(column: "action", as: String.self), subject: try row.decode(column: "subject", as: String.self),
                  details: try row.decode(column: "details", as: String.self))
        }
    }
}

import Fluent
import Foundation
import JobcoachCore
import SQLKit

/// Writes to the audit trail. Call it with the transaction of the change it records, so that the
/// change and its entry are written together or not at all. An entry names its chain and is not
/// linked here: nothing is read and nothing waits on other writers. `AuditSealer` links it within
/// `AuditSealing.maximumMergeDelay`.
struct AuditTrail: Sendable {
    let clock: any AppClock

    func record(on database: any Database, chain: AuditChainID, actor: String, action: String, subject: String = "",
                details: [String: String] = [:]) async throws {
        try await record(on: database, chain: chain, entries: [(actor, action, subject, details)])
    }

    /// One change's many entries (an import), in order, written in batches.
    func record(on database: any Database, chain: AuditChainID,
                entries: [(actor: String, action: String, subject: String, details: [String: String])],
                batchSize: Int = 500) async throws {
        guard !entries.isEmpty else { return }
        guard let sql = database as? any SQLDatabase else { throw AuditTrailError.notSQL }
        let occurredAt = Self.timestamp(clock.now())
        var start = entries.startIndex
        while start < entries.endIndex {
            let end = min(start + batchSize, entries.endIndex)
            var insert = sql.insert(into: AuditEventRow.schema).columns("chain_id", "occurred_at", "actor", "action", "subject", "details")
            for entry in entries[start..<end] {
                insert = insert.values(SQLBind(chain.rawValue), SQLBind(occurredAt), SQLBind(entry.actor), SQLBind(entry.action),
                                       SQLBind(entry.subject), SQLBind(Self.json(entry.details)))
            }
            try await insert.run()
            start = end
        }
    }

    /// Entries of several chains, each with its own time, in one statement (`AuditReadLog`).
    static func insert(_ entries: [AuditReadLog.Entry], on database: any Database) async throws {
        guard !entries.isEmpty else { return }
        guard let sql = database as? any SQLDatabase else { throw AuditTrailError.notSQL }
        var insert = sql.insert(into: AuditEventRow.schema).columns("chain_id", "occurred_at", "actor", "action", "subject", "details")
        for entry in entries {
            insert = insert.values(SQLBind(entry.chain.rawValue), SQLBind(entry.occurredAt), SQLBind(entry.actor), SQLBind(entry.action),
                                   SQLBind(entry.subject), SQLBind(json(entry.details)))
        }
        try await insert.run()
    }

    /// UTC with milliseconds: `2026-11-22T13:05:00.123Z`.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let millis = (parts.nanosecond ?? 0) / 1_000_000
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.year!, parts.month!, parts.day!,
                      parts.hour!, parts.minute!, parts.second!, millis)
    }

    /// The instant a `timestamp` names.
    static func date(_ timestamp: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: timestamp)
    }

    static func json(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(details)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}

enum AuditTrailError: Error, CustomStringConvertible {
    case notSQL

    var description: String { "the audit trail needs an SQL database" }
}

/// Registration numbers are handed out in sequence; changes that count them take this lock first
/// (PostgreSQL; on SQLite the change runner lets one change through at a time).
enum RegisterNumbering {
    /// Any fixed number, distinct from the start-up lock.
    private static let lockKey = 7_245_001

    static func serialize(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.lockKey))").run()
        }
    }
}

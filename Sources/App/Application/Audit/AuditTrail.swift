import Fluent
import Foundation
import JobcoachCore
import SQLKit

/// Appends to the hash-chained audit trail. Call it with the transaction of the change it records,
/// so that the change and its audit entry are written together or not at all.
struct AuditTrail: Sendable {
    let clock: any AppClock

    /// Any fixed number: the key of the PostgreSQL advisory lock that orders audit appends across
    /// app instances.
    private static let lockKey = 7_245_001

    /// Orders this transaction after any other that appends to the trail (PostgreSQL; on SQLite the
    /// change runner already lets one change through at a time). Changes that hand out numbers in
    /// sequence, such as registration numbers, take it before they count.
    static func serialize(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" {
            try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: Self.lockKey))").run()
        }
    }

    @discardableResult
    func record(on database: any Database, actor: String, action: String, subject: String = "",
                details: [String: String] = [:]) async throws -> AuditEntry {
        try await Self.serialize(on: database)
        let last = try await AuditEntry.query(on: database).sort(\.$sequence, .descending).first()
        let record = AuditRecord(
            sequence: (last?.sequence ?? 0) + 1,
            occurredAt: Self.timestamp(clock.now()),
            actor: actor, action: action, subject: subject,
            details: Self.json(details),
            previousHash: last?.hash ?? AuditChain.genesisHash)
        let entry = AuditEntry(record: record, hash: AuditChain.hash(record))
        try await entry.create(on: database)
        return entry
    }

    /// One change's many entries (an import), chained in order after the last one and written in
    /// batches: one read of the chain's end instead of one per entry.
    func record(on database: any Database, entries: [(actor: String, action: String, subject: String, details: [String: String])],
                batchSize: Int = 500) async throws {
        guard !entries.isEmpty else { return }
        try await Self.serialize(on: database)
        let last = try await AuditEntry.query(on: database).sort(\.$sequence, .descending).first()
        var sequence = last?.sequence ?? 0
        var previousHash = last?.hash ?? AuditChain.genesisHash
        let occurredAt = Self.timestamp(clock.now())
        var batch: [AuditEntry] = []
        batch.reserveCapacity(batchSize)
        for entry in entries {
            sequence += 1
            let record = AuditRecord(sequence: sequence, occurredAt: occurredAt, actor: entry.actor, action: entry.action,
                                     subject: entry.subject, details: Self.json(entry.details), previousHash: previousHash)
            let hash = AuditChain.hash(record)
            batch.append(AuditEntry(record: record, hash: hash))
            previousHash = hash
            if batch.count == batchSize {
                try await batch.create(on: database)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try await batch.create(on: database)
    }

    /// Checks the whole chain in pages, oldest first; nil when intact.
    static func verify(on database: any Database, pageSize: Int = 1_000,
                       progress: (Int64) -> Void = { _ in }) async throws -> (checked: Int64, break: AuditChainBreak?) {
        var verifier = AuditChainVerifier()
        var after: Int64 = 0
        while true {
            let page = try await AuditEntry.query(on: database)
                .filter(\.$sequence > after)
                .sort(\.$sequence)
                .limit(pageSize)
                .all()
            for entry in page {
                if let broken = verifier.check(entry.record, storedHash: entry.hash) {
                    return (verifier.checked, broken)
                }
            }
            guard let last = page.last else { return (verifier.checked, nil) }
            after = last.sequence
            progress(verifier.checked)
        }
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

    static func json(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(details)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}

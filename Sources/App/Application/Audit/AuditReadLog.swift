import Fluent
import Foundation
import JobcoachCore
import Vapor

/// Writes the entries of audited reads (a client's page, a caseload, figures): each request waits
/// until its entry is committed, so nothing is shown without its entry. On SQLite, which takes one
/// writer at a time, the entries of requests that arrive together are committed in one transaction
/// (one sync of the log for all of them); on PostgreSQL each request commits its own.
actor AuditReadLog {
    struct Entry: Sendable {
        var chain: AuditChainID
        var occurredAt: String
        var actor: String
        var action: String
        var subject: String
        var details: [String: String]
    }

    private let database: @Sendable () -> any Database
    private let changes: ChangeRunner
    private let groups: Bool
    private var waiting: [(Entry, CheckedContinuation<Void, any Error>)] = []
    private var writing = false

    /// `groups`: commit the entries of requests that wait together in one transaction (SQLite).
    init(database: @escaping @Sendable () -> any Database, changes: ChangeRunner, groups: Bool) {
        self.database = database
        self.changes = changes
        self.groups = groups
    }

    func write(_ entry: Entry) async throws {
        guard groups else {
            try await changes.perform(on: database()) { db in try await AuditTrail.insert([entry], on: db) }
            return
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            waiting.append((entry, continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            // At most 500 a transaction: six parameters an entry stay within SQLite's limit.
            let batch = Array(waiting.prefix(500))
            waiting.removeFirst(batch.count)
            do {
                let entries = batch.map(\.0)
                try await changes.perform(on: database()) { db in try await AuditTrail.insert(entries, on: db) }
                for (_, continuation) in batch { continuation.resume() }
            } catch {
                for (_, continuation) in batch { continuation.resume(throwing: error) }
            }
        }
        writing = false
    }
}

extension Application {
    private struct AuditReadLogKey: StorageKey { typealias Value = AuditReadLog }

    var auditReads: AuditReadLog {
        get {
            guard let log = storage[AuditReadLogKey.self] else { fatalError("configure(_:) has not run") }
            return log
        }
        set { storage[AuditReadLogKey.self] = newValue }
    }
}

extension Request {
    /// Records a read before the data is shown: no entry, no page.
    func auditRead(chain: AuditChainID, actor: String, action: String, subject: String = "",
                   details: [String: String] = [:]) async throws {
        try await application.auditReads.write(AuditReadLog.Entry(
            chain: chain, occurredAt: AuditTrail.timestamp(clock.now()), actor: actor, action: action, subject: subject, details: details))
    }
}

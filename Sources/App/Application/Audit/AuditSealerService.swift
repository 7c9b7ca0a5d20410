import Fluent
import Foundation
import JobcoachCore
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Runs the sealer: in `serve`, every `JOBCOACH_AUDIT_SEAL_MILLISECONDS` (and a checkpoint of each
/// chain it holds every `JOBCOACH_AUDIT_CHECKPOINT_SECONDS`); in every command, once more at
/// shutdown, so that what a command wrote is sealed when it exits.
final class AuditSealerService: LifecycleHandler, Sendable {
    private let running = NIOLockedValueBox<Task<Void, Never>?>(nil)
    private let loops: Bool

    init(loops: Bool) {
        self.loops = loops
    }

    func didBootAsync(_ application: Application) async throws {
        guard loops else { return }
        let interval = application.configuration.auditSealInterval
        let task = Task { [application] in
            while !Task.isCancelled {
                do {
                    try await application.auditSealer.sealAll(on: application.db)
                    try await AuditCheckpoints.takeDue(application)
                } catch {
                    application.logger.error("audit: sealing failed: \(String(describing: error))")
                }
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            }
        }
        running.withLockedValue { $0 = task }
    }

    func shutdownAsync(_ application: Application) async {
        let task = running.withLockedValue { task in
            defer { task = nil }
            task?.cancel()
            return task
        }
        await task?.value
        do {
            guard try await Self.hasTrail(application) else { return }
            try await application.auditSealer.sealAll(on: application.db)
            try await application.auditSealer.releaseLeases(on: application.db)
        } catch {
            application.logger.error("audit: sealing at shutdown failed: \(String(describing: error))")
        }
    }
}

extension AuditSealerService {
    /// Whether there is a migrated trail to seal: a command that never opened the database (a
    /// framework check) must not create a SQLite file at its end.
    static func hasTrail(_ application: Application) async throws -> Bool {
        if case .sqliteFile(let path) = application.configuration.database, !FileManager.default.fileExists(atPath: path) {
            return false
        }
        let sql = try AuditSealer.sql(application.db)
        let query: SQLQueryString = sql.dialect.name == "sqlite"
            ? "SELECT count(*) AS found FROM sqlite_master WHERE type = 'table' AND name = 'audit_pending'"
            : "SELECT count(*) AS found FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'audit_pending'"
        return try await sql.raw(query).first()?.decode(column: "found", as: Int.self) ?? 0 > 0
    }
}

/// Signed heads of the chains, taken at an interval by the instance that seals the chain.
enum AuditCheckpoints {
    /// Takes a checkpoint of each chain this instance holds (or can take) whose head has moved on since its last
    /// checkpoint and whose last checkpoint is older than the interval (or all of them, `force`).
    @discardableResult
    static func takeDue(_ app: Application, force: Bool = false) async throws -> Int {
        let sql = try AuditSealer.sql(app.db)
        let now = app.clock.now()
        var taken = 0
        let chains = try await sql.raw("SELECT id FROM audit_chains ORDER BY id").all()
            .compactMap { AuditChainID(try $0.decode(column: "id", as: String.self)) }
        for chain in chains where try await app.auditSealer.holdLease(chain, on: app.db) {
            let head = try await AuditSealer.head(of: chain, on: sql)
            guard head.sequence > 0 else { continue }
            let last = try await sql.raw("""
                SELECT sequence, at FROM audit_checkpoints WHERE chain_id = \(bind: chain.rawValue) ORDER BY sequence DESC LIMIT 1
                """).first()
            if let last {
                if try last.decode(column: "sequence", as: Int64.self) >= head.sequence { continue }
                let at = AuditTrail.date(try last.decode(column: "at", as: String.self)) ?? .distantPast
                if !force, now.timeIntervalSince(at) < app.configuration.auditCheckpointInterval { continue }
            }
            let checkpoint = AuditCheckpoint(chain: chain, head: head, at: AuditTrail.timestamp(now))
            let issuer = try await app.credentials.issuer()
            let token = try await issuer.signCheckpoint(checkpoint)
            try await app.changes.perform(on: app.db) { db in
                try await (db as! any SQLDatabase).raw("""
                    INSERT INTO audit_checkpoints (chain_id, sequence, hash, at, kid, token)
                    VALUES (\(bind: chain.rawValue), \(bind: head.sequence), \(bind: head.hash), \(bind: checkpoint.at),
                            \(bind: issuer.currentKeyID), \(bind: token))
                    ON CONFLICT DO NOTHING
                    """).run()
            }
            taken += 1
        }
        return taken
    }

    /// Every checkpoint as one JSON line (`chain`, `sequence`, `hash`, `at`, `kid`, `token`), oldest first.
    static func export(on database: any Database) async throws -> [String] {
        let sql = try AuditSealer.sql(database)
        let rows = try await sql.raw("SELECT chain_id, sequence, hash, at, kid, token FROM audit_checkpoints ORDER BY at, chain_id").all()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try rows.map { row in
            let line = ExportedCheckpoint(chain: try row.decode(column: "chain_id", as: String.self),
                                          sequence: try row.decode(column: "sequence", as: Int64.self),
                                          hash: try row.decode(column: "hash", as: String.self),
                                          at: try row.decode(column: "at", as: String.self),
                                          kid: try row.decode(column: "kid", as: String.self),
                                          token: try row.decode(column: "token", as: String.self))
            return String(decoding: try encoder.encode(line), as: UTF8.self)
        }
    }

    /// The checkpoints of an exported file whose signatures hold; a line that does not is an error naming it.
    static func read(exported text: String, issuer: any CredentialIssuer) async throws -> [AuditCheckpoint] {
        var checkpoints: [AuditCheckpoint] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let exported = try? JSONDecoder().decode(ExportedCheckpoint.self, from: Data(trimmed.utf8)) else {
                throw ConfigurationError("line \(index + 1) is not an exported checkpoint (a JSON object with a token)")
            }
            guard let checkpoint = try? await issuer.verifiedCheckpoint(exported.token) else {
                throw ConfigurationError("line \(index + 1): the checkpoint's signature does not hold with this installation's keys")
            }
            checkpoints.append(checkpoint)
        }
        return checkpoints
    }

    struct ExportedCheckpoint: Codable {
        var chain: String
        var sequence: Int64
        var hash: String
        var at: String
        var kid: String
        var token: String
    }
}

extension Application {
    private struct AuditSealerKey: StorageKey { typealias Value = AuditSealer }

    var auditSealer: AuditSealer {
        get {
            guard let sealer = storage[AuditSealerKey.self] else { fatalError("configure(_:) has not run") }
            return sealer
        }
        set { storage[AuditSealerKey.self] = newValue }
    }
}

import Crypto
import Fluent
import Foundation
import JobcoachCore
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Links the entries that requests wrote into their chains, oldest first, in batches of one
/// transaction each: the seals are appended and the entries leave `audit_pending` together, so a
/// batch cut off by a crash is sealed again from the start and nothing is sealed twice (a seal's
/// position is unique). One instance seals a chain at a time: it holds the chain's lease in
/// `audit_chains`, and on PostgreSQL each batch also takes the chain's advisory lock.
struct AuditSealer: Sendable {
    /// `host:pid:random`, written into each seal and lease.
    let instance: String
    /// The application's clock, read when used (tests set it after configuration).
    let now: @Sendable () -> Date
    let changes: ChangeRunner
    let batchSize: Int
    /// How long a lease lasts without renewal; another instance takes the chain over after it.
    let leaseSeconds: TimeInterval
    /// The leases this instance holds, until when.
    private let leases = NIOLockedValueBox<[AuditChainID: Date]>([:])

    init(instance: String, now: @escaping @Sendable () -> Date, changes: ChangeRunner, batchSize: Int = 500, leaseSeconds: TimeInterval = 5) {
        self.instance = instance
        self.now = now
        self.changes = changes
        self.batchSize = batchSize
        self.leaseSeconds = leaseSeconds
    }

    /// The chains this instance holds now.
    var heldChains: [AuditChainID] {
        let moment = now()
        return leases.withLockedValue { $0.filter { $0.value > moment }.keys.sorted() }
    }

    static func instanceName() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(6).lowercased())"
    }

    /// The chains with entries waiting for their seal.
    func pendingChains(on database: any Database) async throws -> [AuditChainID] {
        let sql = try Self.sql(database)
        return try await sql.raw("SELECT DISTINCT chain_id FROM audit_pending").all()
            .compactMap { AuditChainID(try $0.decode(column: "chain_id", as: String.self)) }.sorted()
    }

    /// Seals everything pending in the chains this instance holds (or can take); the number sealed.
    @discardableResult
    func sealAll(on database: any Database) async throws -> Int {
        var sealed = 0
        for chain in try await pendingChains(on: database) where try await holdLease(chain, on: database) {
            while true {
                let count = try await sealBatch(chain, on: database)
                sealed += count
                if count < batchSize { break }
            }
        }
        return sealed
    }

    /// Takes or renews the chain's lease; false when another instance holds it. A lease with more
    /// than half its time left is not renewed.
    func holdLease(_ chain: AuditChainID, on database: any Database) async throws -> Bool {
        let moment = now()
        if let until = leases.withLockedValue({ $0[chain] }), until.timeIntervalSince(moment) > leaseSeconds / 2 { return true }
        let until = moment.addingTimeInterval(leaseSeconds)
        let taken: Bool = try await changes.perform(on: database) { [instance] db in
            let sql = db as! any SQLDatabase
            try await sql.raw("INSERT INTO audit_chains (id) VALUES (\(bind: chain.rawValue)) ON CONFLICT DO NOTHING").run()
            let rows = try await sql.raw("""
                UPDATE audit_chains SET lease_holder = \(bind: instance), lease_until = \(bind: AuditTrail.timestamp(until))
                WHERE id = \(bind: chain.rawValue)
                  AND (lease_holder IS NULL OR lease_holder = \(bind: instance) OR lease_until < \(bind: AuditTrail.timestamp(moment)))
                RETURNING id
                """).all()
            return !rows.isEmpty
        }
        leases.withLockedValue { $0[chain] = taken ? until : nil }
        return taken
    }

    /// Gives up this instance's leases (at shutdown), so that another takes over at once.
    func releaseLeases(on database: any Database) async throws {
        leases.withLockedValue { $0 = [:] }
        try await changes.perform(on: database) { db in
            try await (db as! any SQLDatabase).raw("""
                UPDATE audit_chains SET lease_holder = NULL, lease_until = NULL WHERE lease_holder = \(bind: instance)
                """).run()
        }
    }

    /// One batch of one chain in one transaction; the number sealed.
    func sealBatch(_ chain: AuditChainID, on database: any Database) async throws -> Int {
        let sealedAt = AuditTrail.timestamp(now())
        return try await changes.perform(on: database) { [batchSize, instance] db in
            let sql = db as! any SQLDatabase
            if sql.dialect.name != "sqlite" {
                let locked = try await sql.raw("SELECT pg_try_advisory_xact_lock(\(literal: Self.lockKey(chain))) AS locked").first()
                guard try locked?.decode(column: "locked", as: Bool.self) == true else { return 0 }
            }
            let head = try await Self.head(of: chain, on: sql)
            let rows = try await sql.raw("""
                SELECT e.position, e.occurred_at, e.actor, e.action, e.subject, e.details
                FROM audit_pending p JOIN audit_events e ON e.position = p.position
                WHERE p.chain_id = \(bind: chain.rawValue) ORDER BY p.position LIMIT \(literal: batchSize)
                """).all()
            guard !rows.isEmpty else { return 0 }
            let events = try rows.map { row in
                AuditEvent(position: try row.decode(column: "position", as: Int64.self), chain: chain,
                           occurredAt: try row.decode(column: "occurred_at", as: String.self),
                           actor: try row.decode(column: "actor", as: String.self),
                           action: try row.decode(column: "action", as: String.self),
                           subject: try row.decode(column: "subject", as: String.self),
                           details: try row.decode(column: "details", as: String.self))
            }
            let (seals, _) = AuditSealing.seal(events, after: head)
            var insert = sql.insert(into: AuditSealRow.schema)
                .columns("chain_id", "sequence", "position", "previous_hash", "hash", "sealed_at", "sealed_by")
            for seal in seals {
                insert = insert.values(SQLBind(chain.rawValue), SQLBind(seal.sequence), SQLBind(seal.position),
                                       SQLBind(seal.previousHash), SQLBind(seal.hash), SQLBind(sealedAt), SQLBind(instance))
            }
            try await insert.run()
            try await sql.delete(from: "audit_pending")
                .where(SQLColumn("position"), .in, SQLBind.group(seals.map(\.position)))
                .run()
            return seals.count
        }
    }

    /// The chain's last seal, or the empty head.
    static func head(of chain: AuditChainID, on sql: any SQLDatabase) async throws -> AuditChainHead {
        guard let row = try await sql.raw("""
            SELECT sequence, hash FROM audit_seals WHERE chain_id = \(bind: chain.rawValue) ORDER BY sequence DESC LIMIT 1
            """).first() else { return .empty }
        return AuditChainHead(sequence: try row.decode(column: "sequence", as: Int64.self), hash: try row.decode(column: "hash", as: String.self))
    }

    /// A chain's advisory lock key: the first 8 bytes of the SHA-256 of its name.
    static func lockKey(_ chain: AuditChainID) -> Int64 {
        let digest = Array(SHA256.hash(data: Data(("audit-seal:" + chain.rawValue).utf8)))
        return digest.prefix(8).reduce(Int64(0)) { ($0 << 8) | Int64($1) }
    }

    static func sql(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { throw AuditTrailError.notSQL }
        return sql
    }
}

import Fluent
import Foundation
import JobcoachCore
import SQLKit

/// What `audit verify` found in one chain.
struct AuditChainReport: Sendable {
    var chain: AuditChainID
    /// Sealed entries checked, in sequence order.
    var checked: Int64 = 0
    var head: AuditChainHead = .empty
    var broken: AuditChainBreak?
    /// Entries written but not yet sealed, and those of them that have waited past the bound.
    var unsealed = 0
    var overdue = 0
    var oldestUnsealed: String?
    var checkpointsHeld = 0
    var problems: [String] = []

    var intact: Bool { broken == nil && overdue == 0 && problems.isEmpty }
}

/// Walks each chain's seals in sequence order with their entries (in pages, so millions of entries
/// need no memory), then the entries still waiting for a seal, then the checkpoints stored with the
/// trail and any kept elsewhere (`against`).
enum AuditVerification {
    /// Every chain that has an entry or a seal (reads both tables through).
    static func chains(on database: any Database) async throws -> [AuditChainID] {
        try await chainIDs("SELECT chain_id FROM audit_events UNION SELECT chain_id FROM audit_seals", on: database)
    }

    /// The chains a sealer has taken on and those with entries waiting: cheap, for a page's list.
    static func knownChains(on database: any Database) async throws -> [AuditChainID] {
        try await chainIDs("SELECT id AS chain_id FROM audit_chains UNION SELECT chain_id FROM audit_pending", on: database)
    }

    private static func chainIDs(_ query: String, on database: any Database) async throws -> [AuditChainID] {
        let rows = try await AuditSealer.sql(database).raw("\(unsafeRaw: query)").all()
        return try rows.compactMap { AuditChainID(try $0.decode(column: "chain_id", as: String.self)) }.sorted()
    }

    static func verify(_ only: AuditChainID? = nil, on database: any Database, now: Date, issuer: (any CredentialIssuer)?,
                       against external: [AuditCheckpoint] = [], pageSize: Int = 1_000,
                       progress: @Sendable (Int64) -> Void = { _ in }) async throws -> [AuditChainReport] {
        let chains: [AuditChainID]
        if let only { chains = [only] } else { chains = try await self.chains(on: database) }
        var reports: [AuditChainReport] = []
        var total: Int64 = 0
        for chain in chains {
            let report = try await verify(chain, on: database, now: now, issuer: issuer, against: external, pageSize: pageSize) { checked in
                progress(total + checked)
            }
            total += report.checked
            reports.append(report)
        }
        return reports
    }

    private static func verify(_ chain: AuditChainID, on database: any Database, now: Date, issuer: (any CredentialIssuer)?,
                               against external: [AuditCheckpoint], pageSize: Int,
                               progress: (Int64) -> Void) async throws -> AuditChainReport {
        let sql = try AuditSealer.sql(database)
        var report = AuditChainReport(chain: chain)

        // The checkpoints: those stored with the trail (their signatures checked) and those kept elsewhere.
        var checkpoints = external.filter { $0.chain == chain.rawValue }
        let stored = try await sql.raw("""
            SELECT sequence, hash, at, token FROM audit_checkpoints WHERE chain_id = \(bind: chain.rawValue) ORDER BY sequence
            """).all()
        for row in stored {
            let checkpoint = AuditCheckpoint(chain: chain, head: AuditChainHead(sequence: try row.decode(column: "sequence", as: Int64.self),
                                                                                hash: try row.decode(column: "hash", as: String.self)),
                                             at: try row.decode(column: "at", as: String.self))
            if let issuer {
                let signed = try? await issuer.verifiedCheckpoint(try row.decode(column: "token", as: String.self))
                if signed != checkpoint {
                    report.problems.append("the checkpoint of \(checkpoint.at) at entry \(checkpoint.sequence) is not signed by this installation's key")
                    continue
                }
            }
            checkpoints.append(checkpoint)
        }
        if chain == .installation, let legacy = try await legacyHead(on: database) {
            // The table the first chain was copied from still holds it as written.
            switch legacy {
            case .success(let head): checkpoints.append(AuditCheckpoint(chain: chain, head: head, at: "audit_entries"))
            case .failure(let broken): report.problems.append("audit_entries: \(broken.reason)")
            }
        }
        let wanted = Set(checkpoints.map(\.sequence))
        var hashes: [Int64: String] = [:]

        var verifier = AuditChainVerifier(chain: chain)
        var after: Int64 = 0
        walk: while true {
            let page = try await sql.raw("""
                SELECT s.sequence, s.previous_hash, s.hash, e.chain_id, e.occurred_at, e.actor, e.action, e.subject, e.details
                FROM audit_seals s LEFT JOIN audit_events e ON e.position = s.position
                WHERE s.chain_id = \(bind: chain.rawValue) AND s.sequence > \(bind: after) ORDER BY s.sequence LIMIT \(literal: pageSize)
                """).all()
            for row in page {
                let sequence = try row.decode(column: "sequence", as: Int64.self)
                let hash = try row.decode(column: "hash", as: String.self)
                guard let chainName = try row.decode(column: "chain_id", as: String?.self),
                      let entryChain = AuditChainID(chainName) else {
                    report.broken = AuditChainBreak(sequence: sequence, reason: "entry \(sequence) has a seal but its record is gone")
                    break walk
                }
                let record = AuditRecord(chain: entryChain, sequence: sequence,
                                         occurredAt: try row.decode(column: "occurred_at", as: String.self),
                                         actor: try row.decode(column: "actor", as: String.self),
                                         action: try row.decode(column: "action", as: String.self),
                                         subject: try row.decode(column: "subject", as: String.self),
                                         details: try row.decode(column: "details", as: String.self),
                                         previousHash: try row.decode(column: "previous_hash", as: String.self))
                if let broken = verifier.check(record, storedHash: hash) {
                    report.broken = broken
                    break walk
                }
                if wanted.contains(sequence) { hashes[sequence] = hash }
                after = sequence
            }
            progress(verifier.checked)
            if page.count < pageSize { break }
        }
        report.checked = verifier.checked
        report.head = verifier.head

        if report.broken == nil {
            for checkpoint in checkpoints {
                if let problem = checkpoint.problem(chainLength: report.head.sequence, hashAtSequence: hashes[checkpoint.sequence]) {
                    report.problems.append(problem)
                } else {
                    report.checkpointsHeld += 1
                }
            }
        }

        let unsealed = try await sql.raw("""
            SELECT e.occurred_at FROM audit_events e LEFT JOIN audit_seals s ON s.position = e.position
            WHERE e.chain_id = \(bind: chain.rawValue) AND s.position IS NULL ORDER BY e.position
            """).all().map { try $0.decode(column: "occurred_at", as: String.self) }
        report.unsealed = unsealed.count
        report.oldestUnsealed = unsealed.min()
        report.overdue = unsealed.filter { written in
            AuditTrail.date(written).map { AuditSealing.isOverdue(writtenAt: $0, now: now) } ?? true
        }.count
        return report
    }

    /// The head of `audit_entries`, the first chain as it was written, or where it breaks; nil when empty.
    private static func legacyHead(on database: any Database) async throws -> Result<AuditChainHead, AuditChainBreak>? {
        var verifier = AuditChainVerifier(chain: .installation)
        var after: Int64 = 0
        while true {
            let page = try await AuditEntry.query(on: database).filter(\.$sequence > after).sort(\.$sequence).limit(1_000).all()
            for entry in page {
                if let broken = verifier.check(entry.record, storedHash: entry.hash) { return .failure(broken) }
                after = entry.sequence
            }
            if page.count < 1_000 { break }
        }
        return verifier.checked == 0 ? nil : .success(verifier.head)
    }
}

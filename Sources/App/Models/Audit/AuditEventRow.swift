import Fluent
import Foundation
import JobcoachCore

/// One entry of the audit trail as the request's transaction wrote it. Its seal (`AuditSealRow`)
/// follows within `AuditSealing.maximumMergeDelay`. Triggers refuse updates and deletes.
final class AuditEventRow: Model, @unchecked Sendable {
    static let schema = "audit_events"

    /// The order of writing, across chains.
    @ID(custom: "position", generatedBy: .database) var id: Int64?
    @Field(key: "chain_id") var chainID: String
    @Field(key: "occurred_at") var occurredAt: String
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "subject") var subject: String
    @Field(key: "details") var details: String

    init() {}

    var event: AuditEvent? {
        guard let id, let chain = AuditChainID(chainID) else { return nil }
        return AuditEvent(position: id, chain: chain, occurredAt: occurredAt, actor: actor, action: action,
                          subject: subject, details: details)
    }
}

/// An entry's place in its chain and the hashes that link it, appended by the sealer.
final class AuditSealRow: Model, @unchecked Sendable {
    static let schema = "audit_seals"

    /// The event it seals.
    @ID(custom: "position", generatedBy: .user) var id: Int64?
    @Field(key: "chain_id") var chainID: String
    @Field(key: "sequence") var sequence: Int64
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String
    @Field(key: "sealed_at") var sealedAt: String
    /// The instance that sealed it (`host:pid:random`), or `migration`.
    @Field(key: "sealed_by") var sealedBy: String

    init() {}

    var seal: AuditSeal? {
        id.map { AuditSeal(position: $0, sequence: sequence, previousHash: previousHash, hash: hash) }
    }
}

/// A chain's head, signed with the installation's key (`token`, a JWS with `kid`).
final class AuditCheckpointRow: Model, @unchecked Sendable {
    static let schema = "audit_checkpoints"

    @ID(custom: "sequence", generatedBy: .user) var id: Int64?
    @Field(key: "chain_id") var chainID: String
    @Field(key: "hash") var hash: String
    @Field(key: "at") var at: String
    @Field(key: "kid") var kid: String
    @Field(key: "token") var token: String

    init() {}
}

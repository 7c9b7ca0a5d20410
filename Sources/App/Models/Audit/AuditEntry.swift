import Fluent
import Foundation
import JobcoachCore

/// One row of the first chain, `installation`, as it was written before entries named their chain
/// (migration 017 copied it into `audit_events` and `audit_seals`, where it is read). Triggers
/// refuse updates and deletes; `audit verify` checks that it still matches the copy.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "sequence") var sequence: Int64
    @Field(key: "occurred_at") var occurredAt: String
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "subject") var subject: String
    @Field(key: "details") var details: String
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}

    init(record: AuditRecord, hash: String) {
        self.sequence = record.sequence
        self.occurredAt = record.occurredAt
        self.actor = record.actor
        self.action = record.action
        self.subject = record.subject
        self.details = record.details
        self.previousHash = record.previousHash
        self.hash = hash
    }

    var record: AuditRecord {
        AuditRecord(sequence: sequence, occurredAt: occurredAt, actor: actor, action: action,
                    subject: subject, details: details, previousHash: previousHash)
    }
}

import Foundation

/// The last sealed entry of a chain: where the next seal links on.
public struct AuditChainHead: Hashable, Sendable, Codable {
    public var sequence: Int64
    public var hash: String

    public static let empty = AuditChainHead(sequence: 0, hash: AuditChain.genesisHash)

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }
}

/// An entry as the request's transaction wrote it: durable, in its chain, not yet linked.
public struct AuditEvent: Hashable, Sendable {
    /// Its place in the order of writing (across chains); seals follow it within a chain.
    public var position: Int64
    public var chain: AuditChainID
    public var occurredAt: String
    public var actor: String
    public var action: String
    public var subject: String
    public var details: String

    public init(position: Int64, chain: AuditChainID, occurredAt: String, actor: String, action: String, subject: String,
                details: String) {
        self.position = position
        self.chain = chain
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
    }

    func record(sequence: Int64, previousHash: String) -> AuditRecord {
        AuditRecord(chain: chain, sequence: sequence, occurredAt: occurredAt, actor: actor, action: action,
                    subject: subject, details: details, previousHash: previousHash)
    }
}

/// The link a sealer adds to an entry: its sequence in the chain and the hashes.
public struct AuditSeal: Hashable, Sendable {
    public var position: Int64
    public var sequence: Int64
    public var previousHash: String
    public var hash: String

    public init(position: Int64, sequence: Int64, previousHash: String, hash: String) {
        self.position = position
        self.sequence = sequence
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// How entries written without a link are sealed: in the order they were written, after the
/// chain's head, within a bound on the delay (Certificate Transparency's "maximum merge delay").
public enum AuditSealing {
    /// The longest an entry may wait for its seal, in seconds.
    public static let maximumMergeDelay: TimeInterval = 1

    /// Seals `events` (of one chain, in order of writing) after `head`.
    public static func seal(_ events: [AuditEvent], after head: AuditChainHead) -> (seals: [AuditSeal], head: AuditChainHead) {
        var head = head
        var seals: [AuditSeal] = []
        seals.reserveCapacity(events.count)
        for event in events {
            let record = event.record(sequence: head.sequence + 1, previousHash: head.hash)
            let hash = AuditChain.hash(record)
            seals.append(AuditSeal(position: event.position, sequence: record.sequence, previousHash: head.hash, hash: hash))
            head = AuditChainHead(sequence: record.sequence, hash: hash)
        }
        return (seals, head)
    }

    /// The sealed entry as a verifier reads it back.
    public static func record(_ event: AuditEvent, _ seal: AuditSeal) -> AuditRecord {
        event.record(sequence: seal.sequence, previousHash: seal.previousHash)
    }

    /// Whether an entry written at `writtenAt` and still unsealed at `now` has waited past the bound.
    public static func isOverdue(writtenAt: Date, now: Date, bound: TimeInterval = maximumMergeDelay) -> Bool {
        now.timeIntervalSince(writtenAt) > bound
    }
}

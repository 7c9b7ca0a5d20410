/// Walks an audit trail in sequence order, one entry at a time (so millions of entries need no
/// memory), and stops at the first entry that does not fit.
public struct AuditChainVerifier: Sendable {
    public let chain: AuditChainID
    public private(set) var checked: Int64 = 0
    private var expectedSequence: Int64 = 1
    private var expectedPreviousHash = AuditChain.genesisHash

    public init(chain: AuditChainID = .installation) {
        self.chain = chain
    }

    /// The hash of the last entry checked: the chain's head so far.
    public var head: AuditChainHead { AuditChainHead(sequence: checked, hash: expectedPreviousHash) }

    /// Checks the next stored entry; returns the break, or nil when it fits.
    public mutating func check(_ record: AuditRecord, storedHash: String) -> AuditChainBreak? {
        if record.chain != chain {
            return AuditChainBreak(sequence: record.sequence, reason: "entry \(record.sequence) names the chain \(record.chain), not \(chain)")
        }
        if record.sequence != expectedSequence {
            return AuditChainBreak(sequence: record.sequence, reason: record.sequence > expectedSequence
                ? "entry \(expectedSequence) is missing (found \(record.sequence) after \(expectedSequence - 1))"
                : "entry \(record.sequence) appears out of order (expected \(expectedSequence))")
        }
        if record.previousHash != expectedPreviousHash {
            return AuditChainBreak(sequence: record.sequence,
                                   reason: "entry \(record.sequence) does not link to the entry before it")
        }
        if AuditChain.hash(record) != storedHash {
            return AuditChainBreak(sequence: record.sequence,
                                   reason: "entry \(record.sequence) was changed after it was written (its hash does not match)")
        }
        checked += 1
        expectedSequence += 1
        expectedPreviousHash = storedHash
        return nil
    }
}

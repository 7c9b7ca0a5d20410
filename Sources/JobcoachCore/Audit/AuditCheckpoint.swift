/// A chain's head at a moment, signed by the installation and kept apart from the chain: a chain cut
/// short or rewritten after it no longer holds this entry with this hash.
public struct AuditCheckpoint: Hashable, Sendable, Codable {
    public var chain: String
    public var sequence: Int64
    public var hash: String
    /// UTC, ISO 8601 with milliseconds.
    public var at: String

    public init(chain: AuditChainID, head: AuditChainHead, at: String) {
        self.chain = chain.rawValue
        self.sequence = head.sequence
        self.hash = head.hash
        self.at = at
    }

    /// What is wrong with the chain against this checkpoint, given the chain's length and the hash
    /// it holds at the checkpoint's sequence; nil when the chain still holds the checkpoint.
    public func problem(chainLength: Int64, hashAtSequence: String?) -> String? {
        guard sequence > 0 else { return nil }
        if chainLength < sequence {
            return "the chain \(chain) ends at entry \(chainLength), but the checkpoint of \(at) saw it at entry \(sequence): entries were removed"
        }
        if hashAtSequence != hash {
            return "entry \(sequence) of the chain \(chain) differs from the checkpoint of \(at): the chain was rewritten"
        }
        return nil
    }
}

import Crypto
import Foundation

/// The hash chain of the audit trail: how an entry's hash is made and how a chain is checked.
public enum AuditChain {
    /// The "previous hash" of the first entry.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// SHA-256 over the fields, each prefixed by its length in bytes so that no two different
    /// records can produce the same input. The chain's name comes first, so that an entry cannot be
    /// moved to another chain.
    public static func hash(_ record: AuditRecord) -> String {
        let fields = (record.chain.hashesItsName ? [record.chain.rawValue] : [])
            + [String(record.sequence), record.occurredAt, record.actor, record.action, record.subject, record.details,
               record.previousHash]
        let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return SHA256.hash(data: Data(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

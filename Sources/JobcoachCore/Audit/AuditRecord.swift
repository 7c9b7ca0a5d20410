/// The content of one audit trail entry, as hashed. The hash covers every field and the previous
/// entry's hash, so changing, removing or reordering any entry breaks the chain from there on.
public struct AuditRecord: Hashable, Sendable {
    /// The chain it belongs to; the hash covers its name (but for the first chain's entries).
    public var chain: AuditChainID
    /// 1, 2, 3, ... without gaps, per chain.
    public var sequence: Int64
    /// UTC, ISO 8601 with milliseconds: the exact text that was hashed.
    public var occurredAt: String
    /// Who did it: a user id, or a description such as "system" or an e-mail for failed logins.
    public var actor: String
    /// What happened, e.g. `login`, `login.failed`, `user.role-changed`.
    public var action: String
    /// What it happened to, e.g. `user:<id>`; empty when nothing in particular.
    public var subject: String
    /// Further facts as compact JSON (no secrets, no passwords).
    public var details: String
    public var previousHash: String

    public init(chain: AuditChainID = .installation, sequence: Int64, occurredAt: String, actor: String, action: String,
                subject: String, details: String, previousHash: String) {
        self.chain = chain
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
        self.previousHash = previousHash
    }
}

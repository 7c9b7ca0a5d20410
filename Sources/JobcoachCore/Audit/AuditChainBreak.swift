/// The first place where an audit trail is not intact.
public struct AuditChainBreak: Hashable, Sendable, Error, CustomStringConvertible {
    public var sequence: Int64
    public var reason: String

    public init(sequence: Int64, reason: String) {
        self.sequence = sequence
        self.reason = reason
    }

    public var description: String { reason }
}

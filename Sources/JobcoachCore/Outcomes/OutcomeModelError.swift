/// The data cannot carry the computation, for a reason the caller can read (too few clients, no
/// difference in outcomes).
public struct OutcomeModelError: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

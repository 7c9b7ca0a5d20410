/// What one criterion does to a result.
public enum MatchEffect: String, Codable, Sendable {
    /// Counts for the workplace.
    case plus
    /// Counts against it, without ruling it out.
    case minus
    /// Rules it out.
    case blocks
}

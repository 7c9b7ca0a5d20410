/// A limit on how many points some categories together may contribute in one period
/// (for example: at most 20 points from intervision and literature).
public struct CPDCap: Hashable, Codable, Sendable {
    public var categories: [String]
    public var maximumPoints: Double
}

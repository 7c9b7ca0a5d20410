/// The cheap part of a result, worked out for every workplace before the best few are explained:
/// no texts, only numbers.
public struct MatchAssessment: Hashable, Sendable {
    public var fit: MatchFit
    public var score: Int
    public var distanceKm: Double?
    /// How well the occupation matches (see `OccupationLevel`).
    var occupation: OccupationLevel
    var skillsCovered: Int
    var needsOffered: Int
}

/// One workplace's result for one client, with the explanation criterion by criterion.
public struct MatchResult: Hashable, Codable, Sendable {
    public var workplace: String
    public var fit: MatchFit
    /// 0-100: the share of the points for occupation, skills and needs that this workplace earns.
    public var score: Int
    /// Demand ids the client cannot work with that the employer marked adjustable.
    public var adjustmentsNeeded: [String]
    public var distanceKm: Double?
    public var reasons: [MatchReason]

    private enum CodingKeys: String, CodingKey {
        case workplace, fit, score, adjustmentsNeeded, distanceKm, reasons
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workplace, forKey: .workplace)
        try container.encode(fit, forKey: .fit)
        try container.encode(score, forKey: .score)
        try container.encode(adjustmentsNeeded, forKey: .adjustmentsNeeded)
        // One decimal is all a travel distance needs.
        try container.encodeIfPresent(distanceKm.map { ($0 * 10).rounded() / 10 }, forKey: .distanceKm)
        try container.encode(reasons, forKey: .reasons)
    }
}

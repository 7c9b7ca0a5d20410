/// The verdict on one workplace for one client, in the order results are shown.
public enum MatchFit: String, Codable, Sendable, Comparable {
    case match
    case matchWithAdjustments = "match-with-adjustments"
    case noMatch = "no-match"

    var rank: Int {
        switch self {
        case .match: 0
        case .matchWithAdjustments: 1
        case .noMatch: 2
        }
    }

    public static func < (lhs: MatchFit, rhs: MatchFit) -> Bool { lhs.rank < rhs.rank }

    public var title: LocalizedText {
        switch self {
        case .match: LocalizedText(nl: "Match", en: "Match")
        case .matchWithAdjustments: LocalizedText(nl: "Match met aanpassingen", en: "Match with adjustments")
        case .noMatch: LocalizedText(nl: "Geen match", en: "No match")
        }
    }
}

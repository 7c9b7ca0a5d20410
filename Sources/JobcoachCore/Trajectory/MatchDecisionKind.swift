/// The coach's decision on a workplace: the engine advises, the coach decides and says why.
public enum MatchDecisionKind: String, CaseIterable, Codable, Sendable {
    case match
    case noMatch = "no-match"

    public var title: LocalizedText {
        switch self {
        case .match: LocalizedText(nl: "Wel een match", en: "A match")
        case .noMatch: LocalizedText(nl: "Geen match", en: "No match")
        }
    }
}

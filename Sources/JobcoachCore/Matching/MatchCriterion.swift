/// The criteria of matching, in the order they are explained.
public enum MatchCriterion: String, Codable, Sendable, CaseIterable {
    case demands
    case hours
    case distance
    case occupation
    case skills
    case needs

    public var title: LocalizedText {
        switch self {
        case .demands: LocalizedText(nl: "Eisen van het werk", en: "Demands of the job")
        case .hours: LocalizedText(nl: "Uren per week", en: "Hours per week")
        case .distance: LocalizedText(nl: "Reisafstand", en: "Travel distance")
        case .occupation: LocalizedText(nl: "Gewenst beroep", en: "Desired occupation")
        case .skills: LocalizedText(nl: "Vaardigheden", en: "Skills")
        case .needs: LocalizedText(nl: "Wat de cliënt nodig heeft", en: "What the client needs")
        }
    }
}

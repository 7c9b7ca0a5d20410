/// With whom a support contact was: the client, the employer (or the colleague who takes over), or both.
public enum SupportParty: String, CaseIterable, Codable, Sendable {
    case client
    case employer
    case both

    public var title: LocalizedText {
        switch self {
        case .client: LocalizedText(nl: "Cliënt", en: "Client")
        case .employer: LocalizedText(nl: "Werkgever", en: "Employer")
        case .both: LocalizedText(nl: "Cliënt en werkgever samen", en: "Client and employer together")
        }
    }
}

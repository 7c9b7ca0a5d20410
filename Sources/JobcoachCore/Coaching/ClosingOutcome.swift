/// How a trajectory ended. Supported Employment counts paid work in the regular labour market as the
/// outcome; the other endings are recorded honestly so they can be counted too.
public enum ClosingOutcome: String, CaseIterable, Codable, Sendable {
    case paidJob = "paid-job"
    case education
    case otherActivity = "other-activity"
    case noJob = "no-job"
    case droppedOut = "dropped-out"

    public var isPaidJob: Bool { self == .paidJob }

    public var title: LocalizedText {
        switch self {
        case .paidJob: LocalizedText(nl: "Betaald werk bij een reguliere werkgever", en: "Paid work with a regular employer")
        case .education: LocalizedText(nl: "Opleiding", en: "Education")
        case .otherActivity: LocalizedText(nl: "Andere dagbesteding of vrijwilligerswerk", en: "Other day activity or volunteering")
        case .noJob: LocalizedText(nl: "Geen werk gevonden", en: "No job found")
        case .droppedOut: LocalizedText(nl: "Gestopt op eigen verzoek", en: "Stopped at the client's request")
        }
    }
}

/// Who pays for a trajectory.
public enum CommissionerKind: String, CaseIterable, Codable, Sendable {
    case benefitsAgency = "benefits-agency"
    case municipality
    case insurer
    case employer
    case other

    public var title: LocalizedText {
        switch self {
        case .benefitsAgency: LocalizedText(nl: "Uitkeringsinstantie (zoals UWV)", en: "Benefits agency (such as UWV)")
        case .municipality: LocalizedText(nl: "Gemeente", en: "Municipality")
        case .insurer: LocalizedText(nl: "Verzekeraar", en: "Insurer")
        case .employer: LocalizedText(nl: "Werkgever", en: "Employer")
        case .other: LocalizedText(nl: "Anders", en: "Other")
        }
    }
}
